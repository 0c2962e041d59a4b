// The contract of the reporting-deadline workflow: one per budget year
// (`reporting-deadline-<budgetYear>`), it reminds the regions that have not reported their
// mapping as the deadline nears and after it passes, and escalates to their Sekda (once).
import { defineQuery, defineSignal } from '@temporalio/workflow';
import type { LocalDate } from '../../domain/local-date';
import type { TimelinePolicy } from '../../domain/timeline-policy';

export const REPORTING_DEADLINE_WORKFLOW_TYPE = 'reportingDeadlineWorkflow';

/** `scope` is TEMPORAL_WORKFLOW_ID_SCOPE: empty in a deployment that has its namespace to itself. */
export function reportingDeadlineWorkflowId(budgetYear: number, scope = ''): string {
  return `${scope}reporting-deadline-${budgetYear}`;
}

export interface ReportingDeadlineInput {
  budgetYear: number;
  /** TEMPORAL_WORKFLOW_ID_SCOPE, put before its notices' keys (absent where it is empty, as in runs before it existed). */
  idScope?: string;
  /** Set by the workflow itself when it continues as new. */
  /** lastDone: per round stream, `REGENCY/WITA` (or `REGENCY` in runs from before the time-zone patch). */
  carried?: { anchorAt: string; anchorClockMs: number; lastDone: Record<string, string | undefined>; turns: number };
}

export type ReportingLevel = 'REGENCY' | 'PROVINCE';

/** What loadReportingTimeline answers: the year's deadlines and the reminder policy. */
export interface ReportingTimeline {
  deadlines: Record<ReportingLevel, LocalDate>;
  policy: Pick<TimelinePolicy, 'dayMs' | 'reminderOffsetsDays' | 'overdueEveryDays' | 'escalateAfterOverdueDays'>;
  /** The real now when the activity ran (ISO). */
  now: string;
}

/** A region that has not reported and has someone to tell. */
export interface UnreportedRegion {
  regionCode: string;
  provinceCode: string;
}

export interface ReportingDeadlineStatus {
  budgetYear: number;
  deadlines: Record<ReportingLevel, LocalDate> | null;
  /** Reminder rounds done, per level and zone, e.g. `REGENCY/WIB:H-7`, `REGENCY/WIT:OVERDUE-3`. */
  rounds: string[];
  noticesSent: number;
  /** The round the check waits for, e.g. `REGENCY/WITA:H-0` at its (timeline) instant. */
  next: { round: string; at: string } | null;
  /** Where the timeline stands (ISO). */
  timelineNow: string | null;
}

/** The keeper changed the year's deadline: reload it. */
export const reportingDeadlineChangedSignal = defineSignal('reportingDeadlineChanged');
export const reportingDeadlineStatusQuery = defineQuery<ReportingDeadlineStatus>('reportingDeadlineStatus');
