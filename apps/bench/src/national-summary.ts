// Issue 18: the national reporting summary at national size. On the embedded stack (PGlite,
// as `npm start` runs it; or a PostgreSQL server with --database-url), migrates a fresh
// database, loads the reference data (38 provinces, 514 kabupaten/kota), generates PLANS
// plans and a year of mapping reports over all 552 regions (national-seed.ts), then reads
// the ministry's summary (every region, by status, type, urusan, RKPD/KUA-PPAS reach) READS
// times through the repository and the summary builder the API uses, one after another
// (PGlite serves one connection). The summary reads the ReportingTally the database triggers
// keep (checked against a recount first). Prints p50 / p95 / p99; no test asserts timings.
//
//   npm run bench:national -- --plans 100000 --reads 200 [--database-url postgresql://root@127.0.0.1:5432/postgres]
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { Client } from 'pg';
import { createPrismaClient } from '../../../prisma/client';
import { deployMigrations } from '../../../prisma/migrate';
import { seedReferenceData } from '../../../prisma/seed/index';
import { CURRENT_NOMENCLATURE_VERSION } from '../../../domain/nomenclature';
import { reportingDeadline } from '../../../domain/mapping-report';
import { MappingReportRepository } from '../../../persistence/mapping-report.repository';
import { buildReportingSummary } from '../../api/src/services/reporting-summary';
import { startEmbeddedPostgres } from '../../standalone/src/embedded-postgres';
import { seedNational } from './national-seed';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string' },
    plans: { type: 'string', default: '100000' },
    reads: { type: 'string', default: '200' },
  },
});
const PLANS = Number(values.plans);
const READS = Number(values.reads);
const YEAR = 2027;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function withClient<T>(url: string, run: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A database to fill: a PGlite data folder of its own, or a fresh database on the server given. */
async function database(): Promise<{ url: string; label: string; whenIdle: () => Promise<void>; close: () => Promise<void> }> {
  const server = values['database-url'];
  if (server) {
    const name = `jalin_bench_${randomBytes(4).toString('hex')}`;
    await withClient(server, (sql) => sql.query(`CREATE DATABASE ${name}`));
    const url = new URL(server);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      label: 'PostgreSQL server',
      whenIdle: () => Promise.resolve(),
      close: () => withClient(server, (sql) => sql.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
    };
  }
  const dataDir = await mkdtemp(path.join(tmpdir(), 'jalin-bench-pglite-'));
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log: () => undefined });
  return {
    url: embedded.url,
    label: 'embedded PGlite (one connection)',
    // PGlite takes one client at a time: wait until the last one has let go.
    whenIdle: () => embedded.whenIdle(10_000),
    close: async () => {
      await embedded.stop();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const db = await database();
  try {
    // In this process: PGlite's socket server runs on this event loop, so a child process
    // that this one waited for synchronously would never be answered.
    await deployMigrations(db.url);
    await db.whenIdle();
    const prisma = createPrismaClient({ url: db.url, poolMax: 1 });
    try {
      await seedReferenceData(prisma);
      await prisma.$disconnect();
      await db.whenIdle();
      const seeding = performance.now();
      const seeded = await withClient(db.url, async (sql) => {
        const result = await seedNational(sql, { plans: PLANS, budgetYear: YEAR, nomenclatureVersion: CURRENT_NOMENCLATURE_VERSION });
        await sql.query('ANALYZE');
        return result;
      });
      await db.whenIdle();
      console.log(
        `National summary on ${db.label}: ${PLANS} plans and ${seeded.reports} mapping reports over ${seeded.regions} regions ` +
          `(${((performance.now() - seeding) / 1000).toFixed(0)} s to generate); ${READS} reads one after another.`,
      );
      const reports = new MappingReportRepository(prisma);
      const scope = { national: true, provinces: [], regions: [] };
      const settings = { monthDay: '02-15', provinceAfterDays: 30 };
      const deadlines = { REGENCY: reportingDeadline(YEAR, 'REGENCY', settings), PROVINCE: reportingDeadline(YEAR, 'PROVINCE', settings) };
      const read = async () => {
        const { regions, byAffair } = await reports.summary(YEAR, scope);
        return buildReportingSummary({ budgetYear: YEAR, today: '2026-12-02', deadlines, rows: regions, byAffair });
      };
      // The summary reads ReportingTally, which the database triggers kept while the generator wrote: check it against a recount.
      const [stored, recounted] = [await reports.tally(YEAR), await reports.tallyRecount(YEAR)];
      const tallyExact = isDeepStrictEqual(stored, recounted);
      if (!tallyExact) throw new Error(`ReportingTally differs from a recount of the plans (${stored.length} rows against ${recounted.length})`);
      console.log(`ReportingTally: ${stored.length} rows, equal to a recount of the plans.`);
      const first = await read(); // warm
      const times: number[] = [];
      for (let i = 0; i < READS; i += 1) {
        const at = performance.now();
        await read();
        times.push(performance.now() - at);
      }
      times.sort((a, b) => a - b);
      console.log(`regions ${first.regions.length}, plans counted ${first.totals.plans}, by status ${JSON.stringify(first.totals.byStatus)}`);
      console.log('| read | p50 ms | p95 ms | p99 ms | max ms |');
      console.log('|---|---:|---:|---:|---:|');
      console.log(
        `| national summary (552 regions) | ${quantile(times, 0.5).toFixed(1)} | ${quantile(times, 0.95).toFixed(1)} | ${quantile(times, 0.99).toFixed(1)} | ${times[times.length - 1].toFixed(1)} |`,
      );
    } finally {
      await prisma.$disconnect();
    }
  } finally {
    await db.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
