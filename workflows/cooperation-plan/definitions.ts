// The contract of the cooperation plan workflow: the only file of workflows/ that
// the API and tests import.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { PlanContent } from '../../domain/plan-content';
import type { ReferenceFacts } from '../../domain/plan-rules';
import type { PlanStage } from '../../domain/plan-stage';
import type { ReviewDecision } from '../../domain/review-decision';

export const PLAN_TASK_QUEUE = 'cooperation-plans';
export const PLAN_WORKFLOW_TYPE = 'cooperationPlanWorkflow';

/** One workflow per plan: the id is derived, so a repeated trigger finds the same one. */
export function planWorkflowId(planId: string): string {
  return `cooperation-plan-${planId}`;
}

export interface PlanWorkflowInput {
  planId: string;
}

/** The content of one revision as its officer submitted it. */
export interface PlanSubmission {
  revision: number;
  /** The draft version the content was read at. */
  draftVersion: number;
  content: PlanContent;
  /** The reference data the content was checked against, so the validator checks the same. */
  facts: ReferenceFacts;
  submittedBy: string;
}

export const TransitionAction = {
  SUBMIT: 'SUBMIT',
  APPROVE: 'APPROVE',
  RETURN_FOR_REVISION: 'RETURN_FOR_REVISION',
  REJECT: 'REJECT',
  SYNC_DOCUMENTS: 'SYNC_DOCUMENTS',
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
  comment?: string;
  /** ISO-8601 instant, from the workflow clock. */
  occurredAt: string;
  /** Id of the Update that caused it, so a retried request can be recognised. */
  requestId?: string;
  /** A rejection's ground (eligibility screen). */
  reasonCode?: string;
}

export interface DocumentSyncSummary {
  documentKind: 'RKPD';
  documentId: string;
  revision: number;
  activeLines: number;
  withdrawnLines: number;
}

/** Live state of a plan's process, as the status query returns it. */
export interface PlanStatus {
  planId: string;
  stage: PlanStage;
  revision: number;
  transitions: PlanTransition[];
  /** The submission under review (or last reviewed). */
  submission?: PlanSubmission;
  lastDocumentSync?: DocumentSyncSummary;
}

/** The officer submits (or resubmits after a return) the current revision. */
export const submitPlanUpdate = defineUpdate<PlanStatus, [PlanSubmission]>('submitPlan');
/** A reviewer approves, returns or rejects the plan at its current review stage. */
export const decideReviewUpdate = defineUpdate<PlanStatus, [ReviewDecision]>('decideReview');
export const planStatusQuery = defineQuery<PlanStatus>('planStatus');

/** ApplicationFailure type raised by update validators; details hold one Violation. */
export const REFUSED_FAILURE_TYPE = 'PlanActionRefused';
