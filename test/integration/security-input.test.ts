// Issue 14, finding 4: no request, anonymous or not, makes the API answer 5xx. Each
// attack that made it fail is replayed here and must get a 4xx in the error body shape.
import { DEMO_PASSWORD } from '../../prisma/seed/demo-users';
import { newPlanBody } from '../support/plan-fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const bilingual = { id: expect.any(String), en: expect.any(String) };

/** A deeply nested JSON array: about 10 kB is enough to reach a few thousand levels. */
const deepJson = (depth: number) => `{"username":${'['.repeat(depth)}${']'.repeat(depth)},"password":"x"}`;

describe('request bodies the parser refuses', () => {
  it('answers a body over the size limit 413, bilingual, before logging in', async () => {
    const big = JSON.stringify({ username: 'a'.repeat(200_000), password: 'x' });
    const response = await stack.http().post('/auth/login').set('Content-Type', 'application/json').send(big);
    expect(response.status).toBe(413);
    expect(response.body).toEqual({ statusCode: 413, code: 'PAYLOAD_TOO_LARGE', message: bilingual, violations: [] });
  });

  it('answers JSON nested thousands of levels deep 400', async () => {
    const response = await stack.http().post('/auth/login').set('Content-Type', 'application/json').send(deepJson(5000));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: bilingual });
    expect(response.body.violations[0]).toMatchObject({ reason: 'TOO_DEEP' });
  });

  it('answers malformed JSON 400 naming the parse error', async () => {
    const response = await stack.http().post('/auth/login').set('Content-Type', 'application/json').send('{"username": "a",');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED', message: bilingual });
    expect(response.body.violations[0]).toMatchObject({ field: 'body', reason: 'MALFORMED_JSON' });
  });
});

describe('bodies the parser cannot read', () => {
  it('answers a charset it does not read 415, bilingual', async () => {
    const response = await stack.http().post('/auth/login').set('Content-Type', 'application/json; charset=iso-8859-1').send('{"username":"a","password":"b"}');
    expect(response.status).toBe(415);
    expect(response.body).toEqual({ statusCode: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: bilingual, violations: [] });
  });

  it('answers a body that claims to be gzip and is not 4xx', async () => {
    const response = await stack.http().post('/auth/login').set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('not gzip at all');
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect(response.body).toMatchObject({ statusCode: response.status, message: bilingual });
  });
});

describe('strings PostgreSQL cannot store', () => {
  const NUL = 'a\u0000b';
  const LONE_SURROGATE = 'a\ud800b';

  it.each([
    ['NUL byte', NUL],
    ['lone surrogate', LONE_SURROGATE],
  ])('refuses a %s in the login name, naming the field', async (_name, value) => {
    const response = await stack.http().post('/auth/login').send({ username: value, password: DEMO_PASSWORD });
    expect(response.status).toBe(400);
    expect(response.body.violations).toEqual([{ field: 'username', reason: 'INVALID_CHARACTERS', message: bilingual }]);
  });

  it.each([
    ['NUL byte', NUL],
    ['lone surrogate', LONE_SURROGATE],
  ])('refuses a %s in a plan title and a comment, and stores nothing', async (_name, value) => {
    const officer = stack.as('officer.kotabogor');
    const before = await stack.database.prisma.cooperationPlan.count();
    const created = await officer.post('/plans').send({ ...newPlanBody(), title: value });
    expect(created.status).toBe(400);
    expect(created.body.violations).toEqual([{ field: 'title', reason: 'INVALID_CHARACTERS', message: bilingual }]);
    expect(await stack.database.prisma.cooperationPlan.count()).toBe(before);

    const plan = (await officer.post('/plans').send(newPlanBody()).expect(201)).body.id as string;
    const commented = await officer.post(`/plans/${plan}/comments`).send({ body: value });
    expect(commented.status).toBe(400);
    expect(commented.body.violations).toEqual([{ field: 'body', reason: 'INVALID_CHARACTERS', message: bilingual }]);
    expect(await stack.database.prisma.planComment.count({ where: { planId: plan } })).toBe(0);
  });

  it('refuses a NUL byte in a search, naming the parameter', async () => {
    const searched = await stack.as('officer.kotabogor').get('/plans?q=a%00b');
    expect(searched.status).toBe(400);
    expect(searched.body.violations).toEqual([{ field: 'q', reason: 'INVALID_CHARACTERS', message: bilingual }]);
  });

  it('reads a surrogate encoded in a search (not valid UTF-8) as plain text, not a failure', async () => {
    // A URL cannot carry a lone surrogate: its UTF-8 bytes do not decode, so the text stays encoded.
    const searched = await stack.as('officer.kotabogor').get('/plans?q=a%ED%A0%80b');
    expect(searched.status).toBe(200);
  });

  it('refuses a NUL byte in a path parameter, naming it', async () => {
    const response = await stack.as('officer.kotabogor').get('/plans/a%00b');
    expect(response.status).toBe(400);
    expect(response.body.violations).toEqual([{ field: 'id', reason: 'INVALID_CHARACTERS', message: bilingual }]);
  });

  it('names a nested field by its path', async () => {
    const body = newPlanBody();
    const response = await stack
      .as('officer.kotabogor')
      .post('/plans')
      .send({ ...body, partners: [{ ...(body.partners as object[])[0], name: 'x\u0000' }] });
    expect(response.status).toBe(400);
    expect(response.body.violations).toEqual([{ field: 'partners[0].name', reason: 'INVALID_CHARACTERS', message: bilingual }]);
  });
});

describe('static files', () => {
  it('answers an unknown path under /app/assets/ 404', async () => {
    const response = await stack.http().get('/app/assets/no-such-file-0123.js');
    expect(response.status).toBe(404);
  });
});
