// One region's planning season for one budget year: durable timers, not a cron over
// tables. It sleeps until the next reminder, digest or the season's end (on the
// timeline's clock, which tests shrink), wakes early when the admins change the
// calendar, and tells people through notification dispatch workflows whose ids derive
// from the notice's key, so nothing goes out twice, also across restarts and runs.
import { allHandlersFinished, condition, continueAsNew, proxyActivities, setHandler, workflowInfo } from '@temporalio/workflow';
import type { SeasonActivities } from '../../activities';
import { DATABASE_ACTIVITY } from '../shared/activity-options';
import { PLAN_STAGES } from '../../domain/plan-stage';
import { Role } from '../../domain/role';
import { NotificationTemplate } from '../../domain/notification';
import { dispatchNotification } from '../notification/dispatch';
import {
  calendarChangedSignal,
  digestKey,
  noProposalKey,
  seasonStatusQuery,
  type DigestParams,
  type NoProposalParams,
  type PlanningSeasonInput,
} from './definitions';
import { SeasonSchedule, type SeasonAction } from './season-schedule';

const activities = proxyActivities<SeasonActivities>(DATABASE_ACTIVITY);

const DEFAULT_TURNS_PER_RUN = 100;
/** Well below Temporal's 50k-event limit, leaving room for a large region's reminder round. */
const HISTORY_EVENTS_PER_RUN = 10_000;

export async function planningSeasonWorkflow(input: PlanningSeasonInput): Promise<void> {
  const { regionCode, budgetYear } = input;
  const season = new SeasonSchedule(regionCode, budgetYear, input.carried);
  let finished = false;
  let calendarChanged = false;
  // A timer that fired may land a hair early on the timeline (delays are rounded to whole ms).
  let reached = 0;
  const now = () => {
    const at = season.now(Date.now());
    return at.getTime() >= reached ? at : new Date(reached);
  };

  setHandler(seasonStatusQuery, () => season.status(Date.now(), finished));
  setHandler(calendarChangedSignal, () => {
    calendarChanged = true;
    season.recordCalendarChange();
  });

  const loadTimeline = async () => {
    calendarChanged = false;
    season.setTimeline(await activities.loadSeasonTimeline({ regionCode, budgetYear }), Date.now());
  };

  const remind = async (action: Extract<SeasonAction, { kind: 'reminder' }>, at: Date) => {
    const timeline = season.currentTimeline;
    const { agencies } = await activities.listAgenciesWithoutProposal({ regionCode, budgetYear });
    const params = (agency: string): NoProposalParams => ({
      budgetYear,
      agency,
      mappingDeadline: timeline.mappingDeadline,
      mappingDeadlineAt: timeline.mappingDeadlineAt,
      offsetDays: action.offsetDays,
      daysLeft: season.daysLeft(at),
    });
    await Promise.all(
      agencies.map((agency) =>
        dispatchNotification({
          key: noProposalKey(regionCode, budgetYear, agency, action.offsetDays),
          template: NotificationTemplate.SEASON_NO_PROPOSAL,
          regionCode,
          recipients: { roles: [{ role: Role.OFFICER, regionCode, agency }] },
          params: params(agency),
        }),
      ),
    );
    season.recordReminder(action, agencies.length);
  };

  const digest = async (action: Extract<SeasonAction, { kind: 'digest' }>, at: Date) => {
    const timeline = season.currentTimeline;
    const asOf = at.toISOString();
    const summary = await activities.summariseRegion({ regionCode, budgetYear, asOf });
    const params: DigestParams = {
      budgetYear,
      digestNumber: action.number,
      asOf,
      plansTotal: summary.plansTotal,
      overdueTasks: summary.overdueTasks,
      oldestOverdueDueAt: summary.oldestOverdueDueAt,
      agenciesWithoutProposal: summary.agenciesWithoutProposal,
      mappingDeadline: timeline.mappingDeadline,
      seasonEnd: timeline.seasonEnd,
      ...Object.fromEntries(PLAN_STAGES.map((stage) => [`plans.${stage}`, summary.plansByStage[stage] ?? 0])),
    };
    await dispatchNotification({
      key: digestKey(regionCode, budgetYear, action.number),
      template: NotificationTemplate.WEEKLY_DIGEST,
      regionCode,
      recipients: {
        roles: [
          { role: Role.SEKDA, regionCode },
          { role: Role.BAPPEDA, regionCode },
        ],
      },
      params,
    });
    season.recordDigest(action);
  };

  await loadTimeline();
  const turnsPerRun = input.turnsPerRun ?? DEFAULT_TURNS_PER_RUN;
  for (let turn = 0; turn < turnsPerRun; turn += 1) {
    if (season.isOver(now())) {
      finished = true;
      await condition(allHandlersFinished);
      return;
    }
    if (season.due(now()).length) {
      // Read the calendar again before telling anyone: a change whose message was lost
      // (the API could not reach Temporal) still counts.
      await loadTimeline();
      // One moment for the whole round, taken before its reads: on a test's short day a
      // read's latency would otherwise shift the notices' day counts.
      const at = now();
      for (const action of season.due(at)) {
        if (action.kind === 'reminder') await remind(action, at);
        else if (action.kind === 'lapse') season.recordLapse(action);
        else await digest(action, at);
      }
      continue;
    }
    const wakeAt = season.nextWakeAt(now());
    const timedOut = !(await condition(() => calendarChanged, season.delayUntil(wakeAt, now()) || 1));
    if (timedOut) reached = Math.max(reached, wakeAt.getTime());
    else await loadTimeline();
    const info = workflowInfo();
    if (info.continueAsNewSuggested || info.historyLength > HISTORY_EVENTS_PER_RUN) break;
  }
  // Keep each run's history short: the next run starts from the counters, repeating nothing.
  await condition(allHandlersFinished);
  await continueAsNew<typeof planningSeasonWorkflow>({ regionCode, budgetYear, carried: season.carryOver(), turnsPerRun: input.turnsPerRun });
}
