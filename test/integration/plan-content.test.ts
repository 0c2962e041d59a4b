// Issue 3 through HTTP: a plan with every field, saved half-done, checked while drafting,
// refused on submit for each rule of PP 28/2018 (with the field and nothing stored), and
// its DPRD requirement derived and kept.
import { CURRENT_NOMENCLATURE_VERSION } from '../../domain/nomenclature';
import { createTestUser } from '../support/auth';
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

async function rowCounts() {
  const prisma = stack.database.prisma;
  const [plans, objects, partners, transitions, revisions] = await Promise.all([
    prisma.cooperationPlan.count(),
    prisma.planObject.count(),
    prisma.planPartner.count(),
    prisma.planTransition.count(),
    prisma.planRevision.count(),
  ]);
  return { plans, objects, partners, transitions, revisions };
}

async function draft(overrides: Record<string, unknown> = {}): Promise<string> {
  const response = await stack.as(OFFICER).post('/plans').send(newPlanBody(overrides)).expect(201);
  return response.body.id as string;
}

/** Submitting must fail with 400 naming `field` for `reason`, and change nothing. */
async function expectSubmitRefused(planId: string, field: string, reason: string, officer = OFFICER) {
  const before = await rowCounts();
  const response = await stack.as(officer).post(`/plans/${planId}/submit`).send({}).expect(400);
  expect(response.body.violations).toContainEqual(expect.objectContaining({ field, reason }));
  expect(await rowCounts()).toEqual(before);
  const plan = await stack.as(officer).get(`/plans/${planId}`).expect(200);
  expect(plan.body).toMatchObject({ stage: 'DRAFT', liveStage: null });
}

describe('a plan with every field', () => {
  it('is stored and read back exactly, with its derived cost and DPRD requirement', async () => {
    const body = newPlanBody({
      fundingSource: 'APBD_NOT_YET_BUDGETED',
      burdensCommunity: true,
      feasibilityStudy: { preparedBy: 'REGION', summary: 'Layak', conclusion: 'Lanjutkan', studyDate: '2026-05-20' },
    });
    const created = await stack.as(OFFICER).post('/plans').send(body).expect(201);
    const plan = (await stack.as(OFFICER).get(`/plans/${created.body.id}`).expect(200)).body;
    expect(plan).toMatchObject({
      cooperationType: 'KSDD_WAJIB',
      initiator: 'REGION',
      partners: body.partners,
      objects: body.objects,
      termsOfReference: body.termsOfReference,
      feasibilityStudy: body.feasibilityStudy,
      plannedDurationMonths: 36,
      fundingSource: 'APBD_NOT_YET_BUDGETED',
      burdensCommunity: true,
      multiYear: true,
      estimatedCost: 425_000_000,
      requiresDprdApproval: true,
      dprdApprovalReasons: ['BURDENS_COMMUNITY', 'NOT_YET_BUDGETED'],
    });
    const check = (await stack.as(OFFICER).get(`/plans/${created.body.id}/check`).expect(200)).body;
    expect(check).toMatchObject({ submittable: true, violations: [], requiresDprdApproval: true });
  });

  it('can be saved half-done, shows what is missing, and is completed by edits', async () => {
    const created = await stack
      .as(OFFICER)
      .post('/plans')
      .send({ title: 'Kerja sama air minum lintas batas', regionCode: '32.71', budgetYear: 2027, proposingAgency: 'Dinas Lingkungan Hidup' })
      .expect(201);
    const id = created.body.id as string;
    const check = (await stack.as(OFFICER).get(`/plans/${id}/check`).expect(200)).body;
    expect(check.submittable).toBe(false);
    expect(check.violations.map((v: { field: string }) => v.field)).toEqual(
      expect.arrayContaining(['cooperationType', 'partners', 'objects', 'termsOfReference.background', 'lineItems']),
    );
    const { title: _t, ...rest } = newPlanBody();
    await stack.as(OFFICER).patch(`/plans/${id}`).send(rest).expect(200);
    expect((await stack.as(OFFICER).get(`/plans/${id}/check`).expect(200)).body).toMatchObject({ submittable: true, violations: [] });
    const submitted = await stack.as(OFFICER).post(`/plans/${id}/submit`).send({}).expect(200);
    expect(submitted.body.stage).toBe('VERIFICATION');
    const revision = await stack.database.prisma.planRevision.findUniqueOrThrow({ where: { planId_revision: { planId: id, revision: 1 } } });
    expect((revision.content as { objects: unknown[] }).objects).toEqual(newPlanBody().objects);
  });

  it('re-derives the DPRD requirement on every edit', async () => {
    const id = await draft();
    const edited = await stack
      .as(OFFICER)
      .patch(`/plans/${id}`)
      .send({ cooperationType: 'KSDPL', partners: [{ kind: 'FOREIGN_GOVERNMENT', name: 'Kota Mitra', country: 'Jepang' }] })
      .expect(200);
    expect(edited.body).toMatchObject({ requiresDprdApproval: true, dprdApprovalReasons: ['ABROAD'] });
    const back = await stack.as(OFFICER).patch(`/plans/${id}`).send({ cooperationType: 'KSDD_SUKARELA', partners: newPlanBody().partners }).expect(200);
    expect(back.body).toMatchObject({ requiresDprdApproval: false, dprdApprovalReasons: [] });
  });
});

