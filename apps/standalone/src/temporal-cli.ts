/**
 * Locates (or builds once and caches) the Temporal CLI, whose `server start-dev`
 * command is the dev server the standalone mode runs.
 *
 * Lookup order: $TEMPORAL_CLI_PATH, `temporal` on PATH, the per-user cache, and
 * finally `go install` into that cache. Temporal's prebuilt downloads are not
 * reachable from every machine we run on, while the Go module proxy is.
 */
import { execFile, spawn } from 'node:child_process';
import { constants as fsConstants, promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import type { Readable } from 'node:stream';
import { promisify } from 'node:util';

export const TEMPORAL_CLI_VERSION = 'v1.5.1';

// v1.5.1 is the newest tag `go install` accepts: later go.mod files carry a
// `replace` directive, which `go install pkg@version` refuses.
const TEMPORAL_CLI_MODULE = `github.com/temporalio/cli/cmd/temporal@${TEMPORAL_CLI_VERSION}`;
const EXE_SUFFIX = process.platform === 'win32' ? '.exe' : '';
const TEMPORAL_BINARY = `temporal${EXE_SUFFIX}`;
const GO_BINARY = `go${EXE_SUFFIX}`;

const LOCK_POLL_MS = 1_000;
const LOCK_NOTICE_MS = 30_000;
// A lock dir without an owner file is only legitimate for the instant between
// mkdir and writeFile; older than this, its creator died in between.
const ORPHAN_LOCK_MS = 60_000;
const BUILD_HEARTBEAT_MS = 30_000;
const OUTPUT_TAIL_LINES = 30;

type Log = (msg: string) => void;

const execFileAsync = promisify(execFile);

export async function ensureTemporalCli(log: Log): Promise<string> {
  const fromEnv = process.env.TEMPORAL_CLI_PATH;
  if (fromEnv) {
    return useExplicitBinary(fromEnv, log);
  }

  const onPath = await findOnPath(TEMPORAL_BINARY);
  if (onPath) {
    const version = await tryVersion(onPath);
    if (version) {
      log(`Using Temporal CLI from PATH: ${onPath} (${version})`);
      return onPath;
    }
    log(`Ignoring ${onPath} on PATH: \`temporal --version\` failed`);
  }

  const cached = cachedBinaryPath();
  const cachedVersion = (await isExecutableFile(cached)) ? await tryVersion(cached) : undefined;
  if (cachedVersion) {
    log(`Using cached Temporal CLI: ${cached} (${cachedVersion})`);
    return cached;
  }

  return buildIntoCache(cached, log);
}

/** Where the built binary lives; outside the repo so clones and `git clean` keep it. */
function cachedBinaryPath(): string {
  const xdg = process.env.XDG_CACHE_HOME;
  // The XDG spec says relative values must be ignored.
  const cacheRoot = xdg && path.isAbsolute(xdg) ? xdg : path.join(os.homedir(), '.cache');
  return path.join(cacheRoot, 'jalin', `temporal-cli-${TEMPORAL_CLI_VERSION}`, TEMPORAL_BINARY);
}

async function useExplicitBinary(configured: string, log: Log): Promise<string> {
  const binary = path.resolve(configured);
  if (!(await isExecutableFile(binary))) {
    throw new Error(
      `TEMPORAL_CLI_PATH=${configured} does not point to an executable file. ` +
        'Set it to a Temporal CLI binary, or unset it to use the one on PATH or build one.',
    );
  }
  const version = await tryVersion(binary);
  if (!version) {
    throw new Error(`TEMPORAL_CLI_PATH=${configured} is not a working Temporal CLI: \`${binary} --version\` failed.`);
  }
  log(`Using Temporal CLI from TEMPORAL_CLI_PATH: ${binary} (${version})`);
  return binary;
}

async function buildIntoCache(target: string, log: Log): Promise<string> {
  const go = await findOnPath(GO_BINARY);
  if (!go) {
    throw new Error(
      `No Temporal CLI found (looked at $TEMPORAL_CLI_PATH, \`temporal\` on PATH and ${target}) ` +
        'and no `go` on PATH to build one. Do one of:\n' +
        `  - install Go >= 1.25 (https://go.dev/dl/) so the CLI ${TEMPORAL_CLI_VERSION} can be built once and cached;\n` +
        '  - set TEMPORAL_CLI_PATH to a Temporal CLI binary;\n' +
        '  - set TEMPORAL_ADDRESS (host:port) to use an existing Temporal server instead of starting one.',
    );
  }

  const cacheDir = path.dirname(target);
  await fs.mkdir(cacheDir, { recursive: true });
  const releaseLock = await acquireLock(path.join(cacheDir, '.build.lock'), log);
  try {
    // Another process may have finished the build while we waited for the lock.
    if (await isExecutableFile(target)) {
      log(`Using Temporal CLI built by another process: ${target}`);
      return target;
    }
    await removeLeftoverBuildDirs(cacheDir);
    await goInstallAtomically(go, cacheDir, target, log);
    return target;
  } finally {
    await releaseLock();
  }
}

/**
 * Builds into a fresh GOBIN and renames the result into place, so a killed
 * build never leaves a truncated binary where the cache lookup would trust it.
 */
async function goInstallAtomically(go: string, cacheDir: string, target: string, log: Log): Promise<void> {
  const tempGobin = await fs.mkdtemp(path.join(cacheDir, '.build-'));
  try {
    log(
      `Building Temporal CLI ${TEMPORAL_CLI_VERSION} with ${go} (go install ${TEMPORAL_CLI_MODULE}). ` +
        'This happens once and takes several minutes; later runs reuse the cached binary.',
    );
    const started = Date.now();
    await runStreaming(go, ['install', TEMPORAL_CLI_MODULE], { cwd: tempGobin, env: { ...process.env, GOBIN: tempGobin } }, log);

    const built = path.join(tempGobin, TEMPORAL_BINARY);
    const version = await tryVersion(built);
    if (!version) {
      throw new Error(`go install finished but ${built} does not run (\`--version\` failed)`);
    }
    await fs.rename(built, target);
    log(`Built ${version} in ${Math.round((Date.now() - started) / 1000)} s, cached at ${target}`);
  } finally {
    await fs.rm(tempGobin, { recursive: true, force: true });
  }
}

/** Runs a command, forwarding each output line to `log`; rejects with the output tail on failure. */
function runStreaming(command: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }, log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    const tail: string[] = [];
    const onLine = (line: string): void => {
      tail.push(line);
      if (tail.length > OUTPUT_TAIL_LINES) tail.shift();
      log(`[go] ${line}`);
    };
    forwardLines(child.stdout, onLine);
    forwardLines(child.stderr, onLine);

    // Compilation is silent for minutes after the downloads; show we're alive.
    const started = Date.now();
    const heartbeat = setInterval(() => {
      log(`Still building Temporal CLI (${Math.round((Date.now() - started) / 1000)} s elapsed)...`);
    }, BUILD_HEARTBEAT_MS);

    child.once('error', (err) => {
      clearInterval(heartbeat);
      reject(new Error(`Could not run ${command}: ${err.message}`));
    });
    child.once('close', (code, signal) => {
      clearInterval(heartbeat);
      if (code === 0) {
        resolve();
        return;
      }
      const status = signal ? `signal ${signal}` : `exit code ${String(code)}`;
      reject(new Error(`${path.basename(command)} ${args.join(' ')} failed (${status}):\n${tail.join('\n')}`));
    });
  });
}

