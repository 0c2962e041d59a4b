// A plan's whole life through the HTTP API, on a real Temporal dev server and PostgreSQL.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { planWorkflowId } from '../../workflows/cooperation-plan/definitions';
import { REPO_ROOT } from '../support/environment';
import { newPlanBody } from '../support/plan-fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function createPlan(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await stack.http().post('/plans').send(newPlanBody(overrides)).expect(201);
  return response.body.id as string;
}

function submit(planId: string) {
  return stack.http().post(`/plans/${planId}/submit`).send({ submittedBy: 'siti.rahma' });
}

function decide(planId: string, stage: string, outcome: string, comment?: string) {
  return stack.http().post(`/plans/${planId}/decisions`).send({ stage, outcome, comment, decidedBy: `reviewer.${stage.toLowerCase()}` });
}

/** When JALIN_RECORD_HISTORIES is set, keeps the workflow's history for the replay test. */
async function maybeRecordHistory(planId: string, name: string): Promise<void> {
  if (!process.env.JALIN_RECORD_HISTORIES) return;
  const history = await stack.temporal.workflow.getHandle(planWorkflowId(planId)).fetchHistory();
  writeFileSync(path.join(REPO_ROOT, 'test', 'histories', `${name}.json`), historyToJSON(history));
}

async function rkpdLines(planId: string) {
  return stack.database.prisma.documentLine.findMany({ where: { planId }, orderBy: { lineKey: 'asc' } });
}

describe('the happy path', () => {
  it('carries a plan from draft to COMPLETED, with its history, tasks and RKPD lines in the database', async () => {
    const planId = await createPlan();
    const draft = await stack.http().get(`/plans/${planId}`).expect(200);
    expect(draft.body).toMatchObject({ stage: 'DRAFT', revision: 1, liveStage: null, lineItems: [{ amount: 350_000_000 }, { amount: 75_000_000 }] });

    const submitted = await submit(planId).expect(200);
    expect(submitted.body).toMatchObject({ stage: 'VERIFICATION', liveStage: 'VERIFICATION' });

    const inbox = await stack.http().get('/review-tasks').query({ stage: 'VERIFICATION' }).expect(200);
    expect(inbox.body).toEqual([expect.objectContaining({ planId, stage: 'VERIFICATION', planTitle: newPlanBody().title })]);

    await decide(planId, 'VERIFICATION', 'APPROVE').expect(200);
    const afterBappeda = await decide(planId, 'BAPPEDA_REVIEW', 'APPROVE').expect(200);
    // Bappeda's approval moves the plan into DOCUMENT_SYNC; the sync runs on its own.
    expect(['DOCUMENT_SYNC', 'BUDGET_SIGNOFF']).toContain(afterBappeda.body.stage);
    await waitForStage(planId, 'BUDGET_SIGNOFF');

    const lines = await rkpdLines(planId);
    expect(lines.map((l) => [l.lineKey, l.nomenclatureCode, Number(l.amount), l.status, l.planRevision])).toEqual([
      ['line-1', '2.11.03.2.01.0001', 350_000_000, 'ACTIVE', 1],
      ['line-2', '2.11.03.2.01.0002', 75_000_000, 'ACTIVE', 1],
    ]);
    const rkpd = await stack.database.prisma.planningDocument.findUniqueOrThrow({ where: { id: lines[0].documentId } });
    expect(rkpd).toMatchObject({ kind: 'RKPD', regionCode: '32.71', budgetYear: 2027 });

    const done = await decide(planId, 'BUDGET_SIGNOFF', 'APPROVE').expect(200);
    expect(done.body.stage).toBe('COMPLETED');
    expect(done.body.history.map((t: { action: string; toStage: string }) => `${t.action}->${t.toStage}`)).toEqual([
      'SUBMIT->VERIFICATION',
      'APPROVE->BAPPEDA_REVIEW',
      'APPROVE->DOCUMENT_SYNC',
      'SYNC_DOCUMENTS->BUDGET_SIGNOFF',
      'APPROVE->COMPLETED',
    ]);
    const result = await stack.temporal.workflow.getHandle(planWorkflowId(planId)).result();
    expect(result.stage).toBe('COMPLETED');

    const tasks = await stack.database.prisma.reviewTask.findMany({ where: { planId }, orderBy: { openSequence: 'asc' } });
    expect(tasks.map((t) => [t.stage, t.status, t.decision])).toEqual([
      ['VERIFICATION', 'CLOSED', 'APPROVE'],
      ['BAPPEDA_REVIEW', 'CLOSED', 'APPROVE'],
      ['BUDGET_SIGNOFF', 'CLOSED', 'APPROVE'],
    ]);
    const listed = await stack.http().get('/plans').query({ stage: 'COMPLETED', regionCode: '32.71' }).expect(200);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(planId);
    await maybeRecordHistory(planId, 'happy-path');
  });
});

