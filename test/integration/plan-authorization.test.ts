// The authorization matrix of the plans API: every endpoint × every demo seat × the
// plan's own region and the other one. The expected statuses are written out per seat
// from the domain brief's roles, not derived from the policy code under test.
import { DEMO_REGIONS, DEMO_SEATS, demoUsername, type DemoSeat } from '../../prisma/seed/demo-users';
import { createPlan, planAt } from '../support/plan-journey';
import { newPlanBody } from '../support/plan-fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const [OWN, OTHER] = DEMO_REGIONS; // Kota Bogor owns the plans; Kabupaten Bogor is the other region
const REGION_WIDE: DemoSeat[] = ['sekretariat', 'bappeda', 'tkksd1', 'tkksd2', 'tkksd3', 'tapd', 'sekda', 'head', 'dprd', 'hukum', 'admin'];
const TKKSD: DemoSeat[] = ['tkksd1', 'tkksd2', 'tkksd3', 'sekda'];

type Expectation = (seat: DemoSeat) => number;
/** Who sees the plan: the officer of its agency and every region-wide role of its region. */
const sees = (seat: DemoSeat) => seat === 'officer' || REGION_WIDE.includes(seat);
const read: Expectation = (seat) => (sees(seat) ? 200 : 404);
const onlyWith =
  (allowed: DemoSeat[], otherwise = 403, allowedStatus = 200): Expectation =>
  (seat) =>
    allowed.includes(seat) ? allowedStatus : sees(seat) ? otherwise : 404;

interface Row {
  name: string;
  /** Sets up the plan the row acts on (fresh per row when it changes state). */
  plan: () => Promise<string>;
  call: (username: string, planId: string) => Promise<{ status: number; body: { message?: { id?: string; en?: string } } }>;
  expect: Expectation;
}

const submitted = () => planAt(stack, 'VERIFICATION');

const rows: Row[] = [
  { name: 'GET /plans/:id', plan: () => createPlan(stack), call: (u, id) => stack.as(u).get(`/plans/${id}`), expect: read },
  { name: 'GET /plans/:id/check', plan: () => createPlan(stack), call: (u, id) => stack.as(u).get(`/plans/${id}/check`), expect: read },
  { name: 'GET /plans/:id/audit', plan: () => createPlan(stack), call: (u, id) => stack.as(u).get(`/plans/${id}/audit`), expect: read },
  { name: 'GET /plans/:id/revisions', plan: submitted, call: (u, id) => stack.as(u).get(`/plans/${id}/revisions`), expect: read },
  { name: 'GET /plans/:id/comments', plan: () => createPlan(stack), call: (u, id) => stack.as(u).get(`/plans/${id}/comments`), expect: read },
  {
    name: 'PATCH /plans/:id',
    plan: () => createPlan(stack),
    call: (u, id) => stack.as(u).patch(`/plans/${id}`).send({ summary: 'Diubah' }),
    expect: onlyWith(['officer']),
  },
  {
    name: 'POST /plans/:id/submit',
    plan: () => createPlan(stack),
    call: (u, id) => stack.as(u).post(`/plans/${id}/submit`).send({}),
    expect: onlyWith(['officer']),
  },
  { name: 'POST /plans/:id/withdraw', plan: submitted, call: (u, id) => stack.as(u).post(`/plans/${id}/withdraw`).send({}), expect: onlyWith(['officer']) },
  {
    name: 'POST /plans/:id/decisions (VERIFICATION)',
    plan: submitted,
    // Claimed first where the caller may claim: only the assignee decides.
    call: async (u, id) => {
      await stack.as(u).post(`/plans/${id}/task/claim`).send({});
      return stack.as(u).post(`/plans/${id}/decisions`).send({ stage: 'VERIFICATION', outcome: 'RETURN_FOR_REVISION', comment: 'Lengkapi' });
    },
    expect: onlyWith(['sekretariat']),
  },
  {
    name: 'POST /plans/:id/task/claim',
    plan: submitted,
    call: (u, id) => stack.as(u).post(`/plans/${id}/task/claim`).send({}),
    expect: onlyWith(['sekretariat']),
  },
  // No deliberation is open at VERIFICATION: members are let through to the workflow, which answers 409.
  {
    name: 'POST /plans/:id/votes',
    plan: submitted,
    call: (u, id) => stack.as(u).post(`/plans/${id}/votes`).send({ vote: 'APPROVE' }),
    expect: onlyWith(TKKSD, 403, 409),
  },
  {
    name: 'POST /plans (for the agency in Kota Bogor)',
    plan: async () => '',
    call: (u) => stack.as(u).post('/plans').send(newPlanBody()),
    expect: (seat) => (seat === 'officer' ? 201 : 403),
  },
];

/** The seat whose success changes the plan acts last, so every refusal meets the same state. */
const order = (seats: DemoSeat[], expectation: Expectation) => [...seats].sort((a, b) => Number(expectation(a) < 300) - Number(expectation(b) < 300));

describe.each(rows)('$name', (row) => {
  it('answers every seat of both regions as the roles say, with a bilingual refusal', async () => {
    const planId = await row.plan();
    const seats = order([...DEMO_SEATS], row.expect);
    const results: string[] = [];
    const expected: string[] = [];
    for (const region of [OTHER, OWN]) {
      for (const seat of seats) {
        const username = demoUsername(seat, region);
        const response = await row.call(username, planId);
        results.push(`${username}:${response.status}`);
        // Every seat of the other region sees nothing of Kota Bogor's plans (and drafts none there).
        const want = region === OWN ? row.expect(seat) : row.name.startsWith('POST /plans (') ? 403 : 404;
        expected.push(`${username}:${want}`);
        if (response.status >= 400) {
          expect(response.body.message?.id).toEqual(expect.any(String));
          expect(response.body.message?.en).toEqual(expect.any(String));
        }
      }
    }
    expect(results).toEqual(expected);
  });
});

it('lists only what each seat may see', async () => {
  const mine = await createPlan(stack);
  const list = async (username: string) =>
    ((await stack.as(username).get('/plans').query({ pageSize: 100 }).expect(200)).body.items as Array<{ id: string }>).map((p) => p.id);
  expect(await list(demoUsername('officer', OWN))).toContain(mine);
  expect(await list(demoUsername('bappeda', OWN))).toContain(mine);
  expect(await list(demoUsername('officer2', OWN))).not.toContain(mine);
  for (const seat of DEMO_SEATS) expect(await list(demoUsername(seat, OTHER))).not.toContain(mine);
  await stack.http().get('/plans').expect(401);
});

it('shows the seats above a Pemda (province reviewer, ministry reviewer, calendar keeper) no plan: they read reports', async () => {
  const planId = await createPlan(stack);
  for (const username of ['reviewer.jabar', 'reviewer.kemendagri', 'kalender.kemendagri']) {
    await stack.as(username).get(`/plans/${planId}`).expect(404);
    const listed = (await stack.as(username).get('/plans').query({ pageSize: 100 }).expect(200)).body.items as Array<{ id: string }>;
    expect([username, listed.map((p) => p.id)]).toEqual([username, []]);
    await stack.as(username).post(`/plans/${planId}/task/claim`).send({}).expect(404);
  }
});
