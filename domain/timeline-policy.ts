// How the timeline runs: when reminders go out, when overdue work escalates, how long
// each review may take. Deployments set it in the worker's configuration; workflows get
// it from an activity, so the values a plan ran with are in its history.
import { PlanStage, type ReviewStage } from './plan-stage';

export const DAY_MS = 86_400_000;

export interface TimelinePolicy {
  /**
   * How long one day of the timeline lasts on the workflow's clock: a real day in
   * production. Tests shrink it (e.g. 1000 ms) so a whole calendar runs in seconds on
   * the real Temporal server; dates shown to people stay real.
   */
  dayMs: number;
  /** Reminders to the current assignees, in days before the due date (H-14 … H-0). */
  reminderOffsetsDays: number[];
  /** Days between reminders once a task is overdue. */
  overdueEveryDays: number;
  /** Overdue days after which the region's Sekda is told. */
  escalateAfterOverdueDays: number;
  /** How many working days each review stage may take, at most. */
  serviceWorkingDays: Record<ReviewStage, number>;
  /** Days between the planning season's digests to the region. */
  digestEveryDays: number;
  /** Reminders to agencies without a proposal, in days before the mapping deadline. */
  seasonReminderOffsetsDays: number[];
}

export const DEFAULT_TIMELINE_POLICY: TimelinePolicy = {
  dayMs: DAY_MS,
  reminderOffsetsDays: [14, 7, 3, 1, 0],
  overdueEveryDays: 1,
  escalateAfterOverdueDays: 3,
  serviceWorkingDays: {
    [PlanStage.VERIFICATION]: 5,
    [PlanStage.BAPPEDA_REVIEW]: 10,
    [PlanStage.TKKSD_DELIBERATION]: 10,
    [PlanStage.HEAD_OF_REGION_APPROVAL]: 5,
    [PlanStage.BUDGET_SIGNOFF]: 10,
    // The DPRD's window: 45 working days (the abroad rule, the brief's default for all).
    [PlanStage.DPRD_APPROVAL]: 45,
    [PlanStage.RKA_CONFIRMATION]: 10,
  },
  digestEveryDays: 7,
  seasonReminderOffsetsDays: [30, 14, 7, 3, 1],
};

/**
 * Converts a span of real time (between two real instants, e.g. now and a due date) to
 * the workflow's clock: unchanged in production, shrunk under a test's short day.
 */
export function timelineDelayMs(policy: Pick<TimelinePolicy, 'dayMs'>, realMs: number): number {
  return Math.max(0, Math.round((realMs * policy.dayMs) / DAY_MS));
}

/**
 * The real instant the timeline has reached: `anchor` is a real instant the workflow
 * also knows on its own clock (`anchorClockMs`), `clockNowMs` the workflow's now.
 */
export function timelineNow(policy: Pick<TimelinePolicy, 'dayMs'>, anchor: Date, anchorClockMs: number, clockNowMs: number): Date {
  return new Date(anchor.getTime() + ((clockNowMs - anchorClockMs) * DAY_MS) / policy.dayMs);
}
