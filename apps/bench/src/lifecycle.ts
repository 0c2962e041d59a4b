// P1/P2 of issue 15: a plan's whole life in Jalin against the bare-Temporal baseline of
// ./baseline (the same count of Updates, activities, timers and children, each activity one
// single-row write), on one Temporal dev server and one PostgreSQL that it starts and
// makes itself. Jalin is driven through its HTTP API as its users act (the API, the worker
// and the driver in this one process, as the integration tests run them; the waits for the
// TKKSD panel and for the document sync poll the plan page every 10 ms); the baseline
// through the Temporal client, one Update per act, twice: each Update awaiting its write as
// a normal activity (the naive baseline) and as a local activity. Interleaved: each round runs C
// lifecycles of one, then C of the other, alternating who goes first.
// Prints median and p95 per lifecycle, the ratio, lifecycles per second, this process's
// CPU seconds, and database transactions per lifecycle (pg_stat_database.xact_commit).
// It prints figures; no test asserts timings.
//
//   npm run bench:lifecycle -- --lifecycles 20 --concurrency 1,8 [--database-url postgresql://root@127.0.0.1:5432/postgres]
import { parseArgs } from 'node:util';
import { NativeConnection } from '@temporalio/worker';
import { Pool } from 'pg';
import { databaseUrlFor } from '../../../test/support/environment';
import { startTestStack, type TestStack } from '../../../test/support/test-stack';
import { createPlan, decide, submit, vote, REVIEWER, TKKSD_MEMBERS } from '../../../test/support/plan-journey';
import { BASELINE_TABLE } from './baseline/activities';
import { createBaselineWorker } from './baseline/worker';
import { runBaselineLifecycle } from './baseline/client';
import { sql, startBenchServices } from './services';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/postgres' },
    lifecycles: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '1,8' },
  },
});
const server = values['database-url']!;
const LIFECYCLES = Number(values.lifecycles);
const CONCURRENCIES = values.concurrency!.split(',').map(Number);
const PREFIX = `jalin_test_bench_${process.pid}`;

/** Commits so far in `database`; the statistics reach pg_stat_database up to a second late. */
async function commits(database: string): Promise<number> {
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const [row] = await sql<{ n: string }>(server, `SELECT xact_commit AS n FROM pg_stat_database WHERE datname = '${database}'`);
  return Number(row.n);
}

