// What the lifecycle and reminder benchmarks run on, started as the integration tests'
// global setup does: a Temporal dev server on a free port from the cached CLI, and a
// migrated, seeded template database on the PostgreSQL server that test stacks
// (test/support/test-stack.ts) clone. `stop` removes all of it.
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleWorkflowCode, DefaultLogger } from '@temporalio/worker';
import { Client } from 'pg';
import { ensureTemporalCli } from '../../standalone/src/temporal-cli';
import { startTemporalDevServer } from '../../standalone/src/temporal-dev-server';
import { findFreePort } from '../../../test/support/free-port';
import { databaseUrlFor } from '../../../test/support/environment';

const ROOT = path.resolve(__dirname, '..', '..', '..');

export async function sql<T = Record<string, unknown>>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

export interface BenchServices {
  temporalAddress: string;
  stop(): Promise<void>;
}

/** `prefix` names the databases it makes (`<prefix>_template`), so they can be found and dropped. */
export async function startBenchServices(server: string, prefix: string): Promise<BenchServices> {
  const binary = await ensureTemporalCli(() => undefined);
  const temporal = await startTemporalDevServer({ binary, port: await findFreePort(), log: () => undefined });
  const template = `${prefix}_template`;
  const bundlePath = path.join(tmpdir(), `${prefix}-workflows.js`);
  const stop = async () => {
    await temporal.stop();
    rmSync(bundlePath, { force: true });
    const made = await sql<{ datname: string }>(server, `SELECT datname FROM pg_database WHERE datname LIKE $1`, [`${prefix}_%`]);
    for (const { datname } of made) await sql(server, `DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
  };
  try {
    await sql(server, `CREATE DATABASE ${template}`);
    const templateUrl = databaseUrlFor(server, template);
    for (const [script, ...args] of [['migrate.js', 'deploy'], ['seed.js']]) {
      execFileSync(process.execPath, ['--no-warnings=ExperimentalWarning', path.join(ROOT, 'prisma', script), ...args], {
        env: { ...process.env, DATABASE_URL: templateUrl, SEED_DEMO_USERS: 'true' },
        stdio: 'pipe',
      });
    }
    const { code } = await bundleWorkflowCode({ workflowsPath: path.join(ROOT, 'workflows'), logger: new DefaultLogger('WARN') });
    writeFileSync(bundlePath, code);
    // What startTestStack reads; the run id makes the test stacks' databases `<prefix>_…`.
    Object.assign(process.env, {
      JALIN_TEST_TEMPORAL_ADDRESS: temporal.address,
      JALIN_TEST_TEMPLATE_DATABASE_URL: templateUrl,
      JALIN_TEST_WORKFLOW_BUNDLE: bundlePath,
      JALIN_TEST_TEMPORAL_CLI: binary,
      JALIN_TEST_RUN_ID: `${prefix.replace(/^jalin_test_/, '')}`,
    });
  } catch (error) {
    await stop();
    throw error;
  }
  return { temporalAddress: temporal.address, stop };
}
