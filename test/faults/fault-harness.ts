// What the fault-injection tests share: a worker as a separate process (to kill with
// SIGKILL), a record of every status the API answered, and the checks made after each
// fault: every plan at its end, the read model equal to the workflow, no duplicate row,
// every due notice sent once, and no 500.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { Writable } from 'node:stream';
import { isDeepStrictEqual } from 'node:util';
import type { Client } from '@temporalio/client';
import { planStatusQuery, planWorkflowId } from '../../workflows/cooperation-plan/definitions';
import { REPO_ROOT } from '../support/environment';
import { PLACEMENT, REVIEWER, TKKSD_MEMBERS, claim, submit, vote } from '../support/plan-journey';
import type { TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

/** Collects the status of every response the API logged (pino-http's `res.statusCode`). */
export class ResponseLog extends Writable {
  readonly statuses: Array<{ status: number; url: string }> = [];
  readonly errors: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    for (const line of chunk.toString().split('\n')) {
      if (!line.trim()) continue;
      try {
        const entry = JSON.parse(line) as { res?: { statusCode?: number }; req?: { url?: string }; errorId?: string; err?: { stack?: string } };
        if (entry.res?.statusCode) this.statuses.push({ status: entry.res.statusCode, url: entry.req?.url ?? '?' });
        // An unhandled error's stack, so a failing test says what answered 500.
        if (entry.errorId && entry.err) {
          this.errors.push(`${entry.errorId}: ${entry.err.stack ?? JSON.stringify(entry.err)}`);
          if (process.env.JALIN_TEST_VERBOSE) process.stderr.write(`unhandled error ${this.errors.at(-1)}\n`);
        }
      } catch {
        // not a JSON line
      }
    }
    done();
  }

  serverErrors(): Array<{ status: number; url: string }> {
    return this.statuses.filter((entry) => entry.status >= 500 && entry.status !== 503);
  }
}

export interface WorkerProcess {
  child: ChildProcess;
  exited: Promise<void>;
}

/** `npm run start:worker` as a process of its own, on the given database, Temporal and task queue. */
export function startWorkerProcess(settings: { DATABASE_URL: string; TEMPORAL_ADDRESS: string; TEMPORAL_TASK_QUEUE: string }): WorkerProcess {
  const child = spawn(process.execPath, ['--no-warnings=ExperimentalWarning', path.join(REPO_ROOT, 'dist/apps/worker/src/main.js')], {
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOG_LEVEL: 'error', ...settings },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return { child, exited };
}

/** Every check made after a fault, for the given plans (all meant to reach COMPLETED). */
export async function expectPlansIntact(stack: TestStack, temporal: Client, planIds: string[], responses: ResponseLog): Promise<void> {
  const prisma = stack.database.prisma;
  for (const planId of planIds) {
    const handle = temporal.workflow.getHandle(planWorkflowId(planId));
    const result = await handle.result();
    expect({ planId, stage: result.stage }).toEqual({ planId, stage: 'COMPLETED' });
    expect((await prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId } })).stage).toBe('COMPLETED');
    // The read model holds what the workflow holds.
    const live = await handle.query(planStatusQuery);
    await waitFor(`the stored status of ${planId} to equal the workflow's`, async () => {
      const row = await prisma.planStatusSnapshot.findUnique({ where: { planId } });
      return row !== null && isDeepStrictEqual(row.status, JSON.parse(JSON.stringify(live)));
    });
    const transitions = await prisma.planTransition.findMany({ where: { planId }, orderBy: { sequence: 'asc' } });
    expect(transitions.map((t) => t.sequence)).toEqual(live.transitions.map((t) => t.sequence));
    // No duplicate rows: one review task per opening, one audit entry per transition and kind.
    const tasks = await prisma.reviewTask.findMany({ where: { planId } });
    expect(new Set(tasks.map((t) => t.openSequence)).size).toBe(tasks.length);
    expect(tasks.every((t) => t.status !== 'OPEN')).toBe(true);
    const audit = await prisma.auditEvent.findMany({ where: { planId } });
    const keys = audit.map((a) => [a.action, a.actorId, a.entityId, a.toStage, JSON.stringify(a.details)].join('|'));
    expect(keys.length - new Set(keys).size).toBe(0);
    // Every remedy the audit trail records was told once to each recipient.
    for (const missed of audit.filter((a) => a.action === 'MILESTONE_MISSED')) {
      const key = `plan:${planId}:remedy:${(missed.details as { milestone: string }).milestone}`;
      const rows = await waitFor(`the notice ${key}`, async () => {
        const found = await prisma.notification.findMany({ where: { key } });
        return found.length > 0 && found;
      });
      expect(new Set(rows.map((r) => r.userId)).size).toBe(rows.length);
    }
  }
  // The log saw the API's answers (an empty log would make the next line meaningless).
  expect(responses.statuses.length).toBeGreaterThan(planIds.length);
  expect(responses.serverErrors()).toEqual([]);
}

