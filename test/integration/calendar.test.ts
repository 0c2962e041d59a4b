// The planning calendar over HTTP against a real database: defaults from the rules,
// national overrides under regional ones, who may set which, refusals that store
// nothing, the audit trail; and the days off: the decrees shipped for 2026 and 2027, the
// library's provisional years, the keeper's and the regions' changes, counted by hand.
import { addWorkingDays, workingDaysBetween } from '../../domain/working-days';
import { CalendarRepository } from '../../persistence/calendar.repository';
import { createTestUser } from '../support/auth';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
const prisma = () => stack.database.prisma;

/** A province admin: stood in for the keeper before it became a national seat; no longer sets national dates. */
const PROVINCE_ADMIN = 'admin.jabar';
/** The national calendar keeper, granted on the national scope "00". */
const KEEPER = 'kalender.nasional';

beforeAll(async () => {
  stack = await startTestStack();
  await createTestUser(prisma(), { username: PROVINCE_ADMIN, grants: [{ role: 'ADMIN', regionCode: '32' }] });
  await createTestUser(prisma(), { username: KEEPER, grants: [{ role: 'CALENDAR_KEEPER', regionCode: '00' }] });
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
  return {
    overrides: await prisma().calendarOverride.count(),
    daysOff: await prisma().dayOff.count(),
    removals: await prisma().dayOffRemoval.count(),
    audit: await prisma().auditEvent.count(),
  };
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
      ['MAPPING_DEADLINE', '2026-01-30', 'PRACTICE', 'DEFAULT', true], // 31 January is a Saturday: the Friday before
      ['MUSRENBANG', '2026-03-31', 'PRACTICE', 'DEFAULT', true],
      ['RKPD_SET', '2026-06-30', 'PRACTICE', 'DEFAULT', true],
      ['KUA_PPAS_SUBMISSION', '2026-07-10', 'PP_12_2019', 'DEFAULT', true], // the second calendar week of July: 6–10 July
      ['KUA_PPAS_AGREEMENT', '2026-08-07', 'PP_12_2019', 'DEFAULT', true], // 3–7 August
      ['DRAFT_APBD_SUBMISSION', '2026-09-08', 'PP_12_2019', 'DEFAULT', true], // 60 working days before 1 December
      ['APBD_JOINT_APPROVAL', '2026-11-30', 'PP_12_2019', 'DEFAULT', true],
      ['APBD_ENACTMENT', '2026-12-31', 'PP_12_2019', 'DEFAULT', true],
    ]);
    expect(response.body.milestones[0].label).toEqual({ id: expect.any(String), en: expect.any(String) });
    // Each date names its rule and source; a rule date moved off a day off says from where.
    expect(response.body.milestones[0]).toMatchObject({ movedFrom: '2026-01-31', basis: { legalBasis: null, verified: false } });
    expect(response.body.milestones[7].basis).toMatchObject({ legalBasis: 'PP 12/2019 (pasal belum dikonfirmasi)', verified: false });
    expect(response.body.milestones[3].basis).toMatchObject({
      legalBasis: 'PP 12/2019 Pasal 90 ayat (1)',
      verified: true,
      rule: { id: expect.stringContaining('minggu kedua') },
    });
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
    // The province admin no longer stands in for the national keeper (issue 18).
    await stack.as(PROVINCE_ADMIN).put('/calendars/national/2027/milestones/KUA_PPAS_SUBMISSION').send({ date: '2026-07-10' }).expect(403);
    const national = await stack
      .as(KEEPER)
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
    expect(kabBogor.KUA_PPAS_AGREEMENT).toMatchObject({ date: '2026-08-07', origin: 'DEFAULT' });
    // Another budget year is untouched.
    expect(byCode((await stack.as('bappeda.kotabogor').get('/calendars/32.71/2028').expect(200)).body).KUA_PPAS_SUBMISSION).toMatchObject({
      date: '2027-07-09',
      origin: 'DEFAULT',
    });

    await stack.as('admin.kotabogor').delete('/calendars/32.71/2027/milestones/KUA_PPAS_SUBMISSION').expect(204);
    expect(byCode((await stack.as('bappeda.kotabogor').get('/calendars/32.71/2027').expect(200)).body).KUA_PPAS_SUBMISSION).toMatchObject({
      date: '2026-07-10',
      origin: 'NATIONAL',
    });
    await stack.as(KEEPER).delete('/calendars/national/2027/milestones/KUA_PPAS_SUBMISSION').expect(204);
    expect(byCode((await stack.as('bappeda.kotabogor').get('/calendars/32.71/2027').expect(200)).body).KUA_PPAS_SUBMISSION).toMatchObject({
      date: '2026-07-10',
      origin: 'DEFAULT',
    });
    await stack.as(KEEPER).delete('/calendars/national/2027/milestones/KUA_PPAS_SUBMISSION').expect(404);
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
    expect(national.body.message.en).toMatch(/national calendar keeper/);
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
    const unknown = await stack.as(KEEPER).put('/calendars/national/2027/milestones/musrenbang').send({ date: '2026-03-30' }).expect(400);
    expect(unknown.body.violations[0]).toMatchObject({ field: 'milestone', reason: 'UNKNOWN_MILESTONE' });
    expect(await stored()).toEqual(before);
  });
});