function forwardLines(stream: Readable, onLine: (line: string) => void): void {
  readline.createInterface({ input: stream, crlfDelay: Infinity }).on('line', (line) => {
    if (line.trim() !== '') onLine(line);
  });
}

/**
 * Cross-process mutex via atomic mkdir. A lock whose owner process is gone is
 * taken over. Should two callers still race on a stale lock, each builds into
 * its own temp dir and renames atomically, so the result is still a whole binary.
 */
async function acquireLock(lockDir: string, log: Log): Promise<() => Promise<void>> {
  const ownerFile = path.join(lockDir, 'owner');
  const waitStarted = Date.now();
  let lastNotice = 0;
  for (;;) {
    try {
      await fs.mkdir(lockDir);
      await fs.writeFile(ownerFile, String(process.pid));
      return () => fs.rm(lockDir, { recursive: true, force: true });
    } catch (err) {
      if (!isErrnoCode(err, 'EEXIST')) throw err;
    }

    if (await isStaleLock(lockDir, ownerFile)) {
      log(`Removing stale Temporal CLI build lock ${lockDir}`);
      await fs.rm(lockDir, { recursive: true, force: true });
      continue;
    }
    if (Date.now() - lastNotice >= LOCK_NOTICE_MS) {
      lastNotice = Date.now();
      const waited = Math.round((lastNotice - waitStarted) / 1000);
      log(`Another process is building the Temporal CLI; waiting for it (${waited} s so far, lock ${lockDir})`);
    }
    await sleep(LOCK_POLL_MS);
  }
}

async function isStaleLock(lockDir: string, ownerFile: string): Promise<boolean> {
  const owner = await readPid(ownerFile);
  if (owner !== undefined) return !isProcessAlive(owner);
  try {
    const { mtimeMs } = await fs.stat(lockDir);
    return Date.now() - mtimeMs > ORPHAN_LOCK_MS;
  } catch (err) {
    // Released between our mkdir attempt and now: not stale, just retry.
    if (isErrnoCode(err, 'ENOENT')) return false;
    throw err;
  }
}

async function readPid(file: string): Promise<number | undefined> {
  try {
    const pid = Number.parseInt(await fs.readFile(file, 'utf8'), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return isErrnoCode(err, 'EPERM');
  }
}

/** Temp GOBINs of builds that were killed; safe to delete while we hold the lock. */
async function removeLeftoverBuildDirs(cacheDir: string): Promise<void> {
  const entries = await fs.readdir(cacheDir);
  await Promise.all(entries.filter((name) => name.startsWith('.build-')).map((name) => fs.rm(path.join(cacheDir, name), { recursive: true, force: true })));
}

async function findOnPath(name: string): Promise<string | undefined> {
  const dirs = (process.env.PATH ?? '').split(path.delimiter).filter((dir) => dir !== '');
  for (const dir of dirs) {
    const candidate = path.resolve(dir, name);
    if (await isExecutableFile(candidate)) return candidate;
  }
  return undefined;
}

async function isExecutableFile(file: string): Promise<boolean> {
  try {
    const stat = await fs.stat(file);
    if (!stat.isFile()) return false;
    await fs.access(file, fsConstants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `temporal --version` output, or undefined if the binary does not run. */
async function tryVersion(binary: string): Promise<string | undefined> {
  try {
    const { stdout } = await execFileAsync(binary, ['--version'], { timeout: 30_000 });
    return stdout.trim() || undefined;
  } catch {
    return undefined;
  }
}

function isErrnoCode(err: unknown, code: string): boolean {
  return err instanceof Error && (err as NodeJS.ErrnoException).code === code;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
