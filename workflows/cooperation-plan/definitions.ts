// The contract of the cooperation plan workflow: the only file of workflows/ that
// the API and tests import.
import { defineQuery, defineSignal, defineUpdate } from '@temporalio/workflow';
import type { PlanContent } from '../../domain/plan-content';
import type { ReferenceFacts } from '../../domain/plan-rules';
import type { PlanStage } from '../../domain/plan-stage';
import type { ClosingRule, DeliberationOutcome, Vote } from '../../domain/deliberation';
import type { DocumentKind } from '../../domain/planning-document';
import type { BudgetPlacement, ReviewDecision } from '../../domain/review-decision';
import type { Role } from '../../domain/role';
import type { Remedy, StageDeadline } from '../../domain/stage-deadline';
import type { Milestone } from '../../domain/fiscal-calendar';

export const PLAN_TASK_QUEUE = 'cooperation-plans';
export const PLAN_WORKFLOW_TYPE = 'cooperationPlanWorkflow';

/** One workflow per plan: the id is derived, so a repeated trigger finds the same one. */
export function planWorkflowId(planId: string): string {
  return `cooperation-plan-${planId}`;
}

export interface PlanWorkflowInput {
  planId: string;
}

/** A person acting on the plan, with the roles they hold in the plan's region. */
export interface Actor {
  userId: string;
  name: string;
  roles: Role[];
}

export interface Person {
  userId: string;
  name: string;
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
  /** The submitting user: they never decide on their own plan (absent in plans submitted before logins existed). */
  submitterId?: string;
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
  /** The acting user's id (absent for the system, and in plans from before logins). */
  actorId?: string;
  comment?: string;
  /** ISO-8601 instant, from the workflow clock. */
  occurredAt: string;
  /** Id of the Update that caused it, so a retried request can be recognised. */
  requestId?: string;
  /** A rejection's ground (eligibility screen). */
  reasonCode?: string;
}

export interface DocumentSyncSummary {
  documentKind: DocumentKind;
  documentId: string;
  revision: number;
  activeLines: number;
  withdrawnLines: number;
  /** Lines that need an amendment or a DPRD agreement record (absent before flags existed). */
  flaggedLines?: number;
}

/** One document the plan's lines still have to be written into, with what to write. */
export interface PendingDocumentSync {
  kind: DocumentKind;
  submission: PlanSubmission;
  placement?: BudgetPlacement;
}

/** Who holds the open review task of the current stage. */
export interface TaskAssignment {
  stage: PlanStage;
  /** The transition that opened the task. */
  openSequence: number;
  candidateRole: Role;
  assignee?: Person;
  /** While delegated: the assignee who delegated it and may take it back. */
  delegatedFrom?: Person;
  /** Bumped by every assignment change, so projections apply in order. */
  version: number;
}

export const TaskEventKind = {
  CLAIMED: 'CLAIMED',
  RELEASED: 'RELEASED',
  REASSIGNED: 'REASSIGNED',
  DELEGATED: 'DELEGATED',
  TAKEN_BACK: 'TAKEN_BACK',
} as const;
export type TaskEventKind = (typeof TaskEventKind)[keyof typeof TaskEventKind];

export interface TaskEvent {
  kind: TaskEventKind;
  actor: Person;
  task: TaskAssignment;
  reason?: string;
  occurredAt: string;
}

export interface CastVote {
  voter: Person;
  vote: Vote;
  comment?: string;
  castAt: string;
}

/** The coordination team's deliberation on the revision under review. */
export interface Deliberation {
  revision: number;
  rule: ClosingRule;
  members: Person[];
  votes: CastVote[];
  /** Set once the tally closes; the chair may then record the recommendation. */
  outcome?: DeliberationOutcome;
}

export interface VoteEvent {
  planId: string;
  revision: number;
  vote: CastVote;
  outcome?: DeliberationOutcome;
}

/** Who sits on a region's coordination team and how its tally closes. */
export interface DeliberationPanel {
  rule: ClosingRule;
  members: Person[];
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
  /** The open stage's due date and next reminder (plans started before deadlines existed have none). */
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

/** The officer submits (or resubmits after a return) the current revision. */
export const submitPlanUpdate = defineUpdate<PlanStatus, [PlanSubmission]>('submitPlan');
/** A reviewer approves, returns or rejects the plan at its current review stage. */
export const decideReviewUpdate = defineUpdate<PlanStatus, [ReviewDecision & { actor?: Actor }]>('decideReview');

export interface TaskCommand {
  actor: Actor;
  /** For a reassignment or delegation: the user who gets the task. */
  to?: Actor;
  reason?: string;
}
export const claimTaskUpdate = defineUpdate<PlanStatus, [TaskCommand]>('claimTask');
export const releaseTaskUpdate = defineUpdate<PlanStatus, [TaskCommand]>('releaseTask');
export const reassignTaskUpdate = defineUpdate<PlanStatus, [TaskCommand]>('reassignTask');
export const delegateTaskUpdate = defineUpdate<PlanStatus, [TaskCommand]>('delegateTask');
export const takeBackTaskUpdate = defineUpdate<PlanStatus, [TaskCommand]>('takeBackTask');
export const castVoteUpdate = defineUpdate<PlanStatus, [{ actor: Actor; vote: Vote; comment?: string }]>('castVote');
/** The submitter pulls the plan back to DRAFT before any reviewer has taken it up. */
export const withdrawPlanUpdate = defineUpdate<PlanStatus, [{ actor: Actor }]>('withdrawPlan');
export const planStatusQuery = defineQuery<PlanStatus>('planStatus');
/** An admin changed the region's calendar: the open stage's due date and reminders are worked out again. */
export const calendarChangedSignal = defineSignal('calendarChanged');

/** ApplicationFailure type raised by update validators; details hold one Violation. */
export const REFUSED_FAILURE_TYPE = 'PlanActionRefused';
