// Starts what the integration tests talk to: a real Temporal dev server from the CLI
// binary, and a migrated template database on the real PostgreSQL that each test
// file clones (CREATE DATABASE … TEMPLATE, fast). The workflow bundle is built once.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DefaultLogger, bundleWorkflowCode } from '@temporalio/worker';
import { ensureTemporalCli } from '../../apps/standalone/src/temporal-cli';
import { startTemporalDevServer } from '../../apps/standalone/src/temporal-dev-server';
import { REPO_ROOT, databaseUrlFor } from '../support/environment';
import { findFreePort } from '../support/free-port';

const log = (message: string) => {
  if (process.env.JALIN_TEST_VERBOSE) console.log(message);
};

export default async function globalSetup(): Promise<void> {
  const started = Date.now();
  const migrate = path.join(REPO_ROOT, 'dist', 'prisma', 'migrate.js');
  if (!existsSync(migrate)) throw new Error('dist/ is missing: run the tests with `npm test`, which builds first');

  const binary = await ensureTemporalCli((message) => console.log(message));
  const temporal = await startTemporalDevServer({ binary, port: await findFreePort(), log });

  const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/postgres';
  const runId = String(process.pid);
  const template = `jalin_test_${runId}_template`;
  const admin = new Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  const templateUrl = databaseUrlFor(serverUrl, template);
  execFileSync(process.execPath, ['--no-warnings=ExperimentalWarning', migrate, 'deploy'], {
    env: { ...process.env, DATABASE_URL: templateUrl },
    stdio: 'pipe',
  });
  // Every test database is cloned from the template, so each starts with the reference data
  // and the demo users the tests log in as.
  execFileSync(process.execPath, [path.join(REPO_ROOT, 'dist', 'prisma', 'seed.js')], {
    env: { ...process.env, DATABASE_URL: templateUrl, SEED_DEMO_USERS: 'true' },
    stdio: 'pipe',
  });

  const artifacts = path.join(REPO_ROOT, 'test', 'artifacts');
  mkdirSync(artifacts, { recursive: true });
  const bundlePath = path.join(artifacts, `workflow-bundle-${runId}.js`);
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: new DefaultLogger('WARN') });
  writeFileSync(bundlePath, code);

  process.env.JALIN_TEST_TEMPORAL_ADDRESS = temporal.address;
  process.env.JALIN_TEST_TEMPLATE_DATABASE_URL = templateUrl;
  process.env.JALIN_TEST_WORKFLOW_BUNDLE = bundlePath;
  process.env.JALIN_TEST_TEMPORAL_CLI = binary;
  process.env.JALIN_TEST_RUN_ID = runId;
  (globalThis as Record<string, unknown>).__jalinTeardown = async () => {
    await temporal.stop();
    rmSync(bundlePath, { force: true });
    const cleanup = new Client({ connectionString: serverUrl });
    await cleanup.connect();
    const { rows } = await cleanup.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [`jalin_test_${runId}_%`]);
    for (const { datname } of rows) await cleanup.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    await cleanup.end();
  };
  console.log(`\nTest services ready in ${((Date.now() - started) / 1000).toFixed(1)} s (Temporal ${temporal.address}, database ${template})`);
}