const ACCEPTABLE = new Set([200, 409, 503]);

/**
 * Takes a plan to COMPLETED as its users would through an outage: each step by the one
 * who holds it, a 503 tried again shortly (a decision with the same Idempotency-Key), a
 * 409 (the step took effect, or the plan is not there yet) read as "look again". Any other
 * answer fails the test.
 */
export async function driveToCompletion(stack: TestStack, planId: string, timeoutMs = 240_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastAnswer = 'none yet';
  const checked = async (what: string, call: () => Promise<{ status: number; body: unknown }>) => {
    const response = await call();
    lastAnswer = `${what}: ${response.status} ${JSON.stringify(response.body).slice(0, 300)}`;
    if (!ACCEPTABLE.has(response.status)) throw new Error(`${what} answered ${response.status}: ${JSON.stringify(response.body)}`);
    if (response.status !== 200) await new Promise((resolve) => setTimeout(resolve, 300));
    return response.status === 200;
  };
  while (Date.now() < deadline) {
    // Read as the users would see it; during a database outage, look again shortly.
    const plan = await stack.database.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId } }).catch(() => null);
    if (!plan) {
      await new Promise((resolve) => setTimeout(resolve, 300));
      continue;
    }
    const stage = plan.stage as string;
    if (stage === 'COMPLETED') return;
    if (stage === 'DRAFT') {
      await checked('submit', () => submit(stack, planId));
    } else if (stage === 'DOCUMENT_SYNC') {
      await new Promise((resolve) => setTimeout(resolve, 300));
    } else if (stage === 'TKKSD_DELIBERATION') {
      for (const member of TKKSD_MEMBERS.slice(0, 3)) await checked(`vote of ${member}`, () => vote(stack, planId, member, 'APPROVE'));
      await checked('recommendation', () => decideOnce(stack, planId, stage, plan.revision));
    } else {
      await checked(`decision at ${stage}`, () => decideOnce(stack, planId, stage, plan.revision));
    }
  }
  const stored = await stack.database.prisma.cooperationPlan.findUnique({ where: { id: planId }, select: { stage: true } });
  throw new Error(`plan ${planId} did not reach COMPLETED within ${timeoutMs / 1000} s: stored stage ${stored?.stage}, last answer ${lastAnswer}`);
}

/** Claim, then decide under a stable Idempotency-Key; a claim answered other than 200, 409 or 503 is what the caller reports. */
async function decideOnce(stack: TestStack, planId: string, stage: string, revision: number) {
  const user = REVIEWER[stage];
  const claimed = await claim(stack, planId, user);
  if (!ACCEPTABLE.has(claimed.status)) return claimed;
  const placement = stage === 'BUDGET_SIGNOFF' ? { placement: PLACEMENT } : {};
  return stack
    .as(user)
    .post(`/plans/${planId}/decisions`)
    .set('Idempotency-Key', `fault-${planId}-${stage}-r${revision}`)
    .send({ stage, outcome: 'APPROVE', ...placement });
}
