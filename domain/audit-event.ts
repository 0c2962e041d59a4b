import type { PlanStage } from './plan-stage';

/** One entry of the append-only audit trail: who, in which role, did what, when. */
export interface AuditEventInput {
  actorId: string | null;
  actorName: string;
  actorRole?: string;
  /** e.g. PLAN_CREATED, PLAN_EDITED, PLAN_SUBMITTED, TASK_CLAIMED, DECISION_APPROVE. */
  action: string;
  planId?: string;
  entity: string;
  entityId?: string;
  fromStage?: PlanStage;
  toStage?: PlanStage;
  before?: unknown;
  after?: unknown;
  details?: unknown;
  /** Instant of the action; defaults to now. */
  occurredAt?: Date;
  /** Set where the action may be recorded twice (a retried projection): the second is ignored. */
  dedupeKey?: string;
}
