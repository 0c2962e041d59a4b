// P1/P2 of issue 15: a plan's whole life in Jalin against the bare-Temporal baseline of
// ./baseline (the same count of Updates, activities, timers and children, each activity one
// single-row write), on one Temporal dev server and one PostgreSQL that it starts and
// makes itself. Jalin is driven through its HTTP API as its users act (the API, the worker
// and the driver in this one process, as the integration tests run them; the waits for the
// TKKSD panel and for the document sync poll the plan page every 10 ms); the baseline
// through the Temporal client, one Update per act. Interleaved: each round runs C
// lifecycles of one, then C of the other, alternating who goes first.
// Prints median and p95 per lifecycle, the ratio, lifecycles per second, this process's
// CPU seconds, and database transactions per lifecycle (pg_stat_database.xact_commit).
// It prints figures; no test asserts timings.
//
//   npm run bench:lifecycle -- --lifecycles 20 --concurrency 1,8 [--database-url postgresql://root@127.0.0.1:5432/postgres]
import { execFileSync } from 'node:child_process';
import { writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { NativeConnection, bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { Client, Pool } from 'pg';
import { ensureTemporalCli } from '../../standalone/src/temporal-cli';
import { startTemporalDevServer } from '../../standalone/src/temporal-dev-server';
import { findFreePort } from '../../../test/support/free-port';
import { databaseUrlFor } from '../../../test/support/environment';
import { startTestStack, type TestStack } from '../../../test/support/test-stack';
import { createPlan, decide, submit, vote, REVIEWER, TKKSD_MEMBERS } from '../../../test/support/plan-journey';
import { BASELINE_TABLE } from './baseline/activities';
import { createBaselineWorker } from './baseline/worker';
import { runBaselineLifecycle } from './baseline/client';

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
const ROOT = path.resolve(__dirname, '..', '..', '..');
const PREFIX = `jalin_bench_${process.pid}`;

async function sql<T = Record<string, unknown>>(url: string, text: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

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

async function main(): Promise<void> {
  const binary = await ensureTemporalCli(() => undefined);
  const temporal = await startTemporalDevServer({ binary, port: await findFreePort(), log: () => undefined });
  const template = `${PREFIX}_template`;
  const baselineDb = `${PREFIX}_baseline`;
  const bundlePath = path.join(tmpdir(), `${PREFIX}-workflows.js`);
  let stack: TestStack | undefined;
  try {
    await sql(server, `CREATE DATABASE ${template}`);
    await sql(server, `CREATE DATABASE ${baselineDb}`);
    const templateUrl = databaseUrlFor(server, template);
    for (const script of ['migrate.js', 'seed.js']) {
      execFileSync(process.execPath, ['--no-warnings=ExperimentalWarning', path.join(ROOT, 'prisma', script), ...(script === 'migrate.js' ? ['deploy'] : [])], {
        env: { ...process.env, DATABASE_URL: templateUrl, SEED_DEMO_USERS: 'true' },
        stdio: 'pipe',
      });
    }
    const { code } = await bundleWorkflowCode({ workflowsPath: path.join(ROOT, 'workflows'), logger: new DefaultLogger('WARN') });
    writeFileSync(bundlePath, code);
    Object.assign(process.env, {
      JALIN_TEST_TEMPORAL_ADDRESS: temporal.address,
      JALIN_TEST_TEMPLATE_DATABASE_URL: templateUrl,
      JALIN_TEST_WORKFLOW_BUNDLE: bundlePath,
      JALIN_TEST_TEMPORAL_CLI: binary,
      JALIN_TEST_RUN_ID: `bench_${process.pid}`,
    });
    stack = await startTestStack();
    const jalinDb = new URL(stack.database.url).pathname.slice(1);

    const baselineUrl = databaseUrlFor(server, baselineDb);
    await sql(baselineUrl, BASELINE_TABLE);
    const pool = new Pool({ connectionString: baselineUrl, max: 5 });
    const connection = await NativeConnection.connect({ address: temporal.address });
    const taskQueue = `baseline-${process.pid}`;
    const baselineWorker = await createBaselineWorker(connection, taskQueue, pool);
    const baselineRunning = baselineWorker.run();
    const client = stack.temporal;

    // One of each first, outside the figures: bundles loaded, connections open, caches warm.
    await jalinLifecycle(stack);
    await runBaselineLifecycle(client, taskQueue);

    console.log(`P1/P2 of issue 15: ${LIFECYCLES} lifecycles of each per concurrency, interleaved; ms per lifecycle`);
    console.log('c  system      median     p95   lifecycles/s  CPU s/lifecycle  xacts/lifecycle');
    for (const concurrency of CONCURRENCIES) {
      const jalin = fresh();
      const baseline = fresh();
      const systems = [
        { figures: jalin, run: () => jalinLifecycle(stack!) },
        { figures: baseline, run: () => runBaselineLifecycle(client, taskQueue) },
      ];
      pollingReads = 0;
      const before = { jalin: await commits(jalinDb), baseline: await commits(baselineDb) };
      for (let round = 0, done = 0; done < LIFECYCLES; round += 1) {
        const count = Math.min(concurrency, LIFECYCLES - done);
        for (const system of round % 2 ? [...systems].reverse() : systems) await batch(system.figures, count, system.run);
        done += count;
      }
      const xacts = {
        jalin: ((await commits(jalinDb)) - before.jalin) / LIFECYCLES,
        baseline: ((await commits(baselineDb)) - before.baseline) / LIFECYCLES,
      };
      const rows = { Jalin: jalin, baseline } as const;
      const medians: number[] = [];
      const p95s: number[] = [];
      for (const [name, figures] of Object.entries(rows)) {
        const sorted = [...figures.times].sort((a, b) => a - b);
        medians.push(quantile(sorted, 0.5));
        p95s.push(quantile(sorted, 0.95));
        const perSecond = (figures.times.length / figures.wallMs) * 1000;
        const x = name === 'Jalin' ? xacts.jalin : xacts.baseline;
        console.log(
          `${String(concurrency).padEnd(2)} ${name.padEnd(9)} ${quantile(sorted, 0.5).toFixed(0).padStart(8)} ${quantile(sorted, 0.95).toFixed(0).padStart(7)} ${perSecond.toFixed(2).padStart(14)} ${(figures.cpuMs / 1000 / figures.times.length).toFixed(2).padStart(16)} ${x.toFixed(0).padStart(16)}`,
        );
      }
      const throughput = (figures: Figures) => figures.times.length / figures.wallMs;
      console.log(
        `${String(concurrency).padEnd(2)} ratio     ${(medians[0] / medians[1]).toFixed(2).padStart(7)}x ${(p95s[0] / p95s[1]).toFixed(2).padStart(6)}x ${(throughput(jalin) / throughput(baseline)).toFixed(2).padStart(13)}x ${(jalin.cpuMs / baseline.cpuMs).toFixed(2).padStart(15)}x ${(xacts.jalin / xacts.baseline).toFixed(2).padStart(15)}x`,
      );
      console.log(`   (Jalin's figure includes ${(pollingReads / LIFECYCLES).toFixed(1)} plan-page reads per lifecycle while waiting for automatic steps)`);
    }
    baselineWorker.shutdown();
    await baselineRunning;
    await connection.close();
    await pool.end();
  } finally {
    await stack?.stop();
    await temporal.stop();
    rmSync(bundlePath, { force: true });
    for (const database of [template, baselineDb]) await sql(server, `DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
