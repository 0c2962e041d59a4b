// Bad input gets a clear, bilingual answer naming the field, and changes nothing.
import { randomUUID } from 'node:crypto';
import { newPlanBody } from '../support/plan-fixtures';
import { OFFICER, REVIEWER } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function counts() {
  const prisma = stack.database.prisma;
  return {
    plans: await prisma.cooperationPlan.count(),
    lines: await prisma.planLineItem.count(),
    transitions: await prisma.planTransition.count(),
  };
}

describe('null for a field', () => {
  const NULLABLE = ['title', 'summary', 'partners', 'lineItems', 'multiYear'];

  it.each(NULLABLE)('refuses %s: null in POST and PATCH with 400 naming the field, and changes nothing', async (field) => {
    const before = await counts();
    const created = await stack
      .as(OFFICER)
      .post('/plans')
      .send(newPlanBody({ [field]: null }))
      .expect(400);
    expect(created.body.violations).toEqual([
      { field, reason: 'NOT_NULL', message: { id: expect.stringContaining('null'), en: expect.stringContaining('null') } },
    ]);
    expect(await counts()).toEqual(before);

    const draft = await stack.as(OFFICER).post('/plans').send(newPlanBody()).expect(201);
    const stored = await stack.as(OFFICER).get(`/plans/${draft.body.id}`).expect(200);
    const patched = await stack
      .as(OFFICER)
      .patch(`/plans/${draft.body.id}`)
      .send({ [field]: null })
      .expect(400);
    expect(patched.body.violations).toEqual([expect.objectContaining({ field, reason: 'NOT_NULL' })]);
    const after = await stack.as(OFFICER).get(`/plans/${draft.body.id}`).expect(200);
    expect(after.body[field]).toEqual(stored.body[field]);
  });
});

describe('creating a plan with bad input', () => {
  const cases: Array<[string, Record<string, unknown>, string, string]> = [
    ['a title that is too short', { title: 'abc' }, 'title', 'LENGTH'],
    ['a region code that is not Kemendagri format', { regionCode: 'Bogor' }, 'regionCode', 'FORMAT'],
    ['a budget year out of range', { budgetYear: 1999 }, 'budgetYear', 'RANGE'],
    ['a budget year that is not a number', { budgetYear: 'next year' }, 'budgetYear', 'IS_INT'],
    ['a missing agency', { proposingAgency: undefined }, 'proposingAgency', 'IS_DEFINED'],
    ['a negative amount', { lineItems: [{ nomenclatureCode: '1.02', description: 'x', amount: -5 }] }, 'lineItems[0].amount', 'RANGE'],
    ['a fractional amount', { lineItems: [{ nomenclatureCode: '1.02', description: 'x', amount: 1.5 }] }, 'lineItems[0].amount', 'IS_INT'],
    ['a malformed nomenclature code', { lineItems: [{ nomenclatureCode: '1-02', description: 'x', amount: 5 }] }, 'lineItems[0].nomenclatureCode', 'FORMAT'],
    ['an unknown field', { colour: 'blue' }, 'colour', 'WHITELIST_VALIDATION'],
  ];

  it.each(cases)('refuses %s with 400 naming the field', async (_, overrides, field, reason) => {
    const before = await counts();
    const response = await stack.as(OFFICER).post('/plans').send(newPlanBody(overrides)).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
    expect(response.body.violations).toContainEqual(expect.objectContaining({ field, reason, message: { id: expect.any(String), en: expect.any(String) } }));
    expect(await counts()).toEqual(before);
  });

  it('refuses a body that is not JSON', async () => {
    const response = await stack.as(OFFICER).post('/plans').set('Content-Type', 'application/json').send('{"title": ').expect(400);
    expect(response.body.message).toEqual({ id: expect.any(String), en: expect.any(String) });
  });
});

