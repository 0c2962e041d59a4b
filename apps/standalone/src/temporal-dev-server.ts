/**
 * Runs `temporal server start-dev` as a child process for the standalone mode
 * and resolves once it serves gRPC and the namespace exists.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { promises as fs } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { Connection } from '@temporalio/client';
import { removePidFile, stopOrphan, writePidFile } from './orphan-process';
import { PLAN_SEARCH_ATTRIBUTES } from '../../../workflows/cooperation-plan/search-attributes';

export interface TemporalDevServerOptions {
  /** Temporal CLI binary, e.g. from ensureTemporalCli(). */
  binary: string;
  /** Frontend gRPC port. */
  port: number;
  /** Web UI port; the UI is disabled (--headless) when omitted. */
  uiPort?: number;
  /** SQLite file for persistent state; in-memory when omitted. */
  dbFile?: string;
  /** Namespace to create and wait for (default: "default"). */
  namespace?: string;
  /**
   * Where the server's pid is kept while it runs (default: beside dbFile), so the next
   * start stops a server left behind by a launcher that was killed with SIGKILL.
   */
  pidFile?: string;
  log: (msg: string) => void;
  /** Where the server's unexpected exits and restarts are told (default: log); an operator must see them. */
  warn?: (msg: string) => void;
}

export interface TemporalDevServer {
  /** host:port for Connection.connect / NativeConnection.connect. */
  address: string;
  uiUrl?: string;
  stop(): Promise<void>;
}

// Bind loopback explicitly: `localhost` may resolve to ::1 on some hosts while
// clients dial 127.0.0.1.
const HOST = '127.0.0.1';
const READY_TIMEOUT_MS = 60_000;
const READY_ATTEMPT_TIMEOUT_MS = 2_000;
const READY_RETRY_PAUSE_MS = 250;
const STOP_GRACE_MS = 10_000;
const OUTPUT_TAIL_LINES = 40;
/** Pauses before starting a server that died again: 1 s, doubling up to 30 s. */
const RESTART_FIRST_PAUSE_MS = 1_000;
const RESTART_MAX_PAUSE_MS = 30_000;

interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
  error?: Error;
}

export async function startTemporalDevServer(opts: TemporalDevServerOptions): Promise<TemporalDevServer> {
  const namespace = opts.namespace ?? 'default';
  const pidFile = opts.pidFile ?? (opts.dbFile ? `${path.resolve(opts.dbFile)}.pid` : undefined);
  if (pidFile) await stopOrphan(pidFile, opts.log);
  await assertPortFree(opts.port, 'Temporal gRPC');
  if (opts.uiPort !== undefined) await assertPortFree(opts.uiPort, 'Temporal Web UI');
  if (opts.dbFile) await fs.mkdir(path.dirname(path.resolve(opts.dbFile)), { recursive: true });

  const started = Date.now();
  const args = buildArgs(opts, namespace);
  opts.log(`Starting Temporal dev server: ${opts.binary} ${args.join(' ')}`);
  const first = await launch(opts, args, pidFile);
  const address = `${HOST}:${opts.port}`;
  try {
    await untilReadyOrExited(first, address, namespace);
  } catch (err) {
    await stopChild(first.child, first.exited, opts.log);
    throw withOutputTail(err, first.tail);
  }

  // An operator's kill, a crash or the OOM killer must not leave Jalin without its engine
  // until someone restarts everything: the server is started again on the same port and
  // state file (plans and timers kept), and workers and clients reconnect on their own.
  let current = first;
  let stopRequested = false;
  const warn = opts.warn ?? opts.log;
  const supervise = (proc: Launched): void => {
    void proc.exited.then(async (info) => {
      if (stopRequested) return;
      warn(`Temporal dev server exited unexpectedly (${describeExit(info)}); starting it again with the same state`);
      for (let pause = RESTART_FIRST_PAUSE_MS; !stopRequested; pause = Math.min(pause * 2, RESTART_MAX_PAUSE_MS)) {
        await sleep(pause);
        if (stopRequested) return;
        const next = (current = await launch(opts, args, pidFile));
        try {
          await untilReadyOrExited(next, address, namespace);
          warn(`Temporal dev server is back at ${address}`);
          supervise(next);
          return;
        } catch (err) {
          await stopChild(next.child, next.exited, opts.log);
          warn(`Temporal dev server did not come back (${errorMessage(err)}); trying again`);
        }
      }
    });
  };
  supervise(first);

  const uiUrl = opts.uiPort !== undefined ? `http://${HOST}:${opts.uiPort}` : undefined;
  opts.log(`Temporal dev server ready at ${address} (namespace ${namespace}` + `${uiUrl ? `, UI ${uiUrl}` : ''}) in ${Date.now() - started} ms`);
  return {
    address,
    uiUrl,
    stop: memoize(() => {
      stopRequested = true;
      return stopChild(current.child, current.exited, opts.log);
    }),
  };
}

interface Launched {
  child: ChildProcess;
  exited: Promise<ExitInfo>;
  tail: string[];
}

