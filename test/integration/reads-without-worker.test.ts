// Issue 13: a plan page, the plan list and the inbox are read from PostgreSQL, so they
// answer with the right data while no worker polls (a crash, a restart, a deploy). The
// read model's copy of each plan's status is first checked against the workflow's own.
import { isDeepStrictEqual } from 'node:util';
import { planStatusQuery, planWorkflowId } from '../../workflows/cooperation-plan/definitions';
import { OFFICER, REVIEWER, TKKSD_MEMBERS, planAt, vote } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

const LIVE_PARTS = ['stage', 'revision', 'liveStage', 'task', 'deliberation', 'timeline', 'remedy', 'history'] as const;

function liveParts(body: Record<string, unknown>) {
  return Object.fromEntries(LIVE_PARTS.map((key) => [key, body[key]]));
}

describe('reads with no worker running', () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
  });
  afterAll(async () => {
    await stack?.stop();
  });

  /** Resolves once the read model holds exactly what the workflow's query answers. */
  async function storedMatchesWorkflow(planId: string): Promise<void> {
    const handle = stack.temporal.workflow.getHandle(planWorkflowId(planId));
    await waitFor(`the stored status of ${planId} to equal the workflow's`, async () => {
      const [row, live] = await Promise.all([stack.database.prisma.planStatusSnapshot.findUnique({ where: { planId } }), handle.query(planStatusQuery)]);
      // JSONB keeps its own key order: compare values, with undefined fields dropped as JSON drops them.
      return row !== null && isDeepStrictEqual(row.status, JSON.parse(JSON.stringify(live)));
    });
  }

  it('answers the plan page, the list and the inbox with the same data as with a worker', async () => {
    const underVerification = await planAt(stack, 'VERIFICATION');
    const inDeliberation = await planAt(stack, 'TKKSD_DELIBERATION');
    await vote(stack, inDeliberation, TKKSD_MEMBERS[0], 'APPROVE', 'Sejalan dengan RPJMD').expect(200);
    const completed = await planAt(stack, 'COMPLETED');
    const plans = [underVerification, inDeliberation, completed];
    await waitFor('the due date of the verification stage', async () => {
      const view = await stack.as(REVIEWER.VERIFICATION).get(`/plans/${underVerification}`).expect(200);
      return view.body.timeline?.nextReminderId;
    });
    for (const planId of plans) await storedMatchesWorkflow(planId);
    const withWorker = await Promise.all(plans.map((planId) => stack.as(OFFICER).get(`/plans/${planId}`).expect(200)));
    const listWithWorker = await stack.as(OFFICER).get('/plans').expect(200);
    const inboxWithWorker = await stack.as(REVIEWER.VERIFICATION).get('/review-tasks').expect(200);

    await stack.stopWorker();
    try {
      for (const [index, planId] of plans.entries()) {
        const view = await stack.as(OFFICER).get(`/plans/${planId}`).expect(200);
        expect(liveParts(view.body)).toEqual(liveParts(withWorker[index].body));
      }
      const atVerification = (await stack.as(OFFICER).get(`/plans/${underVerification}`).expect(200)).body;
      expect(atVerification).toMatchObject({ liveStage: 'VERIFICATION', task: { stage: 'VERIFICATION', candidateRole: 'SECRETARIAT' } });
      expect(atVerification.timeline.deadline).toMatchObject({ stage: 'VERIFICATION', dueAt: expect.any(String) });
      const deliberating = (await stack.as(OFFICER).get(`/plans/${inDeliberation}`).expect(200)).body;
      expect(deliberating.deliberation.members.length).toBeGreaterThan(0);
      expect(deliberating.deliberation.votes).toEqual([expect.objectContaining({ vote: 'APPROVE', comment: 'Sejalan dengan RPJMD' })]);
      expect((await stack.as(OFFICER).get(`/plans/${completed}`).expect(200)).body.liveStage).toBe('COMPLETED');
      expect((await stack.as(OFFICER).get('/plans').expect(200)).body).toEqual(listWithWorker.body);
      expect((await stack.as(REVIEWER.VERIFICATION).get('/review-tasks').expect(200)).body).toEqual(inboxWithWorker.body);
    } finally {
      await stack.startWorker();
    }
  });
});
