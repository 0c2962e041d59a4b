// Times a plan's human steps against a running Jalin (e.g. `npm start`): create, submit,
// and the secretariat's and Bappeda's claims and decisions, for N plans with C in flight
// at once; and P4 of issue 15, from the secretariat's decision until Bappeda's task is
// open in the read model (the plan page shows it).
// Prints min / median / p95 / max per step and the throughput. It only reads figures:
// targets are judged by people, never asserted in a test that flakes on a busy machine.
//
//   npm run bench:plans -- --url http://localhost:3000 --plans 40 --concurrency 4
import { parseArgs } from 'node:util';
import { completePlanContent } from '../../../test/support/plan-content-fixtures';
import { DEMO_PASSWORD } from '../../../prisma/seed/demo-users';

const { values } = parseArgs({
  options: {
    url: { type: 'string', default: 'http://localhost:3000' },
    plans: { type: 'string', default: '20' },
    concurrency: { type: 'string', default: '4' },
  },
});
const base = values.url!;
const planCount = Number(values.plans);
const concurrency = Number(values.concurrency);

async function call(method: string, path: string, token: string | undefined, body?: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: (await response.json()) as Record<string, unknown> };
}

async function login(username: string): Promise<string> {
  const { status, json } = await call('POST', '/auth/login', undefined, { username, password: DEMO_PASSWORD });
  if (status !== 200) throw new Error(`login ${username}: ${status} ${JSON.stringify(json)}`);
  return json.accessToken as string;
}

const timings = new Map<string, number[]>();
async function timed(step: string, run: () => Promise<{ status: number; json: Record<string, unknown> }>, expected: number, started = performance.now()) {
  const result = await run();
  timings.set(step, [...(timings.get(step) ?? []), performance.now() - started]);
  if (result.status !== expected) throw new Error(`${step}: ${result.status} ${JSON.stringify(result.json)}`);
  return result.json;
}

function quantile(sorted: number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
}

async function main(): Promise<void> {
  const [officer, secretariat, bappeda] = await Promise.all(['officer.kotabogor', 'sekretariat.kotabogor', 'bappeda.kotabogor'].map(login));
  const plan = completePlanContent({ title: 'Kerja sama uji beban pengelolaan sampah' });
  let next = 0;
  const started = performance.now();
  const worker = async () => {
    while (next < planCount) {
      next += 1;
      const created = await timed('create', () => call('POST', '/plans', officer, plan), 201);
      const id = created.id as string;
      await timed('submit', () => call('POST', `/plans/${id}/submit`, officer, {}), 200);
      await timed('claim VERIFICATION', () => call('POST', `/plans/${id}/task/claim`, secretariat, {}), 200);
      const decided = performance.now();
      await timed('decide VERIFICATION', () => call('POST', `/plans/${id}/decisions`, secretariat, { stage: 'VERIFICATION', outcome: 'APPROVE' }), 200);
      await timed(
        'P4 next task open',
        async () => {
          for (;;) {
            const plan = await call('GET', `/plans/${id}`, bappeda);
            if ((plan.json.task as { stage?: string } | undefined)?.stage === 'BAPPEDA_REVIEW') return plan;
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        },
        200,
        decided,
      );
      await timed('claim BAPPEDA_REVIEW', () => call('POST', `/plans/${id}/task/claim`, bappeda, {}), 200);
      await timed('decide BAPPEDA_REVIEW', () => call('POST', `/plans/${id}/decisions`, bappeda, { stage: 'BAPPEDA_REVIEW', outcome: 'APPROVE' }), 200);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  console.log(`${planCount} plans, ${concurrency} at once, against ${base}: ${seconds.toFixed(1)} s, ${((planCount * 6) / seconds).toFixed(1)} requests/s`);
  console.log('step                     min    median    p95     max   (ms)');
  for (const [step, values] of timings) {
    const sorted = [...values].sort((a, b) => a - b);
    const row = [sorted[0], quantile(sorted, 0.5), quantile(sorted, 0.95), sorted[sorted.length - 1]].map((v) => v.toFixed(0).padStart(7)).join(' ');
    console.log(`${step.padEnd(22)} ${row}`);
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
