// The planning calendar over HTTP against a real database: defaults from the rules,
// national overrides under regional ones, who may set which, refusals that store
// nothing, the audit trail, and collective leave days in the working-day flags.
import { createTestUser } from '../support/auth';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
const prisma = () => stack.database.prisma;

/** A province admin: the only one who may set national dates and collective leave days. */
const PROVINCE_ADMIN = 'admin.jabar';

beforeAll(async () => {
  stack = await startTestStack();
  await createTestUser(prisma(), { username: PROVINCE_ADMIN, grants: [{ role: 'ADMIN', regionCode: '32' }] });
});
afterAll(async () => {
  await stack?.stop();
});

interface MilestoneBody {
  code: string;
  date: string;
  origin: string;
  source: string;
  workingDay: boolean;
  note: string | null;
}
const byCode = (body: { milestones: MilestoneBody[] }) => Object.fromEntries(body.milestones.map((m) => [m.code, m]));

async function stored() {
  return { overrides: await prisma().calendarOverride.count(), leave: await prisma().collectiveLeaveDay.count(), audit: await prisma().auditEvent.count() };
}

describe('reading a calendar', () => {
  it("gives the rules' dates for budget year 2027 in Kota Bogor, in WIB, with their working-day status", async () => {
    const response = await stack.as('bappeda.kotabogor').get('/calendars/32.71/2027').expect(200);
    expect(response.body).toMatchObject({
      regionCode: '32.71',
      regionName: 'Kota Bogor',
      regionLevel: 'REGENCY',
      budgetYear: 2027,
      timeZone: { abbreviation: 'WIB', iana: 'Asia/Jakarta' },
    });
    expect(response.body.milestones.map((m: MilestoneBody) => [m.code, m.date, m.source, m.origin, m.workingDay])).toEqual([
      ['MAPPING_DEADLINE', '2026-01-31', 'PRACTICE', 'DEFAULT', false], // a Saturday
      ['MUSRENBANG', '2026-03-31', 'PRACTICE', 'DEFAULT', true],
      ['RKPD_SET', '2026-06-30', 'PRACTICE', 'DEFAULT', true],
      ['KUA_PPAS_SUBMISSION', '2026-07-14', 'PP_12_2019', 'DEFAULT', true],
      ['KUA_PPAS_AGREEMENT', '2026-08-14', 'PP_12_2019', 'DEFAULT', true],
      ['DRAFT_APBD_SUBMISSION', '2026-10-02', 'PP_12_2019', 'DEFAULT', true],
      ['APBD_JOINT_APPROVAL', '2026-11-30', 'PP_12_2019', 'DEFAULT', true],
      ['APBD_ENACTMENT', '2026-12-31', 'PP_12_2019', 'DEFAULT', true],
    ]);
    expect(response.body.milestones[0].label).toEqual({ id: expect.any(String), en: expect.any(String) });
  });

  it('is open to every role in the region, officers included, and to no one else', async () => {
    await stack.as('officer.kotabogor').get('/calendars/32.71/2028').expect(200);
    const refused = await stack.as('admin.kabbogor').get('/calendars/32.71/2027').expect(403);
    expect(refused.body.message).toEqual({ id: expect.any(String), en: expect.any(String) });
  });

  it('refuses a malformed region code or budget year with the field named', async () => {
    const badYear = await stack.as('bappeda.kotabogor').get('/calendars/32.71/27').expect(400);
    expect(badYear.body.violations.map((v: { field: string }) => v.field)).toEqual(['budgetYear']);
    const badRegion = await stack.as('bappeda.kotabogor').get('/calendars/kota-bogor/2027').expect(400);
    expect(badRegion.body.violations.map((v: { field: string }) => v.field)).toEqual(['regionCode']);
  });
});

