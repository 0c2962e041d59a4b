// Issue 18: the national summary reads ReportingTally, which the database triggers of
// migration 20261204100000_reporting_tally keep on every write of the plans read model.
// On a real PostgreSQL: after a bulk generation, plan creates, stage and type changes, a
// region move, object and planning-document line changes, deletes, and two writers of one
// region at once, the stored tally equals a recount of the plans; and the summary's numbers
// are the plans behind them.
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { CURRENT_NOMENCLATURE_VERSION } from '../../domain/nomenclature';
import { MappingReportRepository } from '../../persistence/mapping-report.repository';
import { seedNational } from '../../apps/bench/src/national-seed';
import { createTestDatabase, type TestDatabase } from '../support/test-database';

const YEAR = 2031;
const KOTA = '32.71';
const KAB = '32.01';

let database: TestDatabase;
let sql: Client;
let reports: MappingReportRepository;

beforeAll(async () => {
  database = await createTestDatabase();
  sql = new Client({ connectionString: database.url });
  await sql.connect();
  reports = new MappingReportRepository(database.prisma);
  await seedNational(sql, { plans: 2_000, budgetYear: YEAR, nomenclatureVersion: CURRENT_NOMENCLATURE_VERSION });
});
afterAll(async () => {
  await sql?.end();
  await database?.drop();
});

async function expectTallyExact(): Promise<void> {
  const stored = await reports.tally(YEAR);
  expect(stored.length).toBeGreaterThan(0);
  expect(stored).toEqual(await reports.tallyRecount(YEAR));
}

async function insertPlan(client: Client, regionCode: string, stage: string, cooperationType: string | null, affairCodes: string[]): Promise<string> {
  const id = randomUUID();
  await client.query(
    `INSERT INTO "CooperationPlan" (id, title, "regionCode", "budgetYear", "proposingAgency", "createdBy", stage, "cooperationType", "updatedAt")
     VALUES ($1, 'Rencana uji tally', $2, $3, 'Dinas Perhubungan', 'test', $4::"PlanStage", $5::"CooperationType", now())`,
    [id, regionCode, YEAR, stage, cooperationType],
  );
  for (const [position, affairCode] of affairCodes.entries()) {
    await client.query(
      `INSERT INTO "PlanObject" (id, "planId", position, "affairCode", "nomenclatureVersion", "inPlanningDocuments") VALUES ($1, $2, $3, $4, $5, true)`,
      [randomUUID(), id, position, affairCode, CURRENT_NOMENCLATURE_VERSION],
    );
  }
  return id;
}

async function documentOf(kind: 'RKPD' | 'KUA_PPAS', regionCode: string): Promise<string> {
  const { rows } = await sql.query(
    `SELECT id FROM "PlanningDocument" WHERE kind = $1::"PlanningDocumentKind" AND "regionCode" = $2 AND "budgetYear" = $3 AND agency = ''`,
    [kind, regionCode, YEAR],
  );
  return rows[0].id as string;
}

async function addLine(documentId: string, planId: string, lineKey: string): Promise<void> {
  await sql.query(
    `INSERT INTO "DocumentLine" (id, "documentId", "planId", "lineKey", "planRevision", "nomenclatureCode", description, amount, "syncedAt")
     VALUES ($1, $2, $3, $4, 1, '1.03.02.2.01.0001', 'uji', 1000, now())`,
    [randomUUID(), documentId, planId, lineKey],
  );
}

async function regionRow(code: string) {
  const { regions } = await reports.summary(YEAR, { national: true, provinces: [], regions: [] });
  return regions.find((region) => region.code === code)!;
}