describe('acting on plans that are not there or not ready', () => {
  it('answers 404 for an unknown plan on every route', async () => {
    const id = randomUUID();
    await stack.as(OFFICER).get(`/plans/${id}`).expect(404);
    await stack.as(OFFICER).patch(`/plans/${id}`).send({ title: 'Judul yang cukup panjang' }).expect(404);
    await stack.as(OFFICER).post(`/plans/${id}/submit`).send({}).expect(404);
    const response = await stack.as(REVIEWER.VERIFICATION).post(`/plans/${id}/decisions`).send({ stage: 'VERIFICATION', outcome: 'APPROVE' }).expect(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', message: { id: expect.stringContaining(id), en: expect.stringContaining(id) } });
  });

  it('answers 400 for an id that is not a UUID', async () => {
    await stack.as(OFFICER).get('/plans/not-a-uuid').expect(400);
  });

  it('saves a half-done draft but refuses to submit it until it is complete', async () => {
    const created = await stack
      .as(OFFICER)
      .post('/plans')
      .send(newPlanBody({ lineItems: [] }))
      .expect(201);
    const before = await counts();
    const response = await stack.as(OFFICER).post(`/plans/${created.body.id}/submit`).send({}).expect(400);
    expect(response.body.violations).toEqual([expect.objectContaining({ field: 'lineItems', reason: 'REQUIRED' })]);
    expect(await counts()).toEqual(before);
    const plan = await stack.as(OFFICER).get(`/plans/${created.body.id}`).expect(200);
    expect(plan.body).toMatchObject({ stage: 'DRAFT', liveStage: null });
  });

  it('refuses a Jakarta administrative city as a partner at submission with 400 naming the field, and changes nothing', async () => {
    const created = await stack
      .as(OFFICER)
      .post('/plans')
      .send(newPlanBody({ cooperationType: 'KSDD_SUKARELA', partners: [{ kind: 'REGION', name: 'Kota Administrasi Jakarta Pusat', regionCode: '31.71' }] }))
      .expect(201);
    const before = await counts();
    const response = await stack.as(OFFICER).post(`/plans/${created.body.id}/submit`).send({}).expect(400);
    expect(response.body.violations).toEqual([
      expect.objectContaining({
        field: 'partners[0].regionCode',
        reason: 'NOT_AUTONOMOUS',
        message: { id: expect.stringContaining('bukan daerah otonom'), en: expect.stringContaining('not an autonomous region') },
      }),
    ]);
    expect(await counts()).toEqual(before);
  });

  it('refuses a decision on a plan never submitted with 409', async () => {
    const created = await stack.as(OFFICER).post('/plans').send(newPlanBody()).expect(201);
    const response = await stack
      .as(REVIEWER.VERIFICATION)
      .post(`/plans/${created.body.id}/decisions`)
      .send({ stage: 'VERIFICATION', outcome: 'APPROVE' })
      .expect(409);
    expect(response.body.code).toBe('NOT_UNDER_REVIEW');
  });

  it('requires a comment to return or reject, and a known outcome', async () => {
    const created = await stack.as(OFFICER).post('/plans').send(newPlanBody()).expect(201);
    await stack.as(OFFICER).post(`/plans/${created.body.id}/submit`).send({}).expect(200);
    const noComment = await stack
      .as(REVIEWER.VERIFICATION)
      .post(`/plans/${created.body.id}/decisions`)
      .send({ stage: 'VERIFICATION', outcome: 'REJECT' })
      .expect(400);
    expect(noComment.body.violations).toContainEqual(expect.objectContaining({ field: 'comment' }));
    const badOutcome = await stack
      .as(REVIEWER.VERIFICATION)
      .post(`/plans/${created.body.id}/decisions`)
      .send({ stage: 'VERIFICATION', outcome: 'MAYBE' })
      .expect(400);
    expect(badOutcome.body.violations).toContainEqual(expect.objectContaining({ field: 'outcome', reason: 'IS_IN' }));
    const plan = await stack.as(OFFICER).get(`/plans/${created.body.id}`).expect(200);
    expect(plan.body.stage).toBe('VERIFICATION');
  });

  it('rejects list filters that make no sense', async () => {
    const response = await stack.as(OFFICER).get('/plans').query({ stage: 'SOMEWHERE', pageSize: 1000 }).expect(400);
    expect(response.body.violations.map((v: { field: string }) => v.field).sort()).toEqual(['pageSize', 'stage']);
  });
});

describe('operability', () => {
  it('reports its dependencies on /health and serves its OpenAPI document', async () => {
    const health = await stack.http().get('/health').expect(200);
    expect(health.body).toMatchObject({ status: 'ok', database: { up: true }, temporal: { up: true } });
    const openApi = await stack.http().get('/docs/json').expect(200);
    expect(Object.keys(openApi.body.paths)).toEqual(
      expect.arrayContaining(['/plans', '/plans/{id}', '/plans/{id}/submit', '/plans/{id}/decisions', '/review-tasks', '/health']),
    );
  });
});
