// The contract of the cooperation plan workflow: the only file of workflows/ that
// the API and tests import.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/actor';
import type { Deliberation, Vote } from '../../domain/deliberation';
import type { DocumentSyncSummary } from '../../domain/planning-document';
import type { PlanSubmission, PlanTransition } from '../../domain/plan-transition';
import type { PlanStage } from '../../domain/plan-stage';
import type { BudgetPlacement, ReviewDecision } from '../../domain/review-decision';
import type { TaskAssignment } from '../../domain/review-task';
import type { Remedy, StageDeadline } from '../../domain/stage-deadline';
import type { Milestone } from '../../domain/fiscal-calendar';
import type { PlanChangeItem, PlanStatusSnapshot } from '../../domain/plan-change';

export const PLAN_WORKFLOW_TYPE = 'cooperationPlanWorkflow';

/** One workflow per plan: the id is derived, so a repeated trigger finds the same one. */
export function planWorkflowId(planId: string): string {
  return `cooperation-plan-${planId}`;
}

export interface PlanWorkflowInput {
  planId: string;
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
  /** TAPD's KUA-PPAS placement of the revision under sign-off. */
  placement?: BudgetPlacement;
  task?: TaskAssignment;
  deliberation?: Deliberation;
  /** The open stage's due date and next reminder, once the timeline has worked them out. */
  timeline?: StageTimelineStatus;
}

export interface StageTimelineStatus {
  openSequence: number;
  deadline: StageDeadline;
  /** ISO instant of the next reminder, in real time. */
  nextReminderAt?: string;
  nextReminderId?: string;
  remedy?: { milestone: Milestone; remedy: Remedy };
  escalated: boolean;
}

/**
 * What every human action's Update answers, as soon as the workflow has changed its state
 * (it does not wait for the read model): the new status as a versioned snapshot, and the
 * changes the read model does not show yet. The API writes both through
 * persistence/plan-projection.ts once the Update has returned, so the user reads their own
 * write; the workflow's projection activities write the same, idempotently, in any case.
 */
export interface PlanChange {
  snapshot: PlanStatusSnapshot<PlanStatus>;
  pending: PlanChangeItem[];
}

/** The officer submits (or resubmits after a return) the current revision. */
export const submitPlanUpdate = defineUpdate<PlanChange, [PlanSubmission]>('submitPlan');
/** A reviewer approves, returns or rejects the plan at its current review stage. */
export const decideReviewUpdate = defineUpdate<PlanChange, [ReviewDecision & { actor: Actor }]>('decideReview');

export interface TaskCommand {
  actor: Actor;
  /** For a reassignment or delegation: the user who gets the task. */
  to?: Actor;
  reason?: string;
}
export const claimTaskUpdate = defineUpdate<PlanChange, [TaskCommand]>('claimTask');
export const releaseTaskUpdate = defineUpdate<PlanChange, [TaskCommand]>('releaseTask');
export const reassignTaskUpdate = defineUpdate<PlanChange, [TaskCommand]>('reassignTask');
export const delegateTaskUpdate = defineUpdate<PlanChange, [TaskCommand]>('delegateTask');
export const takeBackTaskUpdate = defineUpdate<PlanChange, [TaskCommand]>('takeBackTask');
export const castVoteUpdate = defineUpdate<PlanChange, [{ actor: Actor; vote: Vote; comment?: string }]>('castVote');
/** The submitter pulls the plan back to DRAFT before any reviewer has taken it up. */
export const withdrawPlanUpdate = defineUpdate<PlanChange, [{ actor: Actor }]>('withdrawPlan');
export const planStatusQuery = defineQuery<PlanStatus>('planStatus');
/** An admin changed the region's calendar: the open stage's due date and reminders are worked out again. */
export const calendarChangedSignal = defineSignal('calendarChanged');

/** ApplicationFailure type raised by update validators; details hold one Violation. */
export const REFUSED_FAILURE_TYPE = 'PlanActionRefused';
