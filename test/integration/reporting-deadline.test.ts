// Issue 18, the reporting deadline: once the keeper sets a budget year's deadline, the
// year's check reminds the regions that have not reported (their secretariat and head of
// region) before and after it, then tells their Sekda once; a region that reported hears
// nothing; the drill-down and the summary show who was reminded. Timeline days last 2 s.
import { addDays } from '../../domain/local-date';
import { reportingDeadlineStatusQuery, reportingDeadlineWorkflowId } from '../../workflows/reporting-deadline/definitions';
import { maybeRecordWorkflowHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

let stack: TestStack;
const YEAR = 2031;

beforeAll(async () => {
  stack = await startTestStack({
    TIMELINE_DAY_MS: '2000',
    REPORTING_REMINDER_OFFSETS_DAYS: '1,0',
    OVERDUE_REMINDER_EVERY_DAYS: '1',
    ESCALATE_AFTER_OVERDUE_DAYS: '2',
    // Keeps the provinces' deadline out of this test's few timeline days.
    PROVINCE_REPORTING_AFTER_DAYS: '200',
  });
});
afterAll(async () => {
  await stack?.temporal.workflow
    .getHandle(reportingDeadlineWorkflowId(YEAR))
    .terminate('test over')
    .catch(() => undefined);
  await stack?.stop();
});

const notices = (username: string, template: string) => stack.database.prisma.notification.count({ where: { template, user: { username } } });

it('reminds the region that has not reported, escalates to its Sekda once, and leaves the one that reported alone', async () => {
  for (const [user, action] of [
    ['sekretariat.kotabogor', 'compile'],
    ['walikota.kotabogor', 'sign-off'],
    ['sekretariat.kotabogor', 'submit'],
  ]) {
    await stack.as(user).post(`/reports/32.71/${YEAR}/${action}`).send({}).expect(200);
  }
  // Only the keeper or the ministry starts the check.
  await stack.as('sekretariat.kabbogor').post(`/reporting/deadlines/${YEAR}/check`).expect(403);
  const todayWib = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
  await stack
    .as('kalender.kemendagri')
    .put(`/reporting/deadlines/${YEAR}`)
    .send({ date: addDays(todayWib, 1) })
    .expect(200);

  const handle = stack.temporal.workflow.getHandle(reportingDeadlineWorkflowId(YEAR));
  // H-0 on the deadline, OVERDUE-1, then OVERDUE-2 escalates, OVERDUE-3 must not escalate again.
  let last: unknown;
  await waitFor(
    () => `three overdue rounds (last status: ${JSON.stringify(last)})`,
    async () => {
      const status = await handle.query(reportingDeadlineStatusQuery);
      last = status;
      return status.rounds.includes('REGENCY:OVERDUE-3');
    },
    60_000,
    200,
  );
  await waitFor('the Sekda of Kabupaten Bogor escalated to', async () => (await notices('sekda.kabbogor', 'REPORT_ESCALATED')) === 1);
  await waitFor(
    'the reminders delivered',
    async () => (await notices('sekretariat.kabbogor', 'REPORT_DUE')) >= 4 && (await notices('bupati.kabbogor', 'REPORT_DUE')) >= 4,
  );
  expect(await notices('sekda.kabbogor', 'REPORT_ESCALATED')).toBe(1);
  expect(await notices('sekretariat.kotabogor', 'REPORT_DUE')).toBe(0);
  expect(await notices('sekda.kotabogor', 'REPORT_ESCALATED')).toBe(0);

  const report = (await stack.as('reviewer.kemendagri').get(`/reports/32.01/${YEAR}`).expect(200)).body;
  expect(report.notices.map((n: { kind: string }) => n.kind)).toEqual(expect.arrayContaining(['H-0', 'OVERDUE-1', 'OVERDUE-2', 'ESCALATED']));
  expect(report.status).toBeNull();
  const summary = (await stack.as('reviewer.kemendagri').get('/reporting/summary').query({ budgetYear: YEAR }).expect(200)).body;
  const kab = summary.regions.find((r: { code: string }) => r.code === '32.01');
  expect(kab).toMatchObject({ escalated: true, reminders: expect.any(Number) });
  expect(kab.reminders).toBeGreaterThanOrEqual(3);
  expect(summary.regions.find((r: { code: string }) => r.code === '32.71')).toMatchObject({ status: 'SUBMITTED', reminders: 0, escalated: false });
  await maybeRecordWorkflowHistory(stack, reportingDeadlineWorkflowId(YEAR), 'reporting-deadline-reminders');
}, 120_000);
