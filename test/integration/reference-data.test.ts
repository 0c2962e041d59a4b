// The reference data pickers read: seeded into every database, searchable over HTTP by
// any logged-in user, and the bordering regions editable by an admin of either region
// without a reseed undoing the edits. Who may do what: auth.test.ts.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { defaultReferenceData, seedReferenceData } from '../../prisma/seed/index';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

/** Any logged-in user reads reference data; an officer has the fewest rights. */
const reader = () => stack.as('officer.kotabogor');
/** Kota Bogor's admin edits borders that touch Kota Bogor. */
const admin = () => stack.as('admin.kotabogor');

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function counts() {
  const prisma = stack.database.prisma;
  return {
    affairs: await prisma.governmentAffair.count(),
    regions: await prisma.region.count(),
    borders: await prisma.regionBorder.count(),
  };
}

const codesOf = (body: Array<{ code: string }>) => body.map((item) => item.code);
const bilingual = { id: expect.any(String), en: expect.any(String) };

describe('searching regions', () => {
  it('finds regions by code prefix, ordered by code', async () => {
    const response = await reader().get('/reference/regions').query({ q: '32.7' }).expect(200);
    expect(codesOf(response.body)).toEqual(['32.71', '32.72', '32.73', '32.74', '32.75', '32.76', '32.77', '32.78', '32.79']);
    expect(response.body[0]).toEqual({ code: '32.71', name: 'Kota Bogor', level: 'REGENCY', provinceCode: '32' });
  });

  it('finds regions by part of the name, whatever the case', async () => {
    for (const q of ['bogor', 'BoGoR', '  bogor  ']) {
      const response = await reader().get('/reference/regions').query({ q }).expect(200);
      expect(response.body).toEqual([
        { code: '32.01', name: 'Kabupaten Bogor', level: 'REGENCY', provinceCode: '32' },
        { code: '32.71', name: 'Kota Bogor', level: 'REGENCY', provinceCode: '32' },
      ]);
    }
  });

  it('takes LIKE wildcards literally', async () => {
    for (const q of ['%', '_', '3_.71']) {
      const response = await reader().get('/reference/regions').query({ q }).expect(200);
      expect(response.body).toEqual([]);
    }
  });

  it('filters by level and province, and returns at most 50 in code order', async () => {
    const provinces = await reader().get('/reference/regions').query({ level: 'PROVINCE' }).expect(200);
    expect(provinces.body).toHaveLength(38);
    expect(provinces.body.every((r: { level: string }) => r.level === 'PROVINCE')).toBe(true);

    const westJava = await reader().get('/reference/regions').query({ provinceCode: '32', level: 'REGENCY' }).expect(200);
    expect(westJava.body).toHaveLength(27);
    expect(westJava.body.every((r: { provinceCode: string }) => r.provinceCode === '32')).toBe(true);

    const all = await reader().get('/reference/regions').expect(200);
    expect(all.body).toHaveLength(50);
    expect(codesOf(all.body)).toEqual([...codesOf(all.body)].sort());
    expect(codesOf(all.body).slice(0, 2)).toEqual(['11', '11.01']);
  });

  it('refuses filters that make no sense, naming the fields', async () => {
    const response = await reader().get('/reference/regions').query({ level: 'DESA', provinceCode: 'Jawa' }).expect(400);
    expect(response.body.code).toBe('VALIDATION_FAILED');
    expect(response.body.violations.map((v: { field: string }) => v.field).sort()).toEqual(['level', 'provinceCode']);
    const repeated = await reader().get('/reference/regions?q=bogor&q=depok').expect(400);
    expect(repeated.body.violations).toEqual([{ field: 'q', reason: 'IS_STRING', message: bilingual }]);
    await reader().get('/reference/regions').query({ colour: 'blue' }).expect(400);
  });
});

