// The authorization matrix of reporting upward (issue 18): every /reporting and /reports
// endpoint × every seat — both Bogor regions' demo seats, Jawa Barat's reviewer and
// governor, another province's reviewer, the ministry's reviewer and the national
// calendar keeper — and no login at all. The expected statuses are written out from the
// domain brief's line of reporting, not derived from the policy code under test: a
// region's seats read their own region's report, a province reviewer its province's, the
// ministry all; the secretariat compiles and submits, the head of region signs off, the
// tier above decides; the keeper sets the date. A seat that may not read a report gets
// 404 (as for plans); one that reads it but may not take the step, 403.
import { DEMO_REGIONS, DEMO_SEATS, demoUsername, type DemoSeat } from '../../prisma/seed/demo-users';
import { reportingDeadlineWorkflowId } from '../../workflows/reporting-deadline/definitions';
import { createTestUser } from '../support/auth';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

let stack: TestStack;
const [KOTA_BOGOR, KAB_BOGOR] = DEMO_REGIONS;
const KOTA = KOTA_BOGOR.code;
const JABAR = '32';
/** Years whose deadline check a row starts: stopped at the end. */
const CHECKED_YEARS = [2091, 2092];

beforeAll(async () => {
  stack = await startTestStack();
  const prisma = stack.database.prisma;
  await createTestUser(prisma, { username: 'reviewer.jateng', grants: [{ role: 'PROVINCE_REVIEWER', regionCode: '33' }] });
  await createTestUser(prisma, { username: 'gubernur.jabar', grants: [{ role: 'HEAD_OF_REGION', regionCode: JABAR }] });
});
afterAll(async () => {
  for (const year of CHECKED_YEARS) {
    await stack?.temporal.workflow
      .getHandle(reportingDeadlineWorkflowId(year, stack.config.TEMPORAL_WORKFLOW_ID_SCOPE))
      .terminate('test over')
      .catch(() => undefined);
  }
  await stack?.stop();
});

/** The region-wide seats of a Pemda (everyone but the agencies' officers). */
const REGION_WIDE: DemoSeat[] = ['sekretariat', 'bappeda', 'tkksd1', 'tkksd2', 'tkksd3', 'tapd', 'sekda', 'head', 'dprd', 'hukum', 'admin'];
const ABOVE = ['reviewer.jabar', 'gubernur.jabar', 'reviewer.jateng', 'reviewer.kemendagri', 'kalender.kemendagri'];
const SEATS = [...DEMO_REGIONS.flatMap((region) => DEMO_SEATS.map((seat) => demoUsername(seat, region))), ...ABOVE];

const inRegion = (username: string, region: (typeof DEMO_REGIONS)[number]) =>
  username.endsWith(`.${region.suffix}`) && DEMO_SEATS.some((seat) => demoUsername(seat, region) === username);
const regionWide = (username: string, region: (typeof DEMO_REGIONS)[number]) => REGION_WIDE.some((seat) => demoUsername(seat, region) === username);

/** Who reads Kota Bogor's report: its region-wide seats, Jawa Barat's reviewer, the ministry. */
const readsKota = (u: string) => regionWide(u, KOTA_BOGOR) || u === 'reviewer.jabar' || u === 'reviewer.kemendagri';
/** Who reads Jawa Barat's own report: its bureau (the province reviewer), its governor, the ministry. */
const readsJabar = (u: string) => u === 'reviewer.jabar' || u === 'gubernur.jabar' || u === 'reviewer.kemendagri';
/** Who reads a summary: anyone with a region-wide seat, a province reviewer, the ministry; not an officer, not the keeper. */
const readsSummary = (u: string) =>
  DEMO_REGIONS.some((region) => regionWide(u, region)) || ['reviewer.jabar', 'reviewer.jateng', 'reviewer.kemendagri', 'gubernur.jabar'].includes(u);

type Expectation = (username: string) => number;
const step =
  (reads: (u: string) => boolean, actor: string): Expectation =>
  (u) =>
    u === actor ? 200 : reads(u) ? 403 : 404;

type Call = (username: string) => Promise<{ status: number; body: { message?: { id?: string; en?: string } } }>;
interface Row {
  name: string;
  /** Brings the report of the row's year to the state the step needs. */
  setup?: (year: number) => Promise<void>;
  call: (username: string, year: number) => ReturnType<Call>;
  expect: Expectation;
}

const post = (u: string, path: string, body: Record<string, unknown> = {}) => stack.as(u).post(path).send(body);
const toState = async (year: number, steps: Array<[string, string, string?]>) => {
  for (const [user, action, region = KOTA] of steps) await post(user, `/reports/${region}/${year}/${action}`).expect(200);
};
const COMPILED: Array<[string, string]> = [['sekretariat.kotabogor', 'compile']];
const SIGNED: Array<[string, string]> = [...COMPILED, ['walikota.kotabogor', 'sign-off']];
const SUBMITTED: Array<[string, string]> = [...SIGNED, ['sekretariat.kotabogor', 'submit']];

