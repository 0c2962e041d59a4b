// Smoke test of `npm start`'s embedded mode: the built launcher with its own Temporal
// dev server (SQLite file) and PGlite, driven over HTTP, stopped with SIGINT and
// started again on the same data: the plan is still there, at the same stage.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { REPO_ROOT, testEnvironment } from '../support/environment';
import { findFreePort } from '../support/free-port';
import { newPlanBody } from '../support/plan-fixtures';
import { waitFor } from '../support/wait';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-users';
import { localDateOf } from '../../domain/local-date';

jest.setTimeout(180_000);

interface Launched {
  child: ChildProcess;
  output: string[];
  exited: Promise<number | null>;
}

async function launch(env: NodeJS.ProcessEnv): Promise<Launched> {
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

async function waitHealthy(base: string, launched: Launched): Promise<void> {
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

async function json(method: string, url: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) };
  const response = await fetch(url, { method, headers, body: body ? JSON.stringify(body) : undefined });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

it('runs the whole system on embedded defaults and keeps plans across a restart', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jalin-embedded-'));
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
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
  try {
    const first = await launch(env);
    await waitHealthy(base, first);
    // No SMTP_URL: the launcher says notifications stay in the app (its banner may trail the health answer).
    await waitFor('the launcher’s notifications banner', () => first.output.join('').includes('Notifications: in-app only'), 5000);
    expect(first.output.join('')).toContain('Notifications: in-app only');
    // Without HOST it listens on 127.0.0.1 only: the machine's network address gets no answer.
    const external = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (external) await expect(fetch(`http://${external.address}:${port}/health`)).rejects.toThrow();
    // The launcher seeds the demo users: each step by the user who holds it.
    const tokenOf = async (username: string) => (await json('POST', `${base}/auth/login`, { username, password: DEMO_PASSWORD })).body.accessToken as string;
    const officer = await tokenOf('officer.kotabogor');
    const created = await json('POST', `${base}/plans`, newPlanBody(), officer);
    expect(created.status).toBe(201);
    const planId = created.body.id as string;
    expect((await json('POST', `${base}/plans/${planId}/submit`, {}, officer)).status).toBe(200);
    const secretariat = await tokenOf('sekretariat.kotabogor');
    expect((await json('POST', `${base}/plans/${planId}/task/claim`, {}, secretariat)).status).toBe(200);
    const decided = await json('POST', `${base}/plans/${planId}/decisions`, { stage: 'VERIFICATION', outcome: 'APPROVE' }, secretariat);
    expect(decided.body.stage).toBe('BAPPEDA_REVIEW');
    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);

    const second = await launch(env);
    await waitHealthy(base, second);
    // The signing secret is kept in the data folder: a token from before the restart still works.
    const plan = await json('GET', `${base}/plans/${planId}`, undefined, officer);
    expect(plan.body).toMatchObject({ stage: 'BAPPEDA_REVIEW', liveStage: 'BAPPEDA_REVIEW' });
    const bappeda = await tokenOf('bappeda.kotabogor');
    expect((await json('POST', `${base}/plans/${planId}/task/claim`, {}, bappeda)).status).toBe(200);
    const next = await json('POST', `${base}/plans/${planId}/decisions`, { stage: 'BAPPEDA_REVIEW', outcome: 'APPROVE' }, bappeda);
    expect(next.status).toBe(200);
    // The launcher runs the demo regions' planning season of next year's budget, once across restarts.
    const budgetYear = Number(localDateOf(new Date(), 'Asia/Jakarta').slice(0, 4)) + 1;
    const season = await json('GET', `${base}/calendars/32.71/${budgetYear}/season`, undefined, officer);
    expect(season.status).toBe(200);
    expect(season.body).toMatchObject({ regionCode: '32.71', budgetYear, loaded: true, finished: false, runs: 1 });
    second.child.kill('SIGINT');
    expect(await second.exited).toBe(0);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('starts again after the launcher was killed with SIGKILL', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jalin-embedded-'));
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const env: NodeJS.ProcessEnv = {
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
  try {
    const first = await launch(env);
    await waitHealthy(base, first);
    const tokenOf = async (username: string) => (await json('POST', `${base}/auth/login`, { username, password: DEMO_PASSWORD })).body.accessToken as string;
    const officer = await tokenOf('officer.kotabogor');
    const created = await json('POST', `${base}/plans`, newPlanBody(), officer);
    const planId = created.body.id as string;
    expect((await json('POST', `${base}/plans/${planId}/submit`, {}, officer)).status).toBe(200);
    // No exit hook runs: the Temporal dev server (its own process group) survives its launcher.
    first.child.kill('SIGKILL');
    await first.exited;

    const second = await launch(env);
    try {
      await waitHealthy(base, second);
      const plan = await json('GET', `${base}/plans/${planId}`, undefined, officer);
      expect(plan.body).toMatchObject({ stage: 'VERIFICATION', liveStage: 'VERIFICATION' });
      const secretariat = await tokenOf('sekretariat.kotabogor');
      expect((await json('POST', `${base}/plans/${planId}/task/claim`, {}, secretariat)).status).toBe(200);
      const decided = await json('POST', `${base}/plans/${planId}/decisions`, { stage: 'VERIFICATION', outcome: 'APPROVE' }, secretariat);
      expect(decided.body.stage).toBe('BAPPEDA_REVIEW');
    } finally {
      second.child.kill('SIGINT');
      expect(await second.exited).toBe(0);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
