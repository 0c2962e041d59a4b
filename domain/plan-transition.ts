// A plan's moves between stages and the submission that starts a review: the facts the
// plan's process records and the read model, audit trail and history show.
import type { PlanContent } from './plan-content';
import type { ReferenceFacts } from './plan-rules';
import type { PlanStage } from './plan-stage';

/** The content of one revision as its officer submitted it. */
export interface PlanSubmission {
  revision: number;
  /** The draft version the content was read at. */
  draftVersion: number;
  content: PlanContent;
  /** The reference data the content was checked against, so the validator checks the same. */
  facts: ReferenceFacts;
  submittedBy: string;
  /** The submitting user: they never decide on their own plan. */
  submitterId: string;
}

export const TransitionAction = {
  SUBMIT: 'SUBMIT',
  APPROVE: 'APPROVE',
  RETURN_FOR_REVISION: 'RETURN_FOR_REVISION',
  REJECT: 'REJECT',
  SYNC_DOCUMENTS: 'SYNC_DOCUMENTS',
  WITHDRAW: 'WITHDRAW',
} as const;
export type TransitionAction = (typeof TransitionAction)[keyof typeof TransitionAction];

export interface PlanTransition {
  /** 1, 2, 3… in the order the workflow took them. */
  sequence: number;
  fromStage: PlanStage;
  toStage: PlanStage;
  action: TransitionAction;
  /** The revision the action concerned. */
  revision: number;
  /** The plan's revision afterwards: one more than `revision` after a return. */
  resultingRevision: number;
  actor: string;
  /** The acting user's id (absent for the system's own moves). */
  actorId?: string;
  comment?: string;
  /** ISO-8601 instant, from the workflow clock. */
  occurredAt: string;
  /** Id of the Update that caused it, so a retried request can be recognised. */
  requestId?: string;
  /** A rejection's ground (eligibility screen). */
  reasonCode?: string;
}
