// The planning season on the real Temporal dev server and PostgreSQL, with a timeline
// day of two seconds: the calendar is set through the API so the mapping deadline lies a
// few (timeline) days ahead, and the test reads which notification dispatch workflows the
// season started. The dispatch workflow itself is not part of this branch, so its runs
// wait for a worker that knows it; their existence and input are what the season owes.
import { WorkflowNotFoundError } from '@temporalio/client';
import { defaultPayloadConverter, type Payload } from '@temporalio/common';
import { tsToMs } from '@temporalio/common/lib/time';
import { addDays, localDateOf } from '../../domain/local-date';
import { notificationDispatchWorkflowId } from '../../workflows/notification/definitions';
import { type NotificationRequest } from '../../domain/notification';
import {
  PLANNING_SEASON_WORKFLOW_TYPE,
  digestKey,
  noProposalKey,
  planningSeasonWorkflowId,
  seasonStatusQuery,
  type PlanningSeasonInput,
  type SeasonStatus,
} from '../../workflows/planning-season/definitions';
import { createTestUser } from '../support/auth';
import { planAt } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { letTimePass, waitFor } from '../support/wait';

let stack: TestStack;

// Every region of these tests is in WIB; T0 is today there.
const T0 = localDateOf(new Date(), 'Asia/Jakarta');
const day = (n: number) => addDays(T0, n);
/** The budget year being planned: its milestones may fall in this year or the next. */
const BUDGET_YEAR = Number(T0.slice(0, 4)) + 1;
const DISHUB = 'Dinas Perhubungan';
const DLH = 'Dinas Lingkungan Hidup';

beforeAll(async () => {
  stack = await startTestStack({
    // Two seconds: short enough for a season in under a minute, long enough that a slow
    // workflow task on a busy machine (a second or two) does not reach the next notice.
    TIMELINE_DAY_MS: '2000',
    SEASON_REMINDER_OFFSETS_DAYS: '10,9,6,4,2',
    DIGEST_EVERY_DAYS: '3',
  });
});
afterAll(async () => {
  await stack?.stop();
});

async function setMilestone(admin: string, regionCode: string, milestone: string, date: string) {
  await stack.as(admin).put(`/calendars/${regionCode}/${BUDGET_YEAR}/milestones/${milestone}`).send({ date }).expect(200);
}

interface Dispatch {
  workflowId: string;
  request: NotificationRequest;
  /** When the season asked for it, on the server's clock. */
  at: number;
}

/** Every dispatch the season asked for, over all its runs, and how many such starts failed (a duplicate would). */
async function seasonDispatches(workflowId: string): Promise<{ dispatches: Dispatch[]; failedStarts: number; runs: number }> {
  const latest = await stack.temporal.workflow.getHandle(workflowId).fetchHistory();
  let runId: string | undefined = latest.events![0].workflowExecutionStartedEventAttributes!.firstExecutionRunId!;
  const dispatches: Dispatch[] = [];
  let failedStarts = 0;
  let runs = 0;
  while (runId) {
    runs += 1;
    const { events } = await stack.temporal.workflow.getHandle(workflowId, runId).fetchHistory();
    runId = undefined;
    for (const event of events ?? []) {
      const initiated = event.startChildWorkflowExecutionInitiatedEventAttributes;
      if (initiated) {
        dispatches.push({
          workflowId: initiated.workflowId!,
          request: defaultPayloadConverter.fromPayload(initiated.input!.payloads![0] as Payload),
          at: tsToMs(event.eventTime),
        });
      }
      if (event.startChildWorkflowExecutionFailedEventAttributes) failedStarts += 1;
      runId = event.workflowExecutionContinuedAsNewEventAttributes?.newExecutionRunId ?? runId;
    }
  }
  return { dispatches, failedStarts, runs };
}

async function dispatchExists(key: string): Promise<boolean> {
  try {
    await stack.temporal.workflow.getHandle(notificationDispatchWorkflowId(key)).describe();
    return true;
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return false;
    throw error;
  }
}

async function waitForDispatch(key: string, timeoutMs = 45_000): Promise<void> {
  await waitFor(`a dispatch workflow for ${key}`, () => dispatchExists(key), timeoutMs, 50);
}