async function launch(opts: TemporalDevServerOptions, args: string[], pidFile: string | undefined): Promise<Launched> {
  // Its own process group: a Ctrl-C in the terminal must reach only the launcher, which
  // stops the worker first and the server last. The exit hook kills it with us; after a
  // SIGKILL of the launcher no hook runs, and the pid file lets the next start stop it.
  const child = spawn(opts.binary, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  const tail = captureOutput(child, opts.log);
  const exited = watchExit(child);
  if (pidFile && child.pid !== undefined) {
    await writePidFile(pidFile, child.pid, opts.dbFile ? path.resolve(opts.dbFile) : `--port ${opts.port}`);
    void exited.then(() => removePidFile(pidFile));
  }
  return { child, exited, tail };
}

async function untilReadyOrExited(proc: Launched, address: string, namespace: string): Promise<void> {
  const readiness = new AbortController();
  try {
    await Promise.race([
      waitUntilReady(address, namespace, readiness.signal),
      proc.exited.then((info) => {
        throw new Error(`Temporal dev server exited during startup (${describeExit(info)})`);
      }),
    ]);
  } finally {
    readiness.abort();
  }
}

function buildArgs(opts: TemporalDevServerOptions, namespace: string): string[] {
  const args = ['server', 'start-dev', '--ip', HOST, '--port', String(opts.port)];
  if (opts.uiPort !== undefined) {
    args.push('--ui-port', String(opts.uiPort));
  } else {
    args.push('--headless');
  }
  if (opts.dbFile) args.push('--db-filename', path.resolve(opts.dbFile));
  args.push('--namespace', namespace, '--log-level', 'warn', '--log-format', 'json');
  // The plan workflows set these; an unregistered one would fail their workflow tasks.
  for (const attribute of PLAN_SEARCH_ATTRIBUTES) args.push('--search-attribute', attribute);
  return args;
}

/** Forwards the child's output line by line and keeps the last lines for error messages. */
function captureOutput(child: ChildProcess, log: (msg: string) => void): string[] {
  const tail: string[] = [];
  const onLine = (line: string): void => {
    tail.push(line);
    if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
    log(`temporal: ${line}`);
  };
  if (child.stdout) forwardLines(child.stdout, onLine);
  if (child.stderr) forwardLines(child.stderr, onLine);
  return tail;
}

function forwardLines(stream: Readable, onLine: (line: string) => void): void {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    if (line.trim() !== '') onLine(line);
  });
}

/**
 * Resolves once the child is gone, and meanwhile makes sure it dies with us:
 * 'exit' handlers run on process.exit() and normal completion, not on SIGKILL.
 */
function watchExit(child: ChildProcess): Promise<ExitInfo> {
  const killOnParentExit = (): void => {
    child.kill('SIGKILL');
  };
  process.on('exit', killOnParentExit);
  return new Promise((resolve) => {
    const done = (info: ExitInfo): void => {
      process.off('exit', killOnParentExit);
      resolve(info);
    };
    // 'close' (not 'exit') so the last output lines are in the tail before we report.
    child.once('close', (code, signal) => done({ code, signal }));
    // A failed spawn (ENOENT, EACCES) emits 'error' and no 'close'.
    // 'on', not 'once': a later 'error' without a listener would crash the parent.
    child.on('error', (error) => done({ code: null, signal: null, error }));
  });
}

async function stopChild(child: ChildProcess, exited: Promise<ExitInfo>, log: (msg: string) => void): Promise<void> {
  if (child.exitCode === null && child.signalCode === null && child.pid !== undefined) {
    child.kill('SIGTERM');
  }
  const killTimer = setTimeout(() => {
    log(`Temporal dev server did not exit ${STOP_GRACE_MS / 1000} s after SIGTERM; sending SIGKILL`);
    child.kill('SIGKILL');
  }, STOP_GRACE_MS);
  try {
    await exited;
  } finally {
    clearTimeout(killTimer);
  }
}

/**
 * Polls with a fresh connection per attempt: a Connection memoizes its first
 * connect failure. Also waits for the namespace, which the dev server
 * registers after the frontend starts answering.
 */
async function waitUntilReady(address: string, namespace: string, signal: AbortSignal): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  let lastError: unknown;
  while (!signal.aborted) {
    if (Date.now() > deadline) {
      throw new Error(`Temporal dev server did not become ready at ${address} within ${READY_TIMEOUT_MS / 1000} s: ${errorMessage(lastError)}`);
    }
    try {
      await probe(address, namespace);
      return;
    } catch (err) {
      lastError = err;
    }
    await sleep(READY_RETRY_PAUSE_MS);
  }
}

async function probe(address: string, namespace: string): Promise<void> {
  const connection = Connection.lazy({ address, connectTimeout: READY_ATTEMPT_TIMEOUT_MS });
  try {
    await connection.ensureConnected();
    await connection.workflowService.describeNamespace({ namespace });
  } finally {
    await connection.close();
  }
}

/**
 * Fails fast with a clear message instead of letting the CLI die with a bind
 * error: the usual cause is a dev server left over from an earlier run.
 */
async function assertPortFree(port: number, purpose: string): Promise<void> {
  const server = net.createServer();
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port, host: HOST, exclusive: true }, resolve);
    });
  } catch (err) {
    const reason = (err as NodeJS.ErrnoException).code === 'EADDRINUSE' ? 'is already in use' : `cannot be bound (${errorMessage(err)})`;
    throw new Error(
      `Port ${port} on ${HOST} (${purpose}) ${reason}. ` +
        'Is another Temporal dev server still running? Stop it, choose another port, ' +
        'or set TEMPORAL_ADDRESS to use an existing server.',
      { cause: err },
    );
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

function withOutputTail(err: unknown, tail: string[]): Error {
  const error = err instanceof Error ? err : new Error(String(err));
  if (tail.length > 0) error.message += `\nLast Temporal output:\n${tail.join('\n')}`;
  return error;
}

function describeExit(info: ExitInfo): string {
  if (info.error) return `failed to start: ${info.error.message}`;
  return info.signal ? `signal ${info.signal}` : `exit code ${String(info.code)}`;
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

function memoize<T>(fn: () => Promise<T>): () => Promise<T> {
  let result: Promise<T> | undefined;
  return () => (result ??= fn());
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