/** Polls the plan page as `user` every 10 ms until `ready`; answers how many reads it took. */
async function until(stack: TestStack, planId: string, user: string, ready: (plan: PlanPage) => boolean): Promise<number> {
  for (let reads = 1; ; reads += 1) {
    const { body } = await stack.as(user).get(`/plans/${planId}`).expect(200);
    if (ready(body)) return reads;
    if (reads > 3000) throw new Error(`plan ${planId} did not move on: ${JSON.stringify(body).slice(0, 300)}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** What the waits read of the plan page. */
interface PlanPage {
  revision?: number;
  deliberation?: { revision?: number; members: unknown[] };
  task?: { stage?: string };
}

let pollingReads = 0;
/** One plan from draft to COMPLETED, every reviewer approving, as plan-journey's advanceTo walks it. */
async function jalinLifecycle(stack: TestStack): Promise<void> {
  const planId = await createPlan(stack);
  let at = 'DRAFT';
  while (at !== 'COMPLETED') {
    switch (at) {
      case 'DRAFT':
        at = (await submit(stack, planId).expect(200)).body.stage;
        break;
      case 'TKKSD_DELIBERATION':
        pollingReads += await until(
          stack,
          planId,
          REVIEWER.TKKSD_DELIBERATION,
          (plan) => plan.deliberation?.revision === plan.revision && (plan.deliberation?.members.length ?? 0) > 0,
        );
        for (const member of TKKSD_MEMBERS.slice(0, 3)) await vote(stack, planId, member, 'APPROVE').expect(200);
        await decide(stack, planId, at, 'APPROVE').expect(200);
        at = 'HEAD_OF_REGION_APPROVAL';
        break;
      case 'HEAD_OF_REGION_APPROVAL':
        await decide(stack, planId, at, 'APPROVE').expect(200);
        at = 'DOCUMENT_SYNC';
        break;
      case 'DOCUMENT_SYNC':
        pollingReads += await until(stack, planId, REVIEWER.BUDGET_SIGNOFF, (plan) => plan.task?.stage === 'BUDGET_SIGNOFF');
        at = 'BUDGET_SIGNOFF';
        break;
      default:
        at = (await decide(stack, planId, at, 'APPROVE').expect(200)).body.stage;
    }
  }
  await stack.temporal.workflow.getHandle(`cooperation-plan-${planId}`).result();
}

interface Figures {
  times: number[];
  wallMs: number;
  cpuMs: number;
}
const fresh = (): Figures => ({ times: [], wallMs: 0, cpuMs: 0 });

async function batch(figures: Figures, count: number, run: () => Promise<void>): Promise<void> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  await Promise.all(
    Array.from({ length: count }, async () => {
      const begun = performance.now();
      await run();
      figures.times.push(performance.now() - begun);
    }),
  );
  figures.wallMs += performance.now() - started;
  const used = process.cpuUsage(cpu);
  figures.cpuMs += (used.user + used.system) / 1000;
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

interface System {
  name: string;
  database: string;
  run: () => Promise<void>;
}

function row(concurrency: number, name: string, cells: string[]): string {
  return `${String(concurrency).padEnd(2)} ${name.padEnd(20)} ${cells.map((cell, i) => cell.padStart([8, 7, 14, 16, 16][i])).join(' ')}`;
}

async function main(): Promise<void> {
  const services = await startBenchServices(server, PREFIX);
  let stack: TestStack | undefined;
  const closing: (() => Promise<void>)[] = [];
  try {
    stack = await startTestStack();
    const jalin = stack;
    const systems: System[] = [{ name: 'Jalin', database: new URL(stack.database.url).pathname.slice(1), run: () => jalinLifecycle(jalin) }];
    const connection = await NativeConnection.connect({ address: services.temporalAddress });
    closing.push(() => connection.close());
    // Each baseline on its own database and task queue, so its transactions are its own.
    for (const inUpdates of ['activity', 'local'] as const) {
      const database = `${PREFIX}_baseline_${inUpdates}`;
      await sql(server, `CREATE DATABASE ${database}`);
      await sql(databaseUrlFor(server, database), BASELINE_TABLE);
      const pool = new Pool({ connectionString: databaseUrlFor(server, database), max: 5 });
      const taskQueue = `baseline-${inUpdates}-${process.pid}`;
      const worker = await createBaselineWorker(connection, taskQueue, pool);
      const running = worker.run();
      closing.unshift(async () => {
        worker.shutdown();
        await running;
        await pool.end();
      });
      systems.push({ name: `baseline (${inUpdates})`, database, run: () => runBaselineLifecycle(jalin.temporal, taskQueue, inUpdates) });
    }

    // One of each first, outside the figures: bundles loaded, connections open, caches warm.
    for (const system of systems) await system.run();

    console.log(`P1/P2 of issue 15: ${LIFECYCLES} lifecycles of each system per concurrency c, interleaved; ms per lifecycle`);
    console.log(row(0, 'system', ['median', 'p95', 'lifecycles/s', 'CPU s/lifecycle', 'xacts/lifecycle']).replace(/^0 /, 'c '));
    for (const concurrency of CONCURRENCIES) {
      const figures = systems.map(fresh);
      pollingReads = 0;
      const before = await Promise.all(systems.map((system) => commits(system.database)));
      for (let round = 0, done = 0; done < LIFECYCLES; round += 1) {
        const count = Math.min(concurrency, LIFECYCLES - done);
        // Who goes first turns round by round.
        for (let i = 0; i < systems.length; i += 1) {
          const at = (i + round) % systems.length;
          await batch(figures[at], count, systems[at].run);
        }
        done += count;
      }
      const after = await Promise.all(systems.map((system) => commits(system.database)));
      const measured = systems.map((system, i) => {
        const sorted = [...figures[i].times].sort((a, b) => a - b);
        return {
          median: quantile(sorted, 0.5),
          p95: quantile(sorted, 0.95),
          perSecond: (figures[i].times.length / figures[i].wallMs) * 1000,
          cpu: figures[i].cpuMs / 1000 / figures[i].times.length,
          xacts: (after[i] - before[i]) / LIFECYCLES,
        };
      });
      measured.forEach((m, i) =>
        console.log(row(concurrency, systems[i].name, [m.median.toFixed(0), m.p95.toFixed(0), m.perSecond.toFixed(2), m.cpu.toFixed(2), m.xacts.toFixed(0)])),
      );
      for (let i = 1; i < systems.length; i += 1) {
        const [j, b] = [measured[0], measured[i]];
        const ratios = [j.median / b.median, j.p95 / b.p95, j.perSecond / b.perSecond, j.cpu / b.cpu, j.xacts / b.xacts];
        console.log(
          row(
            concurrency,
            `Jalin / ${systems[i].name.replace('baseline ', '')}`,
            ratios.map((r) => `${r.toFixed(2)}x`),
          ),
        );
      }
      console.log(`   (Jalin's figures include ${(pollingReads / LIFECYCLES).toFixed(1)} plan-page reads per lifecycle while waiting for automatic steps)`);
    }
  } finally {
    for (const close of closing) await close();
    await stack?.stop();
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