/** GET …/season as `username` until `until` holds (the workflow applies what it learns a moment later). */
async function seasonStatusOverHttp(username: string, regionCode: string, until: (status: SeasonStatus) => boolean): Promise<SeasonStatus> {
  let status: SeasonStatus | undefined;
  return waitFor(
    () => `the season status to get there: ${JSON.stringify(status)}`,
    async () => {
      status = (await stack.as(username).get(`/calendars/${regionCode}/${BUDGET_YEAR}/season`).expect(200)).body as SeasonStatus;
      return until(status) && status;
    },
    10_000,
    50,
  );
}

/** The season sleeps: its last workflow task is done and ended by starting the timer to its next notice. */
async function seasonAsleep(workflowId: string): Promise<boolean> {
  const { events } = await stack.temporal.workflow.getHandle(workflowId).fetchHistory();
  return !!events?.at(-1)?.timerStartedEventAttributes;
}

/** The order of what was sent: `H-9`, `D1`… */
const labels = (dispatches: Dispatch[], agency?: string) =>
  dispatches
    .filter((d) => d.request.template === 'WEEKLY_DIGEST' || d.request.params.agency === agency)
    .map((d) => (d.request.template === 'WEEKLY_DIGEST' ? `D${d.request.params.digestNumber}` : `H-${d.request.params.offsetDays}`));