const rows: Row[] = [
  {
    name: 'GET /reporting/summary',
    call: (u, y) => stack.as(u).get('/reporting/summary').query({ budgetYear: y }),
    expect: (u) => (readsSummary(u) ? 200 : 403),
  },
  {
    name: 'GET /reporting/summary/export.xlsx',
    call: (u, y) => stack.as(u).get('/reporting/summary/export.xlsx').query({ budgetYear: y }),
    expect: (u) => (readsSummary(u) ? 200 : 403),
  },
  {
    name: 'GET /reporting/summary/export.pdf',
    call: (u, y) => stack.as(u).get('/reporting/summary/export.pdf').query({ budgetYear: y }),
    expect: (u) => (readsSummary(u) ? 200 : 403),
  },
  // Everyone may ask; each gets only the reports waiting on them (checked below).
  { name: 'GET /reporting/inbox', call: (u) => stack.as(u).get('/reporting/inbox'), expect: () => 200 },
  { name: 'GET /reporting/deadlines/:budgetYear', call: (u, y) => stack.as(u).get(`/reporting/deadlines/${y}`), expect: () => 200 },
  {
    name: 'PUT /reporting/deadlines/:budgetYear',
    call: (u) => stack.as(u).put(`/reporting/deadlines/${CHECKED_YEARS[0]}`).send({ date: '2090-01-31' }),
    expect: (u) => (u === 'kalender.kemendagri' ? 200 : 403),
  },
  {
    name: 'POST /reporting/deadlines/:budgetYear/check',
    call: (u) => post(u, `/reporting/deadlines/${CHECKED_YEARS[1]}/check`),
    expect: (u) => (u === 'kalender.kemendagri' || u === 'reviewer.kemendagri' ? 200 : 403),
  },
  {
    name: 'GET /reports/32.71/:budgetYear',
    setup: (y) => toState(y, COMPILED),
    call: (u, y) => stack.as(u).get(`/reports/${KOTA}/${y}`),
    expect: (u) => (readsKota(u) ? 200 : 404),
  },
  {
    name: 'GET /reports/32.71/:budgetYear/revisions/1',
    setup: (y) => toState(y, COMPILED),
    call: (u, y) => stack.as(u).get(`/reports/${KOTA}/${y}/revisions/1`),
    expect: (u) => (readsKota(u) ? 200 : 404),
  },
  { name: 'GET /reports/32/:budgetYear', call: (u, y) => stack.as(u).get(`/reports/${JABAR}/${y}`), expect: (u) => (readsJabar(u) ? 200 : 404) },
  {
    name: 'POST /reports/32.71/:budgetYear/compile',
    call: (u, y) => post(u, `/reports/${KOTA}/${y}/compile`),
    expect: step(readsKota, 'sekretariat.kotabogor'),
  },
  {
    name: 'POST /reports/32.71/:budgetYear/sign-off',
    setup: (y) => toState(y, COMPILED),
    call: (u, y) => post(u, `/reports/${KOTA}/${y}/sign-off`),
    expect: step(readsKota, 'walikota.kotabogor'),
  },
  {
    name: 'POST /reports/32.71/:budgetYear/submit',
    setup: (y) => toState(y, SIGNED),
    call: (u, y) => post(u, `/reports/${KOTA}/${y}/submit`),
    expect: step(readsKota, 'sekretariat.kotabogor'),
  },
  {
    name: 'POST /reports/32.71/:budgetYear/accept',
    setup: (y) => toState(y, SUBMITTED),
    call: (u, y) => post(u, `/reports/${KOTA}/${y}/accept`),
    expect: step(readsKota, 'reviewer.jabar'),
  },
  {
    name: 'POST /reports/32.71/:budgetYear/return',
    setup: (y) => toState(y, SUBMITTED),
    call: (u, y) => post(u, `/reports/${KOTA}/${y}/return`, { comment: 'Lengkapi.' }),
    expect: step(readsKota, 'reviewer.jabar'),
  },
  { name: 'POST /reports/32/:budgetYear/compile', call: (u, y) => post(u, `/reports/${JABAR}/${y}/compile`), expect: step(readsJabar, 'reviewer.jabar') },
  {
    name: 'POST /reports/32/:budgetYear/sign-off',
    setup: (y) => toState(y, [['reviewer.jabar', 'compile', JABAR]]),
    call: (u, y) => post(u, `/reports/${JABAR}/${y}/sign-off`),
    expect: step(readsJabar, 'gubernur.jabar'),
  },
  {
    name: 'POST /reports/32/:budgetYear/accept',
    setup: (y) =>
      toState(y, [
        ['reviewer.jabar', 'compile', JABAR],
        ['gubernur.jabar', 'sign-off', JABAR],
        ['reviewer.jabar', 'submit', JABAR],
      ]),
    call: (u, y) => post(u, `/reports/${JABAR}/${y}/accept`),
    expect: step(readsJabar, 'reviewer.kemendagri'),
  },
];