describe('one region and its neighbours', () => {
  it('answers one region by code', async () => {
    const response = await reader().get('/reference/regions/32').expect(200);
    expect(response.body).toEqual({ code: '32', name: 'Jawa Barat', level: 'PROVINCE', provinceCode: '32' });
  });

  it('answers 404 with a bilingual message for an unknown code, and 400 for a malformed one', async () => {
    for (const path of ['/reference/regions/32.99', '/reference/regions/32.99/neighbours']) {
      const response = await reader().get(path).expect(404);
      expect(response.body).toMatchObject({
        code: 'NOT_FOUND',
        message: { id: expect.stringContaining('32.99'), en: expect.stringContaining('32.99') },
      });
    }
    const malformed = await reader().get('/reference/regions/bogor').expect(400);
    expect(malformed.body.violations).toEqual([{ field: 'code', reason: 'FORMAT', message: bilingual }]);
  });

  it('lists neighbours from both sides of a stored pair', async () => {
    // Stored as 32.01–32.71: Kota Bogor is on the neighbour side, Kabupaten Bogor on the region side.
    const kotaBogor = await reader().get('/reference/regions/32.71/neighbours').expect(200);
    expect(codesOf(kotaBogor.body)).toEqual(['32.01']);
    const kabupatenBogor = await reader().get('/reference/regions/32.01/neighbours').expect(200);
    expect(codesOf(kabupatenBogor.body)).toEqual(['32.02', '32.03', '32.14', '32.15', '32.16', '32.71', '32.75', '32.76', '36.02', '36.03', '36.74']);
    const tangerangSelatan = await reader().get('/reference/regions/36.74/neighbours').expect(200);
    expect(tangerangSelatan.body).toEqual([{ code: '32.01', name: 'Kabupaten Bogor', level: 'REGENCY', provinceCode: '32' }]);
    const westJava = await reader().get('/reference/regions/32/neighbours').expect(200);
    expect(codesOf(westJava.body)).toEqual(['31', '33', '36']);
  });
});

describe('editing bordering regions', () => {
  it('adds a border once in stored order, whichever order it is given, and removes it', async () => {
    const before = await counts();
    const first = await admin().post('/reference/region-borders').send({ regionCode: '32.73', neighbourCode: '32.71' }).expect(201);
    expect(first.body).toEqual({ regionCode: '32.71', neighbourCode: '32.73', createdAt: expect.any(String) });
    const again = await admin().post('/reference/region-borders').send({ regionCode: '32.71', neighbourCode: '32.73' }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await counts()).toEqual({ ...before, borders: before.borders + 1 });

    expect(codesOf((await reader().get('/reference/regions/32.73/neighbours').expect(200)).body)).toEqual(['32.71']);
    expect(codesOf((await reader().get('/reference/regions/32.71/neighbours').expect(200)).body)).toEqual(['32.01', '32.73']);

    await admin().delete('/reference/region-borders/32.73/32.71').expect(204);
    expect(await counts()).toEqual(before);
    expect((await reader().get('/reference/regions/32.73/neighbours').expect(200)).body).toEqual([]);
    const missing = await admin().delete('/reference/region-borders/32.71/32.73').expect(404);
    expect(missing.body).toMatchObject({ code: 'NOT_FOUND', message: { id: expect.stringContaining('32.71'), en: expect.stringContaining('32.73') } });
  });

  const badBodies: Array<[string, Record<string, unknown>, string, string]> = [
    ['the same region twice', { regionCode: '32.71', neighbourCode: '32.71' }, 'neighbourCode', 'SAME_REGION'],
    ['a missing neighbour', { regionCode: '32.71' }, 'neighbourCode', 'IS_DEFINED'],
    ['a code that is not text', { regionCode: 3271, neighbourCode: '32.01' }, 'regionCode', 'IS_STRING'],
    ['a code not in Kemendagri format', { regionCode: 'Kota Bogor', neighbourCode: '32.01' }, 'regionCode', 'FORMAT'],
    ['a province with a kabupaten', { regionCode: '32', neighbourCode: '32.71' }, 'neighbourCode', 'LEVEL_MISMATCH'],
    ['an unknown field', { regionCode: '32.71', neighbourCode: '32.72', note: 'x' }, 'note', 'WHITELIST_VALIDATION'],
  ];

  it.each(badBodies)('refuses %s with 400 naming the field, storing nothing', async (_, body, field, reason) => {
    const before = await counts();
    const response = await admin().post('/reference/region-borders').send(body).expect(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: bilingual });
    expect(response.body.violations).toContainEqual({ field, reason, message: bilingual });
    expect(await counts()).toEqual(before);
  });

  it('answers 404 for an unknown region, storing nothing', async () => {
    const before = await counts();
    const response = await admin().post('/reference/region-borders').send({ regionCode: '32.71', neighbourCode: '32.99' }).expect(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', message: { id: expect.stringContaining('32.99'), en: expect.stringContaining('32.99') } });
    expect(await counts()).toEqual(before);
  });

  it('refuses to delete with the same code twice or a malformed code', async () => {
    const same = await admin().delete('/reference/region-borders/32.71/32.71').expect(400);
    expect(same.body.violations).toEqual([{ field: 'neighbourCode', reason: 'SAME_REGION', message: bilingual }]);
    const malformed = await admin().delete('/reference/region-borders/x/32.71').expect(400);
    expect(malformed.body.violations).toEqual([{ field: 'regionCode', reason: 'FORMAT', message: bilingual }]);
  });
});