describe('a whole season in Kota Bogor, on a two-second day', () => {
  const region = '32.71';
  const seasonId = planningSeasonWorkflowId(region, BUDGET_YEAR);

  it('reminds only agencies without a proposal, in order of offsets, digests numbered, nothing twice across a worker restart', async () => {
    // Dinas Lingkungan Hidup proposes (and its task is overdue); Dinas Perhubungan does not.
    const planId = await planAt(stack, 'VERIFICATION', { budgetYear: BUDGET_YEAR });
    await stack.database.prisma.reviewTask.updateMany({ where: { planId }, data: { dueAt: new Date(Date.now() - 86_400_000) } });

    // Deadline in 8 days: H-10 and H-9 have passed, so H-9 goes out at once and H-10 never.
    // The season runs 14 days, so it outlasts the worker's restart (see below).
    await setMilestone('admin.kotabogor', region, 'MAPPING_DEADLINE', day(8));
    await setMilestone('admin.kotabogor', region, 'APBD_ENACTMENT', day(14));

    const first = await stack.as('admin.kotabogor').post(`/calendars/${region}/${BUDGET_YEAR}/season`).expect(201);
    expect(first.body).toMatchObject({ workflowId: seasonId, started: true });
    const again = await stack.as('admin.kotabogor').post(`/calendars/${region}/${BUDGET_YEAR}/season`).expect(200);
    expect(again.body).toMatchObject({ workflowId: seasonId, started: false, status: { regionCode: region, budgetYear: BUDGET_YEAR } });

    await waitForDispatch(noProposalKey(region, BUDGET_YEAR, DISHUB, 9));
    const status = await seasonStatusOverHttp('officer.kotabogor', region, (s) => s.remindersSent.includes(9));
    expect(status).toMatchObject({ loaded: true, finished: false, mappingDeadline: day(8), remindersSent: [9], remindersSkipped: [10] });
    expect(status.nextReminder).toEqual({ offsetDays: 6, at: `${day(2)}T00:00:00.000Z` }); // 07:00 WIB

    // The worker goes down after H-6 for a timeline day; the timers keep running on the
    // server. It stops while the season sleeps: a workflow task cut off mid-way waits out
    // Temporal's 10 s task timeout, five days on this timeline.
    await seasonStatusOverHttp('admin.kotabogor', region, (s) => s.remindersSent.includes(6));
    await waitFor('the season asleep after H-6', () => seasonAsleep(seasonId), 10_000, 50);
    await stack.stopWorker();
    const stoppedAt = Date.now();
    // The outage is the scenario: there is nothing to wait for but the time.
    await letTimePass(2000, 'a timeline day with the worker down');
    await stack.startWorker();

    await stack.temporal.workflow.getHandle(seasonId).result();
    const { dispatches, failedStarts } = await seasonDispatches(seasonId);
    expect(failedStarts).toBe(0);
    expect(new Set(dispatches.map((d) => d.workflowId)).size).toBe(dispatches.length);
    // On time this is H-9, H-6, D1, H-4, H-2, D2, D3, D4. A restarted worker takes up to ten
    // seconds (Temporal's sticky queue timeout: five days here) to pick the season up, and
    // what fell due meanwhile is caught up under the season's rule: the nearest reminder
    // and the latest digest, the older ones skipped (the reminders lapse after the deadline).
    // So: the same order, each at most once, every offset sent or skipped, and the last
    // digest (day 12) sent by the new worker.
    const sent = labels(dispatches, DISHUB);
    const reminders = sent.filter((l) => l.startsWith('H')).map((l) => Number(l.slice(2)));
    const digests = sent.filter((l) => l.startsWith('D')).map((l) => Number(l.slice(1)));
    expect(reminders.slice(0, 2)).toEqual([9, 6]);
    expect(reminders).toEqual([...reminders].sort((a, b) => b - a));
    expect(digests).toEqual([...new Set(digests)].sort((a, b) => a - b));
    expect(digests[digests.length - 1]).toBe(4);
    expect(dispatches.slice(0, 2).map((d) => d.workflowId)).toEqual(
      [9, 6].map((offset) => notificationDispatchWorkflowId(noProposalKey(region, BUDGET_YEAR, DISHUB, offset))),
    );
    expect(dispatches[1].at).toBeLessThan(stoppedAt);
    expect(dispatches.filter((d) => d.request.params.agency === DLH)).toEqual([]);
    expect(await dispatchExists(noProposalKey(region, BUDGET_YEAR, DLH, 9))).toBe(false);

    // H-6 about two timeline days (four seconds) after H-9, which went out at the start: timers, not a burst.
    const reminderAt = (offset: number) =>
      dispatches.find((d) => d.workflowId === notificationDispatchWorkflowId(noProposalKey(region, BUDGET_YEAR, DISHUB, offset)))!;
    expect(reminderAt(6).at - reminderAt(9).at).toBeGreaterThan(2000);

    expect(reminderAt(6).request).toMatchObject({
      template: 'SEASON_NO_PROPOSAL',
      regionCode: region,
      recipients: { roles: [{ role: 'OFFICER', regionCode: region, agency: DISHUB }] },
      params: { budgetYear: BUDGET_YEAR, agency: DISHUB, offsetDays: 6, mappingDeadline: day(8) },
    });
    // Six days left on the morning it fell due; a busy machine may send it a (timeline) day late.
    expect([5, 6]).toContain(reminderAt(6).request.params.daysLeft);
    const digest = dispatches.find((d) => d.workflowId === notificationDispatchWorkflowId(digestKey(region, BUDGET_YEAR, 4)))!;
    expect(digest.at).toBeGreaterThan(stoppedAt);
    expect(digest.request).toMatchObject({
      template: 'WEEKLY_DIGEST',
      recipients: {
        roles: [
          { role: 'SEKDA', regionCode: region },
          { role: 'BAPPEDA', regionCode: region },
        ],
      },
      params: {
        digestNumber: 4,
        plansTotal: 1,
        'plans.VERIFICATION': 1,
        'plans.DRAFT': 0,
        overdueTasks: 1,
        agenciesWithoutProposal: 1,
        mappingDeadline: day(8),
        seasonEnd: day(14),
      },
    });

    // The dispatch workflows exist on the server as the season's children, with the request as input.
    const child = await stack.temporal.workflow.getHandle(notificationDispatchWorkflowId(noProposalKey(region, BUDGET_YEAR, DISHUB, 6))).describe();
    expect(child.type).toBe('notificationDispatchWorkflow');
    expect(child.parentExecution?.workflowId).toBe(seasonId);

    const finished = await stack.temporal.workflow.getHandle(seasonId).query(seasonStatusQuery);
    expect(finished).toMatchObject({
      finished: true,
      remindersSent: reminders,
      digestsSent: digests.length,
      sentKeys: dispatches.length,
      nextReminder: null,
      nextDigest: null,
    });
    expect([...finished.remindersSent, ...finished.remindersSkipped].sort((a, b) => b - a)).toEqual([10, 9, 6, 4, 2]);
  }, 90_000);

  it('is started only by the region’s admins, and read by anyone with a role there', async () => {
    await stack.as('officer.kotabogor').post(`/calendars/${region}/${BUDGET_YEAR}/season`).expect(403);
    await stack.as('admin.kabbogor').post(`/calendars/${region}/${BUDGET_YEAR}/season`).expect(403);
    await stack.as('admin.kabbogor').get(`/calendars/${region}/${BUDGET_YEAR}/season`).expect(403);
    const badYear = await stack.as('admin.kotabogor').post(`/calendars/${region}/27/season`).expect(400);
    expect(badYear.body.violations.map((v: { field: string }) => v.field)).toEqual(['budgetYear']);
    const none = await stack
      .as('admin.kotabogor')
      .get(`/calendars/${region}/${BUDGET_YEAR + 1}/season`)
      .expect(404);
    expect(none.body.message).toEqual({ id: expect.any(String), en: expect.any(String) });
    // A season that ran to its end is not started again.
    const ended = await stack.as('admin.kotabogor').post(`/calendars/${region}/${BUDGET_YEAR}/season`).expect(200);
    expect(ended.body).toMatchObject({ started: false, status: { finished: true } });
  });
});

