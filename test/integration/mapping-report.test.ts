// Issue 18, reporting upward: Kota Bogor's mapping report goes to Jawa Barat (returned
// once with a comment, then accepted), Jawa Barat compiles its own with Kota Bogor's
// accepted report and the ministry accepts it; every revision is a snapshot that never
// changes; every seat sees only what its place in the line allows.
import { mappingReportWorkflowId } from '../../workflows/mapping-report/definitions';
import { createTestUser } from '../support/auth';
import { maybeRecordWorkflowHistory } from '../support/histories';
import { createPlan, submit } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

let stack: TestStack;
const YEAR = 2027;
const KOTA = '32.71';
const JABAR = '32';

beforeAll(async () => {
  stack = await startTestStack();
  const prisma = stack.database.prisma;
  await createTestUser(prisma, { username: 'reviewer.jateng', grants: [{ role: 'PROVINCE_REVIEWER', regionCode: '33' }] });
  await createTestUser(prisma, { username: 'gubernur.jabar', grants: [{ role: 'HEAD_OF_REGION', regionCode: JABAR }] });
});
afterAll(async () => {
  await stack?.stop();
});

const step = (user: string, regionCode: string, action: string, body: Record<string, unknown> = {}) =>
  stack.as(user).post(`/reports/${regionCode}/${YEAR}/${action}`).send(body);

async function noticesTo(username: string, template: string): Promise<number> {
  return stack.database.prisma.notification.count({ where: { template, user: { username } } });
}

