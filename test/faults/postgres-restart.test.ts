// Fault injection: PostgreSQL (a cluster of this test's own) crashes and comes back eight
// seconds later while plans go through their lifecycle. Meanwhile the API answers 503,
// never 500; afterwards every plan reaches its end with nothing lost or doubled.
import { createPrismaClient } from '../../prisma/client';
import { TKKSD_MEMBERS, REVIEWER, OFFICER, createPlan } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { letTimePass, waitFor } from '../support/wait';
import { ResponseLog, driveToCompletion, expectPlansIntact } from './fault-harness';
import { startPostgresCluster, type PostgresCluster } from './postgres-cluster';

jest.setTimeout(300_000);

const PLANS = 3;

describe('PostgreSQL crashed and restarted during lifecycles', () => {
  const responses = new ResponseLog();
  let cluster: PostgresCluster;
  let stack: TestStack;

  beforeAll(async () => {
    cluster = await startPostgresCluster();
    const prisma = createPrismaClient({ url: cluster.url, poolMax: 5 });
    stack = await startTestStack(
      { LOG_LEVEL: 'info' },
      { logDestination: responses, database: { url: cluster.url, prisma, drop: () => prisma.$disconnect() } },
    );
  });
  afterAll(async () => {
    await stack?.stop();
    await cluster?.destroy();
  });

  it('answers 503 while the database is down and brings every plan to its end after', async () => {
    // Logged in before the outage, as people are who are at work when it happens.
    for (const user of new Set([OFFICER, ...Object.values(REVIEWER), ...TKKSD_MEMBERS])) await stack.as(user).get('/auth/me').expect(200);
    const planIds = await Promise.all(Array.from({ length: PLANS }, () => createPlan(stack)));
    const journeys = Promise.all(planIds.map((planId) => driveToCompletion(stack, planId)));
    const outage = (async () => {
      await waitFor(
        'the plans under way',
        async () => (await stack.database.prisma.planTransition.count({ where: { planId: { in: planIds } } })) >= PLANS * 3,
        120_000,
      );
      await cluster.crash();
      // What a user meets meanwhile: a page, a decision and a login, each a 503 to retry.
      const page = await stack.as(OFFICER).get(`/plans/${planIds[0]}`);
      const decision = await stack.as(REVIEWER.VERIFICATION).post(`/plans/${planIds[0]}/decisions`).send({ stage: 'VERIFICATION', outcome: 'APPROVE' });
      const login = await stack.http().post('/auth/login').send({ username: OFFICER, password: 'jalin-demo-2027' });
      for (const response of [page, decision, login]) {
        expect({ status: response.status, code: response.body.code }).toEqual({ status: 503, code: 'DATABASE_UNAVAILABLE' });
        expect(response.headers['retry-after']).toBeDefined();
      }
      await letTimePass(8_000, 'eight seconds without PostgreSQL');
      await cluster.start();
    })();
    await Promise.all([journeys, outage]);
    expect(responses.statuses.filter((entry) => entry.status === 503).length).toBeGreaterThan(0);
    await expectPlansIntact(stack, stack.temporal, planIds, responses);
  });
});
