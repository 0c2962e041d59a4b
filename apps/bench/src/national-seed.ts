// A budget year for every region of the country, written straight in SQL (issue 18): `plans`
// plans spread over all regions of the Region table (552 with the seeded reference data),
// their cooperation types mixed as one 2024 kabupaten mapping had them (46% Sinergi, 38%
// KSDPK, 15% KSDD, 1% abroad), their stages mixed, one urusan each, RKPD and KUA-PPAS lines
// for the plans past the head of region's approval and past the budget sign-off, and a
// mapping report for most regions (accepted, submitted, returned or drafting, revision 1 a
// snapshot of the region's plans as they stand). Demo and benchmark data only: every plan is
// created by `demo`, and the generator refuses a year that already has reports.
import type { Client } from 'pg';

export interface NationalSeedOptions {
  plans: number;
  budgetYear: number;
  nomenclatureVersion: string;
}

export async function seedNational(
  sql: Client,
  { plans, budgetYear, nomenclatureVersion }: NationalSeedOptions,
): Promise<{ regions: number; reports: number }> {
  const existing = await sql.query('SELECT 1 FROM "MappingReport" WHERE "budgetYear" = $1 LIMIT 1', [budgetYear]);
  if (existing.rowCount) throw new Error(`Budget year ${budgetYear} already has mapping reports: generate another year (reports are never deleted).`);
  const year = Number(budgetYear);
  await sql.query('BEGIN');
  try {
    await sql.query(`
      WITH regions AS (SELECT code, (row_number() OVER (ORDER BY code) - 1)::int AS k, count(*) OVER ()::int AS n FROM "Region")
      INSERT INTO "CooperationPlan" (id, title, "regionCode", "budgetYear", "proposingAgency", "createdBy", stage, "cooperationType", "createdAt", "updatedAt")
      SELECT gen_random_uuid(), 'Rencana kerja sama (demo) ' || i, r.code, ${year},
             (ARRAY['Dinas Lingkungan Hidup','Dinas Perhubungan','Dinas Pekerjaan Umum dan Penataan Ruang','Dinas Kesehatan','Dinas Pariwisata','Dinas Pendidikan'])[(i % 6) + 1],
             'demo',
             (CASE WHEN (i * 13) % 100 < 20 THEN 'DRAFT' WHEN (i * 13) % 100 < 35 THEN 'VERIFICATION' WHEN (i * 13) % 100 < 45 THEN 'BAPPEDA_REVIEW'
                   WHEN (i * 13) % 100 < 50 THEN 'TKKSD_DELIBERATION' WHEN (i * 13) % 100 < 55 THEN 'HEAD_OF_REGION_APPROVAL' WHEN (i * 13) % 100 < 65 THEN 'BUDGET_SIGNOFF'
                   WHEN (i * 13) % 100 < 70 THEN 'RKA_CONFIRMATION' WHEN (i * 13) % 100 < 95 THEN 'COMPLETED' ELSE 'REJECTED' END)::"PlanStage",
             (CASE WHEN (i * 7) % 100 < 46 THEN 'SINERGI' WHEN (i * 7) % 100 < 84 THEN 'KSDPK' WHEN (i * 7) % 100 < 92 THEN 'KSDD_SUKARELA'
                   WHEN (i * 7) % 100 < 99 THEN 'KSDD_WAJIB' ELSE 'KSDPL' END)::"CooperationType",
             now() - make_interval(mins => i), now()
        FROM generate_series(0, ${plans - 1}) AS i
        JOIN regions r ON r.k = i % r.n`);
    await sql.query(
      `INSERT INTO "PlanObject" (id, "planId", position, "affairCode", "nomenclatureVersion", "inPlanningDocuments")
       SELECT gen_random_uuid(), p.id, 0, (ARRAY['1.01','1.02','1.03','2.09','2.11','2.15','2.18','3.26','3.27','2.12'])[(abs(hashtext(p.id::text)) % 10) + 1], $2, true
         FROM "CooperationPlan" p WHERE p."budgetYear" = $1 AND p."createdBy" = 'demo'`,
      [year, nomenclatureVersion],
    );
    for (const kind of ['RKPD', 'KUA_PPAS']) {
      await sql.query(
        `INSERT INTO "PlanningDocument" (id, kind, "regionCode", "budgetYear", agency, "updatedAt")
         SELECT gen_random_uuid(), $2::"PlanningDocumentKind", code, $1, '', now() FROM "Region"
         ON CONFLICT ("kind", "regionCode", "budgetYear", "agency") DO NOTHING`,
        [year, kind],
      );
    }
    // RKPD lines for the plans past the head of region's approval; KUA-PPAS lines once TAPD placed them.
    await sql.query(
      `INSERT INTO "DocumentLine" (id, "documentId", "planId", "lineKey", "planRevision", "nomenclatureCode", description, amount, agency, "syncedAt")
       SELECT gen_random_uuid(), d.id, p.id, 'line-1', 1, '1.03.02.2.01.0001', p.title, 100000000, p."proposingAgency", now()
         FROM "CooperationPlan" p JOIN "PlanningDocument" d ON d."regionCode" = p."regionCode" AND d."budgetYear" = p."budgetYear" AND d.agency = ''
        WHERE p."budgetYear" = $1 AND p."createdBy" = 'demo'
          AND ((d.kind = 'RKPD' AND p.stage IN ('BUDGET_SIGNOFF', 'DPRD_APPROVAL', 'RKA_CONFIRMATION', 'COMPLETED'))
            OR (d.kind = 'KUA_PPAS' AND p.stage IN ('RKA_CONFIRMATION', 'COMPLETED')))`,
      [year],
    );
    // A report for 70% of the regions, its revision 1 a snapshot of the region's plans.
    const reports = await sql.query(
      `WITH picked AS (
         SELECT code, "provinceCode", level, name,
                (CASE WHEN abs(hashtext(code)) % 100 < 30 THEN 'ACCEPTED' WHEN abs(hashtext(code)) % 100 < 45 THEN 'SUBMITTED'
                      WHEN abs(hashtext(code)) % 100 < 55 THEN 'RETURNED' WHEN abs(hashtext(code)) % 100 < 70 THEN 'DRAFTING' END) AS status
           FROM "Region")
       INSERT INTO "MappingReport" ("regionCode", "budgetYear", "provinceCode", status, revision, "reviewerRole", "reviewerRegion", "dueDate", "submittedAt", "version", "updatedAt")
       SELECT code, $1, "provinceCode", status::"MappingReportStatus", 1,
              (CASE WHEN level = 'PROVINCE' THEN 'MINISTRY_REVIEWER' ELSE 'PROVINCE_REVIEWER' END)::"Role",
              CASE WHEN level = 'PROVINCE' THEN '00' ELSE "provinceCode" END,
              NULL, CASE WHEN status IN ('ACCEPTED', 'SUBMITTED', 'RETURNED') THEN now() END, 3, now()
         FROM picked WHERE status IS NOT NULL`,
      [year],
    );
    await sql.query(
      `INSERT INTO "MappingReportRevision" ("regionCode", "budgetYear", revision, snapshot, "compiledBy", "compiledAt")
       SELECT m."regionCode", m."budgetYear", 1,
              jsonb_build_object(
                'regionCode', r.code, 'regionName', r.name, 'level', r.level, 'provinceCode', r."provinceCode", 'budgetYear', m."budgetYear",
                'revision', 1, 'compiledAt', now(), 'compiledBy', 'demo',
                'plans', COALESCE((SELECT jsonb_agg(jsonb_build_object('id', p.id, 'title', p.title, 'proposingAgency', p."proposingAgency",
                                       'cooperationType', p."cooperationType", 'stage', p.stage, 'affairCodes', '[]'::jsonb, 'inRkpd', false, 'inKuaPpas', false) ORDER BY p.id)
                                    FROM "CooperationPlan" p WHERE p."regionCode" = r.code AND p."budgetYear" = m."budgetYear" AND p.stage <> 'REJECTED'), '[]'::jsonb),
                'totals', jsonb_build_object('plans', (SELECT count(*) FROM "CooperationPlan" p WHERE p."regionCode" = r.code AND p."budgetYear" = m."budgetYear" AND p.stage <> 'REJECTED'),
                                             'byType', '{}'::jsonb, 'byAffair', '{}'::jsonb, 'reachedRkpd', 0, 'reachedKuaPpas', 0)),
              'demo', now()
         FROM "MappingReport" m JOIN "Region" r ON r.code = m."regionCode"
        WHERE m."budgetYear" = $1`,
      [year],
    );
    await sql.query(
      `INSERT INTO "MappingReportStep" ("regionCode", "budgetYear", sequence, action, revision, actor, "occurredAt")
       SELECT "regionCode", "budgetYear", s.seq, s.action, 1, 'demo', now()
         FROM "MappingReport" m CROSS JOIN LATERAL (VALUES (1, 'COMPILE'), (2, 'SIGN_OFF'), (3, 'SUBMIT')) AS s(seq, action)
        WHERE m."budgetYear" = $1 AND (s.seq = 1 OR m.status IN ('ACCEPTED', 'SUBMITTED', 'RETURNED'))`,
      [year],
    );
    await sql.query('COMMIT');
    const regions = await sql.query('SELECT count(*)::int AS n FROM "Region"');
    return { regions: regions.rows[0].n as number, reports: reports.rowCount ?? 0 };
  } catch (error) {
    await sql.query('ROLLBACK');
    throw error;
  }
}
