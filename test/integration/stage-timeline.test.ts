// Issue 5 on the real Temporal dev server: every review stage gets a due date from the
// calendar and its service period; reminders go out on durable timers in order, stop
// when the task is done, escalate to the Sekda, survive a worker restart without
// duplicates and follow a calendar change. A timeline day lasts 1.5 s here.
import { defaultPayloadConverter } from '@temporalio/common';
import type { temporal } from '@temporalio/proto';
import { addDays, localDateAtOffset } from '../../domain/local-date';
import { nextReminder } from '../../domain/reminder-schedule';
import { addWorkingDays, holidaySet } from '../../domain/working-days';
import { CalendarRepository } from '../../persistence/calendar.repository';
import { planWorkflowId } from '../../workflows/cooperation-plan/definitions';
import type { NotificationRequest } from '../../domain/notification';
import { maybeRecordHistory } from '../support/histories';
import { REVIEWER, decide, planAt } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { letTimePass, quietPeriod, waitFor } from '../support/wait';

const WIB = 420;
const ADMIN = 'admin.kotabogor';

interface Dispatch {
  key: string;
  request: NotificationRequest;
}

/** The notifications a plan's workflow asked for, in the order it asked. */
async function dispatches(stack: TestStack, planId: string): Promise<Dispatch[]> {
  const history = await stack.temporal.workflow.getHandle(planWorkflowId(planId)).fetchHistory();
  const events = (history.events ?? []) as temporal.api.history.v1.IHistoryEvent[];
  const failedStarts = events.filter((event) => event.startChildWorkflowExecutionFailedEventAttributes);
  // A repeated key would show as a refused start: the workflow must never even try.
  expect(failedStarts).toEqual([]);
  return events
    .map((event) => event.startChildWorkflowExecutionInitiatedEventAttributes)
    .filter((started): started is temporal.api.history.v1.IStartChildWorkflowExecutionInitiatedEventAttributes => !!started)
    .map((started) => {
      const request = defaultPayloadConverter.fromPayload<NotificationRequest>(started.input!.payloads![0]);
      return { key: request.key, request };
    });
}

/** How many times the workflow asked for the due date of the stage its task `openSequence` belongs to. */
async function deadlineAsks(stack: TestStack, planId: string, openSequence: number): Promise<number> {
  const history = await stack.temporal.workflow.getHandle(planWorkflowId(planId)).fetchHistory();
  return ((history.events ?? []) as temporal.api.history.v1.IHistoryEvent[])
    .map((event) => event.activityTaskScheduledEventAttributes)
    .filter((scheduled) => scheduled?.activityType?.name === 'planStageDeadline')
    .filter((scheduled) => defaultPayloadConverter.fromPayload<{ openSequence: number }>(scheduled!.input!.payloads![0]).openSequence === openSequence).length;
}

async function planView(stack: TestStack, planId: string) {
  return (await stack.as(REVIEWER.VERIFICATION).get(`/plans/${planId}`).expect(200)).body;
}

const SCHEDULE = { reminderOffsetsDays: [2, 1, 0], overdueEveryDays: 1, escalateAfterOverdueDays: 2 };

/** The first `count` reminder ids of a task due on `dueDate`, from a week before. */
function scheduleOf(dueDate: string, count: number): string[] {
  const ids: string[] = [];
  for (let after = new Date(`${addDays(dueDate, -7)}T00:00:00Z`); ids.length < count;) {
    const reminder = nextReminder(dueDate, SCHEDULE, WIB, after);
    ids.push(reminder.id);
    after = reminder.at;
  }
  return ids;
}

/** Reminder ids (`H-1`, `OVERDUE-2`…) of one task's dispatches. */
function reminderIds(list: Dispatch[], planId: string, openSequence: number): string[] {
  const prefix = `plan:${planId}:t${openSequence}:`;
  return list.filter((d) => d.key.startsWith(prefix) && !d.key.includes(':remedy:')).map((d) => d.key.slice(prefix.length).split(':')[1]);
}

