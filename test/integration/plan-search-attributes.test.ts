// Issue 15: operators find plans in Temporal's own tools. Every plan workflow keeps its
// search attributes (Stage, RegionCode, BudgetYear, CooperationType, Assignee) current,
// so a visibility query, the same one `temporal workflow list --query` and the Web UI
// run, filters plans by stage and region.
import { planWorkflowId } from '../../workflows/cooperation-plan/definitions';
import { ASSIGNEE, BUDGET_YEAR, REGION_CODE, STAGE } from '../../workflows/cooperation-plan/search-attributes';
import { REVIEWER, claim, planAt } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function listed(query: string): Promise<string[]> {
  const ids: string[] = [];
  for await (const execution of stack.temporal.workflow.list({ query })) ids.push(execution.workflowId);
  return ids;
}

describe('plan search attributes', () => {
  it('filter plans by stage and region, and follow the stage and the assignee', async () => {
    const planId = await planAt(stack, 'BAPPEDA_REVIEW');
    const workflowId = planWorkflowId(planId);
    await waitFor('the plan listed at Bappeda review in 32.71', async () =>
      (await listed(`Stage='BAPPEDA_REVIEW' AND RegionCode='32.71'`)).includes(workflowId),
    );
    expect(await listed(`Stage='VERIFICATION' AND RegionCode='32.71'`)).not.toContain(workflowId);

    await claim(stack, planId, REVIEWER.BAPPEDA_REVIEW).expect(200);
    const reviewer = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: REVIEWER.BAPPEDA_REVIEW } });
    // The claim answers before its projection; the attributes follow it, as the read model does.
    const described = await waitFor('the assignee on the plan workflow', async () => {
      const description = await stack.temporal.workflow.getHandle(workflowId).describe();
      return description.typedSearchAttributes.get(ASSIGNEE) === reviewer.id ? description : undefined;
    });
    expect(described.typedSearchAttributes.get(STAGE)).toBe('BAPPEDA_REVIEW');
    expect(described.typedSearchAttributes.get(REGION_CODE)).toBe('32.71');
    expect(described.typedSearchAttributes.get(BUDGET_YEAR)).toEqual(expect.any(Number));
    expect(described.typedSearchAttributes.get(ASSIGNEE)).toBe(reviewer.id);
  });
});
