// The outbound document webhook against a real local HTTP receiver: every document change
// arrives signed, with a stable idempotency key, and a receiver that fails at first gets
// it again (same key) until it accepts, also across a worker restart.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import { databaseOver } from '../../persistence';
import { findFreePort } from '../support/free-port';
import { REVIEWER, planAt } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { quietPeriod, waitFor } from '../support/wait';

const SECRET = 'webhook-test-secret-0123456789';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  rawBody: string;
  body: { id: string; type: string; document: { id: string; kind: string; sequence: number }; change: Record<string, unknown> };
  answered: number;
}

let stack: TestStack;
let server: Server;
const received: Received[] = [];
/** How many of the next requests the receiver refuses with 503. */
let failNext = 0;

beforeAll(async () => {
  const port = await findFreePort();
  server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const rawBody = Buffer.concat(chunks).toString('utf8');
      const answered = failNext > 0 ? 503 : 204;
      if (failNext > 0) failNext -= 1;
      received.push({ headers: req.headers, rawBody, body: JSON.parse(rawBody), answered });
      res.statusCode = answered;
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  stack = await startTestStack({
    WEBHOOK_URL: `http://127.0.0.1:${port}/jalin-hook`,
    WEBHOOK_SECRET: SECRET,
    WEBHOOK_RETRY_INITIAL_MS: '200',
    WEBHOOK_RETRY_MAX_MS: '500',
  });
});
afterAll(async () => {
  await stack?.stop();
  await new Promise((resolve) => server?.close(resolve));
});

const expectSigned = (r: Received) => {
  expect(r.headers['content-type']).toBe('application/json');
  expect(r.headers['x-jalin-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(r.rawBody).digest('hex')}`);
  expect(Number(r.headers['x-jalin-timestamp'])).toBeGreaterThan(Date.now() / 1000 - 120);
  expect(r.headers['idempotency-key']).toBe(r.body.id);
};

it('sends a state change signed, with the key of the change', async () => {
  const registered = await stack
    .as(REVIEWER.BAPPEDA_REVIEW)
    .post('/planning-documents')
    .send({ kind: 'RKPD', regionCode: '32.71', budgetYear: 2030 })
    .expect(200);
  const id = registered.body.id as string;
  await stack.as(REVIEWER.BAPPEDA_REVIEW).post(`/planning-documents/${id}/state`).send({ state: 'RANCANGAN' }).expect(200);
  const hit = await waitFor('the state change', () => received.find((r) => r.body.document.id === id));
  expectSigned(hit);
  expect(hit.body).toMatchObject({
    id: `${id}:1`,
    type: 'STATE_CHANGED',
    document: { kind: 'RKPD', sequence: 1 },
    change: { from: 'RANCANGAN_AWAL', to: 'RANCANGAN' },
  });
  // A tampered body no longer matches its signature.
  expect(createHmac('sha256', SECRET).update(hit.rawBody.replace('RANCANGAN', 'FINAL')).digest('hex')).not.toBe(
    String(hit.headers['x-jalin-signature']).slice(7),
  );
  const change = await stack.database.prisma.documentChange.findFirstOrThrow({ where: { documentId: id, seq: 1 } });
  expect(change.dispatchedAt).not.toBeNull();
});

it('retries a failing receiver durably, across a worker restart, with the same idempotency key', async () => {
  failNext = 3;
  const registered = await stack
    .as(REVIEWER.BUDGET_SIGNOFF)
    .post('/planning-documents')
    .send({ kind: 'KUA_PPAS', regionCode: '32.71', budgetYear: 2030 })
    .expect(200);
  const id = registered.body.id as string;
  await stack.as(REVIEWER.BUDGET_SIGNOFF).post(`/planning-documents/${id}/state`).send({ state: 'RANCANGAN_AKHIR' }).expect(200);
  await waitFor('a first refused attempt', () => received.some((r) => r.body.document.id === id));
  await stack.stopWorker();
  await stack.startWorker();
  const accepted = await waitFor('the accepted attempt', () => received.find((r) => r.body.document.id === id && r.answered === 204));
  const attempts = received.filter((r) => r.body.document.id === id);
  expect(attempts.map((r) => r.answered)).toEqual([503, 503, 503, 204]);
  expect(new Set(attempts.map((r) => r.headers['idempotency-key']))).toEqual(new Set([`${id}:1`]));
  attempts.forEach(expectSigned);
  expect(accepted.body.change).toEqual({ from: 'RANCANGAN_AWAL', to: 'RANCANGAN_AKHIR' });
  const change = await stack.database.prisma.documentChange.findFirstOrThrow({ where: { documentId: id } });
  await waitFor(
    'the change marked delivered',
    async () => (await stack.database.prisma.documentChange.findUniqueOrThrow({ where: { id: change.id } })).deliveredAt !== null,
  );
});

it('delivers a change whose hand-over was lost once a worker sweeps the outbox', async () => {
  const registered = await stack
    .as(REVIEWER.BAPPEDA_REVIEW)
    .post('/planning-documents')
    .send({ kind: 'RENJA', regionCode: '32.71', budgetYear: 2031, agency: 'Dinas Perhubungan' })
    .expect(200);
  const id = registered.body.id as string;
  // Committed as the API commits it, but never handed to a delivery (Temporal was out of reach).
  const documents = databaseOver(stack.database.prisma).repositories.planningDocuments;
  await documents.changeState(
    id,
    'RANCANGAN',
    () => undefined,
    async () => undefined,
  );
  expect(await stack.database.prisma.documentChange.findFirstOrThrow({ where: { documentId: id } })).toMatchObject({ dispatchedAt: null });
  await stack.stopWorker();
  await stack.startWorker();
  const hit = await waitFor('the swept change', () => received.find((r) => r.body.document.id === id && r.answered === 204));
  expect(hit.body).toMatchObject({ id: `${id}:1`, type: 'STATE_CHANGED', change: { from: 'RANCANGAN_AWAL', to: 'RANCANGAN' } });
  await quietPeriod(1000, 'no second delivery of the swept change');
  expect(received.filter((r) => r.body.document.id === id)).toHaveLength(1);
});

it("sends each document's new lines once when a plan is synced", async () => {
  const planId = await planAt(stack, 'BUDGET_SIGNOFF');
  const forPlan = () => received.filter((r) => r.body.type === 'LINES_CHANGED' && r.body.change.planId === planId);
  await waitFor('both documents', () => forPlan().length >= 2);
  // Once each: a repeated delivery would come after these two, and nothing marks that none is coming.
  await quietPeriod(1000, 'no further LINES_CHANGED delivery for the plan');
  const hits = forPlan();
  expect(hits.map((r) => r.body.document.kind).sort()).toEqual(['RENJA', 'RKPD']);
  expect(new Set(hits.map((r) => r.headers['idempotency-key'])).size).toBe(2);
  for (const hit of hits) {
    expectSigned(hit);
    expect(hit.body.change).toMatchObject({
      revision: 1,
      lines: [
        { lineKey: 'line-1', change: 'ADDED', flag: null },
        { lineKey: 'line-2', change: 'ADDED', flag: null },
      ],
    });
  }
});
