// The contract of the planning-season workflow: one per region and budget year, it
// reminds agencies without a proposal as the mapping deadline nears and sends the region
// a digest every few days until the APBD is enacted. The only file of this folder that
// the API and tests import.
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { LocalDate } from '../../domain/local-date';
import type { PlanStage } from '../../domain/plan-stage';
import type { TimelinePolicy } from '../../domain/timeline-policy';

export const PLANNING_SEASON_WORKFLOW_TYPE = 'planningSeasonWorkflow';

/** One season per region and budget year: the id is derived, so starting twice finds the same one. */
export function planningSeasonWorkflowId(regionCode: string, budgetYear: number): string {
  return `planning-season-${regionCode}-${budgetYear}`;
}

/** The region and budget year of a season workflow id, or undefined for another id. */
export function parsePlanningSeasonWorkflowId(workflowId: string): { regionCode: string; budgetYear: number } | undefined {
  const match = /^planning-season-(.+)-(\d{4})$/.exec(workflowId);
  return match ? { regionCode: match[1], budgetYear: Number(match[2]) } : undefined;
}

export interface PlanningSeasonInput {
  regionCode: string;
  budgetYear: number;
  /** Set by the workflow itself when it continues as new; never by a caller. */
  carried?: SeasonCarryOver;
  /** Loop turns per run before continuing as new (default 100); tests lower it. */
  turnsPerRun?: number;
}

/** What one run hands to the next, so a continued season repeats nothing. */
export interface SeasonCarryOver {
  /** The region's date the season started: digests are numbered from it. */
  seasonStartDate: LocalDate;
  /** The real instant the timeline stood at when the season started, and the workflow clock then. */
  anchorAt: string;
  anchorClockMs: number;
  /** Reminder offsets done: sent, or skipped for a nearer one (see season-schedule.ts). */
  remindersSent: number[];
  remindersSkipped: number[];
  /** The highest digest number sent or skipped. */
  lastDigest: number;
  digestsSent: number;
  /** Notifications dispatched so far (one per agency per reminder, one per digest). */
  sentKeys: number;
  calendarChanges: number;
  runs: number;
}

/** What loadSeasonTimeline answers: the region's dates now, and the timeline's policy. */
export interface SeasonTimeline {
  policy: TimelinePolicy;
  /** The region's IANA zone; reminders and digests go out at 07:00 there. */
  timeZone: string;
  mappingDeadline: LocalDate;
  /** The real instant the mapping deadline passes: the end of its day in the region's zone (ISO). */
  mappingDeadlineAt: string;
  /** The APBD enactment date, which ends the season. */
  seasonEnd: LocalDate;
  seasonEndsAt: string;
  /** The real now when the activity ran (ISO). */
  now: string;
}

export interface AgenciesWithoutProposal {
  agencies: string[];
}

export interface RegionSummary {
  plansByStage: Record<PlanStage, number>;
  plansTotal: number;
  /** Open review tasks of the region and year whose due date has passed. */
  overdueTasks: number;
  oldestOverdueDueAt: string | null;
  agenciesWithoutProposal: number;
}

/** The admins changed a date the season depends on: reload the calendar and reschedule. */
export const calendarChangedSignal = defineSignal<[{ changedAt?: string }?]>('calendarChanged');

export interface SeasonStatus {
  regionCode: string;
  budgetYear: number;
  /** False until the calendar has been loaded once. */
  loaded: boolean;
  finished: boolean;
  timeZone?: string;
  mappingDeadline?: LocalDate;
  mappingDeadlineAt?: string;
  seasonEndsAt?: string;
  /** Where the timeline stands (real instants; a test's short day runs it faster). */
  timelineNow?: string;
  nextReminder: { offsetDays: number; at: string } | null;
  nextDigest: { number: number; at: string } | null;
  remindersSent: number[];
  remindersSkipped: number[];
  digestsSent: number;
  sentKeys: number;
  calendarChanges: number;
  /** How many runs the season has continued through. */
  runs: number;
}

export const seasonStatusQuery = defineQuery<SeasonStatus>('seasonStatus');

/** The idempotency key of one agency's reminder: sent at most once per offset per season. */
export function noProposalKey(regionCode: string, budgetYear: number, agency: string, offsetDays: number): string {
  return `season:${regionCode}:${budgetYear}:no-proposal:${agency}:H-${offsetDays}`;
}

/** The idempotency key of a digest, numbered from the season's start. */
export function digestKey(regionCode: string, budgetYear: number, digestNumber: number): string {
  return `season:${regionCode}:${budgetYear}:digest:${digestNumber}`;
}

/**
 * Parameters of SEASON_NO_PROPOSAL, for the template: the agency, the deadline (date in
 * the region's zone and instant), the reminder's offset and the whole days left.
 */
export interface NoProposalParams {
  [name: string]: string | number;
  budgetYear: number;
  agency: string;
  mappingDeadline: LocalDate;
  mappingDeadlineAt: string;
  offsetDays: number;
  daysLeft: number;
}

/**
 * Parameters of WEEKLY_DIGEST: flat, as notifications take them; one `plans.<STAGE>`
 * count per plan stage.
 */
export type DigestParams = Record<string, string | number | null> & {
  budgetYear: number;
  digestNumber: number;
  asOf: string;
  plansTotal: number;
  overdueTasks: number;
  oldestOverdueDueAt: string | null;
  agenciesWithoutProposal: number;
  mappingDeadline: LocalDate;
  seasonEnd: LocalDate;
};
