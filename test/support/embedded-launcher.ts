// Drives the built `npm start` launcher (dist/apps/standalone) as a child process over
// HTTP, for the embedded-mode tests.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, testEnvironment } from './environment';
import { findFreePort } from './free-port';
import { waitFor } from './wait';

export interface Launched {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

export async function launch(env: NodeJS.ProcessEnv): Promise<Launched> {
  const child = spawn(process.execPath, ['--no-warnings=ExperimentalWarning', path.join(REPO_ROOT, 'dist/apps/standalone/src/main.js')], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

export async function waitHealthy(base: string, launched: Launched): Promise<void> {
  const said = () => launched.output.join('').slice(-3000);
  await waitFor(
    () => `the launcher to become healthy:\n${said()}`,
    async () => {
      try {
        if ((await fetch(`${base}/health`)).ok) return true;
      } catch {
        // not listening yet
      }
      if (launched.child.exitCode !== null) throw new Error(`the launcher exited before it became healthy:\n${said()}`);
      return false;
    },
    120_000,
    500,
  );
}

export async function json(method: string, url: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) };
  const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

/** What `npm start` gets in these tests: its own data folder and free ports for everything it serves. */
export async function embeddedEnv(dataDir: string, port: number): Promise<NodeJS.ProcessEnv> {
  return {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    PORT: String(port),
    DATA_DIR: dataDir,
    TEMPORAL_CLI_PATH: testEnvironment().temporalCliPath,
    TEMPORAL_DEV_PORT: String(await findFreePort()),
    TEMPORAL_UI_PORT: String(await findFreePort()),
    EMBEDDED_POSTGRES_PORT: String(await findFreePort()),
    LOG_LEVEL: 'warn',
  };
}
