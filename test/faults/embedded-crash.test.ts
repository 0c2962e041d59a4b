// Fault injection: the embedded mode (`npm start`) killed with SIGKILL mid-lifecycle: no
// exit hook runs, so its Temporal dev server outlives it. The next start stops that
// orphan, takes over PGlite's lock and comes up; the plan is where it was and moves on.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-users';
import { embeddedEnv, json, launch, waitHealthy } from '../support/embedded-launcher';
import { findFreePort } from '../support/free-port';
import { waitFor } from '../support/wait';
import { newPlanBody } from '../support/plan-fixtures';

jest.setTimeout(180_000);

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
it('starts again after the launcher was killed with SIGKILL', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jalin-embedded-'));
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  const env = await embeddedEnv(dataDir, port);
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
    const orphan = (JSON.parse(readFileSync(path.join(dataDir, 'temporal.db.pid'), 'utf8')) as { pid: number }).pid;
    expect(isAlive(orphan)).toBe(true);

    const second = await launch(env);
    try {
      await waitHealthy(base, second);
      expect(isAlive(orphan)).toBe(false);
      // The stored stage is there at once; the live one once the new worker has picked the plan up.
      const plan = await json('GET', `${base}/plans/${planId}`, undefined, officer);
      expect(plan.body).toMatchObject({ stage: 'VERIFICATION' });
      await waitFor(
        'the restarted worker answering for the plan',
        async () => (await json('GET', `${base}/plans/${planId}`, undefined, officer)).body.liveStage === 'VERIFICATION',
        30_000,
      );
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
