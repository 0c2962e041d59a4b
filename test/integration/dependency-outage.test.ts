// Issue 13: while PostgreSQL or Temporal cannot be reached, the API answers 503 with
// Retry-After and a bilingual message (login included), never 500; reads need only
// PostgreSQL; the health routes split liveness from readiness and keep the probe details
// (which name hosts and ports) for administrators. The unreachable dependencies are free
// ports nothing listens on.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import request from 'supertest';
import { createApiApplication } from '../../apps/api/src/api-application';
import { databaseOver, openDatabase, type Database } from '../../persistence';
import { loadConfig } from '../../platform/config';
import { connectTemporalClient } from '../../platform/temporal-connection';
import { login } from '../support/auth';
import { findFreePort } from '../support/free-port';
import { OFFICER, createPlan, planAt } from '../support/plan-journey';
import { TEST_JWT_SECRET, startTestStack, type TestStack } from '../support/test-stack';

const ADMIN = 'admin.kotabogor';

/** The API as `npm run start:api` builds it, over the given database and Temporal address. */
async function apiOver(database: Database, databaseUrl: string, temporalAddress: string, attachmentsDir: string) {
  const config = loadConfig({
    DATABASE_URL: databaseUrl,
    TEMPORAL_ADDRESS: temporalAddress,
    JWT_SECRET: TEST_JWT_SECRET,
    LOG_LEVEL: 'silent',
    ATTACHMENTS_DIR: attachmentsDir,
  });
  const temporal = connectTemporalClient(config);
  const app = await createApiApplication({ config, database, temporal, logger: pino({ level: 'silent' }) });
  await app.init();
  return { app, close: () => app.close().then(() => temporal.connection.close()) };
}

function expectOutage(response: request.Response, code: string): void {
  expect({ status: response.status, code: response.body.code }).toEqual({ status: 503, code });
  expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
  expect(response.body.message).toEqual({ id: expect.stringMatching(/\S/), en: expect.stringMatching(/\S/) });
}

let attachmentsDir: string;
beforeAll(async () => {
  attachmentsDir = await mkdtemp(path.join(tmpdir(), 'jalin-outage-'));
});
afterAll(async () => {
  await rm(attachmentsDir, { recursive: true, force: true });
});

describe('with neither PostgreSQL nor Temporal reachable', () => {
  let api: Awaited<ReturnType<typeof apiOver>>;
  let app: INestApplication;
  let database: Database;
  let databasePort: number;
  beforeAll(async () => {
    databasePort = await findFreePort();
    const url = `postgresql://jalin:jalin@127.0.0.1:${databasePort}/jalin`;
    database = openDatabase({ url, poolMax: 1 });
    api = await apiOver(database, url, `127.0.0.1:${await findFreePort()}`, attachmentsDir);
    app = api.app;
  });
  afterAll(async () => {
    await api?.close();
    await database?.close();
  });

  it('answers a login 503 with Retry-After and a bilingual message', async () => {
    const response = await request(app.getHttpServer()).post('/auth/login').send({ username: OFFICER, password: 'whatever-it-is' });
    expectOutage(response, 'DATABASE_UNAVAILABLE');
  });

  it('is alive but not ready, and says so without error text, host or port', async () => {
    await request(app.getHttpServer()).get('/health/live').expect(200, { status: 'ok' });
    for (const route of ['/health', '/health/ready']) {
      const response = await request(app.getHttpServer()).get(route).expect(503);
      expect(response.body).toEqual({ status: 'unavailable', database: { up: false }, temporal: { up: false } });
      expect(response.text).not.toContain(String(databasePort));
    }
  });
});

describe('with PostgreSQL up and Temporal unreachable', () => {
  let stack: TestStack;
  let api: Awaited<ReturnType<typeof apiOver>>;
  let app: INestApplication;
  const as = async (username: string) => {
    const token = await login({ http: () => request(app.getHttpServer()) }, username);
    return (method: 'get' | 'post', url: string) => request(app.getHttpServer())[method](url).set('Authorization', `Bearer ${token}`);
  };
  beforeAll(async () => {
    stack = await startTestStack();
    api = await apiOver(databaseOver(stack.database.prisma), stack.database.url, `127.0.0.1:${await findFreePort()}`, attachmentsDir);
    app = api.app;
  });
  afterAll(async () => {
    await api?.close();
    await stack?.stop();
  });

  it('refuses a submission with 503 and changes nothing, while reads answer from PostgreSQL', async () => {
    const underReview = await planAt(stack, 'VERIFICATION');
    const draft = await createPlan(stack);
    const officer = await as(OFFICER);

    expectOutage(await officer('post', `/plans/${draft}/submit`), 'WORKFLOW_ENGINE_UNAVAILABLE');
    expect((await stack.database.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: draft } })).stage).toBe('DRAFT');

    const page = await officer('get', `/plans/${underReview}`).expect(200);
    expect(page.body).toMatchObject({ stage: 'VERIFICATION', liveStage: 'VERIFICATION', task: { stage: 'VERIFICATION' } });
    await officer('get', '/plans').expect(200);
  });

  it('shows the probe details to an administrator only', async () => {
    await (await as(OFFICER))('get', '/health/details').expect(403);
    const details = await (await as(ADMIN))('get', '/health/details').expect(503);
    expect(details.body).toMatchObject({ status: 'unavailable', database: { up: true }, temporal: { up: false, error: expect.stringMatching(/\S/) } });
  });
});