describe('overrides', () => {
  it('regional beats national beats default, and removing each falls back', async () => {
    const national = await stack
      .as(PROVINCE_ADMIN)
      .put('/calendars/national/2027/milestones/KUA_PPAS_SUBMISSION')
      .send({ date: '2026-07-10', note: 'Pedoman APBD 2027' })
      .expect(200);
    expect(national.body).toMatchObject({ budgetYear: 2027, regionCode: null, milestone: 'KUA_PPAS_SUBMISSION', date: '2026-07-10' });
    await stack.as('admin.kotabogor').put('/calendars/32.71/2027/milestones/KUA_PPAS_SUBMISSION').send({ date: '2026-07-08', note: 'Jadwal DPRD' }).expect(200);
    // A public holiday from date-holidays: the date is kept, and flagged as no working day.
    await stack.as('admin.kotabogor').put('/calendars/32.71/2027/milestones/KUA_PPAS_AGREEMENT').send({ date: '2026-08-17' }).expect(200);

    const kotaBogor = byCode((await stack.as('bappeda.kotabogor').get('/calendars/32.71/2027').expect(200)).body);
    expect(kotaBogor.KUA_PPAS_SUBMISSION).toMatchObject({ date: '2026-07-08', origin: 'REGIONAL', note: 'Jadwal DPRD', workingDay: true });
    expect(kotaBogor.KUA_PPAS_AGREEMENT).toMatchObject({ date: '2026-08-17', origin: 'REGIONAL', workingDay: false });
    const kabBogor = byCode((await stack.as('bappeda.kabbogor').get('/calendars/32.01/2027').expect(200)).body);
    expect(kabBogor.KUA_PPAS_SUBMISSION).toMatchObject({ date: '2026-07-10', origin: 'NATIONAL', note: 'Pedoman APBD 2027' });
    expect(kabBogor.KUA_PPAS_AGREEMENT).toMatchObject({ date: '2026-08-14', origin: 'DEFAULT' });
    // Another budget year is untouched.
    expect(byCode((await stack.as('bappeda.kotabogor').get('/calendars/32.71/2028').expect(200)).body).KUA_PPAS_SUBMISSION).toMatchObject({
      date: '2027-07-14',
      origin: 'DEFAULT',
    });

    await stack.as('admin.kotabogor').delete('/calendars/32.71/2027/milestones/KUA_PPAS_SUBMISSION').expect(204);
    expect(byCode((await stack.as('bappeda.kotabogor').get('/calendars/32.71/2027').expect(200)).body).KUA_PPAS_SUBMISSION).toMatchObject({
      date: '2026-07-10',
      origin: 'NATIONAL',
    });
    await stack.as(PROVINCE_ADMIN).delete('/calendars/national/2027/milestones/KUA_PPAS_SUBMISSION').expect(204);
    expect(byCode((await stack.as('bappeda.kotabogor').get('/calendars/32.71/2027').expect(200)).body).KUA_PPAS_SUBMISSION).toMatchObject({
      date: '2026-07-14',
      origin: 'DEFAULT',
    });
    await stack.as(PROVINCE_ADMIN).delete('/calendars/national/2027/milestones/KUA_PPAS_SUBMISSION').expect(404);
    await stack.as('admin.kotabogor').delete('/calendars/32.71/2027/milestones/KUA_PPAS_AGREEMENT').expect(204);
  });

  it('records every change in the audit trail, with the date before and after', async () => {
    await stack.as('admin.kotabogor').put('/calendars/32.71/2029/milestones/RKPD_SET').send({ date: '2028-06-23' }).expect(200);
    await stack.as('admin.kotabogor').put('/calendars/32.71/2029/milestones/RKPD_SET').send({ date: '2028-06-26', note: 'Diundur' }).expect(200);
    await stack.as('admin.kotabogor').delete('/calendars/32.71/2029/milestones/RKPD_SET').expect(204);
    const rows = await prisma().auditEvent.findMany({
      where: { entity: 'CALENDAR_OVERRIDE', details: { path: ['budgetYear'], equals: 2029 } },
      orderBy: { id: 'asc' },
    });
    expect(rows.map((row) => [row.action, row.before, row.after, row.actorRole])).toEqual([
      ['CALENDAR_OVERRIDE_SET', null, { date: '2028-06-23', note: null }, 'ADMIN'],
      ['CALENDAR_OVERRIDE_SET', { date: '2028-06-23', note: null }, { date: '2028-06-26', note: 'Diundur' }, 'ADMIN'],
      ['CALENDAR_OVERRIDE_REMOVED', { date: '2028-06-26', note: 'Diundur' }, null, 'ADMIN'],
    ]);
    expect(rows[0].details).toEqual({ budgetYear: 2029, regionCode: '32.71', milestone: 'RKPD_SET' });
  });

  it('refuses an admin of another region, and a kabupaten/kota admin for national dates, storing nothing', async () => {
    const before = await stored();
    await stack.as('admin.kabbogor').put('/calendars/32.71/2027/milestones/MUSRENBANG').send({ date: '2026-03-20' }).expect(403);
    await stack.as('bappeda.kotabogor').put('/calendars/32.71/2027/milestones/MUSRENBANG').send({ date: '2026-03-20' }).expect(403);
    await stack.as('admin.kabbogor').delete('/calendars/32.71/2027/milestones/MUSRENBANG').expect(403);
    const national = await stack.as('admin.kotabogor').put('/calendars/national/2027/milestones/MUSRENBANG').send({ date: '2026-03-20' }).expect(403);
    expect(national.body.message.en).toMatch(/province administrator/);
    expect(await stored()).toEqual(before);
  });

  it('refuses bad dates and unknown milestones with the field named, storing nothing', async () => {
    const before = await stored();
    const admin = () => stack.as('admin.kotabogor');
    const cases: Array<[string, object, string]> = [
      ['/calendars/32.71/2027/milestones/MUSRENBANG', { date: '2026-02-30' }, 'date'],
      ['/calendars/32.71/2027/milestones/MUSRENBANG', { date: '30-03-2026' }, 'date'],
      ['/calendars/32.71/2027/milestones/MUSRENBANG', { date: 20260330 }, 'date'],
      ['/calendars/32.71/2027/milestones/MUSRENBANG', {}, 'date'],
      ['/calendars/32.71/2027/milestones/MUSRENBANG', { date: '2030-03-30' }, 'date'],
      ['/calendars/32.71/2027/milestones/MUSRENBANG', { date: '2026-03-30', colour: 'red' }, 'colour'],
      ['/calendars/32.71/2027/milestones/PILKADA', { date: '2026-03-30' }, 'milestone'],
      ['/calendars/32.71/1999/milestones/MUSRENBANG', { date: '1998-03-30' }, 'budgetYear'],
    ];
    for (const [url, body, field] of cases) {
      const response = await admin().put(url).send(body).expect(400);
      expect(response.body.violations.map((v: { field: string }) => v.field)).toEqual([field]);
      expect(response.body.violations[0].message).toEqual({ id: expect.any(String), en: expect.any(String) });
    }
    const unknown = await stack.as(PROVINCE_ADMIN).put('/calendars/national/2027/milestones/musrenbang').send({ date: '2026-03-30' }).expect(400);
    expect(unknown.body.violations[0]).toMatchObject({ field: 'milestone', reason: 'UNKNOWN_MILESTONE' });
    expect(await stored()).toEqual(before);
  });
});