describe('government affairs', () => {
  it('lists the current version by default, ordered by code, absolute affairs not allowed as objects', async () => {
    const response = await reader().get('/reference/government-affairs').expect(200);
    expect(response.body).toHaveLength(50);
    expect(codesOf(response.body)).toEqual([...codesOf(response.body)].sort());
    expect(response.body.every((a: { nomenclatureVersion: string }) => a.nomenclatureVersion === '2026.1')).toBe(true);
    expect(response.body.find((a: { code: string }) => a.code === '1.02')).toEqual({
      code: '1.02',
      nomenclatureVersion: '2026.1',
      name: 'Kesehatan',
      group: 'BASIC',
      level: 'BOTH',
      allowedAsObject: true,
    });
    const refused = response.body.filter((a: { allowedAsObject: boolean }) => !a.allowedAsObject);
    expect(codesOf(refused)).toEqual(['0.01', '0.02', '0.03', '0.04', '0.05', '0.06']);
  });

  it('searches by code prefix, name and group', async () => {
    const basic = await reader().get('/reference/government-affairs').query({ q: '1.0' }).expect(200);
    expect(codesOf(basic.body)).toEqual(['1.01', '1.02', '1.03', '1.04', '1.05', '1.06']);
    const byName = await reader().get('/reference/government-affairs').query({ q: 'KEHUTANAN' }).expect(200);
    expect(byName.body).toEqual([expect.objectContaining({ code: '3.28', level: 'BOTH', group: 'OPTIONAL' })]);
    const absolute = await reader().get('/reference/government-affairs').query({ group: 'ABSOLUTE' }).expect(200);
    expect(absolute.body).toHaveLength(6);
    expect(absolute.body.every((a: { allowedAsObject: boolean }) => a.allowedAsObject === false)).toBe(true);
  });

  it('answers an empty list for a version that was never seeded, and 400 for an unknown group', async () => {
    expect((await reader().get('/reference/government-affairs').query({ version: '2019.1' }).expect(200)).body).toEqual([]);
    const response = await reader().get('/reference/government-affairs').query({ group: 'URGENT' }).expect(400);
    expect(response.body.violations).toEqual([expect.objectContaining({ field: 'group', reason: 'IS_IN' })]);
  });
});

describe('cooperation types', () => {
  it('serves the six types with their partners and requirements in both languages', async () => {
    const response = await reader().get('/reference/cooperation-types').expect(200);
    expect(codesOf(response.body)).toEqual(['KSDD_WAJIB', 'KSDD_SUKARELA', 'KSDPK', 'KSDPL', 'KSDLL', 'SINERGI']);
    for (const type of response.body) {
      expect(type.name).toEqual(bilingual);
      expect(type.partnerKinds.length).toBeGreaterThan(0);
      expect(type.requirements.length).toBeGreaterThan(0);
      for (const requirement of type.requirements) expect(requirement).toEqual(bilingual);
    }
    expect(response.body[0].partnerKinds).toEqual(['REGION']);
    expect(response.body.find((t: { code: string }) => t.code === 'SINERGI')).toMatchObject({ ksdByLaw: false, partnerKinds: ['MINISTRY'] });
  });
});