interface DayOffBody {
  date: string;
  kind: string;
  source: string;
  decree: string | null;
  verified: boolean;
  regionCode: string | null;
}
const daysOff = async (year: number | string, regionCode?: string) =>
  (
    await stack
      .as('officer.kotabogor')
      .get('/calendars/days-off')
      .query({ year: String(year), ...(regionCode && { regionCode }) })
      .expect(200)
  ).body as {
    status: string;
    decree: { number: string; verified: boolean; note: string | null } | null;
    days: DayOffBody[];
    removed: string[];
  };

describe('days off as installed', () => {
  it('ship the 2026 decree (SKB 1497/2/5 of 2025): 17 national holidays and 8 collective leave days, verified', async () => {
    const year = await daysOff(2026);
    expect(year.status).toBe('OFFICIAL');
    expect(year.decree).toMatchObject({ verified: true, number: expect.stringContaining('No. 1497 Tahun 2025, No. 2 Tahun 2025, No. 5 Tahun 2025') });
    expect(year.days.every((d) => d.source === 'DECREE' && d.verified && d.decree === year.decree?.number)).toBe(true);
    expect(year.days.filter((d) => d.kind === 'LIBUR_NASIONAL')).toHaveLength(17);
    expect(year.days.filter((d) => d.kind === 'CUTI_BERSAMA').map((d) => d.date)).toEqual([
      '2026-02-16',
      '2026-03-18',
      '2026-03-20',
      '2026-03-23',
      '2026-03-24',
      '2026-05-15',
      '2026-05-28',
      '2026-12-24',
    ]);
  });

  it('ship 2027 flagged as not yet verified against the published decree, with its lunar dates', async () => {
    const year = await daysOff(2027);
    expect(year.status).toBe('OFFICIAL');
    expect(year.decree).toMatchObject({ verified: false, note: expect.stringContaining('Belum diverifikasi terhadap salinan resmi') });
    expect(year.days).toHaveLength(26);
    expect(year.days.every((d) => !d.verified)).toBe(true);
    // Where the library is a day off: Idul Fitri is 10–11 March, Idul Adha Monday 17 May.
    const dates = year.days.map((d) => d.date);
    for (const date of ['2027-03-10', '2027-03-11', '2027-05-17']) expect(dates).toContain(date);
    expect(dates).not.toContain('2027-05-16');
  });

  it('fall back to the library for a year without a decree, shown as provisional', async () => {
    const year = await daysOff(2028);
    expect(year).toMatchObject({ status: 'PROVISIONAL', decree: null, removed: [] });
    expect(year.days.length).toBeGreaterThan(0);
    expect(year.days.every((d) => d.source === 'LIBRARY' && !d.verified)).toBe(true);
    const calendar = (await stack.as('bappeda.kotabogor').get('/calendars/32.71/2029').expect(200)).body;
    expect(calendar.daysOffYears.map((y: { year: number; status: string }) => [y.year, y.status])).toEqual([[2028, 'PROVISIONAL']]);
    const badYear = await stack.as('officer.kotabogor').get('/calendars/days-off').query({ year: '28' }).expect(400);
    expect(badYear.body.violations.map((v: { field: string }) => v.field)).toEqual(['year']);
    const official = (await stack.as('bappeda.kotabogor').get('/calendars/32.71/2027').expect(200)).body;
    expect(official.daysOffYears.map((y: { year: number; status: string }) => [y.year, y.status])).toEqual([[2026, 'OFFICIAL']]);
  });

  // Counted by hand from the decrees: 2026 has 261 weekdays and 21 weekday days off (13
  // holidays, 8 collective leave); 2027 has 261 weekdays and 19 (11 holidays, 8 leave).
  it('count the working days of whole years and across Lebaran and Idul Adha as counted by hand', async () => {
    const calendars = new CalendarRepository(prisma());
    const days2026 = await calendars.holidays('2026-01-01', '2026-12-31');
    const days2027 = await calendars.holidays('2027-01-01', '2027-12-31');
    expect(workingDaysBetween('2025-12-31', '2026-12-31', days2026)).toBe(240);
    expect(workingDaysBetween('2026-12-31', '2027-12-31', days2027)).toBe(242);
    // The example: 8–12, 15, 25 and 26 March 2027 are off; the 10th working day is 31 March (the library alone gave 24 March).
    expect(addWorkingDays('2027-03-05', 10, days2027)).toBe('2027-03-31');
    // Lebaran 2026: 16, 17 March, then 18–24 March off, on from 25 March to 6 April (3 April is Good Friday).
    expect(addWorkingDays('2026-03-13', 10, days2026)).toBe('2026-04-06');
    // Idul Adha 2026 (27 May, leave 28 May) and Pancasila (1 June): 26 and 29 May, 2, 3, 4 June.
    expect(addWorkingDays('2026-05-25', 5, days2026)).toBe('2026-06-04');
    // Idul Adha 2027 (17 May, leave 18 and 19 May) and Waisak (20 May): the first working day is 21 May.
    expect(addWorkingDays('2027-05-14', 5, days2027)).toBe('2027-05-27');
  });
});