async function waitForStage(planId: string, stage: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const plan = await stack.database.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId } });
    if (plan.stage === stage) return;
    if (Date.now() > deadline) throw new Error(`plan stayed at ${plan.stage}, expected ${stage}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe('return for revision', () => {
  it('sends the plan back to DRAFT with the comment, takes the edit, and re-syncs lines without duplicates', async () => {
    const planId = await createPlan();
    await submit(planId).expect(200);
    await decide(planId, 'VERIFICATION', 'APPROVE').expect(200);
    await decide(planId, 'BAPPEDA_REVIEW', 'APPROVE').expect(200);
    await waitForStage(planId, 'BUDGET_SIGNOFF');

    const returned = await decide(planId, 'BUDGET_SIGNOFF', 'RETURN_FOR_REVISION', 'Pagu melebihi plafon sementara').expect(200);
    expect(returned.body).toMatchObject({ stage: 'DRAFT', revision: 2, lastComment: 'Pagu melebihi plafon sementara' });

    // The draft is editable again; revision 2 drops the second line and lowers the first.
    await stack
      .http()
      .patch(`/plans/${planId}`)
      .send({ lineItems: [{ nomenclatureCode: '2.11.03.2.01.0001', description: 'Kajian kelayakan TPA regional', amount: 300_000_000 }] })
      .expect(200);
    await submit(planId).expect(200);
    await decide(planId, 'VERIFICATION', 'APPROVE').expect(200);
    await decide(planId, 'BAPPEDA_REVIEW', 'APPROVE').expect(200);
    await waitForStage(planId, 'BUDGET_SIGNOFF');

    const lines = await rkpdLines(planId);
    expect(lines.map((l) => [l.lineKey, Number(l.amount), l.status, l.planRevision])).toEqual([
      ['line-1', 300_000_000, 'ACTIVE', 2],
      ['line-2', 75_000_000, 'WITHDRAWN', 1],
    ]);
    const done = await decide(planId, 'BUDGET_SIGNOFF', 'APPROVE').expect(200);
    expect(done.body).toMatchObject({ stage: 'COMPLETED', revision: 2 });
    const revisions = await stack.database.prisma.planRevision.findMany({ where: { planId }, orderBy: { revision: 'asc' } });
    expect(revisions.map((r) => (r.content as { lineItems: unknown[] }).lineItems.length)).toEqual([2, 1]);
    await maybeRecordHistory(planId, 'return-for-revision');
  });
});

describe('rejection', () => {
  it('ends the plan as REJECTED with the reason and refuses every later decision', async () => {
    const planId = await createPlan();
    await submit(planId).expect(200);
    const rejected = await decide(planId, 'VERIFICATION', 'REJECT', 'Pengadaan barang biasa, bukan kerja sama daerah').expect(200);
    expect(rejected.body).toMatchObject({ stage: 'REJECTED', lastComment: 'Pengadaan barang biasa, bukan kerja sama daerah' });

    const later = await decide(planId, 'VERIFICATION', 'APPROVE').expect(409);
    expect(later.body).toMatchObject({ statusCode: 409, code: 'NOT_UNDER_REVIEW' });
    await submit(planId).expect(409);
    await stack.http().patch(`/plans/${planId}`).send({ title: 'Judul baru yang cukup panjang' }).expect(409);
    const result = await stack.temporal.workflow.getHandle(planWorkflowId(planId)).result();
    expect(result.stage).toBe('REJECTED');
    await maybeRecordHistory(planId, 'rejection');
  });
});

describe('repeated triggers', () => {
  it('a repeated submit starts no second workflow and places no duplicate line', async () => {
    const planId = await createPlan();
    const first = await submit(planId).expect(200);
    const retries = await Promise.all([submit(planId), submit(planId), submit(planId)]);
    for (const retry of retries) expect(retry.status).toBe(200);
    expect(retries.map((r) => r.body.stage)).toEqual(['VERIFICATION', 'VERIFICATION', 'VERIFICATION']);
    expect(first.body.history).toHaveLength(1);

    const executions = [];
    for await (const execution of stack.temporal.workflow.list({ query: `WorkflowId = '${planWorkflowId(planId)}'` })) {
      executions.push(execution);
    }
    expect(executions).toHaveLength(1);
    const transitions = await stack.database.prisma.planTransition.count({ where: { planId } });
    expect(transitions).toBe(1);

    await decide(planId, 'VERIFICATION', 'APPROVE').expect(200);
    await decide(planId, 'BAPPEDA_REVIEW', 'APPROVE').expect(200);
    await waitForStage(planId, 'BUDGET_SIGNOFF');
    await submit(planId).expect(200);
    expect(await rkpdLines(planId)).toHaveLength(2);
  });

  it('a decision retried with the same Idempotency-Key is taken once', async () => {
    const planId = await createPlan();
    await submit(planId).expect(200);
    const send = () =>
      stack
        .http()
        .post(`/plans/${planId}/decisions`)
        .set('Idempotency-Key', `approve-${planId}`)
        .send({ stage: 'VERIFICATION', outcome: 'APPROVE', decidedBy: 'sekretariat' });
    await send().expect(200);
    const retried = await send().expect(200);
    expect(retried.body.stage).toBe('BAPPEDA_REVIEW');
    expect(await stack.database.prisma.planTransition.count({ where: { planId } })).toBe(2);
  });

  it('a decision for a stage the plan has left is refused with 409 and changes nothing', async () => {
    const planId = await createPlan();
    await submit(planId).expect(200);
    await decide(planId, 'VERIFICATION', 'APPROVE').expect(200);
    const stale = await decide(planId, 'VERIFICATION', 'REJECT', 'terlambat').expect(409);
    expect(stale.body).toMatchObject({ code: 'STAGE_MISMATCH', violations: [{ field: 'stage' }] });
    expect(stale.body.message.id).toMatch(/BAPPEDA_REVIEW/);
    const plan = await stack.http().get(`/plans/${planId}`).expect(200);
    expect(plan.body).toMatchObject({ stage: 'BAPPEDA_REVIEW', liveStage: 'BAPPEDA_REVIEW' });
    expect(plan.body.history).toHaveLength(2);
  });
});
