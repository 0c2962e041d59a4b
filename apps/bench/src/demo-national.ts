// `npm run demo:national`: fills one budget year of DATABASE_URL with plausible plans and
// mapping reports for every region (552 with the reference data), so the national view can
// be shown at national size. Off by default and never part of `npm start`: demo data only
// (plans created by `demo`). The year must have no reports yet (reports are never deleted).
//
//   DATABASE_URL=postgresql://… npm run demo:national -- --budget-year 2027 --plans 100000
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { CURRENT_NOMENCLATURE_VERSION } from '../../../domain/nomenclature';
import { seedNational } from './national-seed';

const { values } = parseArgs({
  options: { 'budget-year': { type: 'string', default: String(new Date().getFullYear() + 1) }, plans: { type: 'string', default: '100000' } },
});

async function main(): Promise<void> {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL must name the database to fill (it needs the migrations and the reference data)');
  const sql = new Client({ connectionString: url });
  await sql.connect();
  try {
    const started = Date.now();
    const result = await seedNational(sql, {
      plans: Number(values.plans),
      budgetYear: Number(values['budget-year']),
      nomenclatureVersion: CURRENT_NOMENCLATURE_VERSION,
    });
    console.log(
      `Budget year ${values['budget-year']}: ${values.plans} plans, ${result.reports} mapping reports over ${result.regions} regions in ${Date.now() - started} ms`,
    );
  } finally {
    await sql.end();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
