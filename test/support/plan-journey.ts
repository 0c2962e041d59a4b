// A plan's way through its stages, acted by the demo users of Kota Bogor: each stage by
// the role that holds it there.
import { newPlanBody } from './plan-fixtures';
import type { TestStack } from './test-stack';
import type { Response } from 'supertest';
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

/** Claims the plan's open task for `user`; a refusal (already theirs, someone else's, not theirs to take) is left to the decision to report. */
export function claim(stack: TestStack, planId: string, user: string) {
  return stack.as(user).post(`/plans/${planId}/task/claim`).send({});
}

/**
 * A reviewer's decision as the web app makes it: claim the task (only its assignee decides),
 * then decide. Answers the decision's response; `.expect(status)` checks it, as on a request.
 */
export function decide(stack: TestStack, planId: string, stage: string, outcome: string, comment?: string, user = REVIEWER[stage]) {
  const placement = stage === 'BUDGET_SIGNOFF' && outcome === 'APPROVE' ? { placement: PLACEMENT } : {};
  // Lazy, and sent once: the claim first, then the decision (kept unawaited so `.expect` can check it).
  let sent: Promise<{ request: ReturnType<ReturnType<TestStack['as']>['post']> }> | undefined;
  const send = () =>
    (sent ??= claim(stack, planId, user).then(() => ({
      request: stack
        .as(user)
        .post(`/plans/${planId}/decisions`)
        .send({ stage, outcome, ...(comment !== undefined && { comment }), ...placement }),
    })));
  return {
    expect: async (status: number) => (await send()).request.expect(status),
    then: <A = Response, B = never>(onFulfilled?: (response: Response) => A | PromiseLike<A>, onRejected?: (reason: unknown) => B | PromiseLike<B>) =>
      send()
        .then(({ request }) => request)
        .then(onFulfilled, onRejected),
  };
}

export function vote(stack: TestStack, planId: string, user: string, choice: 'APPROVE' | 'REJECT' | 'ABSTAIN', comment?: string) {
  return stack
    .as(user)
    .post(`/plans/${planId}/votes`)
    .send({ vote: choice, ...(comment && { comment }) });
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
export async function waitForDeliberation(stack: TestStack, planId: string, timeoutMs = 30_000): Promise<void> {
  await waitFor(
    'the TKKSD deliberation to open',
    async () => {
      const plan = await stack.as(REVIEWER.TKKSD_DELIBERATION).get(`/plans/${planId}`).expect(200);
      return plan.body.deliberation?.revision === plan.body.revision && plan.body.deliberation.members.length > 0;
    },
    timeoutMs,
  );
}

/** From Bappeda's approval to the chair's recommendation: a majority of the team approves. */
export async function passDeliberation(stack: TestStack, planId: string, timeoutMs?: number): Promise<void> {
  await waitForDeliberation(stack, planId, timeoutMs);
  for (const member of TKKSD_MEMBERS.slice(0, 3)) await vote(stack, planId, member, 'APPROVE').expect(200);
  await decide(stack, planId, 'TKKSD_DELIBERATION', 'APPROVE').expect(200);
}

/**
 * The stages a plan passes when every reviewer approves, in order. DOCUMENT_SYNC is the
 * moment after the head of region's approval while the documents sync on their own;
 * DPRD_APPROVAL comes only where the plan rules require it.
 */
const ROUTE = [
  'DRAFT',
  'VERIFICATION',
  'BAPPEDA_REVIEW',
  'TKKSD_DELIBERATION',
  'HEAD_OF_REGION_APPROVAL',
  'DOCUMENT_SYNC',
  'BUDGET_SIGNOFF',
  'DPRD_APPROVAL',
  'RKA_CONFIRMATION',
  'COMPLETED',
] as const;
export type JourneyStage = Exclude<(typeof ROUTE)[number], 'DRAFT'>;

/** One step on from `stage`, by whoever holds it; answers the stage the plan moved to. */
async function stepFrom(stack: TestStack, planId: string, stage: string, officer: string, timeoutMs?: number): Promise<string> {
  switch (stage) {
    case 'DRAFT':
      return (await submit(stack, planId, officer).expect(200)).body.stage;
    case 'TKKSD_DELIBERATION':
      await passDeliberation(stack, planId, timeoutMs);
      return 'HEAD_OF_REGION_APPROVAL';
    case 'HEAD_OF_REGION_APPROVAL':
      // The approval moves the plan into DOCUMENT_SYNC (its answer may show BUDGET_SIGNOFF already).
      await decide(stack, planId, stage, 'APPROVE').expect(200);
      return 'DOCUMENT_SYNC';
    case 'DOCUMENT_SYNC':
      await waitForStage(stack, planId, 'BUDGET_SIGNOFF', timeoutMs);
      return 'BUDGET_SIGNOFF';
    default:
      return (await decide(stack, planId, stage, 'APPROVE').expect(200)).body.stage;
  }
}

/**
 * Takes a plan from where it stands (a draft, a returned revision, a stage under review)
 * on to `stage`, each step by its holder: the officer submits, every reviewer approves,
 * a majority of the TKKSD and its chair recommend, TAPD places it (PLACEMENT), the DPRD
 * approves where the plan needs it. Returns once the plan is there: at TKKSD_DELIBERATION
 * with the deliberation open; at DOCUMENT_SYNC right after the head of region's approval,
 * the sync not awaited; at COMPLETED with its workflow ended; elsewhere with the stage
 * in the database. `timeoutMs` bounds each wait (longer where faults slow the plan down).
 */
export async function advanceTo(stack: TestStack, planId: string, stage: JourneyStage, officer = OFFICER, timeoutMs?: number): Promise<void> {
  let at: string = (await stack.database.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId } })).stage;
  while (at !== stage) {
    const position = ROUTE.indexOf(at as (typeof ROUTE)[number]);
    if (position < 0 || position > ROUTE.indexOf(stage)) throw new Error(`plan ${planId} is at ${at}, not on its way to ${stage}`);
    at = await stepFrom(stack, planId, at, officer, timeoutMs);
  }
  if (stage === 'TKKSD_DELIBERATION') await waitForDeliberation(stack, planId, timeoutMs);
  else if (stage === 'COMPLETED') await stack.temporal.workflow.getHandle(`cooperation-plan-${planId}`).result();
  else if (stage !== 'DOCUMENT_SYNC') await waitForStage(stack, planId, stage, timeoutMs);
}

/** A fresh plan (drafted by `officer`, with `overrides`) taken to `stage`, as advanceTo does. */
export async function planAt(stack: TestStack, stage: JourneyStage, overrides: Record<string, unknown> = {}, officer = OFFICER): Promise<string> {
  const planId = await createPlan(stack, overrides, officer);
  await advanceTo(stack, planId, stage, officer);
  return planId;
}
