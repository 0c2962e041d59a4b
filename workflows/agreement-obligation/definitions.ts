// The contract of an obligation's reminder workflow: the only file of its folder that the
// API and tests import.
import { defineQuery, defineUpdate } from '@temporalio/workflow';
import type { ObligationRecordInput } from '../../domain/agreement-obligation';

export const OBLIGATION_WORKFLOW_TYPE = 'agreementObligationWorkflow';
export const OBLIGATION_REFUSED_FAILURE_TYPE = 'ObligationRefused';

/** The id is the obligation's, so a retried request finds the workflow it already started. */
export function obligationWorkflowId(obligationId: string): string {
  return `agreement-obligation-${obligationId}`;
}

export type ObligationWorkflowInput = ObligationRecordInput;

/** Read once, so the timers stay the same through replays. */
export interface ObligationPolicy {
  dayMs: number;
  /** Days before the due date on which the parties are reminded (AGREEMENT_OBLIGATION_REMINDER_DAYS). */
  reminderDays: number[];
}

export interface ObligationState {
  fulfilled?: { at: string; byName: string; note?: string };
  overdue: boolean;
  /** Reminders sent, by days before the due date. */
  remindersSent: number[];
}

export interface FulfilObligation {
  byName: string;
  note?: string;
}

export const fulfilObligationUpdate = defineUpdate<ObligationState, [FulfilObligation]>('fulfilObligation');
export const obligationStateQuery = defineQuery<ObligationState>('obligationState');
