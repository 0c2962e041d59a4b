// A plan's way through its stages, acted by the demo users of Kota Bogor: each stage by
// the role that holds it there.
import { newPlanBody } from './plan-fixtures';
import type { TestStack } from './test-stack';
import { waitFor } from './wait';

export const OFFICER = 'officer.kotabogor';

export const REVIEWER: Record<string, string> = {
  VERIFICATION: 'sekretariat.kotabogor',
  BAPPEDA_REVIEW: 'bappeda.kotabogor',
  TKKSD_DELIBERATION: 'sekda.kotabogor',
  HEAD_OF_REGION_APPROVAL: 'walikota.kotabogor',
  BUDGET_SIGNOFF: 'tapd.kotabogor',
  DPRD_APPROVAL: 'dprd.kotabogor',
  RKA_CONFIRMATION: 'tapd.kotabogor',
};

/** TAPD's placement in KUA-PPAS that the helpers send with an approval of the budget sign-off. */
export const PLACEMENT = { ceiling: 500_000_000, fundingSource: 'APBD_BUDGETED' };

/** Kota Bogor's coordination team: three members and the Sekda, who chairs it. */
export const TKKSD_MEMBERS = ['tkksd1.kotabogor', 'tkksd2.kotabogor', 'tkksd3.kotabogor', 'sekda.kotabogor'];

export async function createPlan(stack: TestStack, overrides: Record<string, unknown> = {}, user = OFFICER): Promise<string> {
  const response = await stack.as(user).post('/plans').send(newPlanBody(overrides)).expect(201);
  return response.body.id as string;
}

export function submit(stack: TestStack, planId: string, user = OFFICER) {
  return stack.as(user).post(`/plans/${planId}/submit`).send({});
}

export function decide(stack: TestStack, planId: string, stage: string, outcome: string, comment?: string, user = REVIEWER[stage]) {
  const placement = stage === 'BUDGET_SIGNOFF' && outcome === 'APPROVE' ? { placement: PLACEMENT } : {};
  return stack.as(user).post(`/plans/${planId}/decisions`).send({ stage, outcome, ...(comment !== undefined && { comment }), ...placement });
}

/** From the budget sign-off to COMPLETED, with the DPRD's approval where the plan needs it; waits for the RKA sync. */
export async function completeBudgetStages(stack: TestStack, planId: string, dprd = false): Promise<void> {
  await decide(stack, planId, 'BUDGET_SIGNOFF', 'APPROVE').expect(200);
  if (dprd) await decide(stack, planId, 'DPRD_APPROVAL', 'APPROVE').expect(200);
  await decide(stack, planId, 'RKA_CONFIRMATION', 'APPROVE').expect(200);
  await stack.temporal.workflow.getHandle(`cooperation-plan-${planId}`).result();
}

export function vote(stack: TestStack, planId: string, user: string, choice: 'APPROVE' | 'REJECT' | 'ABSTAIN', comment?: string) {
  return stack.as(user).post(`/plans/${planId}/votes`).send({ vote: choice, ...(comment && { comment }) });
}

export async function waitForStage(stack: TestStack, planId: string, stage: string, timeoutMs = 30_000): Promise<void> {
  let seen: string | undefined;
  await waitFor(
    () => `the plan at ${stage}; it stayed at ${seen}`,
    async () => {
      seen = (await stack.database.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId } })).stage;
      return seen === stage;
    },
    timeoutMs,
  );
}

/** Opens once the team is loaded: votes are refused for the short while before. */
export async function waitForDeliberation(stack: TestStack, planId: string): Promise<void> {
  await waitFor('the TKKSD deliberation to open', async () => {
    const plan = await stack.as(REVIEWER.TKKSD_DELIBERATION).get(`/plans/${planId}`).expect(200);
    return plan.body.deliberation?.revision === plan.body.revision && plan.body.deliberation.members.length > 0;
  });
}

/** From Bappeda's approval to the chair's recommendation: a majority of the team approves. */
export async function passDeliberation(stack: TestStack, planId: string): Promise<void> {
  await waitForDeliberation(stack, planId);
  for (const member of TKKSD_MEMBERS.slice(0, 3)) await vote(stack, planId, member, 'APPROVE').expect(200);
  await decide(stack, planId, 'TKKSD_DELIBERATION', 'APPROVE').expect(200);
}

/** Submits a fresh plan and approves it up to the budget sign-off. */
export async function planAtBudgetSignoff(stack: TestStack, overrides: Record<string, unknown> = {}): Promise<string> {
  const planId = await createPlan(stack, overrides);
  await submit(stack, planId).expect(200);
  await decide(stack, planId, 'VERIFICATION', 'APPROVE').expect(200);
  await decide(stack, planId, 'BAPPEDA_REVIEW', 'APPROVE').expect(200);
  await passDeliberation(stack, planId);
  await decide(stack, planId, 'HEAD_OF_REGION_APPROVAL', 'APPROVE').expect(200);
  await waitForStage(stack, planId, 'BUDGET_SIGNOFF');
  return planId;
}