describe('seeding', () => {
  it('seeded this database, and seeding again changes nothing and keeps admin-entered borders', async () => {
    const prisma = stack.database.prisma;
    await admin().post('/reference/region-borders').send({ regionCode: '32.71', neighbourCode: '32.72' }).expect(201);
    const before = await counts();
    expect(before.affairs).toBe(50);
    expect(before.regions).toBe(552);
    const snapshot = await prisma.region.findMany({ orderBy: { code: 'asc' } });

    const started = Date.now();
    expect(await seedReferenceData(prisma)).toEqual({ affairs: 0, regions: 0, borders: 0 });
    expect(Date.now() - started).toBeLessThan(5_000);

    expect(await counts()).toEqual(before);
    expect(await prisma.region.findMany({ orderBy: { code: 'asc' } })).toEqual(snapshot);
    expect(await prisma.regionBorder.findUnique({ where: { regionCode_neighbourCode: { regionCode: '32.71', neighbourCode: '32.72' } } })).not.toBeNull();
  });

  it('corrects a name the source changed, and puts back a seeded row that is missing', async () => {
    const prisma = stack.database.prisma;
    const data = defaultReferenceData();
    const renamed = {
      ...data,
      regions: data.regions.map((r) => (r.code === '31' ? { ...r, name: 'Daerah Khusus Jakarta' } : r)),
      affairs: data.affairs.map((a) => (a.code === '2.16' ? { ...a, name: 'Komunikasi, Informatika dan Digital' } : a)),
    };
    expect(await seedReferenceData(prisma, renamed)).toEqual({ affairs: 1, regions: 1, borders: 0 });
    expect((await reader().get('/reference/regions/31').expect(200)).body.name).toBe('Daerah Khusus Jakarta');

    await prisma.region.delete({ where: { code: '32.79' } });
    expect(await seedReferenceData(prisma)).toEqual({ affairs: 1, regions: 2, borders: 0 });
    expect((await reader().get('/reference/regions/31').expect(200)).body.name).toBe('Daerah Khusus Ibukota Jakarta');
    expect((await reader().get('/reference/regions/32.79').expect(200)).body.name).toBe('Kota Banjar');
  });
});

describe('the affairs migration of issue 12', () => {
  it('corrects the level flags and names of an installed database in place, so plans keep their rows', async () => {
    const prisma = stack.database.prisma;
    const key = (code: string) => ({ code_nomenclatureVersion: { code, nomenclatureVersion: '2026.1' } });
    // As installed before it: forestry and ESDM provincial only, the older names.
    await prisma.governmentAffair.update({ where: key('3.28'), data: { level: 'PROV' } });
    await prisma.governmentAffair.update({ where: key('3.29'), data: { level: 'PROV' } });
    await prisma.governmentAffair.update({ where: key('1.04'), data: { name: 'Perumahan Rakyat dan Kawasan Permukiman' } });
    await prisma.governmentAffair.update({ where: key('6.01'), data: { name: 'Inspektorat' } });
    const before = await counts();

    const sql = readFileSync(path.join(__dirname, '../../prisma/migrations/20261202120000_affair_levels_and_names/migration.sql'), 'utf8');
    await prisma.$executeRawUnsafe(`DO $$ BEGIN ${sql.replace(/--.*$/gm, '')} END $$;`);

    expect(await counts()).toEqual(before);
    const affairs = await reader().get('/reference/government-affairs').expect(200);
    const byCode = new Map(affairs.body.map((a: { code: string }) => [a.code, a]));
    expect(byCode.get('3.28')).toMatchObject({ level: 'BOTH' });
    expect(byCode.get('3.29')).toMatchObject({ level: 'BOTH' });
    expect(byCode.get('7.01')).toMatchObject({ level: 'KABKOTA' });
    expect(byCode.get('1.04')).toMatchObject({ name: 'Perumahan dan Kawasan Permukiman' });
    expect(byCode.get('6.01')).toMatchObject({ name: 'Inspektorat Daerah' });
    // The seed agrees with the migration: nothing left to change.
    expect(await seedReferenceData(prisma)).toEqual({ affairs: 0, regions: 0, borders: 0 });
  });
});

describe('documentation', () => {
  it('lists the reference routes in the OpenAPI document', async () => {
    // The documentation is public: no token.
    const openApi = await stack.http().get('/docs/json').expect(200);
    expect(Object.keys(openApi.body.paths)).toEqual(
      expect.arrayContaining([
        '/reference/regions',
        '/reference/regions/{code}',
        '/reference/regions/{code}/neighbours',
        '/reference/region-borders',
        '/reference/region-borders/{regionCode}/{neighbourCode}',
        '/reference/government-affairs',
        '/reference/cooperation-types',
      ]),
    );
  });
});
