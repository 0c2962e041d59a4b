// A plan's whole life through the HTTP API, each step by the demo user who holds it, on
// a real Temporal dev server and PostgreSQL.
import { planWorkflowId } from '../../workflows/cooperation-plan/definitions';
import { maybeRecordHistory } from '../support/histories';
import { newPlanBody } from '../support/plan-fixtures';
import { OFFICER, REVIEWER, advanceTo, claim, createPlan, decide, passDeliberation, planAt, submit, waitForStage } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function rkpdLines(planId: string) {
  return stack.database.prisma.documentLine.findMany({ where: { planId, document: { kind: 'RKPD' } }, orderBy: { lineKey: 'asc' } });
}

describe('the happy path', () => {
  it('carries a plan from draft to COMPLETED, with its history, tasks and RKPD lines in the database', async () => {
    const planId = await createPlan(stack);
    const draft = await stack.as(OFFICER).get(`/plans/${planId}`).expect(200);
    expect(draft.body).toMatchObject({
      stage: 'DRAFT',
      revision: 1,
      liveStage: null,
      createdBy: OFFICER,
      lineItems: [{ amount: 350_000_000 }, { amount: 75_000_000 }],
    });

    const submitted = await submit(stack, planId).expect(200);
    expect(submitted.body).toMatchObject({ stage: 'VERIFICATION', liveStage: 'VERIFICATION' });

    const inbox = await stack.as(REVIEWER.VERIFICATION).get('/review-tasks').query({ stage: 'VERIFICATION' }).expect(200);
    expect(inbox.body.items).toEqual([
      expect.objectContaining({ planId, stage: 'VERIFICATION', planTitle: newPlanBody().title, candidateRole: 'SECRETARIAT' }),
    ]);

    await decide(stack, planId, 'VERIFICATION', 'APPROVE').expect(200);
    const afterBappeda = await decide(stack, planId, 'BAPPEDA_REVIEW', 'APPROVE').expect(200);
    expect(afterBappeda.body.stage).toBe('TKKSD_DELIBERATION');
    await passDeliberation(stack, planId);
    const afterHead = await decide(stack, planId, 'HEAD_OF_REGION_APPROVAL', 'APPROVE').expect(200);
    // The head of region's approval moves the plan into DOCUMENT_SYNC; the sync runs on its own.
    expect(['DOCUMENT_SYNC', 'BUDGET_SIGNOFF']).toContain(afterHead.body.stage);
    await waitForStage(stack, planId, 'BUDGET_SIGNOFF');

    const lines = await rkpdLines(planId);
    expect(lines.map((l) => [l.lineKey, l.nomenclatureCode, Number(l.amount), l.status, l.planRevision])).toEqual([
      ['line-1', '2.11.03.2.01.0001', 350_000_000, 'ACTIVE', 1],
      ['line-2', '2.11.03.2.01.0002', 75_000_000, 'ACTIVE', 1],
    ]);
    const rkpd = await stack.database.prisma.planningDocument.findUniqueOrThrow({ where: { id: lines[0].documentId } });
    expect(rkpd).toMatchObject({ kind: 'RKPD', regionCode: '32.71', budgetYear: 2027 });

    const placed = await decide(stack, planId, 'BUDGET_SIGNOFF', 'APPROVE').expect(200);
    expect(placed.body.stage).toBe('RKA_CONFIRMATION');
    const done = await decide(stack, planId, 'RKA_CONFIRMATION', 'APPROVE').expect(200);
    expect(done.body.stage).toBe('COMPLETED');
    expect(done.body.history.map((t: { action: string; toStage: string }) => `${t.action}->${t.toStage}`)).toEqual([
      'SUBMIT->VERIFICATION',
      'APPROVE->BAPPEDA_REVIEW',
      'APPROVE->TKKSD_DELIBERATION',
      'APPROVE->HEAD_OF_REGION_APPROVAL',
      'APPROVE->DOCUMENT_SYNC',
      'SYNC_DOCUMENTS->BUDGET_SIGNOFF',
      'APPROVE->RKA_CONFIRMATION',
      'APPROVE->COMPLETED',
    ]);
    const result = await stack.temporal.workflow.getHandle(planWorkflowId(planId)).result();
    expect(result.stage).toBe('COMPLETED');

    const tasks = await stack.database.prisma.reviewTask.findMany({ where: { planId }, orderBy: { openSequence: 'asc' } });
    expect(tasks.map((t) => [t.stage, t.candidateRole, t.status, t.decision])).toEqual([
      ['VERIFICATION', 'SECRETARIAT', 'CLOSED', 'APPROVE'],
      ['BAPPEDA_REVIEW', 'BAPPEDA', 'CLOSED', 'APPROVE'],
      ['TKKSD_DELIBERATION', 'SEKDA', 'CLOSED', 'APPROVE'],
      ['HEAD_OF_REGION_APPROVAL', 'HEAD_OF_REGION', 'CLOSED', 'APPROVE'],
      ['BUDGET_SIGNOFF', 'TAPD', 'CLOSED', 'APPROVE'],
      ['RKA_CONFIRMATION', 'TAPD', 'CLOSED', 'APPROVE'],
    ]);
    const listed = await stack.as(REVIEWER.VERIFICATION).get('/plans').query({ stage: 'COMPLETED', regionCode: '32.71' }).expect(200);
    expect(listed.body.items.map((p: { id: string }) => p.id)).toContain(planId);
    await maybeRecordHistory(stack, planId, 'happy-path');
  });
});

