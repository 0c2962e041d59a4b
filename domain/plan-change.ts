// A change of a plan's process that the read model must show, as the plan workflow queues
// it (in order) and as persistence/plan-projection.ts writes it.
import type { VoteEvent } from './deliberation';
import type { PlanSubmission, PlanTransition } from './plan-transition';
import type { TaskEvent } from './review-task';

export type PlanChangeItem =
  { kind: 'transition'; transition: PlanTransition; submission?: PlanSubmission } | { kind: 'task'; event: TaskEvent } | { kind: 'vote'; event: VoteEvent };

/** The workflow's status at one projection version (a workflow-side sequence number that only grows). */
export interface PlanStatusSnapshot<Status = unknown> {
  version: number;
  status: Status;
  /** ISO instant the workflow took it. */
  at: string;
}
