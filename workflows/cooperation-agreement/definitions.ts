// The contract of the cooperation agreement workflow: the only file of its folder that the
// API and tests import.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/actor';
import type { AgreementStage, EvaluationOutcome } from '../../domain/agreement-stage';
import type { AgreementTerm, AgreementTransition, Signing, StepOutcome } from '../../domain/agreement-transition';
import type { TaskAssignmentOf } from '../../domain/review-task';
import type { AgreementStageDeadline } from '../../domain/agreement-deadline';
import type { MonevReport, MonevReportContent, ReportReviewOutcome } from '../../domain/monev-report';
import type { TimelinePolicy } from '../../domain/timeline-policy';

export const AGREEMENT_WORKFLOW_TYPE = 'cooperationAgreementWorkflow';

/** One agreement per plan: the id is derived, so a repeated start finds the same one. */
export function agreementWorkflowId(planId: string): string {
  return `agreement-${planId}`;
}

export interface AgreementWorkflowInput {
  agreementId: string;
  planId: string;
  regionCode: string;
  budgetYear: number;
  /** Whether the plan rules require DPRD approval and the plan's own process did not obtain it. */
  dprdApprovalOwed: boolean;
  /** KSDPK initiated by a third party: the process starts at the partner's offer. */
  partnerInitiated: boolean;
  startedBy: { userId: string; name: string };
  /** For notices: the plan's title and the agency that owns the cooperation. */
  title: string;
  owningAgency: string;
  /** Set when a run continues as new: the state the previous run ended with. */
  carried?: CarriedAgreementState;
}

/** What one run hands the next when it continues as new (small: no history, no outbox). */
export interface CarriedAgreementState {
  stage: AgreementStage;
  transitions: AgreementTransition[];
  task?: TaskAssignmentOf<AgreementStage>;
  taskVersion: number;
  kbSigning?: Signing;
  pksSigning?: Signing;
  term?: AgreementTerm;
  reports: MonevReport[];
  /** Expiry reminders already sent (days before the end). */
  expiryRemindersSent: number[];
  /** The real instant the previous run had reached on its timeline (a test's short day maps it). */
  realNow: string;
  /** How many runs came before this one. */
  runs: number;
}

/** The worker's settings the agreement reads once: the day's length (shortened in tests) and the expiry reminder days. */
export interface AgreementPolicy {
  dayMs: number;
  expiryReminderDays: number[];
  /** The task reminders and escalation of the plan's review stages, reused (absent in runs started before them). */
  taskReminders?: Pick<TimelinePolicy, 'reminderOffsetsDays' | 'overdueEveryDays' | 'escalateAfterOverdueDays'>;
  /** Months per monev reporting period (AGREEMENT_REPORT_EVERY_MONTHS). */
  reportEveryMonths?: number;
  /** A run continues as new once its history holds this many events (and at each reporting period). */
  continueAsNewAfterEvents?: number;
}

export { StepOutcome, type AgreementTerm, type AgreementTransition, type Signing } from '../../domain/agreement-transition';

export interface StepDecision {
  actor: Actor;
  /** The stage the decision is about: a stale page gets a refusal, not a wrong move. */
  stage: AgreementStage;
  outcome: StepOutcome;
  comment?: string;
  /** Required when signing the KB or the PKS. */
  signing?: Signing;
  /** Required when signing the PKS. */
  term?: AgreementTerm;
  /** Required when deciding an evaluation. */
  evaluation?: EvaluationOutcome;
}

export interface AgreementStatus {
  agreementId: string;
  planId: string;
  stage: AgreementStage;
  transitions: AgreementTransition[];
  task?: TaskAssignmentOf<AgreementStage>;
  kbSigning?: Signing;
  pksSigning?: Signing;
  term?: AgreementTerm;
  /** The open task's due date (service period in working days), once worked out. */
  taskDeadline?: AgreementStageDeadline & { escalated: boolean };
  reports?: MonevReport[];
  /** The reporting period the agreement is in (while in force). */
  reportingPeriod?: number;
}

export interface TaskCommand {
  actor: Actor;
  to?: Actor;
  reason?: string;
}

/** The holder of the stage's task completes it (or returns, or records a refusal). */
export const decideStepUpdate = defineUpdate<AgreementStatus, [StepDecision]>('decideStep');
export const claimAgreementTaskUpdate = defineUpdate<AgreementStatus, [TaskCommand]>('claimTask');
export const releaseAgreementTaskUpdate = defineUpdate<AgreementStatus, [TaskCommand]>('releaseTask');
export const reassignAgreementTaskUpdate = defineUpdate<AgreementStatus, [TaskCommand]>('reassignTask');
export const delegateAgreementTaskUpdate = defineUpdate<AgreementStatus, [TaskCommand]>('delegateTask');
export const takeBackAgreementTaskUpdate = defineUpdate<AgreementStatus, [TaskCommand]>('takeBackTask');
/** The secretariat ends an agreement in force before its end date, with a reason. */
export const terminateAgreementUpdate = defineUpdate<AgreementStatus, [{ actor: Actor; reason: string }]>('terminateAgreement');
/** The secretariat asks for an evaluation before the end date. */
export const requestEvaluationUpdate = defineUpdate<AgreementStatus, [{ actor: Actor; comment?: string }]>('requestEvaluation');
/** The owning agency's officer files the period's monev report (immutable once filed). */
export const submitReportUpdate = defineUpdate<AgreementStatus, [{ actor: Actor; report: MonevReportContent }]>('submitReport');
/** The secretariat accepts a filed report or returns it with a comment. */
export const reviewReportUpdate = defineUpdate<AgreementStatus, [{ actor: Actor; sequence: number; outcome: ReportReviewOutcome; comment?: string }]>(
  'reviewReport',
);
export const agreementStatusQuery = defineQuery<AgreementStatus>('agreementStatus');

/** ApplicationFailure type raised by update validators; details hold one Violation. */
export const AGREEMENT_REFUSED_FAILURE_TYPE = 'AgreementActionRefused';