describe('collective leave days', () => {
  it('are entered by a province admin, turn a milestone into a day off, and are audited', async () => {
    const before = await stored();
    await stack.as('admin.kotabogor').post('/calendars/collective-leave-days').send({ date: '2026-11-30', description: 'Cuti bersama' }).expect(403);
    await stack.as(PROVINCE_ADMIN).post('/calendars/collective-leave-days').send({ date: '2026-11-31', description: 'Cuti bersama' }).expect(400);
    await stack.as(PROVINCE_ADMIN).post('/calendars/collective-leave-days').send({ date: '2026-11-30', description: '  ' }).expect(400);
    expect(await stored()).toEqual(before);

    const created = await stack
      .as(PROVINCE_ADMIN)
      .post('/calendars/collective-leave-days')
      .send({ date: '2026-11-30', description: 'Cuti bersama (uji)' })
      .expect(201);
    expect(created.body).toMatchObject({ date: '2026-11-30', description: 'Cuti bersama (uji)', createdBy: PROVINCE_ADMIN });
    await stack.as(PROVINCE_ADMIN).post('/calendars/collective-leave-days').send({ date: '2026-11-30', description: 'Lagi' }).expect(409);

    const listed = await stack.as('officer.kotabogor').get('/calendars/collective-leave-days').query({ year: '2026' }).expect(200);
    expect(listed.body.map((day: { date: string }) => day.date)).toEqual(['2026-11-30']);
    expect((await stack.as('officer.kotabogor').get('/calendars/collective-leave-days').query({ year: '2027' }).expect(200)).body).toEqual([]);
    expect(byCode((await stack.as('bappeda.kotabogor').get('/calendars/32.71/2027').expect(200)).body).APBD_JOINT_APPROVAL).toMatchObject({
      date: '2026-11-30',
      workingDay: false,
    });

    await stack.as('admin.kotabogor').delete('/calendars/collective-leave-days/2026-11-30').expect(403);
    await stack.as(PROVINCE_ADMIN).delete('/calendars/collective-leave-days/2026-11-30').expect(204);
    await stack.as(PROVINCE_ADMIN).delete('/calendars/collective-leave-days/2026-11-30').expect(404);
    expect(byCode((await stack.as('bappeda.kotabogor').get('/calendars/32.71/2027').expect(200)).body).APBD_JOINT_APPROVAL).toMatchObject({ workingDay: true });

    const audit = await prisma().auditEvent.findMany({ where: { entity: 'COLLECTIVE_LEAVE_DAY' }, orderBy: { id: 'asc' } });
    expect(audit.map((row) => [row.action, row.entityId, row.actorName])).toEqual([
      ['COLLECTIVE_LEAVE_DAY_ADDED', '2026-11-30', PROVINCE_ADMIN],
      ['COLLECTIVE_LEAVE_DAY_REMOVED', '2026-11-30', PROVINCE_ADMIN],
    ]);
  });
});
