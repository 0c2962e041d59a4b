// Issue 18, the reporting deadline: once the keeper sets a budget year's deadline, the
// year's check reminds the regions that have not reported (their secretariat and head of
// region) before and after it, then tells their Sekda once; a region that reported hears
// nothing; the drill-down and the summary show who was reminded; Kota Jayapura (WIT) is
// reminded at 07:00 WIT, two hours before the WIB regions; the keeper's change of the
// deadline is in the audit trail. Timeline days last 4 s (six rounds a day: two levels, three zones).
import { addDays, localInstant } from '../../domain/local-date';
import { createTestUser } from '../support/auth';
import { reportingDeadlineStatusQuery, reportingDeadlineWorkflowId } from '../../workflows/reporting-deadline/definitions';
import { maybeRecordWorkflowHistory } from '../support/histories';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

let stack: TestStack;
const YEAR = 2031;
const JAYAPURA = '91.71'; // Papua: WIT (UTC+9)

beforeAll(async () => {
  stack = await startTestStack({
    TIMELINE_DAY_MS: '4000',
    REPORTING_REMINDER_OFFSETS_DAYS: '1,0',
    OVERDUE_REMINDER_EVERY_DAYS: '1',
    ESCALATE_AFTER_OVERDUE_DAYS: '2',
    // Keeps the provinces' deadline out of this test's few timeline days.
    PROVINCE_REPORTING_AFTER_DAYS: '200',
  });
  await createTestUser(stack.database.prisma, { username: 'sekretariat.kotajayapura', grants: [{ role: 'SECRETARIAT', regionCode: JAYAPURA }] });
});
afterAll(async () => {
  await stack?.temporal.workflow
    .getHandle(reportingDeadlineWorkflowId(YEAR, stack.config.TEMPORAL_WORKFLOW_ID_SCOPE))
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
  const deadline = addDays(todayWib, 1);
  await stack.as('kalender.kemendagri').put(`/reporting/deadlines/${YEAR}`).send({ date: deadline }).expect(200);
  const audited = await stack.database.prisma.auditEvent.findMany({ where: { action: 'REPORTING_DEADLINE_SET', entityId: String(YEAR) } });
  expect(audited).toEqual([
    expect.objectContaining({ actorName: expect.any(String), entity: 'REPORTING_DEADLINE', before: null, after: expect.objectContaining({ date: deadline }) }),
  ]);

  const handle = stack.temporal.workflow.getHandle(reportingDeadlineWorkflowId(YEAR, stack.config.TEMPORAL_WORKFLOW_ID_SCOPE));
  // H-0 on the deadline, OVERDUE-1, then OVERDUE-2 escalates, OVERDUE-3 must not escalate again.
  let last: unknown;
  await waitFor(
    () => `three overdue rounds (last status: ${JSON.stringify(last)})`,
    async () => {
      const status = await handle.query(reportingDeadlineStatusQuery);
      last = status;
      return status.rounds.includes('REGENCY/WIB:OVERDUE-3');
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

  // Each region hears at 07:00 of its own zone: the deadline day's round at 07:00 WIT (UTC+9) in Jayapura, 07:00 WIB (UTC+7) in Bogor.
  expect((await handle.query(reportingDeadlineStatusQuery)).rounds).toEqual(expect.arrayContaining(['REGENCY/WIT:H-0', 'REGENCY/WIB:H-0']));
  const onTheDay = (regionCode: string) =>
    stack.database.prisma.reportingNotice.findUnique({ where: { budgetYear_regionCode_kind: { budgetYear: YEAR, regionCode, kind: 'H-0' } } });
  expect((await onTheDay(JAYAPURA))?.sentAt).toEqual(localInstant(deadline, 7, 0, 540));
  expect((await onTheDay('32.01'))?.sentAt).toEqual(localInstant(deadline, 7, 0, 420));
  expect(await notices('sekretariat.kotajayapura', 'REPORT_DUE')).toBeGreaterThanOrEqual(1);
  await maybeRecordWorkflowHistory(stack, reportingDeadlineWorkflowId(YEAR, stack.config.TEMPORAL_WORKFLOW_ID_SCOPE), 'reporting-deadline-reminders');
}, 120_000);
