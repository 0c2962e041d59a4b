// P5 of issue 15: many reminders falling due together. Puts REMINDERS plans of Kota Bogor
// at VERIFICATION through the API (create and submit, 8 at once), on a timeline where a day
// lasts --day-ms (so the H-1 reminder of every plan falls due about five timeline days after
// its submission, all of them within the time the submissions took), then waits for every
// plan's H-1 reminder. Prints how long the submissions took (the window the reminders fall
// due in), the reminders delivered per second (notification rows, first to last), and
// duplicates or misses (rows against plans × recipients). 10,000 is too heavy for a 2-core
// machine shared with others: the count is a parameter. It prints figures; no test asserts them.
//
//   npm run bench:reminders -- --reminders 1000 [--day-ms 20000] [--database-url postgresql://root@127.0.0.1:5432/postgres]
import { parseArgs } from 'node:util';
import { startTestStack, type TestStack } from '../../../test/support/test-stack';
import { createPlan, submit } from '../../../test/support/plan-journey';
import { waitFor } from '../../../test/support/wait';
import { startBenchServices, sql } from './services';

const { values } = parseArgs({
  options: {
    'database-url': { type: 'string', default: process.env.BENCH_DATABASE_URL ?? 'postgresql://root@127.0.0.1:5432/postgres' },
    reminders: { type: 'string', default: '1000' },
    'day-ms': { type: 'string', default: '20000' },
  },
});
const server = values['database-url']!;
const REMINDERS = Number(values.reminders);
const DAY_MS = Number(values['day-ms']);
const PREFIX = `jalin_test_bench_${process.pid}`;

interface Delivered {
  rows: number;
  plans: number;
  recipients: number;
  first: Date | null;
  last: Date | null;
}

async function delivered(stack: TestStack): Promise<Delivered> {
  const [row] = await sql<{ rows: string; plans: string; recipients: string; first: Date | null; last: Date | null }>(
    stack.database.url,
    `SELECT count(*) AS rows, count(DISTINCT "planId") AS plans, count(DISTINCT "userId") AS recipients,
            min("createdAt") AS first, max("createdAt") AS last
       FROM "Notification" WHERE template = 'TASK_DUE_SOON' AND key LIKE '%:H-1'`,
  );
  return { rows: Number(row.rows), plans: Number(row.plans), recipients: Number(row.recipients), first: row.first, last: row.last };
}

async function main(): Promise<void> {
  const services = await startBenchServices(server, PREFIX);
  let stack: TestStack | undefined;
  try {
    stack = await startTestStack({ TIMELINE_DAY_MS: String(DAY_MS), REMINDER_OFFSETS_DAYS: '1', SERVICE_WORKING_DAYS: 'VERIFICATION=5' });
    const started = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < REMINDERS) {
          next += 1;
          const planId = await createPlan(stack!);
          await submit(stack!, planId).expect(200);
        }
      }),
    );
    const submitting = (performance.now() - started) / 1000;
    console.log(`P5 of issue 15: ${REMINDERS} plans submitted in ${submitting.toFixed(1)} s; a timeline day lasts ${DAY_MS / 1000} s`);
    let last = await delivered(stack);
    await waitFor(
      () => `every H-1 reminder; ${last.plans} of ${REMINDERS} plans reminded`,
      async () => {
        last = await delivered(stack!);
        return last.plans >= REMINDERS;
      },
      submitting * 1000 + 20 * DAY_MS + 300_000,
      500,
    );
    // Late duplicates would come after the last one awaited.
    await new Promise((resolve) => setTimeout(resolve, 5000));
    const result = await delivered(stack);
    const spread = (result.last!.getTime() - result.first!.getTime()) / 1000;
    const expected = REMINDERS * result.recipients;
    console.log(
      `reminders (H-1) delivered: ${result.rows} notifications to ${result.recipients} recipient(s) each, for ${result.plans} plans; expected ${expected}`,
    );
    console.log(`duplicates: ${Math.max(0, result.rows - expected)}, missing: ${Math.max(0, expected - result.rows)}`);
    console.log(
      `first to last delivery: ${spread.toFixed(1)} s, ${(result.rows / Math.max(spread, 0.001)).toFixed(1)} notifications/s (${(result.plans / Math.max(spread, 0.001)).toFixed(1)} plans' reminders/s)`,
    );
  } finally {
    await stack?.stop();
    await services.stop();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
