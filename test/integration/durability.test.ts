// Nothing a user submitted is lost when the worker is down or restarts mid-process.
import { decide, passDeliberation, planAt, waitForStage } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { quietPeriod } from '../support/wait';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

it('takes a decision sent while no worker runs, once a worker is back', async () => {
  const planId = await planAt(stack, 'VERIFICATION');
  await stack.stopWorker();

  const decision = decide(stack, planId, 'VERIFICATION', 'APPROVE').then((response) => response);
  // The decision must not be taken while no worker runs: an absence, so a window of time.
  await quietPeriod(1500, 'the plan stays at VERIFICATION without a worker');
  const stillWaiting = await stack.database.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId } });
  expect(stillWaiting.stage).toBe('VERIFICATION');

  await stack.startWorker();
  const response = await decision;
  expect(response.status).toBe(200);
  expect(response.body).toMatchObject({ stage: 'BAPPEDA_REVIEW', liveStage: 'BAPPEDA_REVIEW' });
  expect(await stack.database.prisma.planTransition.count({ where: { planId } })).toBe(2);
});

it('finishes a plan whose worker was restarted between every step, without duplicates', async () => {
  const planId = await planAt(stack, 'VERIFICATION');
  for (const stage of ['VERIFICATION', 'BAPPEDA_REVIEW', 'TKKSD_DELIBERATION', 'HEAD_OF_REGION_APPROVAL']) {
    await stack.stopWorker();
    await stack.startWorker();
    if (stage === 'TKKSD_DELIBERATION') await passDeliberation(stack, planId);
    else await decide(stack, planId, stage, 'APPROVE').expect(200);
  }
  // The worker goes down while the RKPD sync may be running: the sync resumes on the new one.
  await stack.stopWorker();
  await stack.startWorker();
  await waitForStage(stack, planId, 'BUDGET_SIGNOFF');
  await decide(stack, planId, 'BUDGET_SIGNOFF', 'APPROVE').expect(200);
  await stack.stopWorker();
  await stack.startWorker();
  await decide(stack, planId, 'RKA_CONFIRMATION', 'APPROVE').expect(200);
  await stack.temporal.workflow.getHandle(`cooperation-plan-${planId}`).result();

  const prisma = stack.database.prisma;
  expect(await prisma.planTransition.count({ where: { planId } })).toBe(8);
  // Two lines in each of RKPD, Renja, KUA-PPAS and RKA.
  expect(await prisma.documentLine.count({ where: { planId } })).toBe(8);
  expect(await prisma.tkksdVote.count({ where: { planId } })).toBe(3);
  expect(await prisma.reviewTask.count({ where: { planId } })).toBe(6);
  expect(await prisma.reviewTask.count({ where: { planId, status: 'OPEN' } })).toBe(0);
});