describe('reminders and escalation', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      TIMELINE_DAY_MS: '1500',
      REMINDER_OFFSETS_DAYS: '2,1,0',
      ESCALATE_AFTER_OVERDUE_DAYS: '2',
      SERVICE_WORKING_DAYS: 'VERIFICATION=2,BAPPEDA_REVIEW=2',
    });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('gives the stage a due date, reminds in order, escalates to the Sekda and stops once the task is done', async () => {
    const planId = await planAt(stack, 'VERIFICATION');

    const escalated = await waitFor('the escalation', async () => {
      const plan = await planView(stack, planId);
      return plan.timeline?.escalated && plan;
    });
    // Budget year 2027's mapping deadline (31 Jan 2026) is long past: the service period sets the date.
    expect(escalated.timeline.deadline).toMatchObject({
      stage: 'VERIFICATION',
      basis: 'SERVICE_PERIOD',
      serviceWorkingDays: 2,
      milestone: { code: 'MAPPING_DEADLINE' },
    });
    // Missing the mapping deadline needs no remedy: the plan only misses the initial RKPD draft.
    expect(escalated.remedy).toBeNull();
    const task = await stack.database.prisma.reviewTask.findFirstOrThrow({ where: { planId, status: 'OPEN' } });
    expect(task.dueAt?.toISOString()).toBe(escalated.timeline.deadline.dueAt);
    expect(task).toMatchObject({ dueBasis: 'SERVICE_PERIOD', milestone: 'MAPPING_DEADLINE', escalatedAt: expect.any(Date) });
    const inbox = await stack.as(REVIEWER.VERIFICATION).get('/review-tasks').query({ stage: 'VERIFICATION' }).expect(200);
    expect(inbox.body.items.find((t: { planId: string }) => t.planId === planId)).toMatchObject({
      dueAt: escalated.timeline.deadline.dueAt,
      dueBasis: 'SERVICE_PERIOD',
    });

    const sent = await dispatches(stack, planId);
    const ids = reminderIds(sent, planId, task.openSequence);
    // In the schedule's order, each once, ending with the overdue ones up to the escalation.
    const schedule = scheduleOf(escalated.timeline.deadline.dueDate, 10);
    const reminders = ids.filter((id) => id !== 'ESCALATION');
    expect(reminders).toEqual(schedule.filter((id) => reminders.includes(id)));
    expect(new Set(sent.map((d) => d.key)).size).toBe(sent.length);
    expect(reminders).toEqual(expect.arrayContaining(['OVERDUE-1', 'OVERDUE-2']));
    expect(ids.filter((id) => id === 'ESCALATION')).toHaveLength(1);
    // The mapping deadline passed with no remedy due: judged once on entry, not again at each reminder.
    expect(await deadlineAsks(stack, planId, task.openSequence)).toBe(1);

    // Nobody had claimed the task: every secretariat member of the region was reminded; the Sekda got the escalation.
    const overdue = sent.find((d) => d.key.endsWith(':OVERDUE-1'))!.request;
    expect(overdue).toMatchObject({ template: 'TASK_OVERDUE', regionCode: '32.71', recipients: { roles: [{ role: 'SECRETARIAT', regionCode: '32.71' }] } });
    expect(overdue.params).toMatchObject({ stage: 'VERIFICATION', daysOverdue: 1, dueAt: escalated.timeline.deadline.dueAt });
    const escalation = sent.find((d) => d.key.endsWith(':ESCALATION'))!.request;
    expect(escalation).toMatchObject({ template: 'TASK_ESCALATED', recipients: { roles: [{ role: 'SEKDA', regionCode: '32.71' }] } });
    const audit = await stack.database.prisma.auditEvent.findMany({ where: { planId, action: 'TASK_ESCALATED' } });
    expect(audit).toHaveLength(1);
    // The dispatch stored it in the Sekda's in-app inbox, in Indonesian.
    const escalationKey = sent.find((d) => d.key.endsWith(':ESCALATION'))!.key;
    const sekda = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: 'sekda.kotabogor' } });
    const inApp = await waitFor('the Sekda’s notification', () =>
      stack.database.prisma.notification.findMany({ where: { key: escalationKey } }).then((rows) => rows.length > 0 && rows),
    );
    expect(inApp).toEqual([expect.objectContaining({ userId: sekda.id, template: 'TASK_ESCALATED', planId })]);
    const unread = await stack.as('sekda.kotabogor').get('/notifications').query({ unread: 'true' }).expect(200);
    expect(unread.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ id: inApp[0].id, template: 'TASK_ESCALATED', title: expect.stringMatching(/\S/) })]),
    );

    // Claimed: the reminders now go to the one who holds the task.
    await stack.as(REVIEWER.VERIFICATION).post(`/plans/${planId}/task/claim`).send({}).expect(200);
    const claimant = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: REVIEWER.VERIFICATION } });
    await waitFor('a reminder to the claimant', async () => {
      const after = await dispatches(stack, planId);
      return after.some((d) => d.request.recipients.userIds?.includes(claimant.id));
    });

    await decide(stack, planId, 'VERIFICATION', 'APPROVE').expect(200);
    const countAtApproval = reminderIds(await dispatches(stack, planId), planId, task.openSequence).length;
    // No reminder is an absence that no event marks, so the three days are waited out.
    // Three timeline days later the finished task has had no further reminder…
    await quietPeriod(4_500, 'three timeline days without a reminder for the finished task');
    const later = await dispatches(stack, planId);
    expect(reminderIds(later, planId, task.openSequence)).toHaveLength(countAtApproval);
    // …while the Bappeda stage has its own due date and reminders.
    const atBappeda = await planView(stack, planId);
    expect(atBappeda.timeline.deadline).toMatchObject({ stage: 'BAPPEDA_REVIEW', milestone: { code: 'RKPD_SET' } });
    expect(reminderIds(later, planId, atBappeda.timeline.openSequence).length).toBeGreaterThan(0);
    await maybeRecordHistory(stack, planId, 'reminders-and-escalation');
  });

  it('sends the remedy when the plan reaches Bappeda after the RKPD is set', async () => {
    const planId = await planAt(stack, 'BAPPEDA_REVIEW');
    // The remedy row is written by the deadline activity; the timeline carries it once the workflow has the activity's answer.
    const plan = await waitFor('the remedy', async () => {
      const view = await planView(stack, planId);
      return view.remedy && view.timeline?.remedy && view;
    });
    // Budget year 2027: the RKPD was set on 30 Jun 2026 and the KUA-PPAS agreed in August: only the RKPD amendment is left.
    expect(plan.remedy).toMatchObject({ remedy: 'RKPD_AMENDMENT', milestone: 'RKPD_SET', label: { id: 'Perubahan RKPD' } });
    expect(plan.timeline.remedy).toEqual({ milestone: 'RKPD_SET', remedy: 'RKPD_AMENDMENT' });
    const sent = await dispatches(stack, planId);
    const notice = sent.find((d) => d.request.template === 'MILESTONE_MISSED')!.request;
    const officer = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: 'officer.kotabogor' } });
    expect(notice).toMatchObject({
      recipients: { userIds: [officer.id], roles: [{ role: 'BAPPEDA', regionCode: '32.71' }] },
      params: { remedy: 'RKPD_AMENDMENT', milestoneDate: '2026-06-30' },
    });
    const audit = await stack.database.prisma.auditEvent.findMany({ where: { planId, action: 'MILESTONE_MISSED' } });
    expect(audit).toEqual([expect.objectContaining({ details: expect.objectContaining({ milestone: 'RKPD_SET', remedy: 'RKPD_AMENDMENT' }) })]);
  });

  it('sends no reminder twice when the worker stops for days and comes back', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    const openSequence = await waitFor('a first reminder', async () => {
      const view = await planView(stack, planId);
      const sent = view.timeline && reminderIds(await dispatches(stack, planId), planId, view.timeline.openSequence);
      return sent?.length ? view.timeline.openSequence : undefined;
    });
    await stack.stopWorker();
    const beforeOutage = reminderIds(await dispatches(stack, planId), planId, openSequence);
    // The outage itself: four timeline days pass on the server's timers with no worker to see them.
    await letTimePass(6_000, 'four timeline days with the worker down');
    await stack.startWorker();
    await waitFor('the escalation after the restart', async () => (await planView(stack, planId)).timeline?.escalated);
    const after = reminderIds(await dispatches(stack, planId), planId, openSequence);
    expect(after.slice(0, beforeOutage.length)).toEqual(beforeOutage);
    expect(new Set(after).size).toBe(after.length);
    // Four timeline days passed unattended: the backlog was not sent as a burst, only the last day's.
    const reminders = after.filter((id) => id !== 'ESCALATION');
    const dueDate = (await planView(stack, planId)).timeline.deadline.dueDate;
    const scheduled = scheduleOf(dueDate, 12);
    const upToLast = scheduled.slice(0, scheduled.indexOf(reminders[reminders.length - 1]) + 1);
    expect(reminders.length).toBeLessThan(upToLast.length);
    expect(reminders).toEqual(upToLast.filter((id) => reminders.includes(id)));
  });
});

