// Issue 17: a five-year agreement on the real stack with the day shortened to 40 ms (five
// years ≈ 73 s): the owning agency files a monev report each semester and the secretariat
// accepts it; the run continues as new at each reporting period carrying its state, so no
// run's history grows with the term; the expiry reminders (90, 60, 30, 7, 0 days before the
// end) arrive in order, once each, across continue-as-new and a worker restart.
import { AGREEMENT_SECRETARIAT, agreementInForce, dispatchedExpiryReminders } from '../support/agreement-journey';
import { OFFICER, planAt } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { maybeRecordWorkflowHistory } from '../support/histories';
import { letTimePass, waitFor } from '../support/wait';
import { addDays, localDateOf } from '../../domain/local-date';
import { addMonths } from '../../domain/reporting-period';
import { agreementStatusQuery } from '../../workflows/cooperation-agreement/definitions';

let stack: TestStack;
const SECRETARIAT = AGREEMENT_SECRETARIAT;
const DAY_MS = 40;
/** Long service periods and a rare overdue reminder: under a 40 ms day, the steps of the plan and agreement must not flood the inbox. */
const LONG = 'PREPARATION=400,OFFER=400,KB_DRAFTING=400,KB_SIGNING=400,PKS_DRAFTING=400,PKS_LEGAL_REVIEW=400,PKS_SIGNING=400,EVALUATION=400';

beforeAll(async () => {
  stack = await startTestStack({
    TIMELINE_DAY_MS: String(DAY_MS),
    AGREEMENT_SERVICE_WORKING_DAYS: LONG,
    SERVICE_WORKING_DAYS:
      'VERIFICATION=400,BAPPEDA_REVIEW=400,TKKSD_DELIBERATION=400,HEAD_OF_REGION_APPROVAL=400,BUDGET_SIGNOFF=400,DPRD_APPROVAL=400,RKA_CONFIRMATION=400',
    REMINDER_OFFSETS_DAYS: '0',
    OVERDUE_REMINDER_EVERY_DAYS: '366',
  });
});
afterAll(async () => {
  await stack?.stop();
});

it('keeps every run’s history small through a five-year term with semester reports, and reminds of the end in order, once each', async () => {
  const plan = await planAt(stack, 'COMPLETED');
  const workflowId = `agreement-${plan}`;
  const id = (await stack.as(SECRETARIAT).post(`/plans/${plan}/agreement`).send({}).expect(201)).body.id as string;
  const today = localDateOf(new Date(), 'Asia/Jakarta');
  const endsOn = addDays(addMonths(today, 60), -1);
  await agreementInForce(stack, id, { kb: '180/5/KB/2027', pks: '180/5/PKS/2027' }, { startsOn: today, endsOn });

  const lines = await stack.database.prisma.planLineItem.findMany({ where: { planId: plan }, orderBy: { position: 'asc' } });
  const handle = stack.temporal.workflow.getHandle(workflowId);
  const periodNow = async () => (await handle.query(agreementStatusQuery)).reportingPeriod ?? 0;
  const reminders = () =>
    stack.database.prisma.notification.findMany({ where: { planId: plan, template: 'AGREEMENT_EXPIRING' }, orderBy: { createdAt: 'asc' } });
  let restarted = false;
  for (let period = 1; period <= 10; period++) {
    await waitFor(`reporting period ${period}`, async () => (await periodNow()) >= period, 30_000, 20);
    const filed = await stack
      .as(OFFICER)
      .post(`/agreements/${id}/reports`)
      .send({ progressPercent: period * 10, budgetLines: [{ lineId: lines[0].id, realised: period * 1_000_000 }] })
      .expect(200);
    const mine = filed.body.reports[filed.body.reports.length - 1];
    await stack.as(SECRETARIAT).post(`/agreements/${id}/reports/${mine.sequence}/review`).send({ outcome: 'ACCEPT' }).expect(200);
  }
  // The end nears: once the first expiry reminder is out, the worker is down while the next two fall due.
  await waitFor('the first expiry reminder', async () => (await reminders()).length > 0, 30_000, 20);
  await stack.stopWorker();
  await letTimePass(2_000, 'fifty days of the agreement’s clock while no worker runs');
  await stack.startWorker();
  restarted = true;
  await waitFor(
    'the evaluation at the end date',
    async () => (await stack.database.prisma.agreement.findUniqueOrThrow({ where: { id } })).stage === 'EVALUATION',
    60_000,
  );

  const reports = await stack.database.prisma.agreementReport.findMany({ where: { agreementId: id }, orderBy: { sequence: 'asc' } });
  expect(reports.map((r) => [r.period, r.status])).toEqual(Array.from({ length: 10 }, (_, i) => [i + 1, 'ACCEPTED']));

  // Each reminder reached the secretariat once (a notice is keyed by the reminder)…
  const secretariat = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: SECRETARIAT } });
  const received = (await reminders()).filter((n) => n.userId === secretariat.id).map((n) => n.key.split(':').pop());
  expect(restarted).toBe(true);
  expect([...received].sort()).toEqual(['H-0', 'H-30', 'H-60', 'H-7', 'H-90']);

  // …and was dispatched in order, across the runs: every run of the workflow, oldest first.
  const runs = await dispatchedExpiryReminders(stack, workflowId);
  expect(runs.flatMap((r) => r.dispatched)).toEqual(['H-90', 'H-60', 'H-30', 'H-7', 'H-0']);
  const lengths = runs.map((r) => r.events);
  const total = lengths.reduce((a, b) => a + b, 0);
  process.stdout.write(
    `five-year agreement: ${runs.length} runs, history events per run ${lengths.join(', ')} (longest ${Math.max(...lengths)}, all runs ${total})\n`,
  );
  // Ten semesters, each its own run: no run holds more than a semester's (or the end's) events.
  expect(runs.length).toBeGreaterThanOrEqual(10);
  expect(Math.max(...lengths.slice(1))).toBeLessThan(150);
  await maybeRecordWorkflowHistory(stack, workflowId, 'agreement-five-year-last-run');
}, 300_000);
