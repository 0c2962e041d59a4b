// A PostgreSQL cluster of the test's own (initdb + pg_ctl on a free port in a temporary
// folder), so a test may crash and restart it: never the shared server the other tests
// use. As root the cluster runs as the `postgres` user, as PostgreSQL requires.
import { execFile } from 'node:child_process';
import { chown, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, userInfo } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { Client } from 'pg';
import { REPO_ROOT } from '../support/environment';
import { findFreePort } from '../support/free-port';

const run = promisify(execFile);
const BIN = process.env.POSTGRES_BIN_DIR ?? '/usr/lib/postgresql/15/bin';

export interface PostgresCluster {
  /** A migrated and seeded database `jalin` (reference data and demo users). */
  url: string;
  /** Stops it as a crash would (immediate: no checkpoint, clients cut off). */
  crash(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const dir = await mkdtemp(path.join(tmpdir(), 'jalin-fault-pg-'));
  const data = path.join(dir, 'data');
  const port = await findFreePort();
  const asRoot = userInfo().uid === 0;
  const pg = async (binary: string, args: string[]) => {
    const command = path.join(BIN, binary);
    await (asRoot ? run('runuser', ['-u', 'postgres', '--', command, ...args]) : run(command, args));
  };
  if (asRoot) {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    await chown(dir, Number(stdout.trim()), Number(gid.trim()));
  }
  await pg('initdb', ['-D', data, '-U', 'jalin', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => pg('pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'log'), '-w', 'start']);
  await start();
  const server = `postgresql://jalin@127.0.0.1:${port}`;
  const admin = new Client({ connectionString: `${server}/postgres` });
  await admin.connect();
  await admin.query('CREATE DATABASE jalin');
  await admin.end();
  const url = `${server}/jalin`;
  const env = { ...process.env, DATABASE_URL: url };
  await run(process.execPath, ['--no-warnings=ExperimentalWarning', path.join(REPO_ROOT, 'dist/prisma/migrate.js'), 'deploy'], { env });
  await run(process.execPath, [path.join(REPO_ROOT, 'dist/prisma/seed.js')], { env: { ...env, SEED_DEMO_USERS: 'true' } });
  return {
    url,
    crash: () => pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']),
    start,
    destroy: async () => {
      await pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']).catch(() => undefined);
      await rm(dir, { recursive: true, force: true });
    },
  };
}
