// Fault injection: the Temporal server (a dev server of this test's own, its state in a
// file) is stopped for ten seconds while plans go through their lifecycle, then started
// again on the same port and file. Meanwhile the API answers 503, never 500; afterwards
// every plan reaches its end with nothing lost or doubled.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { startTemporalDevServer, type TemporalDevServer } from '../../apps/standalone/src/temporal-dev-server';
import { testEnvironment } from '../support/environment';
import { findFreePort } from '../support/free-port';
import { createPlan } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { letTimePass, waitFor } from '../support/wait';
import { ResponseLog, driveToCompletion, expectPlansIntact } from './fault-harness';

jest.setTimeout(300_000);

const PLANS = 3;

describe('Temporal restarted during lifecycles', () => {
  const responses = new ResponseLog();
  let dir: string;
  let port: number;
  let server: TemporalDevServer | undefined;
  let stack: TestStack;
  const startServer = async () => {
    server = await startTemporalDevServer({ binary: testEnvironment().temporalCliPath, port, dbFile: path.join(dir, 'temporal.db'), log: () => undefined });
    return server;
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jalin-fault-temporal-'));
    port = await findFreePort();
    const { address } = await startServer();
    stack = await startTestStack({ LOG_LEVEL: 'info' }, { logDestination: responses, temporalAddress: address });
  });
  afterAll(async () => {
    await stack?.stop();
    await server?.stop();
    await rm(dir, { recursive: true, force: true });
  });

  it('answers 503 while Temporal is down and brings every plan to its end after', async () => {
    const planIds = await Promise.all(Array.from({ length: PLANS }, () => createPlan(stack)));
    const journeys = Promise.all(planIds.map((planId) => driveToCompletion(stack, planId)));
    const outage = (async () => {
      await waitFor(
        'the plans under way',
        async () => (await stack.database.prisma.planTransition.count({ where: { planId: { in: planIds } } })) >= PLANS * 3,
        120_000,
      );
      await server!.stop();
      server = undefined;
      await letTimePass(10_000, 'ten seconds without Temporal');
      await startServer();
    })();
    await Promise.all([journeys, outage]);
    expect(responses.statuses.filter((entry) => entry.status === 503).length).toBeGreaterThan(0);
    await expectPlansIntact(stack, stack.temporal, planIds, responses);
  });
});