describe('rules enforced on submit', () => {
  it('refuses an absolute affair as object', async () => {
    const id = await draft({ objects: [{ affairCode: '0.01', inPlanningDocuments: true }] });
    await expectSubmitRefused(id, 'objects[0].affairCode', 'ABSOLUTE_AFFAIR');
  });

  it('saves a draft with an object row not filled in yet, and refuses it on submit as required', async () => {
    const id = await draft({
      objects: [
        { affairCode: '2.11', inPlanningDocuments: true },
        { affairCode: '', inPlanningDocuments: true },
      ],
    });
    const saved = await stack.as(OFFICER).get(`/plans/${id}`).expect(200);
    expect(saved.body.objects).toHaveLength(2);
    await expectSubmitRefused(id, 'objects[1].affairCode', 'REQUIRED');
  });

  it('refuses an affair code not in the nomenclature', async () => {
    const id = await draft({ objects: [{ affairCode: '2.99', inPlanningDocuments: true }] });
    await expectSubmitRefused(id, 'objects[0].affairCode', 'UNKNOWN_AFFAIR');
  });

  it('refuses an affair of the kabupaten/kota (Kecamatan, 7.01) for a province', async () => {
    // Since 3.28 and 3.29 are held at both levels (Permendagri 90/2019), no bidang is the province's alone.
    await createTestUser(stack.database.prisma, {
      username: 'officer.jabar',
      grants: [{ role: 'OFFICER', regionCode: '32', agency: 'Dinas Kependudukan' }],
    });
    const response = await stack
      .as('officer.jabar')
      .post('/plans')
      .send(newPlanBody({ objects: [{ affairCode: '7.01', inPlanningDocuments: true }] }))
      .expect(201);
    await expectSubmitRefused(response.body.id as string, 'objects[0].affairCode', 'NO_AUTHORITY', 'officer.jabar');
  });

  it('refuses an object outside the planning documents without an exception reason', async () => {
    const id = await draft({ objects: [{ affairCode: '2.11', inPlanningDocuments: false }] });
    await expectSubmitRefused(id, 'objects[0].exceptionReason', 'EXCEPTION_REQUIRED');
    await stack
      .as(OFFICER)
      .patch(`/plans/${id}`)
      .send({ objects: [{ affairCode: '2.11', inPlanningDocuments: false, exceptionReason: 'EMERGENCY' }] })
      .expect(200);
    await stack.as(OFFICER).post(`/plans/${id}/submit`).send({}).expect(200);
  });

  it('refuses an unknown partner region; nobody can draft for an unknown region at all', async () => {
    await stack
      .as(OFFICER)
      .post('/plans')
      .send(newPlanBody({ regionCode: '99.99' }))
      .expect(403);
    await expectSubmitRefused(await draft({ partners: [{ kind: 'REGION', name: 'Entah', regionCode: '98.01' }] }), 'partners[0].regionCode', 'UNKNOWN_REGION');
  });

  it('refuses a mandatory KSDD with a partner that does not border the region', async () => {
    const id = await draft({ partners: [{ kind: 'REGION', name: 'Kota Bandung', regionCode: '32.73' }] });
    await expectSubmitRefused(id, 'partners', 'NOT_BORDERING');
  });

  it('refuses a region-initiated KSDPK without a feasibility study', async () => {
    const id = await draft({
      cooperationType: 'KSDPK',
      ksdpkKind: 'PUBLIC_SERVICE',
      initiator: 'REGION',
      partners: [{ kind: 'THIRD_PARTY', name: 'PT Bersih Lestari', legalForm: 'Perseroan Terbatas' }],
    });
    await expectSubmitRefused(id, 'feasibilityStudy', 'FEASIBILITY_REQUIRED');
    await stack
      .as(OFFICER)
      .patch(`/plans/${id}`)
      .send({ feasibilityStudy: { preparedBy: 'REGION', summary: 'Layak', conclusion: 'Lanjut' } })
      .expect(200);
    await expectSubmitRefused(id, 'feasibilityStudy', 'FEASIBILITY_FILE_REQUIRED');
    await stack
      .as(OFFICER)
      .post(`/plans/${id}/attachments`)
      .field('purpose', 'FEASIBILITY_STUDY')
      .attach('file', Buffer.from('%PDF-1.7\n% studi kelayakan\n'), { filename: 'studi-kelayakan.pdf', contentType: 'application/pdf' })
      .expect(201);
    await stack.as(OFFICER).post(`/plans/${id}/submit`).send({}).expect(200);
  });
});

