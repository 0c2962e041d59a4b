// The timeline of a plan's open review stage, run beside the plan's main loop: it asks
// for the stage's due date, then sleeps on durable timers until each reminder is due,
// tells the people holding the task, escalates to the Sekda when it stays overdue, and
// starts over when the stage changes or an admin changes the calendar. Reminders are
// keyed by stage, due date and offset, so none is sent twice, even across a replay.
import { condition, proxyActivities } from '@temporalio/workflow';
import type { PlanActivities } from '../../activities';
import { DATABASE_ACTIVITY } from '../shared/activity-options';
import { isReviewStage } from '../../domain/plan-stage';
import { nextReminder, type Reminder } from '../../domain/reminder-schedule';
import { Role } from '../../domain/role';
import { DAY_MS, timelineDelayMs, timelineNow, type TimelinePolicy } from '../../domain/timeline-policy';
import type { StageTimeline } from '../../activities/stage-timeline';
import type { Milestone } from '../../domain/fiscal-calendar';
import type { Remedy } from '../../domain/stage-deadline';
import { dispatchNotification } from '../notification/dispatch';
import { NotificationTemplate, type RecipientSelector } from '../../domain/notification';
import type { StageTimelineStatus } from './definitions';
import type { PlanProcess } from './plan-process';

const activities = proxyActivities<PlanActivities>(DATABASE_ACTIVITY);

export class StageTimelineRunner {
  private current?: StageTimelineStatus;
  private calendarVersion = 0;
  private readonly remedies = new Map<Milestone, Remedy>();
  /** Milestones (code@instant) already judged after they passed: the answer cannot change, so it is asked once. */
  private readonly judgedLate = new Set<string>();

  constructor(
    private readonly planId: string,
    private readonly plan: PlanProcess,
  ) {}

  calendarChanged(): void {
    this.calendarVersion += 1;
  }

  status(): StageTimelineStatus | undefined {
    return this.current && { ...this.current };
  }

  async run(): Promise<void> {
    while (!this.plan.isFinished()) {
      const open = this.plan.openTask();
      if (!open || !isReviewStage(open.task.stage)) {
        this.current = undefined;
        await condition(() => this.plan.openTask() !== undefined || this.plan.isFinished());
        continue;
      }
      const { openSequence, stage } = open.task;
      const stillOpen = () => this.plan.openTask()?.task.openSequence === openSequence;
      // The task row exists once the move is projected; its due date is written onto it.
      await condition(() => !this.plan.nextUnprojected() || !stillOpen());
      if (!stillOpen()) continue;
      const seenCalendar = this.calendarVersion;
      const timeline = await activities.planStageDeadline({ planId: this.planId, stage, openSequence, enteredAt: open.enteredAt });
      this.noteJudged(timeline, new Date(open.enteredAt));
      // The activity has recorded the remedy: it is told even when the stage closed meanwhile.
      await this.noteRemedy(timeline);
      if (!stillOpen()) continue;
      const escalated = this.current?.openSequence === openSequence && this.current.escalated;
      this.current = { openSequence, deadline: timeline.deadline, escalated, remedy: this.remedyOf(timeline.deadline.milestone.code) };
      await this.remind(timeline, new Date(open.enteredAt), stillOpen, () => this.calendarVersion === seenCalendar);
    }
  }

  /** Sends the stage's reminders in order until the stage closes or the calendar changes. */
  private async remind(timeline: StageTimeline, enteredAt: Date, stillOpen: () => boolean, calendarSame: () => boolean): Promise<void> {
    const { deadline, policy } = timeline;
    const now = () => timelineNow(policy, enteredAt, enteredAt.getTime(), Date.now());
    const stillValid = () => stillOpen() && calendarSame();
    let after = now();
    while (stillValid()) {
      const reminder = nextReminder(deadline.dueDate, policy, deadline.utcOffsetMinutes, after);
      this.current = { ...this.current!, nextReminderAt: reminder.at.toISOString(), nextReminderId: reminder.id };
      const interrupted = await condition(() => !stillValid(), Math.max(1, timelineDelayMs(policy, reminder.at.getTime() - now().getTime())));
      // A stage closed after its milestone (approved late, say) needs the remedy as much as one still open.
      await this.checkLate(timeline, enteredAt, now());
      if (interrupted) return;
      await this.send(timeline, reminder, policy);
      // After an outage (no worker for days) only the last day's reminders go out, not the whole backlog.
      after = new Date(Math.max(reminder.at.getTime(), now().getTime() - DAY_MS));
    }
  }

