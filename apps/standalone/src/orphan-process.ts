// A child process that must not outlive its launcher is recorded in a pid file; a launcher
// killed with SIGKILL cannot stop it (no exit hook runs), so the next start finds the
// orphan by that file and stops it before it takes the orphan's port. A pid reused by an
// unrelated process is left alone: it must still run the command the file names.
import { execFile } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);
const STOP_GRACE_MS = 10_000;

interface PidRecord {
  pid: number;
  /** A piece of the command line that identifies the process (e.g. its data file). */
  marker: string;
}

export async function writePidFile(file: string, pid: number, marker: string): Promise<void> {
  await fs.writeFile(file, JSON.stringify({ pid, marker } satisfies PidRecord), { mode: 0o600 });
}

export async function removePidFile(file: string): Promise<void> {
  await fs.rm(file, { force: true });
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function commandLine(pid: number): Promise<string> {
  try {
    return (await run('ps', ['-ww', '-o', 'command=', '-p', String(pid)])).stdout;
  } catch {
    return '';
  }
}

/** Stops the process a pid file names if it still runs its command; answers its pid, or undefined when there was none. */
export async function stopOrphan(file: string, log: (message: string) => void): Promise<number | undefined> {
  const text = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (text === undefined) return undefined;
  let record: PidRecord | undefined;
  try {
    record = JSON.parse(text) as PidRecord;
  } catch {
    record = undefined;
  }
  if (!record || !Number.isInteger(record.pid) || !isAlive(record.pid) || !(await commandLine(record.pid)).includes(record.marker)) {
    await removePidFile(file);
    return undefined;
  }
  log(`Stopping process ${record.pid} left running by an earlier start that did not shut down (${file})`);
  process.kill(record.pid, 'SIGTERM');
  const deadline = Date.now() + STOP_GRACE_MS;
  while (isAlive(record.pid) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
  if (isAlive(record.pid)) process.kill(record.pid, 'SIGKILL');
  while (isAlive(record.pid)) await new Promise((resolve) => setTimeout(resolve, 50));
  await removePidFile(file);
  return record.pid;
}
