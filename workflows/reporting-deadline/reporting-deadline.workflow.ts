// One budget year's reporting deadline: durable timers on the timeline's clock (which
// tests shrink with TIMELINE_DAY_MS), reminders at 07:00 WIB on the configured days before
// each level's deadline and every few days after it (domain/reminder-schedule.ts, the same
// cadence as review tasks), to the regions that have not submitted; from the escalation
// threshold on, their Sekda hears of it too, once. Notices are keyed per region and round,
// so a retry, a replay or a restart tells nobody twice.
import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ReportActivities } from '../../activities';
import { DATABASE_ACTIVITY } from '../shared/activity-options';
import { daysBetween, type LocalDate } from '../../domain/local-date';
import { NotificationTemplate } from '../../domain/notification';
import { nextReminder, type Reminder } from '../../domain/reminder-schedule';
import { Role } from '../../domain/role';
import { timelineDelayMs, timelineNow } from '../../domain/timeline-policy';
import { dispatchNotification } from '../notification/dispatch';
import {
  reportingDeadlineChangedSignal,
  reportingDeadlineStatusQuery,
  type ReportingDeadlineInput,
  type ReportingLevel,
  type ReportingTimeline,
} from './definitions';

const activities = proxyActivities<ReportActivities>(DATABASE_ACTIVITY);

/** Reminders go out at 07:00 WIB: the deadline is one national date. */
const WIB_OFFSET_MINUTES = 420;
const LEVELS: readonly ReportingLevel[] = ['REGENCY', 'PROVINCE'];
const TURNS_PER_RUN = 50;

export async function reportingDeadlineWorkflow(input: ReportingDeadlineInput): Promise<void> {
  const { budgetYear } = input;
  let timeline: ReportingTimeline | undefined;
  let anchor = input.carried && { at: new Date(input.carried.anchorAt), clockMs: input.carried.anchorClockMs };
  const lastDone: Partial<Record<ReportingLevel, string>> = { ...input.carried?.lastDone };
  const rounds: string[] = [];
  let noticesSent = 0;
  let changed = false;
  let waitingFor: { round: string; at: string } | null = null;

  setHandler(reportingDeadlineStatusQuery, () => ({
    budgetYear,
    deadlines: timeline?.deadlines ?? null,
    rounds: [...rounds],
    noticesSent,
    next: waitingFor,
    timelineNow: timeline && anchor ? now().toISOString() : null,
  }));
  setHandler(reportingDeadlineChangedSignal, () => {
    changed = true;
  });

  const load = async () => {
    changed = false;
    timeline = await activities.loadReportingTimeline({ budgetYear });
    anchor ??= { at: new Date(timeline.now), clockMs: Date.now() };
  };
  const now = () => timelineNow(timeline!.policy, anchor!.at, anchor!.clockMs, Date.now());
  /** The year's reporting is over once its budget year has ended. */
  const over = (at: Date) => at.getTime() >= Date.UTC(budgetYear, 11, 31, 17);

  /**
   * The next round of each level after the last one done (or after the check started), and
   * the earliest of them. Rounds missed while no worker ran are not all sent on return:
   * only the latest one that is due.
   */
  const next = (at: Date): { level: ReportingLevel; reminder: Reminder } => {
    const candidates = LEVELS.map((level) => {
      let reminder = nextReminder(timeline!.deadlines[level], timeline!.policy, WIB_OFFSET_MINUTES, new Date(lastDone[level] ?? anchor!.at.toISOString()));
      for (;;) {
        const later = nextReminder(timeline!.deadlines[level], timeline!.policy, WIB_OFFSET_MINUTES, reminder.at);
        if (later.at > at) break;
        reminder = later;
      }
      return { level, reminder };
    });
    return candidates.reduce((a, b) => (b.reminder.at < a.reminder.at ? b : a));
  };

  const remind = async (level: ReportingLevel, reminder: Reminder, dueDate: LocalDate, at: Date) => {
    const regions = await activities.listUnreportedRegions({ budgetYear, level });
    await activities.recordReportingNotices({ budgetYear, regionCodes: regions.map((r) => r.regionCode), kind: reminder.id, at: at.toISOString() });
    const daysLeft = daysBetween(timelineDate(at), dueDate);
    for (const region of regions) {
      const compiler = level === 'PROVINCE' ? Role.PROVINCE_REVIEWER : Role.SECRETARIAT;
      await dispatchNotification({
        key: `reporting-due:${budgetYear}:${region.regionCode}:${reminder.id}`,
        template: NotificationTemplate.REPORT_DUE,
        regionCode: region.regionCode,
        recipients: {
          roles: [
            { role: compiler, regionCode: region.regionCode },
            { role: Role.HEAD_OF_REGION, regionCode: region.regionCode },
          ],
        },
        params: { budgetYear, regionCode: region.regionCode, dueDate, daysLeft },
      });
      noticesSent += 1;
    }
    if (reminder.escalate && regions.length) {
      await activities.recordReportingNotices({ budgetYear, regionCodes: regions.map((r) => r.regionCode), kind: 'ESCALATED', at: at.toISOString() });
      for (const region of regions) {
        await dispatchNotification({
          key: `reporting-escalated:${budgetYear}:${region.regionCode}`,
          template: NotificationTemplate.REPORT_ESCALATED,
          regionCode: region.regionCode,
          recipients: { roles: [{ role: Role.SEKDA, regionCode: region.regionCode }] },
          params: { budgetYear, regionCode: region.regionCode, dueDate, daysLate: reminder.days },
        });
        noticesSent += 1;
      }
    }
    rounds.push(`${level}:${reminder.id}`);
  };

  await load();
  for (let turn = 0; turn < TURNS_PER_RUN; turn += 1) {
    const at = now();
    if (over(at)) {
      await condition(allHandlersFinished);
      return;
    }
    const { level, reminder } = next(at);
    waitingFor = { round: `${level}:${reminder.id}`, at: reminder.at.toISOString() };
    if (reminder.at <= at) {
      await load(); // a change whose signal was lost still counts
      await remind(level, reminder, timeline!.deadlines[level], reminder.at);
      lastDone[level] = reminder.at.toISOString();
      continue;
    }
    const delay = Math.max(1, Math.ceil(timelineDelayMs(timeline!.policy, reminder.at.getTime() - at.getTime())));
    if (await condition(() => changed, delay)) await load();
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > 10_000) break;
  }
  await condition(allHandlersFinished);
  await continueAsNew<typeof reportingDeadlineWorkflow>({
    budgetYear,
    carried: { anchorAt: anchor!.at.toISOString(), anchorClockMs: anchor!.clockMs, lastDone, turns: (input.carried?.turns ?? 0) + TURNS_PER_RUN },
  });
}

/** The WIB date of a timeline instant. */
function timelineDate(at: Date): LocalDate {
  return new Date(at.getTime() + WIB_OFFSET_MINUTES * 60_000).toISOString().slice(0, 10);
}