  /** Once the milestone has passed, asks for the deadline as of now, which records the remedy the plan needs. */
  private async checkLate(timeline: StageTimeline, enteredAt: Date, now: Date): Promise<void> {
    const { deadline } = timeline;
    if (this.remedies.has(deadline.milestone.code) || this.judgedLate.has(milestoneKey(timeline)) || now.getTime() <= Date.parse(deadline.milestone.dueAt)) {
      return;
    }
    const late = await activities.planStageDeadline({
      planId: this.planId,
      stage: deadline.stage,
      openSequence: this.current!.openSequence,
      enteredAt: enteredAt.toISOString(),
      at: now.toISOString(),
    });
    this.noteJudged(late, now);
    await this.noteRemedy(late);
  }

  /** A deadline asked for at or after its milestone has its final answer on the remedy (none, or the one recorded). */
  private noteJudged(timeline: StageTimeline, at: Date): void {
    if (at.getTime() > Date.parse(timeline.deadline.milestone.dueAt)) this.judgedLate.add(milestoneKey(timeline));
  }

  private remedyOf(milestone: Milestone): StageTimelineStatus['remedy'] {
    const remedy = this.remedies.get(milestone);
    return remedy && { milestone, remedy };
  }

  /** A remedy concerns the plan, not one stage: told once per milestone, however many stages reach it late. */
  private async noteRemedy({ deadline, regionCode, planTitle }: StageTimeline): Promise<void> {
    const remedy = deadline.missedMilestone?.remedy;
    const milestone = deadline.milestone.code;
    if (!remedy || this.remedies.has(milestone)) return;
    this.remedies.set(milestone, remedy);
    if (this.current) this.current = { ...this.current, remedy: { milestone, remedy } };
    const submitterId = this.plan.submitterId();
    await dispatchNotification({
      key: `plan:${this.planId}:remedy:${milestone}`,
      template: NotificationTemplate.MILESTONE_MISSED,
      regionCode,
      recipients: { ...(submitterId && { userIds: [submitterId] }), roles: [{ role: Role.BAPPEDA, regionCode }] },
      params: { planTitle, milestone: deadline.milestone.code, milestoneDate: deadline.milestone.date, remedy },
      planId: this.planId,
    });
  }

  private async send(timeline: StageTimeline, reminder: Reminder, policy: TimelinePolicy): Promise<void> {
    const { deadline, regionCode, planTitle } = timeline;
    const open = this.plan.openTask()!;
    const keyBase = `plan:${this.planId}:t${open.task.openSequence}:${deadline.dueDate}`;
    const common = { regionCode, planId: this.planId };
    const params = { planTitle, stage: deadline.stage, dueAt: deadline.dueAt };
    await dispatchNotification({
      ...common,
      key: `${keyBase}:${reminder.id}`,
      template: reminder.kind === 'DUE_SOON' ? NotificationTemplate.TASK_DUE_SOON : NotificationTemplate.TASK_OVERDUE,
      recipients: this.assignees(regionCode),
      params: reminder.kind === 'DUE_SOON' ? { ...params, daysLeft: reminder.days } : { ...params, daysOverdue: reminder.days },
    });
    if (reminder.escalate && !this.current!.escalated) {
      await activities.recordTaskEscalation({
        planId: this.planId,
        openSequence: open.task.openSequence,
        at: reminder.at.toISOString(),
        daysOverdue: reminder.days,
      });
      this.current = { ...this.current!, escalated: true };
      await dispatchNotification({
        ...common,
        key: `${keyBase}:ESCALATION`,
        template: NotificationTemplate.TASK_ESCALATED,
        recipients: { roles: [{ role: Role.SEKDA, regionCode }] },
        params: { ...params, daysOverdue: reminder.days, assigneeName: open.task.assignee?.name ?? null, escalateAfterDays: policy.escalateAfterOverdueDays },
      });
    }
  }

  /** Who holds the task now: its assignee, the members yet to vote, or everyone with the stage's role. */
  private assignees(regionCode: string): RecipientSelector {
    const open = this.plan.openTask()!;
    if (open.task.assignee) return { userIds: [open.task.assignee.userId] };
    const voters = this.plan.pendingVoters();
    if (voters.length > 0) return { userIds: voters.map((v) => v.userId) };
    return { roles: [{ role: open.task.candidateRole, regionCode }] };
  }
}

/** A milestone at its instant: a calendar change that moves it asks again. */
function milestoneKey({ deadline }: StageTimeline): string {
  return `${deadline.milestone.code}@${deadline.milestone.dueAt}`;
}
