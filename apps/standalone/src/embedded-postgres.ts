/**
 * An in-process PostgreSQL (PGlite, i.e. Postgres compiled to WebAssembly)
 * served over the wire protocol, so the standalone mode needs no database
 * server while the app keeps using `pg` / Prisma's pg adapter unchanged.
 */
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgresOptions {
  /** PGlite data directory; created (and initdb'd) when absent. */
  dataDir: string;
  port: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  log: (msg: string) => void;
}

export interface EmbeddedPostgres {
  /**
   * Connection string for `pg`. The server takes ONE client connection at a
   * time: use a pool with `max: 1`; extra connections are cut off.
   */
  url: string;
  /**
   * Resolves once no client is connected (or after `timeoutMs`): a client that has
   * ended its connection may still count for a moment (on Node 24 the server sees the
   * close a tick later), and a new one arriving meanwhile is cut off.
   */
  whenIdle(timeoutMs?: number): Promise<void>;
  stop(): Promise<void>;
}

const DEFAULT_HOST = '127.0.0.1';

export async function startEmbeddedPostgres(opts: EmbeddedPostgresOptions): Promise<EmbeddedPostgres> {
  const host = opts.host ?? DEFAULT_HOST;
  const dataDir = path.resolve(opts.dataDir);
  // Check before opening the data dir: a busy port usually means another
  // instance already has this data dir open.
  await assertPortFree(opts.port, host);
  await fs.mkdir(dataDir, { recursive: true });
  const releaseLock = await lockDataDir(dataDir);

  const started = Date.now();
  let db: PGlite | undefined;
  try {
    db = await PGlite.create(dataDir);
    const server = await listen(db, opts.port, host, opts.log);
    opts.log(`Embedded PostgreSQL (PGlite, data ${dataDir}) listening on ${host}:${opts.port} after ${Date.now() - started} ms`);

    const openDb = db;
    let stopping: Promise<void> | undefined;
    return {
      url: `postgresql://postgres@${urlHost(host)}:${opts.port}/postgres?sslmode=disable`,
      whenIdle: async (timeoutMs = 5_000) => {
        const deadline = Date.now() + timeoutMs;
        while (server.getStats().activeConnections > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
      },
      stop: () => (stopping ??= stopAll(server, openDb, releaseLock, opts.log)),
    };
  } catch (err) {
    await db?.close();
    await releaseLock();
    throw new Error(`Embedded PostgreSQL failed to start on ${host}:${opts.port} (data ${dataDir}): ${errorMessage(err)}`, { cause: err });
  }
}

async function listen(db: PGlite, port: number, host: string, log: (msg: string) => void): Promise<PGLiteSocketServer> {
  // Keep the default of ONE connection. A second concurrent client is refused
  // (pg: "Connection terminated unexpectedly"); raising maxConnections instead
  // multiplexes sessions over PGlite's single one, which is not safe for a pool.
  const server = new PGLiteSocketServer({ db, port, host });
  server.addEventListener('error', (event) => {
    log(`Embedded PostgreSQL socket error: ${errorMessage((event as CustomEvent<unknown>).detail)}`);
  });
  await server.start();
  return server;
}

/** Server first, so open transactions are rolled back before PGlite flushes and closes. */
async function stopAll(server: PGLiteSocketServer, db: PGlite, releaseLock: () => Promise<void>, log: (msg: string) => void): Promise<void> {
  try {
    await server.stop();
  } finally {
    await db.close();
    await releaseLock();
  }
  log('Embedded PostgreSQL stopped');
}

/**
 * PGlite does not guard its data dir, and two processes writing one dir
 * corrupt it, so we hold a pid lock file next to it while it is open.
 */
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = `${dataDir}.lock`;
  const release = (): Promise<void> => fs.rm(lockFile, { force: true });
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await fs.writeFile(lockFile, String(process.pid), { flag: 'wx' });
      return release;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number.parseInt(await fs.readFile(lockFile, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(owner) && owner !== process.pid && isProcessAlive(owner)) {
      throw new Error(
        `Embedded PostgreSQL data dir ${dataDir} is in use by process ${owner} (lock ${lockFile}). ` +
          'Stop that process, or delete the lock file if it is not a Jalin instance.',
      );
    }
    // Left behind by a process that died: take it over.
    await release();
  }
  throw new Error(`Could not lock ${dataDir}: ${lockFile} keeps reappearing`);
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function assertPortFree(port: number, host: string): Promise<void> {
  const probe = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      probe.once('error', reject);
      probe.listen({ port, host, exclusive: true }, resolve);
    });
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'is already in use' : `cannot be bound (${errorMessage(err)})`;
    throw new Error(`Port ${port} on ${host} (embedded PostgreSQL) ${reason}. ` + 'Is another instance still running? Stop it or choose another port.', {
      cause: err,
    });
  } finally {
    await new Promise<void>((resolve) => probe.close(() => resolve()));
  }
}

/** Clients cannot dial a wildcard address, and IPv6 literals need brackets in URLs. */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '::') return DEFAULT_HOST;
  return host.includes(':') ? `[${host}]` : host;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
