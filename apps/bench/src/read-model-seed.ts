// A province's read model at scale, written straight in SQL: `plans` plans spread over
// `regions` kabupaten/kota (32.01 …), their stages mixed within each region, and for each
// plan its closed first task and an open one for a review role (a tenth claimed). Used by
// the read benchmark and by the test that checks the list queries' plans with EXPLAIN.
import type { Client } from 'pg';

export async function seedReadModel(sql: Client, { plans, regions }: { plans: number; regions: number }): Promise<void> {
  await sql.query(`
    INSERT INTO "CooperationPlan" (id, title, "regionCode", "budgetYear", "proposingAgency", "createdBy", stage, "createdAt", "updatedAt")
    SELECT gen_random_uuid(), 'Rencana kerja sama ' || i, '32.' || lpad(((i % ${regions}) + 1)::text, 2, '0'), 2027,
           'Dinas ' || (i % 7), 'officer', (ARRAY['VERIFICATION','BAPPEDA_REVIEW','TKKSD_DELIBERATION','DRAFT']::"PlanStage"[])[((i / ${regions}) % 4) + 1],
           now() - make_interval(mins => i), now()
    FROM generate_series(1, ${plans}) AS i`);
  await sql.query(`
    INSERT INTO "ReviewTask" (id, "planId", stage, revision, "openSequence", status, "regionCode", "budgetYear", "candidateRole", "assigneeId", "dueAt", "createdAt")
    SELECT gen_random_uuid(), p.id, t.stage, 1, t.seq, t.status::"TaskStatus", p."regionCode", 2027, t.role::"Role",
           CASE WHEN t.status = 'OPEN' AND (n / ${regions}) % 10 = 0 THEN gen_random_uuid() END,
           p."createdAt" + interval '10 days', p."createdAt" + make_interval(mins => t.seq)
    FROM (SELECT *, row_number() OVER (ORDER BY "createdAt" DESC) AS n FROM "CooperationPlan") p
    CROSS JOIN LATERAL (VALUES
      (1, 'CLOSED', 'VERIFICATION'::"PlanStage", 'SECRETARIAT'),
      (2, 'OPEN', 'BAPPEDA_REVIEW'::"PlanStage", (ARRAY['SECRETARIAT','BAPPEDA','SEKDA','TAPD'])[((p.n / ${regions}) % 4) + 1])
    ) AS t(seq, status, stage, role)`);
  await sql.query('VACUUM ANALYZE "CooperationPlan", "ReviewTask"');
}
