// Issue 15, the hot path of a decision: the projection into the read model runs as a
// local activity inside the workflow task that takes the Update, so the decision is
// answered without a second dispatch; the automatic steps after it (the RKPD and Renja
// syncs) run there too, so the next task is in the inbox by the time the answer arrives.
import type { temporal } from '@temporalio/proto';
import { planWorkflowId } from '../../workflows/cooperation-plan/definitions';
import { REVIEWER, decide, planAt } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';

type HistoryEvent = temporal.api.history.v1.IHistoryEvent;

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function historyOf(planId: string): Promise<HistoryEvent[]> {
  return ((await stack.temporal.workflow.getHandle(planWorkflowId(planId)).fetchHistory()).events ?? []) as HistoryEvent[];
}

describe('a decision’s answer', () => {
  it('comes after the document syncs, with the budget sign-off task already in the inbox', async () => {
    const planId = await planAt(stack, 'HEAD_OF_REGION_APPROVAL');
    await decide(stack, planId, 'HEAD_OF_REGION_APPROVAL', 'APPROVE').expect(200);

    // Read at once, no waiting: the syncs and the next stage were projected before the answer.
    const plan = await stack.database.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId } });
    expect(plan.stage).toBe('BUDGET_SIGNOFF');
    const inbox = await stack.as(REVIEWER.BUDGET_SIGNOFF).get('/review-tasks').query({ stage: 'BUDGET_SIGNOFF' }).expect(200);
    expect(inbox.body.items.map((task: { planId: string }) => task.planId)).toContain(planId);
  });

  it('is given in the workflow task that accepted the Update, the projection a local activity', async () => {
    const planId = await planAt(stack, 'BAPPEDA_REVIEW');
    const events = await historyOf(planId);
    const scheduled = events.map((event) => event.activityTaskScheduledEventAttributes?.activityType?.name).filter(Boolean);
    for (const projection of ['recordPlanTransition', 'recordTaskEvent', 'syncPlanToDocument']) expect(scheduled).not.toContain(projection);
    expect(events.some((event) => event.markerRecordedEventAttributes?.markerName === 'core_local_activity')).toBe(true);

    const accepted = events.filter((event) => event.workflowExecutionUpdateAcceptedEventAttributes);
    expect(accepted.length).toBeGreaterThanOrEqual(3); // submit, claim, decide
    for (const acceptance of accepted) {
      const id = acceptance.workflowExecutionUpdateAcceptedEventAttributes!.protocolInstanceId;
      const from = events.indexOf(acceptance);
      const completion = events.findIndex((event) => event.workflowExecutionUpdateCompletedEventAttributes?.meta?.updateId === id);
      expect(completion).toBeGreaterThan(from);
      // No workflow task started between the acceptance and the answer: one dispatch.
      expect(events.slice(from, completion).filter((event) => event.workflowTaskStartedEventAttributes)).toEqual([]);
    }
  });
});