describe('return for revision', () => {
  it('sends the plan back to DRAFT with the comment, takes the edit, and re-syncs lines without duplicates', async () => {
    const planId = await planAt(stack, 'BUDGET_SIGNOFF');
    const returned = await decide(stack, planId, 'BUDGET_SIGNOFF', 'RETURN_FOR_REVISION', 'Pagu melebihi plafon sementara').expect(200);
    expect(returned.body).toMatchObject({ stage: 'DRAFT', revision: 2, lastComment: 'Pagu melebihi plafon sementara' });

    // The draft is editable again; revision 2 drops the second line and lowers the first.
    await stack
      .as(OFFICER)
      .patch(`/plans/${planId}`)
      .send({ lineItems: [{ nomenclatureCode: '2.11.03.2.01.0001', description: 'Kajian kelayakan TPA regional', amount: 300_000_000 }] })
      .expect(200);
    await advanceTo(stack, planId, 'BUDGET_SIGNOFF');

    const lines = await rkpdLines(planId);
    expect(lines.map((l) => [l.lineKey, Number(l.amount), l.status, l.planRevision])).toEqual([
      ['line-1', 300_000_000, 'ACTIVE', 2],
      ['line-2', 75_000_000, 'WITHDRAWN', 1],
    ]);
    await decide(stack, planId, 'BUDGET_SIGNOFF', 'APPROVE').expect(200);
    const done = await decide(stack, planId, 'RKA_CONFIRMATION', 'APPROVE').expect(200);
    expect(done.body).toMatchObject({ stage: 'COMPLETED', revision: 2 });
    const revisions = await stack.database.prisma.planRevision.findMany({ where: { planId }, orderBy: { revision: 'asc' } });
    expect(revisions.map((r) => (r.content as { lineItems: unknown[] }).lineItems.length)).toEqual([2, 1]);
    const votes = await stack.database.prisma.tkksdVote.count({ where: { planId } });
    expect(votes).toBe(6);
    await maybeRecordHistory(stack, planId, 'return-for-revision');
  });
});

describe('the DPRD gate', () => {
  it('waits for the DPRD decision where the plan rules require it, then the RKA confirmation completes the plan', async () => {
    const planId = await planAt(stack, 'BUDGET_SIGNOFF', { burdensCommunity: true });
    expect((await decide(stack, planId, 'BUDGET_SIGNOFF', 'APPROVE').expect(200)).body.stage).toBe('DPRD_APPROVAL');
    // The DPRD's decision has its deadline like every review: the KUA-PPAS agreement (7 Aug 2026 for
    // budget year 2027, long past), so its 45 working days set the date, with the holders reminded.
    const dprdTask = await waitFor('the DPRD decision’s due date', () =>
      stack.database.prisma.reviewTask.findFirst({ where: { planId, stage: 'DPRD_APPROVAL', dueAt: { not: null } } }),
    );
    expect(dprdTask).toMatchObject({ dueBasis: 'SERVICE_PERIOD', milestone: 'KUA_PPAS_AGREEMENT', milestoneDate: '2026-08-07', candidateRole: 'DPRD_LIAISON' });
    expect((await decide(stack, planId, 'DPRD_APPROVAL', 'APPROVE').expect(200)).body.stage).toBe('RKA_CONFIRMATION');
    expect((await decide(stack, planId, 'RKA_CONFIRMATION', 'APPROVE').expect(200)).body.stage).toBe('COMPLETED');
    const result = await stack.temporal.workflow.getHandle(planWorkflowId(planId)).result();
    expect(result.lastDocumentSync).toMatchObject({ documentKind: 'RKA', activeLines: 2 });
    await maybeRecordHistory(stack, planId, 'dprd-approval');
  });
});

