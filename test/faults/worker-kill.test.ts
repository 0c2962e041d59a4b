// Fault injection: the only worker, a process of its own, is killed with SIGKILL every few
// seconds (and started again) while plans go through their whole lifecycle. Afterwards
// every plan is COMPLETED, the read model equals the workflow, nothing is duplicated, every
// due notice went out once, and no client was answered 500.
import { OFFICER, advanceTo, createPlan } from '../support/plan-journey';
import { testEnvironment } from '../support/environment';
import { startTestStack, type TestStack } from '../support/test-stack';
import { ResponseLog, expectPlansIntact, startWorkerProcess, type WorkerProcess } from './fault-harness';

jest.setTimeout(300_000);

const PLANS = 3;
const KILL_EVERY_MS = 8_000;

describe('worker killed with SIGKILL during lifecycles', () => {
  const responses = new ResponseLog();
  let stack: TestStack;
  let worker: WorkerProcess;
  const startWorker = () =>
    startWorkerProcess({
      DATABASE_URL: stack.database.url,
      TEMPORAL_ADDRESS: testEnvironment().temporalAddress,
      TEMPORAL_TASK_QUEUE: stack.config.TEMPORAL_TASK_QUEUE,
    });

  beforeAll(async () => {
    stack = await startTestStack({ LOG_LEVEL: 'info' }, { logDestination: responses, withoutWorker: true });
    worker = startWorker();
  });
  afterAll(async () => {
    worker?.child.kill('SIGTERM');
    await worker?.exited;
    await stack?.stop();
  });

  it('brings every plan to its end with nothing lost, doubled or answered 500', async () => {
    let kills = 0;
    let running = true;
    let planIds: string[] = [];
    const progress = () => stack.database.prisma.planTransition.count({ where: { planId: { in: planIds } } });
    const killer = (async () => {
      let atLastKill = 0;
      while (running) {
        // Each worker gets to move some plan on before it dies, however slow the machine:
        // otherwise a worker still starting would be killed again and again. The first dies
        // at the first step, so even a fast machine sees a kill before the plans are done.
        while (running && (await progress()) <= atLastKill) await new Promise((resolve) => setTimeout(resolve, 200));
        if (!running) break;
        atLastKill = await progress();
        worker.child.kill('SIGKILL');
        await worker.exited;
        kills += 1;
        worker = startWorker();
        await new Promise((resolve) => setTimeout(resolve, KILL_EVERY_MS));
      }
    })();
    try {
      planIds = await Promise.all(Array.from({ length: PLANS }, () => createPlan(stack)));
      // Each step may wait out a killed attempt's timeouts: minutes, not the usual half minute.
      await Promise.all(planIds.map((planId) => advanceTo(stack, planId, 'COMPLETED', OFFICER, 180_000)));
    } finally {
      running = false;
      await killer;
    }
    expect(kills).toBeGreaterThan(0);
    await expectPlansIntact(stack, stack.temporal, planIds, responses);
  });
});