describe('the journey of a report, kabupaten/kota → province (with a return round) → ministry', () => {
  let firstSnapshot: Record<string, unknown>;
  let planIds: string[];
  let draftId: string;

  it('compiles, signs off and submits Kota Bogor’s report; each step only by its seat', async () => {
    const drafted = await createPlan(stack);
    const submitted = await createPlan(stack);
    await submit(stack, submitted).expect(200);
    planIds = [drafted, submitted].sort();
    draftId = drafted;

    // Before anything: nothing to sign or submit, and no one but the secretariat compiles.
    await step('walikota.kotabogor', KOTA, 'sign-off').expect(409);
    await step('walikota.kotabogor', KOTA, 'compile').expect(403);
    await step('reviewer.jabar', KOTA, 'compile').expect(403);
    await step('officer.kotabogor', KOTA, 'compile').expect(404);
    await step('sekretariat.kabbogor', KOTA, 'compile').expect(404);

    const compiled = await step('sekretariat.kotabogor', KOTA, 'compile').expect(200);
    expect(compiled.body).toMatchObject({ status: 'DRAFTING', revision: 1 });
    const view = await stack.as('sekretariat.kotabogor').get(`/reports/${KOTA}/${YEAR}`).expect(200);
    expect(view.body).toMatchObject({ status: 'DRAFTING', revision: 1, level: 'REGENCY', provinceCode: JABAR, dueDate: '2026-02-15' });
    expect(view.body.revisions).toEqual([expect.objectContaining({ revision: 1, plans: 2, planIds })]);
    firstSnapshot = (await stack.as('sekretariat.kotabogor').get(`/reports/${KOTA}/${YEAR}/revisions/1`).expect(200)).body;
    expect(firstSnapshot).toMatchObject({ regionCode: KOTA, revision: 1, totals: { plans: 2 } });
    expect((firstSnapshot.plans as Array<{ id: string; stage: string }>).map((p) => [p.id, p.stage])).toEqual(
      planIds.map((id) => [id, id === submitted ? 'VERIFICATION' : 'DRAFT']),
    );
    await waitFor('the head of region told to sign', async () => (await noticesTo('walikota.kotabogor', 'REPORT_TO_SIGN')) === 1);

    await step('sekretariat.kotabogor', KOTA, 'submit').expect(409); // not signed yet
    await step('sekretariat.kotabogor', KOTA, 'sign-off').expect(403);
    await step('walikota.kotabogor', KOTA, 'sign-off').expect(200);
    await step('walikota.kotabogor', KOTA, 'submit').expect(403);
    const sent = await step('sekretariat.kotabogor', KOTA, 'submit').expect(200);
    expect(sent.body).toMatchObject({ status: 'SUBMITTED', revision: 1 });

    const inbox = await stack.as('reviewer.jabar').get('/reporting/inbox').expect(200);
    expect(inbox.body).toEqual([expect.objectContaining({ regionCode: KOTA, budgetYear: YEAR, revision: 1, dueDate: '2026-02-15' })]);
    expect((await stack.as('reviewer.jateng').get('/reporting/inbox').expect(200)).body).toEqual([]);
    expect((await stack.as('reviewer.kemendagri').get('/reporting/inbox').expect(200)).body).toEqual([]);
    await waitFor('the province reviewer told', async () => (await noticesTo('reviewer.jabar', 'REPORT_SUBMITTED')) === 1);
  });

  it('lets only Jawa Barat’s reviewer decide, returns with a comment, and a plan change makes revision 2', async () => {
    await step('reviewer.jateng', KOTA, 'accept').expect(404);
    await step('reviewer.kemendagri', KOTA, 'accept').expect(403);
    await step('sekretariat.kotabogor', KOTA, 'accept').expect(403);
    const blank = await step('reviewer.jabar', KOTA, 'return', { comment: '  ' }).expect(400);
    expect(blank.body.violations).toEqual([expect.objectContaining({ field: 'comment', reason: 'REQUIRED' })]);
    await step('sekretariat.kotabogor', KOTA, 'compile').expect(409); // under review
    const returned = await step('reviewer.jabar', KOTA, 'return', { comment: 'Lengkapi rencana Dinas Perhubungan.' }).expect(200);
    expect(returned.body).toMatchObject({ status: 'RETURNED' });
    await waitFor('the secretariat told of the return', async () => (await noticesTo('sekretariat.kotabogor', 'REPORT_RETURNED')) === 1);

    const added = await createPlan(stack, { proposingAgency: 'Dinas Perhubungan' }, 'officer2.kotabogor');
    await step('sekretariat.kotabogor', KOTA, 'compile').expect(200);
    await step('walikota.kotabogor', KOTA, 'sign-off').expect(200);
    await step('sekretariat.kotabogor', KOTA, 'submit').expect(200);
    const accepted = await step('reviewer.jabar', KOTA, 'accept').expect(200);
    expect(accepted.body).toMatchObject({ status: 'ACCEPTED', revision: 2 });

    const view = (await stack.as('reviewer.jabar').get(`/reports/${KOTA}/${YEAR}`).expect(200)).body;
    expect(view.steps.map((s: { action: string; revision: number }) => `${s.action}:${s.revision}`)).toEqual([
      'COMPILE:1',
      'SIGN_OFF:1',
      'SUBMIT:1',
      'RETURN:1',
      'COMPILE:2',
      'SIGN_OFF:2',
      'SUBMIT:2',
      'ACCEPT:2',
    ]);
    expect(view.revisions.map((r: { revision: number; planIds: string[] }) => [r.revision, r.planIds])).toEqual([
      [1, planIds],
      [2, [...planIds, added].sort()],
    ]);
  });

  it('never changes a submitted snapshot: neither a plan change nor a direct UPDATE alters revision 1', async () => {
    // The officer edits the draft that revision 1 lists.
    const draft = draftId;
    const edited = await stack.as('officer.kotabogor').patch(`/plans/${draft}`).send({ title: 'Judul yang diubah setelah pelaporan' }).expect(200);
    expect(edited.body.title).toBe('Judul yang diubah setelah pelaporan');
    expect((firstSnapshot.plans as Array<{ id: string; title: string }>).find((p) => p.id === draft)?.title).not.toBe(edited.body.title);
    const again = (await stack.as('reviewer.kemendagri').get(`/reports/${KOTA}/${YEAR}/revisions/1`).expect(200)).body;
    expect(again).toEqual(firstSnapshot);
    await expect(
      stack.database.prisma.$executeRawUnsafe(`UPDATE "MappingReportRevision" SET "snapshot" = '{}' WHERE "regionCode" = '${KOTA}'`),
    ).rejects.toThrow(/immutable/);
    await expect(stack.database.prisma.$executeRawUnsafe(`DELETE FROM "MappingReportRevision" WHERE "regionCode" = '${KOTA}'`)).rejects.toThrow(/immutable/);
    expect((await stack.as('reviewer.kemendagri').get(`/reports/${KOTA}/${YEAR}/revisions/1`).expect(200)).body).toEqual(firstSnapshot);
  });

  it('has Jawa Barat compile its own report with Kota Bogor’s accepted one, and the ministry accept it', async () => {
    await step('sekretariat.kotabogor', JABAR, 'compile').expect(404);
    const compiled = await step('reviewer.jabar', JABAR, 'compile').expect(200);
    expect(compiled.body).toMatchObject({ status: 'DRAFTING', revision: 1 });
    const snapshot = (await stack.as('reviewer.kemendagri').get(`/reports/${JABAR}/${YEAR}/revisions/1`).expect(200)).body;
    expect(snapshot.included).toEqual([expect.objectContaining({ regionCode: KOTA, revision: 2, totals: expect.objectContaining({ plans: 3 }) })]);
    expect(snapshot.missing).toContain('32.01');
    expect(snapshot.missing).not.toContain(KOTA);

    await step('gubernur.jabar', JABAR, 'sign-off').expect(200);
    await step('reviewer.jabar', JABAR, 'submit').expect(200);
    expect((await stack.as('reviewer.kemendagri').get('/reporting/inbox').expect(200)).body).toEqual([
      expect.objectContaining({ regionCode: JABAR, dueDate: '2026-03-17' }),
    ]);
    await step('reviewer.jabar', JABAR, 'accept').expect(403);
    await step('reviewer.kemendagri', JABAR, 'accept').expect(200);
    expect((await stack.as('reviewer.kemendagri').get(`/reports/${JABAR}/${YEAR}`).expect(200)).body.status).toBe('ACCEPTED');
    await maybeRecordWorkflowHistory(stack, mappingReportWorkflowId(KOTA, YEAR, stack.config.TEMPORAL_WORKFLOW_ID_SCOPE), 'mapping-report-return-round');
    await maybeRecordWorkflowHistory(stack, mappingReportWorkflowId(JABAR, YEAR, stack.config.TEMPORAL_WORKFLOW_ID_SCOPE), 'mapping-report-province');
  });
});