describe('rejection', () => {
  it('ends the plan as REJECTED with the reason and refuses every later decision', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    const rejected = await decide(stack, planId, 'VERIFICATION', 'REJECT', 'Pengadaan barang biasa, bukan kerja sama daerah').expect(200);
    expect(rejected.body).toMatchObject({ stage: 'REJECTED', lastComment: 'Pengadaan barang biasa, bukan kerja sama daerah' });

    const later = await decide(stack, planId, 'VERIFICATION', 'APPROVE').expect(409);
    expect(later.body).toMatchObject({ statusCode: 409, code: 'NOT_UNDER_REVIEW' });
    await submit(stack, planId).expect(409);
    await stack.as(OFFICER).patch(`/plans/${planId}`).send({ title: 'Judul baru yang cukup panjang' }).expect(409);
    const result = await stack.temporal.workflow.getHandle(planWorkflowId(planId)).result();
    expect(result.stage).toBe('REJECTED');
    await maybeRecordHistory(stack, planId, 'rejection');
  });
});

describe('repeated triggers', () => {
  it('a repeated submit starts no second workflow and places no duplicate line', async () => {
    const planId = await createPlan(stack);
    const first = await submit(stack, planId).expect(200);
    const retries = await Promise.all([submit(stack, planId), submit(stack, planId), submit(stack, planId)]);
    for (const retry of retries) expect(retry.status).toBe(200);
    expect(retries.map((r) => r.body.stage)).toEqual(['VERIFICATION', 'VERIFICATION', 'VERIFICATION']);
    expect(first.body.history).toHaveLength(1);

    const executions = [];
    for await (const execution of stack.temporal.workflow.list({ query: `WorkflowId = '${planWorkflowId(planId)}'` })) {
      executions.push(execution);
    }
    expect(executions).toHaveLength(1);
    expect(await stack.database.prisma.planTransition.count({ where: { planId } })).toBe(1);
  });

  it('a decision retried with the same Idempotency-Key is taken once', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    await claim(stack, planId, REVIEWER.VERIFICATION).expect(200);
    const send = () =>
      stack
        .as(REVIEWER.VERIFICATION)
        .post(`/plans/${planId}/decisions`)
        .set('Idempotency-Key', `approve-${planId}`)
        .send({ stage: 'VERIFICATION', outcome: 'APPROVE' });
    await send().expect(200);
    const retried = await send().expect(200);
    expect(retried.body.stage).toBe('BAPPEDA_REVIEW');
    expect(await stack.database.prisma.planTransition.count({ where: { planId } })).toBe(2);
  });

  it('a decision for a stage the plan has left is refused with 409 and changes nothing', async () => {
    const planId = await planAt(stack, 'BAPPEDA_REVIEW');
    const stale = await decide(stack, planId, 'VERIFICATION', 'REJECT', 'terlambat').expect(409);
    expect(stale.body).toMatchObject({ code: 'STAGE_MISMATCH', violations: [{ field: 'stage' }] });
    // The stage by its name, never its code.
    expect(stale.body.message.id).toMatch(/Telaah Bappeda/);
    const plan = await stack.as(OFFICER).get(`/plans/${planId}`).expect(200);
    expect(plan.body).toMatchObject({ stage: 'BAPPEDA_REVIEW', liveStage: 'BAPPEDA_REVIEW' });
    expect(plan.body.history).toHaveLength(2);
  });
});