describe('bad input while drafting', () => {
  it.each([
    ['a malformed affair code', { objects: [{ affairCode: '2-11', inPlanningDocuments: true }] }, 'objects[0].affairCode', 'FORMAT'],
    [
      'a program outside its affair',
      { objects: [{ affairCode: '2.11', programCode: '1.02.03', inPlanningDocuments: true }] },
      'objects[0].programCode',
      'NOT_NESTED',
    ],
    [
      'an unknown exception reason',
      { objects: [{ affairCode: '2.11', inPlanningDocuments: false, exceptionReason: 'BECAUSE' }] },
      'objects[0].exceptionReason',
      'IS_IN',
    ],
    ['an unknown cooperation type', { cooperationType: 'KSDX' }, 'cooperationType', 'IS_IN'],
    ['an unknown partner kind', { partners: [{ kind: 'FRIEND', name: 'X' }] }, 'partners[0].kind', 'IS_IN'],
    ['a duration of zero months', { plannedDurationMonths: 0 }, 'plannedDurationMonths', 'RANGE'],
    ['a study date that is no date', { feasibilityStudy: { studyDate: '2026-13-45' } }, 'feasibilityStudy.studyDate', 'FORMAT'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_, overrides, field, reason) => {
    const before = await rowCounts();
    const response = await stack.as(OFFICER).post('/plans').send(newPlanBody(overrides)).expect(400);
    expect(response.body.violations).toContainEqual(expect.objectContaining({ field, reason }));
    expect(await rowCounts()).toEqual(before);
  });
});

describe('eligibility screens', () => {
  it('records the secretariat rejection ground on the history', async () => {
    const id = await draft();
    await stack.as(OFFICER).post(`/plans/${id}/submit`).send({}).expect(200);
    await stack.as(REVIEWER.VERIFICATION).post(`/plans/${id}/task/claim`).send({}).expect(200);
    const rejected = await stack
      .as(REVIEWER.VERIFICATION)
      .post(`/plans/${id}/decisions`)
      .send({ stage: 'VERIFICATION', outcome: 'REJECT', reasonCode: 'PLAIN_PROCUREMENT', comment: 'Pengadaan armada biasa' })
      .expect(200);
    expect(rejected.body.history.at(-1)).toMatchObject({ action: 'REJECT', reasonCode: 'PLAIN_PROCUREMENT' });
  });

  it('refuses a rejection ground on an approval', async () => {
    const id = await draft();
    await stack.as(OFFICER).post(`/plans/${id}/submit`).send({}).expect(200);
    const response = await stack
      .as(REVIEWER.VERIFICATION)
      .post(`/plans/${id}/decisions`)
      .send({ stage: 'VERIFICATION', outcome: 'APPROVE', reasonCode: 'PLAIN_PROCUREMENT' })
      .expect(400);
    expect(response.body.violations).toEqual([expect.objectContaining({ field: 'reasonCode', reason: 'NOT_APPLICABLE' })]);
  });
});

it('uses the current nomenclature version when an object gives none', async () => {
  const id = await draft({ objects: [{ affairCode: '2.11', inPlanningDocuments: true }] });
  const plan = (await stack.as(OFFICER).get(`/plans/${id}`).expect(200)).body;
  expect(plan.objects[0].nomenclatureVersion).toBe(CURRENT_NOMENCLATURE_VERSION);
});
