// The timeline's side of a plan's review stages: the due date of a stage as the calendar
// and the service period set it (written onto its review task), the remedy a late plan
// needs, and the escalation of an overdue task. All idempotent: a retry writes the same.
import { addDays, localDateAtOffset } from '../domain/local-date';
import type { ReviewStage } from '../domain/plan-stage';
import { regionTimeZone } from '../domain/region-time-zone';
import { stageDeadline, type StageDeadline } from '../domain/stage-deadline';
import type { TimelinePolicy } from '../domain/timeline-policy';
import type { CalendarRepository } from '../persistence/calendar.repository';
import type { PlanRepository } from '../persistence/plan.repository';
import type { EscalationRecord, ReviewTaskRepository } from '../persistence/review-task.repository';

export interface StageDeadlineRequest {
  planId: string;
  stage: ReviewStage;
  /** The transition that opened the stage's task. */
  openSequence: number;
  /** ISO instant the stage began. */
  enteredAt: string;
  /** ISO instant the deadline is looked at again while the stage is open (default: on entry). */
  at?: string;
}

export interface StageTimeline {
  deadline: StageDeadline;
  policy: TimelinePolicy;
  regionCode: string;
  planTitle: string;
}

export interface StageTimelineDependencies {
  plans: PlanRepository;
  reviewTasks: ReviewTaskRepository;
  calendars: CalendarRepository;
  policy: TimelinePolicy;
}

export function createStageTimeline({ plans, reviewTasks, calendars, policy }: StageTimelineDependencies) {
  async function planStageDeadline({ planId, stage, openSequence, enteredAt, at }: StageDeadlineRequest): Promise<StageTimeline> {
    const plan = await plans.timelineFacts(planId);
    const stored = await calendars.regionCalendar(plan.budgetYear, plan.regionCode);
    if (!stored) throw new Error(`Unknown region ${plan.regionCode}`);
    const entered = new Date(enteredAt);
    const utcOffsetMinutes = regionTimeZone(plan.regionCode).utcOffsetMinutes;
    // Working days never reach further than a few months; the holidays of the next year cover a stage opened in December.
    const firstDay = localDateAtOffset(entered, utcOffsetMinutes);
    const holidays = await calendars.holidays(firstDay, addDays(firstDay, 366), plan.regionCode);
    const deadline = stageDeadline({
      stage,
      enteredAt: entered,
      calendar: stored.milestones,
      holidays,
      policy,
      utcOffsetMinutes,
      at: at ? new Date(at) : undefined,
    });
    await reviewTasks.setDeadline(planId, openSequence, deadline);
    const remedy = deadline.missedMilestone?.remedy;
    if (remedy) await plans.recordRemedy({ planId, openSequence, milestone: deadline.milestone.code, remedy, at: at ?? enteredAt });
    return { deadline, policy, regionCode: plan.regionCode, planTitle: plan.title };
  }

  return {
    planStageDeadline,
    recordTaskEscalation: (record: EscalationRecord): Promise<void> => reviewTasks.recordEscalation(record),
  };
}