/** The seat whose success changes the report acts last, so every refusal meets the same state. */
const order = (expectation: Expectation) => [...SEATS].sort((a, b) => Number(expectation(a) < 300) - Number(expectation(b) < 300));

describe.each(rows.map((row, index) => ({ ...row, year: 2060 + index })))('$name', (row) => {
  it('answers every seat as its place in the reporting line says, with a bilingual refusal', async () => {
    await row.setup?.(row.year);
    const results: string[] = [];
    const expected: string[] = [];
    for (const username of order(row.expect)) {
      const response = await row.call(username, row.year);
      results.push(`${username}:${response.status}`);
      expected.push(`${username}:${row.expect(username)}`);
      if (response.status >= 400) {
        expect(response.body.message?.id).toEqual(expect.any(String));
        expect(response.body.message?.en).toEqual(expect.any(String));
      }
    }
    expect(results).toEqual(expected);
    // And nobody without a login.
    expect((await stack.http().get('/reporting/inbox')).status).toBe(401);
  });
});

it('scopes what each seat is shown: the inbox, the summary’s regions', async () => {
  const year = 2090;
  await toState(year, SUBMITTED);
  const inbox = async (u: string) =>
    ((await stack.as(u).get('/reporting/inbox').expect(200)).body as Array<{ regionCode: string; budgetYear: number }>).filter((r) => r.budgetYear === year);
  const waiting: Array<[string, string[]]> = [];
  for (const u of SEATS) waiting.push([u, (await inbox(u)).map((r) => r.regionCode)]);
  expect(waiting).toEqual(SEATS.map((u) => [u, u === 'reviewer.jabar' ? [KOTA] : []]));

  const regions = async (u: string) =>
    ((await stack.as(u).get('/reporting/summary').query({ budgetYear: year }).expect(200)).body.regions as Array<{ code: string }>).map((r) => r.code);
  for (const u of SEATS.filter(readsSummary)) {
    const seen = await regions(u);
    if (u === 'reviewer.kemendagri') expect(seen).toHaveLength(552);
    else if (u === 'reviewer.jabar') expect([u, seen.length, seen.every((c) => c === JABAR || c.startsWith(`${JABAR}.`))]).toEqual([u, 28, true]);
    else if (u === 'reviewer.jateng') expect([u, seen.includes(KOTA), seen.every((c) => c === '33' || c.startsWith('33.'))]).toEqual([u, false, true]);
    else if (u === 'gubernur.jabar') expect([u, seen]).toEqual([u, [JABAR]]);
    else expect([u, seen]).toEqual([u, [inRegion(u, KOTA_BOGOR) ? KOTA : KAB_BOGOR.code]]);
  }
});

it('offers each reading seat exactly the steps the matrix above lets it take (allowedActions)', async () => {
  const year = 2093;
  const offered = async () => {
    const seen: Array<[string, string[]]> = [];
    for (const u of SEATS.filter(readsKota)) seen.push([u, (await stack.as(u).get(`/reports/${KOTA}/${year}`).expect(200)).body.allowedActions]);
    return seen;
  };
  // A step is answered before the read model shows it.
  const settled = (status: string) =>
    waitFor(
      `the report ${status}`,
      async () =>
        (await stack.database.prisma.mappingReport.findUnique({ where: { regionCode_budgetYear: { regionCode: KOTA, budgetYear: year } } }))?.status === status,
    );
  const only = (who: string, actions: string[]) => SEATS.filter(readsKota).map((u) => [u, u === who ? actions : []]);
  expect(await offered()).toEqual(only('sekretariat.kotabogor', ['COMPILE']));
  await toState(year, COMPILED);
  await settled('DRAFTING');
  // Drafting: the secretariat may compile again, the head sign off.
  expect(await offered()).toEqual(
    SEATS.filter(readsKota).map((u) => [u, u === 'sekretariat.kotabogor' ? ['COMPILE'] : u === 'walikota.kotabogor' ? ['SIGN_OFF'] : []]),
  );
  await toState(year, [['walikota.kotabogor', 'sign-off']]);
  await settled('SIGNED');
  expect(await offered()).toEqual(only('sekretariat.kotabogor', ['COMPILE', 'SUBMIT']));
  await toState(year, [['sekretariat.kotabogor', 'submit']]);
  await settled('SUBMITTED');
  expect(await offered()).toEqual(only('reviewer.jabar', ['ACCEPT', 'RETURN']));
});