describe('a calendar change', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ TIMELINE_DAY_MS: '3000', REMINDER_OFFSETS_DAYS: '7,3,1,0', SERVICE_WORKING_DAYS: 'VERIFICATION=20' });
  });
  afterAll(async () => {
    await stack?.stop();
  });

  it('moves the due date of running plans and reschedules their reminders without a restart', async () => {
    const today = localDateAtOffset(new Date(), WIB);
    const setMappingDeadline = (date: string) =>
      stack.as(ADMIN).put('/calendars/32.71/2027/milestones/MAPPING_DEADLINE').send({ date, note: 'Uji penjadwalan ulang' }).expect(200);
    await setMappingDeadline(addDays(today, 5));
    const planId = await planAt(stack, 'VERIFICATION');
    const first = await waitFor('the first due date', async () => (await planView(stack, planId)).timeline);
    expect(first.deadline).toMatchObject({ basis: 'MILESTONE', dueDate: addDays(today, 5) });

    await setMappingDeadline(addDays(today, 9));
    const moved = await waitFor('the new due date', async () => {
      const timeline = (await planView(stack, planId)).timeline;
      return timeline?.deadline.dueDate === addDays(today, 9) && timeline;
    });
    expect(moved.deadline.basis).toBe('MILESTONE');
    const task = await stack.database.prisma.reviewTask.findFirstOrThrow({ where: { planId, status: 'OPEN' } });
    expect(task.dueAt?.toISOString()).toBe(moved.deadline.dueAt);
    // The next reminder counts down to the new date.
    const next = nextReminder(addDays(today, 9), { reminderOffsetsDays: [7, 3, 1, 0], overdueEveryDays: 1, escalateAfterOverdueDays: 3 }, WIB, new Date(0));
    expect(['H-7', 'H-3', 'H-1', 'H-0']).toContain(moved.nextReminderId);
    expect(Date.parse(moved.nextReminderAt)).toBeGreaterThanOrEqual(next.at.getTime());
    await waitFor('a reminder for the new date', async () => (await dispatches(stack, planId)).some((d) => d.key.includes(`:${addDays(today, 9)}:`)));
    await maybeRecordHistory(stack, planId, 'calendar-change');
  });

  it("moves a plan's due date when a day off in its service period is added or removed", async () => {
    // Without the mapping override (already behind the plan by default) the service period sets the due date.
    await stack
      .as(ADMIN)
      .delete('/calendars/32.71/2027/milestones/MAPPING_DEADLINE')
      .expect((res) => expect([204, 404]).toContain(res.status));
    const today = localDateAtOffset(new Date(), WIB);
    const planId = await planAt(stack, 'VERIFICATION');
    const first = await waitFor('a service-period due date', async () => {
      const timeline = (await planView(stack, planId)).timeline;
      return timeline?.deadline.basis === 'SERVICE_PERIOD' && timeline;
    });
    const holidays = await new CalendarRepository(stack.database.prisma).holidays(today, addDays(today, 366), '32.71');
    expect(first.deadline.dueDate).toBe(addWorkingDays(today, 20, holidays));

    const dayOff = addWorkingDays(today, 2, holidays);
    await stack.as(ADMIN).post('/calendars/days-off').send({ date: dayOff, kind: 'LIBUR_DAERAH', description: 'Uji', regionCode: '32.71' }).expect(201);
    const later = addWorkingDays(today, 20, holidaySet(holidays, [dayOff]));
    expect(later > first.deadline.dueDate).toBe(true);
    await waitFor('the later due date', async () => (await planView(stack, planId)).timeline?.deadline.dueDate === later);

    await stack.as(ADMIN).delete(`/calendars/days-off/${dayOff}`).query({ regionCode: '32.71' }).expect(200);
    await waitFor('the first due date again', async () => (await planView(stack, planId)).timeline?.deadline.dueDate === first.deadline.dueDate);
  });
});