describe('the summary above, scoped per seat', () => {
  const summary = (user: string, year = YEAR) => stack.as(user).get('/reporting/summary').query({ budgetYear: year });

  it('shows the ministry all 552 regions, a province reviewer its own 28, a Pemda itself, and refuses the rest', async () => {
    const national = (await summary('reviewer.kemendagri').expect(200)).body;
    expect(national.regions).toHaveLength(552);
    expect(national.provinces).toHaveLength(38);
    const byCode = new Map(national.regions.map((r: { code: string }) => [r.code, r]));
    expect(byCode.get(KOTA)).toMatchObject({ status: 'ACCEPTED', revision: 2, plans: 3, dueDate: '2026-02-15' });
    expect(byCode.get(JABAR)).toMatchObject({ status: 'ACCEPTED', level: 'PROVINCE', dueDate: '2026-03-17' });
    // Past its deadline without a report: late, as every region that has not reported for 2027.
    expect(byCode.get('32.01')).toMatchObject({ status: 'LATE', plans: 0 });
    expect(national.totals.byStatus).toMatchObject({ ACCEPTED: 2, LATE: 550 });

    const province = (await summary('reviewer.jabar').expect(200)).body;
    expect(province.regions.every((r: { provinceCode: string }) => r.provinceCode === JABAR)).toBe(true);
    expect(province.regions).toHaveLength(28);
    expect((await summary('reviewer.jateng').expect(200)).body.regions.map((r: { code: string }) => r.code)).not.toContain(KOTA);
    expect((await summary('sekretariat.kotabogor').expect(200)).body.regions.map((r: { code: string }) => r.code)).toEqual([KOTA]);
    await summary('officer.kotabogor').expect(403);
    await summary('kalender.kemendagri').expect(403);
    await stack.http().get('/reporting/summary').query({ budgetYear: YEAR }).expect(401);

    // Next year's deadline has not come: not started, not late.
    const next = (await summary('reviewer.kemendagri', 2028).expect(200)).body;
    expect(next.totals.byStatus).toMatchObject({ NOT_STARTED: 552, LATE: 0 });
  });

  it('lets every seat read a report only where it stands in the line', async () => {
    const expected: Array<[string, number]> = [
      ['sekretariat.kotabogor', 200],
      ['bappeda.kotabogor', 200],
      ['walikota.kotabogor', 200],
      ['officer.kotabogor', 404],
      ['sekretariat.kabbogor', 404],
      ['admin.kabbogor', 404],
      ['reviewer.jabar', 200],
      ['reviewer.jateng', 404],
      ['reviewer.kemendagri', 200],
      ['kalender.kemendagri', 404],
    ];
    const seen: Array<[string, number]> = [];
    for (const [user] of expected) seen.push([user, (await stack.as(user).get(`/reports/${KOTA}/${YEAR}`)).status]);
    expect(seen).toEqual(expected);
    // The province's own report: not Kota Bogor's seats.
    expect((await stack.as('sekretariat.kotabogor').get(`/reports/${JABAR}/${YEAR}`)).status).toBe(404);
  });

  it('exports the summary as XLSX and PDF for the ministry', async () => {
    const xlsx = await stack.as('reviewer.kemendagri').get('/reporting/summary/export.xlsx').query({ budgetYear: YEAR }).buffer(true).expect(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const pdf = await stack.as('reviewer.kemendagri').get('/reporting/summary/export.pdf').query({ budgetYear: YEAR }).buffer(true).expect(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    await stack.as('officer.kotabogor').get('/reporting/summary/export.pdf').query({ budgetYear: YEAR }).expect(403);
  });

  it('takes the year’s deadline from the national calendar keeper only', async () => {
    await stack.as('reviewer.kemendagri').put('/reporting/deadlines/2029').send({ date: '2028-01-31' }).expect(403);
    await stack.as('admin.kotabogor').put('/reporting/deadlines/2029').send({ date: '2028-01-31' }).expect(403);
    const set = await stack.as('kalender.kemendagri').put('/reporting/deadlines/2029').send({ date: '2028-01-31', note: 'Surat Dirjen (uji)' }).expect(200);
    expect(set.body).toMatchObject({ REGENCY: '2028-01-31', PROVINCE: '2028-03-01', origin: 'KEEPER' });
    expect((await stack.as('officer.kotabogor').get('/reporting/deadlines/2028').expect(200)).body).toMatchObject({ REGENCY: '2027-02-15', origin: 'SETTING' });
  });
});