describe('a calendar change in Kabupaten Bogor', () => {
  const region = '32.01';
  const seasonId = planningSeasonWorkflowId(region, BUDGET_YEAR);

  it('reschedules the remaining reminders to the new deadline and ends the season at the new date', async () => {
    await setMilestone('admin.kabbogor', region, 'MAPPING_DEADLINE', day(12));
    await setMilestone('admin.kabbogor', region, 'APBD_ENACTMENT', day(13));
    await stack.as('admin.kabbogor').post(`/calendars/${region}/${BUDGET_YEAR}/season`).expect(201);

    // H-10 of the first deadline, two days in; then the deadline moves six days earlier.
    await waitForDispatch(noProposalKey(region, BUDGET_YEAR, DISHUB, 10));
    await waitForDispatch(noProposalKey(region, BUDGET_YEAR, DLH, 10));
    await setMilestone('admin.kabbogor', region, 'MAPPING_DEADLINE', day(6));
    await setMilestone('admin.kabbogor', region, 'APBD_ENACTMENT', day(7));

    // The season takes the new dates at once: under the new deadline H-9 and H-6 lie
    // behind and H-4 (07:00 two days in) has just passed, so H-4 goes out (or, on a slow
    // machine, is skipped for H-2) and H-2 is next, on day 4 instead of day 10.
    const status = await seasonStatusOverHttp(
      'bappeda.kabbogor',
      region,
      (s) => s.mappingDeadline === day(6) && s.seasonEndsAt === `${day(7)}T17:00:00.000Z` && s.remindersSkipped.includes(6),
    );
    // H-2 is next, on day 4 — unless a busy machine let the short test day reach it before this read.
    if (status.remindersSent.includes(2)) expect(status.nextReminder).toBeNull();
    else expect(status.nextReminder).toEqual({ offsetDays: 2, at: `${day(4)}T00:00:00.000Z` });
    expect(status.remindersSkipped).toEqual(expect.arrayContaining([9, 6]));
    expect(status.calendarChanges).toBeGreaterThanOrEqual(1); // the message, not a later re-read

    await stack.temporal.workflow.getHandle(seasonId).result();
    const { dispatches, failedStarts } = await seasonDispatches(seasonId);
    expect(failedStarts).toBe(0);
    for (const agency of [DISHUB, DLH]) {
      const reminders = labels(dispatches, agency).filter((l) => l.startsWith('H'));
      expect(reminders[0]).toBe('H-10');
      expect(['H-10,H-4,H-2', 'H-10,H-2']).toContain(reminders.join(','));
    }
    const h2 = dispatches.find((d) => d.workflowId === notificationDispatchWorkflowId(noProposalKey(region, BUDGET_YEAR, DISHUB, 2)))!;
    expect(h2.request.params).toMatchObject({ mappingDeadline: day(6), offsetDays: 2 });
    expect(h2.request.params.daysLeft).toBeLessThanOrEqual(2);
    // Digests fall on days 3 and 6; those of days 9 and 12 would have come under the old end.
    const digests = labels(dispatches).filter((l) => l.startsWith('D'));
    expect(digests.length).toBeGreaterThan(0);
    expect(['D1', 'D2']).toEqual(expect.arrayContaining(digests));
    const final = await stack.temporal.workflow.getHandle(seasonId).query(seasonStatusQuery);
    expect(final).toMatchObject({ finished: true, digestsSent: digests.length, sentKeys: dispatches.length });
    expect([...final.remindersSent, ...final.remindersSkipped].sort((a, b) => b - a)).toEqual([10, 9, 6, 4, 2]);
  }, 90_000);
});