describe('ReportingTally, kept by triggers on the plans read model', () => {
  it('equals a recount after the national generator’s bulk inserts', async () => {
    await expectTallyExact();
  });

  it('follows creates, stage and type changes, object changes and planning-document lines, counting each plan once', async () => {
    const before = await regionRow(KOTA);
    const created = await insertPlan(sql, KOTA, 'DRAFT', 'KSDPL', ['2.09', '2.09', '1.01']); // one urusan twice: one plan
    const untyped = await insertPlan(sql, KOTA, 'VERIFICATION', null, []);
    await expectTallyExact();
    let after = await regionRow(KOTA);
    expect(after.plans).toBe(before.plans + 2);
    expect(after.byType.KSDPL).toBe((before.byType.KSDPL ?? 0) + 1);
    expect(after.byType.NONE).toBe((before.byType.NONE ?? 0) + 1);

    await sql.query(`UPDATE "CooperationPlan" SET stage = 'COMPLETED' WHERE id = $1`, [created]);
    await sql.query(`UPDATE "CooperationPlan" SET "cooperationType" = 'SINERGI' WHERE id = $1`, [untyped]);
    await sql.query(`UPDATE "CooperationPlan" SET title = 'Judul baru', "lastSequence" = 4 WHERE id = $1`, [created]); // no counted column
    await expectTallyExact();
    expect((await regionRow(KOTA)).completed).toBe(before.completed + 1);

    await sql.query(`UPDATE "PlanObject" SET "affairCode" = '3.27' WHERE "planId" = $1 AND position = 2`, [created]);
    await sql.query(`DELETE FROM "PlanObject" WHERE "planId" = $1 AND position = 0`, [created]);
    await expectTallyExact();

    // Two RKPD lines of one plan: reached once; a withdrawn line no longer counts.
    const rkpd = await documentOf('RKPD', KOTA);
    await addLine(rkpd, created, 'line-a');
    await addLine(rkpd, created, 'line-b');
    await addLine(await documentOf('KUA_PPAS', KOTA), created, 'line-a');
    await expectTallyExact();
    after = await regionRow(KOTA);
    expect(after.reachedRkpd).toBe(before.reachedRkpd + 1);
    expect(after.reachedKuaPpas).toBe(before.reachedKuaPpas + 1);
    await sql.query(`UPDATE "DocumentLine" SET status = 'WITHDRAWN' WHERE "documentId" = $1 AND "planId" = $2`, [rkpd, created]);
    await expectTallyExact();
    expect((await regionRow(KOTA)).reachedRkpd).toBe(before.reachedRkpd);
  });

  it('follows rejections, a plan moved to another region, and deletes', async () => {
    const before = { kota: await regionRow(KOTA), kab: await regionRow(KAB) };
    const plan = await insertPlan(sql, KOTA, 'BAPPEDA_REVIEW', 'KSDPK', ['2.11']);
    await sql.query(`UPDATE "CooperationPlan" SET stage = 'REJECTED' WHERE id = $1`, [plan]);
    await expectTallyExact();
    expect((await regionRow(KOTA)).plans).toBe(before.kota.plans);

    await sql.query(`UPDATE "CooperationPlan" SET stage = 'DRAFT', "regionCode" = $2 WHERE id = $1`, [plan, KAB]);
    await expectTallyExact();
    expect((await regionRow(KAB)).plans).toBe(before.kab.plans + 1);

    // A bulk delete over several regions (objects go with their plans).
    const { rows } = await sql.query(`SELECT id FROM "CooperationPlan" WHERE "budgetYear" = $1 AND "regionCode" IN ($2, $3) ORDER BY id LIMIT 5`, [
      YEAR,
      KOTA,
      KAB,
    ]);
    const ids = rows.map((row: { id: string }) => row.id);
    await sql.query(`DELETE FROM "DocumentLine" WHERE "planId" = ANY($1::uuid[])`, [ids]);
    await sql.query(`DELETE FROM "CooperationPlan" WHERE id = ANY($1::uuid[])`, [ids]);
    await expectTallyExact();
  });

  it('stays exact when two transactions write plans of one region at the same time', async () => {
    const other = new Client({ connectionString: database.url });
    await other.connect();
    try {
      await sql.query('BEGIN');
      await other.query('BEGIN');
      await insertPlan(sql, KOTA, 'DRAFT', 'KSDD_WAJIB', ['1.02']);
      // The second writer's recount waits for the first one's lock, then counts its plan too.
      const second = insertPlan(other, KOTA, 'DRAFT', 'KSDD_WAJIB', ['1.02']).then(() => other.query('COMMIT'));
      await sql.query('COMMIT');
      await second;
    } finally {
      await other.end();
    }
    await expectTallyExact();
  });

  it('answers the summary with the plans’ numbers: each region’s count is the plans listed for it', async () => {
    const { regions, byAffair } = await reports.summary(YEAR, { national: false, provinces: ['32'], regions: [] });
    expect(regions.every((region) => region.provinceCode === '32')).toBe(true);
    const { rows } = await sql.query(
      `SELECT "regionCode", count(*)::int AS n FROM "CooperationPlan" WHERE "budgetYear" = $1 AND stage <> 'REJECTED' AND "regionCode" LIKE '32%' GROUP BY 1`,
      [YEAR],
    );
    const listed = Object.fromEntries(rows.map((row: { regionCode: string; n: number }) => [row.regionCode, row.n]));
    for (const region of regions) expect(region.plans).toBe(listed[region.code] ?? 0);
    const affairs = await sql.query(
      `SELECT count(DISTINCT (o."planId", o."affairCode"))::int AS n FROM "PlanObject" o JOIN "CooperationPlan" p ON p.id = o."planId"
        WHERE p."budgetYear" = $1 AND p.stage <> 'REJECTED' AND p."regionCode" LIKE '32%'`,
      [YEAR],
    );
    expect(Object.values(byAffair).reduce((sum, n) => sum + n, 0)).toBe(affairs.rows[0].n);
  });
});
