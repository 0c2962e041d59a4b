// Smoke test of `npm start`'s embedded mode: the built launcher with its own Temporal
// dev server (SQLite file) and PGlite, driven over HTTP, stopped with SIGINT and
// started again on the same data: the plan is still there, at the same stage.
import { mkdtempSync, rmSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import path from 'node:path';
import { embeddedEnv, json, launch, waitHealthy } from '../support/embedded-launcher';
import { findFreePort } from '../support/free-port';
import { newPlanBody } from '../support/plan-fixtures';
import { waitFor } from '../support/wait';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-users';
import { localDateOf } from '../../domain/local-date';

jest.setTimeout(180_000);

it('runs the whole system on embedded defaults and keeps plans across a restart', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jalin-embedded-'));
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const env = await embeddedEnv(dataDir, port);
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
    // The launcher started the reporting-deadline check of next year's budget: the ministry finds it running.
    const reviewer = await tokenOf('reviewer.kemendagri');
    const comingYear = Number(localDateOf(new Date(), 'Asia/Jakarta').slice(0, 4)) + 1;
    const check = await json('POST', `${base}/reporting/deadlines/${comingYear}/check`, {}, reviewer);
    expect(check.status).toBe(200);
    expect(check.body).toEqual({ workflowId: `reporting-deadline-${comingYear}`, started: false });
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
