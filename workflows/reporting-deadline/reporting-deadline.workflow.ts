// One budget year's reporting deadline: durable timers on the timeline's clock (which
// tests shrink with TIMELINE_DAY_MS), reminders at 07:00 in each region's own time zone
// (WIB, WITA, WIT: domain/region-time-zone.ts; one round per level and zone; runs started
// before the patch REGION_TIME_ZONE_PATCH keep one WIB round per level) on the configured days before
// each level's deadline and every few days after it (domain/reminder-schedule.ts, the same
// cadence as review tasks), to the regions that have not submitted; from the escalation
// threshold on, their Sekda hears of it too, once. Notices are keyed per region and round,
// so a retry, a replay or a restart tells nobody twice.
import { allHandlersFinished, condition, continueAsNew, patched, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { ReportActivities } from '../../activities';
import { DATABASE_ACTIVITY } from '../shared/activity-options';
import { daysBetween, type LocalDate } from '../../domain/local-date';
import { NotificationTemplate } from '../../domain/notification';
import { IndonesianTimeZone } from '../../domain/region-time-zone';
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

/** Before this patch every region was reminded at 07:00 WIB; after it, at 07:00 in its own zone. */
export const REGION_TIME_ZONE_PATCH = 'reporting-deadline-region-time-zone';
const WIB = IndonesianTimeZone.WIB;
const LEVELS: readonly ReportingLevel[] = ['REGENCY', 'PROVINCE'];
const TURNS_PER_RUN = 50;

/** One stream of reminder rounds: a level, in one time zone (or, before the patch, all of them at WIB). */
interface Track {
  /** `REGENCY/WITA` (or, before the patch, `REGENCY`): names its rounds and its last round done. */
  key: string;
  level: ReportingLevel;
  zone: IndonesianTimeZone;
  /** Only the regions of this zone; unset before the patch (every region). */
  timeZone?: IndonesianTimeZone['abbreviation'];
}

export async function reportingDeadlineWorkflow(input: ReportingDeadlineInput): Promise<void> {
  const { budgetYear } = input;
  let timeline: ReportingTimeline | undefined;
  let anchor = input.carried && { at: new Date(input.carried.anchorAt), clockMs: input.carried.anchorClockMs };
  const lastDone: Record<string, string | undefined> = { ...input.carried?.lastDone };
  const rounds: string[] = [];
  let noticesSent = 0;
  let changed = false;
  let waitingFor: { round: string; at: string } | null = null;
  const tracks: Track[] = patched(REGION_TIME_ZONE_PATCH)
    ? LEVELS.flatMap((level) =>
        Object.values(IndonesianTimeZone).map((zone) => ({ key: `${level}/${zone.abbreviation}`, level, zone, timeZone: zone.abbreviation })),
      )
    : LEVELS.map((level) => ({ key: level, level, zone: WIB }));
  /** A run carried over from before the patch knew its rounds per level only. */
  const lastDoneOf = (track: Track) => lastDone[track.key] ?? lastDone[track.level];

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
  const next = (at: Date): { track: Track; reminder: Reminder } => {
    const candidates = tracks.map((track) => {
      const deadline = timeline!.deadlines[track.level];
      const offset = track.zone.utcOffsetMinutes;
      let reminder = nextReminder(deadline, timeline!.policy, offset, new Date(lastDoneOf(track) ?? anchor!.at.toISOString()));
      for (;;) {
        const later = nextReminder(deadline, timeline!.policy, offset, reminder.at);
        if (later.at > at) break;
        reminder = later;
      }
      return { track, reminder };
    });
    return candidates.reduce((a, b) => (b.reminder.at < a.reminder.at ? b : a));
  };

  const remind = async (track: Track, reminder: Reminder, dueDate: LocalDate, at: Date) => {
    const { level } = track;
    const regions = await activities.listUnreportedRegions({ budgetYear, level, ...(track.timeZone && { timeZone: track.timeZone }) });
    // A zone with nobody to tell (most WIT rounds of a Jawa-only deployment) records nothing.
    if (regions.length || !track.timeZone)
      await activities.recordReportingNotices({ budgetYear, regionCodes: regions.map((r) => r.regionCode), kind: reminder.id, at: at.toISOString() });
    const daysLeft = daysBetween(timelineDate(at, track.zone.utcOffsetMinutes), dueDate);
    for (const region of regions) {
      const compiler = level === 'PROVINCE' ? Role.PROVINCE_REVIEWER : Role.SECRETARIAT;
      await dispatchNotification({
        key: `${input.idScope ?? ''}reporting-due:${budgetYear}:${region.regionCode}:${reminder.id}`,
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
          key: `${input.idScope ?? ''}reporting-escalated:${budgetYear}:${region.regionCode}`,
          template: NotificationTemplate.REPORT_ESCALATED,
          regionCode: region.regionCode,
          recipients: { roles: [{ role: Role.SEKDA, regionCode: region.regionCode }] },
          params: { budgetYear, regionCode: region.regionCode, dueDate, daysLate: reminder.days },
        });
        noticesSent += 1;
      }
    }
    rounds.push(`${track.key}:${reminder.id}`);
  };

  await load();
  for (let turn = 0; turn < TURNS_PER_RUN; turn += 1) {
    const at = now();
    if (over(at)) {
      await condition(allHandlersFinished);
      return;
    }
    const { track, reminder } = next(at);
    waitingFor = { round: `${track.key}:${reminder.id}`, at: reminder.at.toISOString() };
    if (reminder.at <= at) {
      await load(); // a change whose signal was lost still counts
      await remind(track, reminder, timeline!.deadlines[track.level], reminder.at);
      lastDone[track.key] = reminder.at.toISOString();
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
    ...(input.idScope && { idScope: input.idScope }),
    carried: { anchorAt: anchor!.at.toISOString(), anchorClockMs: anchor!.clockMs, lastDone, turns: (input.carried?.turns ?? 0) + TURNS_PER_RUN },
  });
}

/** The local date of a timeline instant in a zone `utcOffsetMinutes` ahead of UTC. */
function timelineDate(at: Date, utcOffsetMinutes: number): LocalDate {
  return new Date(at.getTime() + utcOffsetMinutes * 60_000).toISOString().slice(0, 10);
}
