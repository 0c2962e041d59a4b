// P3 of issue 15: the reviewer's inbox and the plan list at scale. Makes its own database
// on a PostgreSQL server, migrates it, generates PLANS plans in 20 regions with one closed
// and one open review task each (read-model rows, as a province's would be), then has
// CLIENTS concurrent clients read through the repositories the API uses: the inbox
// (first page, and a page further on by cursor and by number), the plan list the same
// way. Prints p50 / p95 / p99 and reads per second, then the same with the read-query
// indexes dropped (the read model before migration 20261202120000). It prints figures;
// no test asserts timings.
//
//   npm run bench -- --plans 100000 --clients 50 --reads 2000 [--database-url postgresql://root@127.0.0.1:5432/postgres]
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { createPrismaClient } from '../../../prisma/client';
import { PlanRepository } from '../../../persistence/plan.repository';
import { ReviewTaskRepository } from '../../../persistence/review-task.repository';
import type { AuthContext } from '../../../domain/auth-context';
import { seedReadModel } from './read-model-seed';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/postgres' },
    plans: { type: 'string', default: '100000' },
    clients: { type: 'string', default: '50' },
    reads: { type: 'string', default: '2000' },
  },
});
const PLANS = Number(values.plans);
const CLIENTS = Number(values.clients);
const READS = Number(values.reads);
const REGIONS = 20;
const REGION = '32.01';
const READ_INDEXES = [
  'CooperationPlan_regionCode_createdAt_id_idx',
  'CooperationPlan_regionCode_stage_createdAt_id_idx',
  'ReviewTask_inbox_claimable_created_idx',
  'ReviewTask_inbox_claimable_due_idx',
];

function urlFor(server: string, database: string): string {
  const url = new URL(server);
  url.pathname = `/${database}`;
  return url.toString();
}

async function onServer<T>(run: (client: Client) => Promise<T>, url = values['database-url']!): Promise<T> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function seed(url: string): Promise<void> {
  await onServer((sql) => seedReadModel(sql, { plans: PLANS, regions: REGIONS }), url);
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

interface Row {
  read: string;
  p50: number;
  p95: number;
  p99: number;
  perSecond: number;
}

/** READS calls of `read` from CLIENTS clients at once. */
async function measure(name: string, read: () => Promise<unknown>): Promise<Row> {
  const times: number[] = [];
  let left = READS;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      while (left > 0) {
        left -= 1;
        const at = performance.now();
        await read();
        times.push(performance.now() - at);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  return { read: name, p50: quantile(times, 0.5), p95: quantile(times, 0.95), p99: quantile(times, 0.99), perSecond: times.length / seconds };
}

async function readAll(url: string): Promise<Row[]> {
  const prisma = createPrismaClient({ url, poolMax: 10 });
  try {
    const plans = new PlanRepository(prisma);
    const tasks = new ReviewTaskRepository(prisma);
    const grants = [{ role: 'BAPPEDA' as const, regionCode: REGION }];
    const auth: AuthContext = { userId: '00000000-0000-4000-8000-000000000001', username: 'bappeda', displayName: 'Bappeda', grants };
    const inbox = { scope: 'all' as const, sort: 'due' as const, page: 1, pageSize: 20 };
    // The cursor of page 10, to read page 11 both ways.
    let taskCursor: string | null = null;
    let planCursor: string | null = null;
    for (let page = 1; page <= 10; page += 1) {
      taskCursor = (await tasks.inbox(auth, { ...inbox, cursor: taskCursor ?? undefined })).nextCursor;
      planCursor = (await plans.list({ page: 1, pageSize: 20, cursor: planCursor ?? undefined }, grants)).nextCursor;
    }
    await tasks.inbox(auth, inbox); // warm the pool
    return [
      await measure('inbox, first page', () => tasks.inbox(auth, inbox)),
      await measure('inbox, page 11 by number', () => tasks.inbox(auth, { ...inbox, page: 11 })),
      await measure('inbox, page 11 by cursor', () => tasks.inbox(auth, { ...inbox, cursor: taskCursor! })),
      await measure('plan list, first page', () => plans.list({ page: 1, pageSize: 20 }, grants)),
      await measure('plan list, page 11 by number', () => plans.list({ page: 11, pageSize: 20 }, grants)),
      await measure('plan list, page 11 by cursor', () => plans.list({ page: 1, pageSize: 20, cursor: planCursor! }, grants)),
      await measure('plan list, one stage', () => plans.list({ page: 1, pageSize: 20, stage: 'BAPPEDA_REVIEW' }, grants)),
    ];
  } finally {
    await prisma.$disconnect();
  }
}

function print(title: string, rows: Row[]): void {
  console.log(`\n${title}`);
  console.log('| read | p50 ms | p95 ms | p99 ms | reads/s |');
  console.log('|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(`| ${row.read} | ${row.p50.toFixed(1)} | ${row.p95.toFixed(1)} | ${row.p99.toFixed(1)} | ${row.perSecond.toFixed(0)} |`);
}

async function main(): Promise<void> {
  const name = `jalin_bench_${randomBytes(4).toString('hex')}`;
  const url = urlFor(values['database-url']!, name);
  await onServer((sql) => sql.query(`CREATE DATABASE ${name}`));
  try {
    const root = path.resolve(__dirname, '..', '..', '..');
    execFileSync(process.execPath, ['--no-warnings=ExperimentalWarning', path.join(root, 'prisma', 'migrate.js'), 'deploy'], {
      env: { ...process.env, DATABASE_URL: url },
      stdio: 'ignore',
    });
    const seeding = performance.now();
    await seed(url);
    console.log(
      `P3: ${PLANS} plans, ${PLANS} open and ${PLANS} closed review tasks in ${REGIONS} regions (${((performance.now() - seeding) / 1000).toFixed(0)} s to generate);`,
    );
    console.log(`${CLIENTS} concurrent clients, ${READS} reads each line; a Bappeda reviewer of region ${REGION} (${PLANS / REGIONS} plans).`);
    const withIndexes = await readAll(url);
    print('With the read-query indexes (this release):', withIndexes);
    await onServer((sql) => sql.query(READ_INDEXES.map((index) => `DROP INDEX "${index}";`).join('\n')), url);
    const without = await readAll(url);
    print('Without them (the indexes before migration 20261202120000):', without);
    console.log('\n| read | p50 speed-up |');
    console.log('|---|---:|');
    for (const [at, row] of withIndexes.entries()) console.log(`| ${row.read} | ${(without[at].p50 / row.p50).toFixed(1)}x |`);
  } finally {
    await onServer((sql) => sql.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
