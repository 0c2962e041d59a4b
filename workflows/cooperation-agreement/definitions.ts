// The contract of the cooperation agreement workflow: the only file of its folder that the
// API and tests import.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { Actor } from '../../domain/actor';
import type { AgreementStage, EvaluationOutcome } from '../../domain/agreement-stage';
import type { AgreementTerm, AgreementTransition, Signing, StepOutcome } from '../../domain/agreement-transition';
import type { TaskAssignmentOf } from '../../domain/review-task';

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
}

/** The worker's settings the agreement reads once: the day's length (shortened in tests) and the expiry reminder days. */
export interface AgreementPolicy {
  dayMs: number;
  expiryReminderDays: number[];
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
export const agreementStatusQuery = defineQuery<AgreementStatus>('agreementStatus');

/** ApplicationFailure type raised by update validators; details hold one Violation. */
export const AGREEMENT_REFUSED_FAILURE_TYPE = 'AgreementActionRefused';