describe('changing days off', () => {
  it('lets the national keeper remove and add a day of a decreed year, audited, refusing others without storing anything', async () => {
    const before = await stored();
    const refused = await stack.as('admin.kotabogor').delete('/calendars/days-off/2027-03-25').expect(403);
    expect(refused.body.message).toEqual({ id: expect.any(String), en: expect.any(String) });
    const badKind = await stack.as(KEEPER).post('/calendars/days-off').send({ date: '2027-03-24', kind: 'LIBUR', description: 'x' }).expect(400);
    expect(badKind.body.violations).toEqual([expect.objectContaining({ field: 'kind', reason: 'UNKNOWN_KIND' })]);
    const badDate = await stack.as(KEEPER).post('/calendars/days-off').send({ date: '2027-02-30', kind: 'CUTI_BERSAMA', description: 'x' }).expect(400);
    expect(badDate.body.violations.map((v: { field: string }) => v.field)).toEqual(['date']);
    await stack.as(KEEPER).post('/calendars/days-off').send({ date: '2027-03-24', kind: 'LIBUR_DAERAH', description: 'x' }).expect(400);
    await stack.as(KEEPER).delete('/calendars/days-off/2027-03-24').expect(404);
    expect(await stored()).toEqual(before);

    const removed = await stack.as(KEEPER).delete('/calendars/days-off/2027-03-25').expect(200);
    expect(removed.body).toMatchObject({ date: '2027-03-25', kind: 'CUTI_BERSAMA', source: 'DECREE' });
    expect((await daysOff(2027)).days.map((d) => d.date)).not.toContain('2027-03-25');
    const added = await stack
      .as(KEEPER)
      .post('/calendars/days-off')
      .send({ date: '2027-03-25', kind: 'CUTI_BERSAMA', description: 'Cuti bersama Wafat Yesus Kristus' })
      .expect(201);
    expect(added.body).toMatchObject({ date: '2027-03-25', source: 'KEEPER', decree: null });
    await stack.as(KEEPER).post('/calendars/days-off').send({ date: '2027-03-25', kind: 'CUTI_BERSAMA', description: 'Lagi' }).expect(409);

    const audit = await prisma().auditEvent.findMany({ where: { entity: 'DAY_OFF', entityId: '2027-03-25' }, orderBy: { id: 'asc' } });
    expect(
      audit.map((row) => [
        row.action,
        (row.before as { source?: string } | null)?.source ?? null,
        (row.after as { source?: string } | null)?.source ?? null,
        row.actorName,
      ]),
    ).toEqual([
      ['DAY_OFF_REMOVED', 'DECREE', null, KEEPER],
      ['DAY_OFF_ADDED', null, 'KEEPER', KEEPER],
    ]);
  });

  it('removes a library date of a provisional year and takes it back when added again', async () => {
    const libraryDate = (await daysOff(2028)).days[1].date;
    await stack.as(KEEPER).delete(`/calendars/days-off/${libraryDate}`).expect(200);
    const after = await daysOff(2028);
    expect(after.removed).toEqual([libraryDate]);
    expect(after.days.map((d) => d.date)).not.toContain(libraryDate);
    await stack.as(KEEPER).delete(`/calendars/days-off/${libraryDate}`).expect(404);
    await stack.as(KEEPER).post('/calendars/days-off').send({ date: libraryDate, kind: 'LIBUR_NASIONAL', description: 'Sesuai SKB' }).expect(201);
    const restored = await daysOff(2028);
    expect(restored.removed).toEqual([]);
    expect(restored.days.find((d) => d.date === libraryDate)).toMatchObject({ source: 'KEEPER' });
  });

  it("lets a region's admins add their own day off, seen only in that region and in its working-day flags", async () => {
    await stack
      .as('admin.kabbogor')
      .post('/calendars/days-off')
      .send({ date: '2026-11-30', kind: 'LIBUR_DAERAH', description: 'x', regionCode: '32.71' })
      .expect(403);
    const national = await stack
      .as('admin.kotabogor')
      .post('/calendars/days-off')
      .send({ date: '2026-11-30', kind: 'CUTI_BERSAMA', description: 'x' })
      .expect(403);
    expect(national.body.message.en).toContain('calendar keeper');
    const wrongKind = await stack
      .as('admin.kotabogor')
      .post('/calendars/days-off')
      .send({ date: '2026-11-30', kind: 'CUTI_BERSAMA', description: 'x', regionCode: '32.71' })
      .expect(400);
    expect(wrongKind.body.violations).toEqual([expect.objectContaining({ field: 'kind', reason: 'NOT_ALLOWED' })]);

    await stack
      .as('admin.kotabogor')
      .post('/calendars/days-off')
      .send({ date: '2026-11-30', kind: 'LIBUR_DAERAH', description: 'Libur daerah (uji)', regionCode: '32.71' })
      .expect(201);
    expect((await daysOff(2026, '32.71')).days.find((d) => d.date === '2026-11-30')).toMatchObject({ source: 'REGION', regionCode: '32.71' });
    expect((await daysOff(2026)).days.map((d) => d.date)).not.toContain('2026-11-30');
    // The joint approval's rule date, 30 November, is now a day off in Kota Bogor only: it moves to the working day before.
    expect(byCode((await stack.as('bappeda.kotabogor').get('/calendars/32.71/2027').expect(200)).body).APBD_JOINT_APPROVAL).toMatchObject({
      date: '2026-11-27',
      movedFrom: '2026-11-30',
      workingDay: true,
    });
    expect(byCode((await stack.as('bappeda.kabbogor').get('/calendars/32.01/2027').expect(200)).body).APBD_JOINT_APPROVAL).toMatchObject({
      date: '2026-11-30',
      movedFrom: null,
    });

    await stack.as('admin.kotabogor').delete('/calendars/days-off/2026-11-30').query({ regionCode: '32.71' }).expect(200);
    expect(byCode((await stack.as('bappeda.kotabogor').get('/calendars/32.71/2027').expect(200)).body).APBD_JOINT_APPROVAL).toMatchObject({
      date: '2026-11-30',
    });
    const audit = await prisma().auditEvent.findMany({ where: { entity: 'DAY_OFF', entityId: '32.71/2026-11-30' }, orderBy: { id: 'asc' } });
    expect(audit.map((row) => [row.action, row.actorRole])).toEqual([
      ['DAY_OFF_ADDED', 'ADMIN'],
      ['DAY_OFF_REMOVED', 'ADMIN'],
    ]);
  });

  it("lets the keeper enter a year's decree, making it official, correct it and take it away, audited", async () => {
    await stack.as('admin.kotabogor').put('/calendars/days-off/decrees/2029').send({ number: 'SKB uji', verified: false }).expect(403);
    const blank = await stack.as(KEEPER).put('/calendars/days-off/decrees/2029').send({ number: '  ', verified: false }).expect(400);
    expect(blank.body.violations).toEqual([expect.objectContaining({ field: 'number', reason: 'REQUIRED' })]);
    expect((await daysOff(2029)).status).toBe('PROVISIONAL');

    await stack.as(KEEPER).put('/calendars/days-off/decrees/2029').send({ number: 'SKB No. 1 Tahun 2028 (uji)', verified: false }).expect(200);
    const official = await daysOff(2029);
    expect(official).toMatchObject({ status: 'OFFICIAL', decree: { number: 'SKB No. 1 Tahun 2028 (uji)', verified: false }, days: [] });
    await stack.as(KEEPER).post('/calendars/days-off').send({ date: '2029-01-01', kind: 'LIBUR_NASIONAL', description: 'Tahun Baru 2029 Masehi' }).expect(201);
    const corrected = await stack
      .as(KEEPER)
      .put('/calendars/days-off/decrees/2029')
      .send({ number: 'SKB No. 1 Tahun 2028 (uji)', verified: true, note: 'Diperiksa' })
      .expect(200);
    expect(corrected.body).toEqual({ year: 2029, number: 'SKB No. 1 Tahun 2028 (uji)', verified: true, note: 'Diperiksa' });
    expect((await daysOff(2029)).days.map((d) => [d.date, d.source])).toEqual([['2029-01-01', 'KEEPER']]);

    await stack.as(KEEPER).delete('/calendars/days-off/decrees/2029').expect(204);
    await stack.as(KEEPER).delete('/calendars/days-off/decrees/2029').expect(404);
    const provisional = await daysOff(2029);
    expect(provisional.status).toBe('PROVISIONAL');
    expect(provisional.days.some((d) => d.source === 'LIBRARY')).toBe(true);
    const audit = await prisma().auditEvent.findMany({ where: { entity: 'DAY_OFF_DECREE', entityId: '2029' }, orderBy: { id: 'asc' } });
    expect(
      audit.map((row) => [
        row.action,
        (row.before as { verified?: boolean } | null)?.verified ?? null,
        (row.after as { verified?: boolean } | null)?.verified ?? null,
      ]),
    ).toEqual([
      ['DAY_OFF_DECREE_SET', null, false],
      ['DAY_OFF_DECREE_SET', false, true],
      ['DAY_OFF_DECREE_REMOVED', true, null],
    ]);
  });
});
