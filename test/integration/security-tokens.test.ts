// Issue 14, finding 2: tokens could not be revoked. An old token outlived a password
// reset, came back after a deactivation and reactivation, there was no logout, and a
// signed token without an expiry was accepted. Each is replayed here.
import { JwtService } from '@nestjs/jwt';
import type { INestApplication } from '@nestjs/common';
import pino from 'pino';
import request from 'supertest';
import { createApiApplication } from '../../apps/api/src/api-application';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../apps/api/src/services/access-token.service';
import { databaseOver } from '../../persistence';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-users';
import { createTestUser, login, type TestUser } from '../support/auth';
import { TEST_JWT_SECRET, startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
/** A second API process over the same database, as in a deployment with several. */
let otherProcess: INestApplication;

beforeAll(async () => {
  stack = await startTestStack();
  otherProcess = await createApiApplication({
    config: stack.config,
    database: databaseOver(stack.database.prisma),
    temporal: stack.temporal,
    logger: pino({ level: 'silent' }),
  });
  await otherProcess.init();
});
afterAll(async () => {
  await otherProcess?.close();
  await stack?.stop();
});

const admin = () => stack.as('admin.kotabogor');
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const me = (token: string, app: 'this' | 'other' = 'this') =>
  (app === 'this' ? stack.http() : request(otherProcess.getHttpServer())).get('/auth/me').set(bearer(token));

let serial = 0;
async function newUser(grants: TestUser['grants'] = [{ role: 'BAPPEDA', regionCode: '32.71' }]): Promise<{ id: string; username: string; token: string }> {
  const username = `sesi${++serial}.kotabogor`;
  const id = await createTestUser(stack.database.prisma, { username, grants });
  return { id, username, token: await login(stack, username) };
}

describe('ending tokens', () => {
  it('ends the old token when an admin resets the password', async () => {
    const user = await newUser();
    await me(user.token).expect(200);
    await admin().patch(`/admin/users/${user.id}`).send({ password: 'sepeda-di-pasar-pagi' }).expect(200);
    await me(user.token).expect(401);
    await me(user.token, 'other').expect(401);
    await login(stack, user.username, 'sepeda-di-pasar-pagi');
  });

  it('keeps the old token dead after a deactivation and a reactivation', async () => {
    const user = await newUser();
    await admin().patch(`/admin/users/${user.id}`).send({ active: false }).expect(200);
    await me(user.token).expect(401);
    await admin().patch(`/admin/users/${user.id}`).send({ active: true }).expect(200);
    await me(user.token).expect(401);
    await me(user.token, 'other').expect(401);
    await me(await login(stack, user.username)).expect(200);
  });

  it('ends every token of the user on POST /auth/logout, on every API process at once', async () => {
    const user = await newUser();
    const second = await login(stack, user.username);
    await me(second, 'other').expect(200);
    await stack.http().post('/auth/logout').set(bearer(user.token)).expect(204);
    for (const token of [user.token, second]) {
      await me(token).expect(401);
      await me(token, 'other').expect(401);
    }
    await stack.http().post('/auth/logout').set(bearer(user.token)).expect(401);
    await me(await login(stack, user.username)).expect(200);
  });

  it('ends the tokens when a removed role empties the account, not while roles remain', async () => {
    const user = await newUser([
      { role: 'BAPPEDA', regionCode: '32.71' },
      { role: 'TAPD', regionCode: '32.71' },
    ]);
    const grants = (await stack.database.prisma.userRoleGrant.findMany({ where: { userId: user.id }, orderBy: { role: 'asc' } })).map((g) => g.id);
    await admin().delete(`/admin/users/${user.id}/grants/${grants[0]}`).expect(204);
    await me(user.token).expect(200);
    await admin().delete(`/admin/users/${user.id}/grants/${grants[1]}`).expect(204);
    await me(user.token).expect(401);
    await me(user.token, 'other').expect(401);
  });

  it('lets a user change their own password with the current one, ending the old tokens and answering a new one', async () => {
    const user = await newUser();
    const other = await login(stack, user.username);
    const wrong = await stack.http().post('/auth/password').set(bearer(user.token)).send({ currentPassword: 'bukan-ini', newPassword: 'sepeda-di-pasar-pagi' });
    expect(wrong.status).toBe(400);
    expect(wrong.body.violations).toEqual([expect.objectContaining({ field: 'currentPassword', reason: 'WRONG_PASSWORD' })]);
    const weak = await stack.http().post('/auth/password').set(bearer(user.token)).send({ currentPassword: DEMO_PASSWORD, newPassword: '1234567890' });
    expect(weak.status).toBe(400);
    expect(weak.body.violations).toEqual([expect.objectContaining({ field: 'newPassword', reason: 'TOO_GUESSABLE' })]);
    await me(user.token).expect(200);

    const changed = await stack
      .http()
      .post('/auth/password')
      .set(bearer(user.token))
      .send({ currentPassword: DEMO_PASSWORD, newPassword: 'sepeda-di-pasar-pagi' })
      .expect(200);
    await me(changed.body.accessToken as string).expect(200);
    await me(user.token).expect(401);
    await me(other, 'other').expect(401);
  });
});

describe('tokens that were never good', () => {
  const jwt = new JwtService({ secret: TEST_JWT_SECRET });

  it('refuses a correctly signed token without an expiry', async () => {
    const user = await newUser();
    const forever = jwt.sign({ ver: 0 }, { subject: user.id, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE });
    expect(jwt.decode<Record<string, unknown>>(forever)).not.toHaveProperty('exp');
    await me(forever).expect(401);
    // The same token with an expiry passes: only the missing expiry was refused.
    await me(jwt.sign({ ver: 0 }, { subject: user.id, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 60 })).expect(200);
  });

  it('refuses a token without a version, as issued before versions existed', async () => {
    const user = await newUser();
    await me(jwt.sign({}, { subject: user.id, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, expiresIn: 60 })).expect(401);
  });
});