describe('a long season', () => {
  it('continues as new with its counters and repeats no notice across runs', async () => {
    const region = '32.03'; // Kabupaten Cianjur: no demo users, so made here
    await createTestUser(stack.database.prisma, { username: 'admin.cianjur', grants: [{ role: 'ADMIN', regionCode: region }] });
    await createTestUser(stack.database.prisma, { username: 'officer.cianjur', grants: [{ role: 'OFFICER', regionCode: region, agency: 'Dinas Pariwisata' }] });
    await setMilestone('admin.cianjur', region, 'MAPPING_DEADLINE', day(5));
    await setMilestone('admin.cianjur', region, 'APBD_ENACTMENT', day(7));

    const seasonId = planningSeasonWorkflowId(region, BUDGET_YEAR);
    // Two loop turns per run, so the season continues as new after nearly every step.
    const input: PlanningSeasonInput = { regionCode: region, budgetYear: BUDGET_YEAR, turnsPerRun: 2 };
    const handle = await stack.temporal.workflow.start(PLANNING_SEASON_WORKFLOW_TYPE, {
      workflowId: seasonId,
      taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
      args: [input],
    });
    await handle.result();

    const { dispatches, failedStarts, runs } = await seasonDispatches(seasonId);
    expect(runs).toBeGreaterThan(2);
    expect(failedStarts).toBe(0);
    expect(new Set(dispatches.map((d) => d.workflowId)).size).toBe(dispatches.length);
    // On time: H-6 at once (H-10 and H-9 skipped), H-4, then H-2 and digest 1 together on
    // day 3 (the reminder first), digest 2. Later runs know what earlier ones sent and skipped.
    const sent = labels(dispatches, 'Dinas Pariwisata');
    const reminders = sent.filter((l) => l.startsWith('H')).map((l) => Number(l.slice(2)));
    const digests = sent.filter((l) => l.startsWith('D')).map((l) => Number(l.slice(1)));
    expect(reminders[0]).toBe(6);
    expect(reminders).toEqual([...reminders].sort((a, b) => b - a));
    expect(digests).toEqual([...new Set(digests)].sort((a, b) => a - b));
    const final = await handle.query(seasonStatusQuery);
    expect(final).toMatchObject({ finished: true, remindersSent: reminders, digestsSent: digests.length, sentKeys: dispatches.length });
    expect(final.remindersSkipped).toEqual(expect.arrayContaining([10, 9]));
    expect([...final.remindersSent, ...final.remindersSkipped].sort((a, b) => b - a)).toEqual([10, 9, 6, 4, 2]);
    expect(final.runs).toBe(runs);
  }, 90_000);
});

describe('a national calendar change', () => {
  it('reaches every running season of the budget year, as does a national day off', async () => {
    const region = '32.04'; // Kabupaten Bandung: follows the national dates
    // The national dates are the national calendar keeper's (a seat on the national scope "00").
    await createTestUser(stack.database.prisma, { username: 'kalender.season', grants: [{ role: 'CALENDAR_KEEPER', regionCode: '00' }] });
    await createTestUser(stack.database.prisma, { username: 'admin.bandung', grants: [{ role: 'ADMIN', regionCode: region }] });
    const national = (milestone: string, date: string) =>
      stack.as('kalender.season').put(`/calendars/national/${BUDGET_YEAR}/milestones/${milestone}`).send({ date }).expect(200);
    await national('MAPPING_DEADLINE', day(30));
    await national('APBD_ENACTMENT', day(40));
    await stack.as('admin.bandung').post(`/calendars/${region}/${BUDGET_YEAR}/season`).expect(201);
    await seasonStatusOverHttp('admin.bandung', region, (s) => s.mappingDeadline === day(30));

    // Nothing falls due for days, so only the message can make the season read the calendar again.
    await national('MAPPING_DEADLINE', day(25));
    const moved = await seasonStatusOverHttp('admin.bandung', region, (s) => s.mappingDeadline === day(25));
    expect(moved.calendarChanges).toBe(1);
    expect(moved.nextReminder?.offsetDays).toBe(10);

    await stack
      .as('kalender.season')
      .post('/calendars/days-off')
      .send({ date: day(3), kind: 'CUTI_BERSAMA', description: 'Cuti bersama (uji)' })
      .expect(201);
    await seasonStatusOverHttp('admin.bandung', region, (s) => s.calendarChanges === 2);
    await stack.temporal.workflow.getHandle(planningSeasonWorkflowId(region, BUDGET_YEAR)).terminate('test over');
  });
});
