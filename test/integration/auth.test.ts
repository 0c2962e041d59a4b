// Issue 4, identity and access over HTTP: logging in, tokens, the global guard, user and
// grant administration, and who may use the reference, attachment and mapping endpoints,
// checked for every demo role in its own region and in the other one.
import { randomUUID } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Response, Test } from 'supertest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../../apps/api/src/services/access-token.service';
import { DEMO_PASSWORD, DEMO_REGIONS, DEMO_SEATS, demoUsername, type DemoRegion, type DemoSeat } from '../../prisma/seed/demo-users';
import { createTestUser, login, type AuthenticatedAgent } from '../support/auth';
import { newPlanBody } from '../support/plan-fixtures';
import { TEST_JWT_SECRET, startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

const KOTA = DEMO_REGIONS[0]; // Kota Bogor, 32.71
const KAB = DEMO_REGIONS[1]; // Kabupaten Bogor, 32.01
const bilingual = { id: expect.any(String), en: expect.any(String) };
const WRONG_LOGIN = { id: 'Nama pengguna atau kata sandi salah.', en: 'The username or password is wrong.' };
const SESSION_INVALID = {
  id: 'Sesi Anda tidak berlaku atau telah berakhir. Silakan masuk kembali.',
  en: 'Your session is not valid or has expired. Please log in again.',
};

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
const userIdOf = async (username: string) => (await stack.database.prisma.user.findUniqueOrThrow({ where: { username } })).id;

/** No password hash, nor anything that looks like one, in what the API answers. */
function expectNoSecrets(response: Response): void {
  expect(response.text).not.toMatch(/passwordHash|\$argon2/);
}

/** A plan drafted by a region's environment officer (the agency of newPlanBody). */
async function createDraft(region: DemoRegion): Promise<string> {
  const overrides =
    region.code === KOTA.code ? {} : { regionCode: region.code, partners: [{ kind: 'REGION', name: 'Pemerintah Kota Bogor', regionCode: KOTA.code }] };
  // The creator is the login: a body naming one is refused.
  const { createdBy: _creator, ...body }: Record<string, unknown> = newPlanBody(overrides);
  const response = await stack.as(demoUsername('officer', region)).post('/plans').send(body).expect(201);
  return response.body.id as string;
}

describe('logging in', () => {
  it('answers a bearer token and the user with their grants, and never a password hash', async () => {
    const response = await stack.http().post('/auth/login').send({ username: 'officer.kotabogor', password: DEMO_PASSWORD }).expect(200);
    expect(response.body).toEqual({
      accessToken: expect.stringMatching(/^[\w-]+\.[\w-]+\.[\w-]+$/),
      tokenType: 'Bearer',
      expiresIn: 8 * 3600,
      user: {
        id: await userIdOf('officer.kotabogor'),
        username: 'officer.kotabogor',
        displayName: 'Siti Rahmawati',
        grants: [{ role: 'OFFICER', regionCode: '32.71', agency: 'Dinas Lingkungan Hidup' }],
      },
    });
    expectNoSecrets(response);
  });

  it('gives the Sekda both the SEKDA and the TKKSD member role, neither with an agency', async () => {
    const response = await stack.http().post('/auth/login').send({ username: 'sekda.kabbogor', password: DEMO_PASSWORD }).expect(200);
    // In the order the roles take in the process (the database enum's order).
    expect(response.body.user.grants).toEqual([
      { role: 'TKKSD_MEMBER', regionCode: '32.01' },
      { role: 'SEKDA', regionCode: '32.01' },
    ]);
  });

  it('reads the username whatever its case and surrounding spaces', async () => {
    await stack.http().post('/auth/login').send({ username: '  Bupati.KabBogor ', password: DEMO_PASSWORD }).expect(200);
  });

  it('answers a wrong password, an unknown user and an inactive user alike: 401, one message', async () => {
    await createTestUser(stack.database.prisma, { username: 'pensiun.kotabogor', active: false, grants: [{ role: 'BAPPEDA', regionCode: '32.71' }] });
    const attempts = [
      { username: 'officer.kotabogor', password: 'bukan-kata-sandinya' },
      { username: 'tidak.ada.kotabogor', password: DEMO_PASSWORD },
      { username: 'pensiun.kotabogor', password: DEMO_PASSWORD },
    ];
    for (const attempt of attempts) {
      const response = await stack.http().post('/auth/login').send(attempt).expect(401);
      expect(response.body).toEqual({ statusCode: 401, code: 'UNAUTHENTICATED', message: WRONG_LOGIN, violations: [] });
      expect(response.headers['www-authenticate']).toBe('Bearer realm="jalin"');
    }
  });

  it('refuses a body without a password with 400, naming the field', async () => {
    const response = await stack.http().post('/auth/login').send({ username: 'officer.kotabogor' }).expect(400);
    expect(response.body.violations).toEqual([{ field: 'password', reason: 'IS_DEFINED', message: bilingual }]);
  });
});

describe('tokens', () => {
  it('answers GET /auth/me with the user the token names', async () => {
    const response = await stack.as('sekretariat.kotabogor').get('/auth/me').expect(200);
    expect(response.body).toEqual({
      id: await userIdOf('sekretariat.kotabogor'),
      username: 'sekretariat.kotabogor',
      displayName: 'Dewi Lestari, S.H.',
      grants: [{ role: 'SECRETARIAT', regionCode: '32.71' }],
    });
  });

  it('answers 401 without a token, and for a malformed, forged or expired one', async () => {
    const noToken = await stack.http().get('/auth/me').expect(401);
    expect(noToken.body).toMatchObject({ code: 'UNAUTHENTICATED', message: bilingual });
    expect(noToken.headers['www-authenticate']).toBe('Bearer realm="jalin"');

    const subject = await userIdOf('admin.kotabogor');
    const claims = { subject, issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE };
    const now = Math.floor(Date.now() / 1000);
    const expired = new JwtService({ secret: TEST_JWT_SECRET }).sign({ iat: now - 3600, exp: now - 1 }, claims);
    const forged = new JwtService({ secret: 'a-secret-that-is-not-the-servers-0123456789' }).sign({}, { ...claims, expiresIn: 600 });
    for (const header of [`Bearer ${expired}`, `Bearer ${forged}`, 'Bearer not.a.token', `Token ${expired}`]) {
      const response = await stack.http().get('/auth/me').set('Authorization', header).expect(401);
      expect(response.body.message).toEqual(header.startsWith('Token') ? bilingual : SESSION_INVALID);
    }
    // The same claims, unexpired, with the user's token version and signed with the server's secret, pass: it was only the expiry.
    const fresh = new JwtService({ secret: TEST_JWT_SECRET }).sign({ ver: 0 }, { ...claims, expiresIn: 600 });
    await stack.http().get('/auth/me').set(bearer(fresh)).expect(200);
  });

  it('loses a revoked role at once, with the token it already holds', async () => {
    await createTestUser(stack.database.prisma, {
      username: 'pindah.kotabogor',
      grants: [
        { role: 'BAPPEDA', regionCode: '32.71' },
        { role: 'BAPPEDA', regionCode: '32.01' },
      ],
    });
    const token = await login(stack, 'pindah.kotabogor');
    await stack.http().get('/mappings/32.71/2027').set(bearer(token)).expect(200);

    const userId = await userIdOf('pindah.kotabogor');
    const grants: Array<{ id: string }> = (await stack.as('admin.kotabogor').get('/admin/users').expect(200)).body.find(
      (u: { id: string }) => u.id === userId,
    ).grants;
    // The admin sees only the grant in their own region.
    const [bappeda] = grants;
    await stack.as('admin.kotabogor').delete(`/admin/users/${userId}/grants/${bappeda.id}`).expect(204);

    await stack.http().get('/mappings/32.71/2027').set(bearer(token)).expect(403);
    expect((await stack.http().get('/auth/me').set(bearer(token)).expect(200)).body.grants).toEqual([{ role: 'BAPPEDA', regionCode: '32.01' }]);
  });

  it('shuts out a deactivated user at once, and lets them log in again (not use the old token) once reactivated', async () => {
    const userId = await createTestUser(stack.database.prisma, { username: 'cuti.kotabogor', grants: [{ role: 'TAPD', regionCode: '32.71' }] });
    const token = await login(stack, 'cuti.kotabogor');
    await stack.as('admin.kotabogor').patch(`/admin/users/${userId}`).send({ active: false }).expect(200);

    const refused = await stack.http().get('/auth/me').set(bearer(token)).expect(401);
    expect(refused.body.message).toEqual(SESSION_INVALID);
    const relogin = await stack.http().post('/auth/login').send({ username: 'cuti.kotabogor', password: DEMO_PASSWORD }).expect(401);
    expect(relogin.body.message).toEqual(WRONG_LOGIN);

    await stack.as('admin.kotabogor').patch(`/admin/users/${userId}`).send({ active: true }).expect(200);
    await stack.http().get('/auth/me').set(bearer(token)).expect(401);
    await stack
      .http()
      .get('/auth/me')
      .set(bearer(await login(stack, 'cuti.kotabogor')))
      .expect(200);
  });
});

describe('what needs no token', () => {
  it('serves /health and the API documentation without a token, and documents bearer auth', async () => {
    await stack.http().get('/health').expect(200);
    await stack.http().get('/docs').expect(200);
    const { body } = await stack.http().get('/docs/json').expect(200);
    expect(body.components.securitySchemes).toEqual({ bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' } });
    // Required by the whole document; the public routes lift it with an empty requirement.
    expect(body.security).toEqual([{ bearer: [] }]);
    expect(body.paths['/reference/regions'].get.security).toBeUndefined();
    expect(body.paths['/admin/users'].get.security).toBeUndefined();
    expect(body.paths['/auth/login'].post.security).toEqual([]);
    expect(body.paths['/health'].get.security).toEqual([]);
  });

  it('answers 401 on every other documented route when no token is sent', async () => {
    const { body } = await stack.http().get('/docs/json').expect(200);
    const values: Record<string, string> = { regionCode: '32.71', neighbourCode: '32.01', code: '32.71', budgetYear: '2027' };
    const publicRoutes = ['GET /health', 'GET /health/live', 'GET /health/ready', 'POST /auth/login'];
    const checked: string[] = [];
    for (const [template, operations] of Object.entries(body.paths as Record<string, Record<string, unknown>>)) {
      const path = template.replace(/\{(\w+)\}/g, (_, name: string) => values[name] ?? randomUUID());
      for (const method of Object.keys(operations)) {
        const route = `${method.toUpperCase()} ${template}`;
        if (publicRoutes.includes(route)) continue;
        const response = await stack.http()[method as 'get' | 'post' | 'patch' | 'put' | 'delete'](path);
        expect({ route, status: response.status }).toEqual({ route, status: 401 });
        checked.push(route);
      }
    }
    // The guard is global: the plans' routes are covered as much as this issue's.
    expect(checked).toEqual(expect.arrayContaining(['GET /admin/users', 'POST /plans', 'GET /mappings/{regionCode}/{budgetYear}']));
  });
});

describe('administering users', () => {
  const admin = () => stack.as('admin.kotabogor');

  it('creates a user with a password of at least 10 characters, refusing a taken username with 409', async () => {
    const created = await admin()
      .post('/admin/users')
      .send({ username: 'Rina.Kusuma', displayName: ' Rina Kusuma, S.E. ', email: 'rina.kusuma@kotabogor.go.id', password: 'sepuluh-karakter' })
      .expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      username: 'rina.kusuma',
      displayName: 'Rina Kusuma, S.E.',
      email: 'rina.kusuma@kotabogor.go.id',
      active: true,
      // The creating admin's region: its admins alone may change the account.
      homeRegionCode: '32.71',
      createdAt: expect.any(String),
      updatedAt: expect.any(String),
      grants: [],
    });
    expectNoSecrets(created);
    // She may log in, and sees nothing yet: she has no role.
    await login(stack, 'rina.kusuma', 'sepuluh-karakter');

    for (const username of ['rina.kusuma', 'RINA.KUSUMA', 'officer.kabbogor']) {
      const taken = await admin().post('/admin/users').send({ username, displayName: 'X', password: 'sepuluh-karakter' }).expect(409);
      expect(taken.body).toMatchObject({
        code: 'USERNAME_TAKEN',
        message: bilingual,
        violations: [{ field: 'username', reason: 'TAKEN', message: bilingual }],
      });
    }
  });

  it('keeps one account per e-mail address, whatever its case, answering 409 EMAIL_TAKEN', async () => {
    // The demo users have addresses of their own, e.g. officer.kotabogor@jalin.test.
    const taken = await admin()
      .post('/admin/users')
      .send({ username: 'dua.alamat', displayName: 'Dua Alamat', email: 'Officer.KotaBogor@jalin.test', password: 'sepuluh-karakter' })
      .expect(409);
    expect(taken.body).toMatchObject({ code: 'EMAIL_TAKEN', message: bilingual, violations: [{ field: 'email', reason: 'TAKEN', message: bilingual }] });
    const { body: user } = await admin()
      .post('/admin/users')
      .send({ username: 'dua.alamat', displayName: 'Dua Alamat', email: ' Dua.Alamat@KotaBogor.go.id ', password: 'sepuluh-karakter' })
      .expect(201);
    expect(user.email).toBe('dua.alamat@kotabogor.go.id');
    await admin().patch(`/admin/users/${user.id}`).send({ email: 'sekda.kotabogor@jalin.test' }).expect(409);
    // Its own address again is no conflict.
    await admin().patch(`/admin/users/${user.id}`).send({ email: 'DUA.ALAMAT@kotabogor.go.id' }).expect(200);
  });

  const badUsers: Array<[string, Record<string, unknown>, string, string]> = [
    ['a password of 9 characters', { password: 'sembilan9' }, 'password', 'TOO_SHORT'],
    ['a username with spaces', { username: 'rina kusuma' }, 'username', 'MATCHES'],
    ['a username of 2 characters', { username: 'rk' }, 'username', 'MATCHES'],
    ['an e-mail address that is not one', { email: 'rina@' }, 'email', 'IS_EMAIL'],
    ['no display name', { displayName: undefined }, 'displayName', 'IS_DEFINED'],
    ['a role in the body', { role: 'ADMIN' }, 'role', 'WHITELIST_VALIDATION'],
  ];

  it.each(badUsers)('refuses %s with 400 naming the field, storing nothing', async (_, overrides, field, reason) => {
    const before = await stack.database.prisma.user.count();
    const body = { username: 'baru.kotabogor', displayName: 'Pengguna Baru', password: 'sepuluh-karakter', ...overrides };
    const response = await admin().post('/admin/users').send(body).expect(400);
    expect(response.body.violations).toContainEqual({ field, reason, message: bilingual });
    expect(await stack.database.prisma.user.count()).toBe(before);
  });

  it('grants roles in its own region only: an agency for an officer and for no one else, twice changing nothing', async () => {
    const { body: user } = await admin()
      .post('/admin/users')
      .send({ username: 'andi.dlh', displayName: 'Andi Wijaya', password: 'sepuluh-karakter' })
      .expect(201);
    const grants = `/admin/users/${user.id}/grants`;

    const noAgency = await admin().post(grants).send({ role: 'OFFICER', regionCode: '32.71' }).expect(400);
    expect(noAgency.body.violations).toEqual([{ field: 'agency', reason: 'REQUIRED', message: bilingual }]);
    const agencyForSecretariat = await admin().post(grants).send({ role: 'SECRETARIAT', regionCode: '32.71', agency: 'Setda' }).expect(400);
    expect(agencyForSecretariat.body.violations).toEqual([{ field: 'agency', reason: 'NOT_ALLOWED', message: bilingual }]);
    const badRole = await admin().post(grants).send({ role: 'MAYOR', regionCode: '32.71' }).expect(400);
    expect(badRole.body.violations).toEqual([expect.objectContaining({ field: 'role', reason: 'IS_IN' })]);

    const otherRegion = await admin().post(grants).send({ role: 'BAPPEDA', regionCode: '32.01' }).expect(403);
    expect(otherRegion.body).toMatchObject({ code: 'FORBIDDEN', message: { id: expect.stringContaining('32.01'), en: expect.stringContaining('32.01') } });
    await admin().post(`/admin/users/${randomUUID()}/grants`).send({ role: 'BAPPEDA', regionCode: '32.71' }).expect(404);

    const first = await admin().post(grants).send({ role: 'OFFICER', regionCode: '32.71', agency: ' Dinas Lingkungan Hidup ' }).expect(201);
    expect(first.body).toEqual({
      id: expect.any(String),
      role: 'OFFICER',
      regionCode: '32.71',
      agency: 'Dinas Lingkungan Hidup',
      createdAt: expect.any(String),
      createdBy: 'admin.kotabogor',
    });
    const again = await admin().post(grants).send({ role: 'OFFICER', regionCode: '32.71', agency: 'Dinas Lingkungan Hidup' }).expect(201);
    expect(again.body).toEqual(first.body);
    expect(await stack.database.prisma.userRoleGrant.count({ where: { userId: user.id } })).toBe(1);

    // The new officer drafts for the environment agency at once.
    const token = await login(stack, 'andi.dlh', 'sepuluh-karakter');
    const { createdBy: _creator, ...plan }: Record<string, unknown> = newPlanBody();
    await stack.http().post('/plans').set(bearer(token)).send(plan).expect(201);

    await admin().delete(`${grants}/${first.body.id}`).expect(204);
    await admin().delete(`${grants}/${first.body.id}`).expect(404);
    expect(await stack.database.prisma.userRoleGrant.count({ where: { userId: user.id } })).toBe(0);
  });

  it('lists the users of the regions it administers, with only their roles there', async () => {
    const both = await createTestUser(stack.database.prisma, {
      username: 'dua.wilayah',
      grants: [
        { role: 'BAPPEDA', regionCode: '32.71' },
        { role: 'BAPPEDA', regionCode: '32.01' },
      ],
    });
    const response = await admin().get('/admin/users').expect(200);
    expectNoSecrets(response);
    const usernames = response.body.map((u: { username: string }) => u.username);
    for (const seat of DEMO_SEATS) {
      expect(usernames).toContain(demoUsername(seat, KOTA));
      expect(usernames).not.toContain(demoUsername(seat, KAB));
    }
    expect(usernames).toEqual([...usernames].sort());
    const shared = response.body.find((u: { id: string }) => u.id === both);
    expect(shared.grants).toEqual([expect.objectContaining({ role: 'BAPPEDA', regionCode: '32.71' })]);

    const filtered = await admin().get('/admin/users').query({ regionCode: '32.71' }).expect(200);
    expect(filtered.body.length).toBe(response.body.length);

    // An account with no role (just created, or its last role revoked) is listed at once, so a role can be granted from the list.
    const fresh = await admin().post('/admin/users').send({ username: 'baru.tanpa.peran', displayName: 'Baru', password: 'sepuluh-karakter' }).expect(201);
    const listed = async () => (await admin().get('/admin/users').expect(200)).body.find((u: { id: string }) => u.id === fresh.body.id);
    expect(await listed()).toMatchObject({ username: 'baru.tanpa.peran', grants: [] });
    const granted = await admin().post(`/admin/users/${fresh.body.id}/grants`).send({ role: 'BAPPEDA', regionCode: '32.71' }).expect(201);
    await admin().delete(`/admin/users/${fresh.body.id}/grants/${granted.body.id}`).expect(204);
    expect(await listed()).toMatchObject({ grants: [] });
    // Its home is the creating admin's region: another region's admin sees neither it nor any of Kota Bogor's.
    const other = (await stack.as('admin.kabbogor').get('/admin/users').expect(200)).body.map((u: { username: string }) => u.username);
    expect(other).not.toContain('baru.tanpa.peran');
    expect(other).not.toContain('officer.kotabogor');
    await admin().get('/admin/users').query({ regionCode: '32.01' }).expect(403);
    await admin().get('/admin/users').query({ regionCode: 'Bogor' }).expect(400);
  });

  it('changes an account only for an admin of every region the user works in', async () => {
    const local = await createTestUser(stack.database.prisma, { username: 'lokal.kotabogor', grants: [{ role: 'TAPD', regionCode: '32.71' }] });
    const shared = await createTestUser(stack.database.prisma, {
      username: 'bersama.bogor',
      grants: [
        { role: 'TAPD', regionCode: '32.71' },
        { role: 'TAPD', regionCode: '32.01' },
      ],
    });

    const changed = await admin()
      .patch(`/admin/users/${local}`)
      .send({ displayName: 'Lokal Baru', email: 'lokal@kotabogor.go.id', password: 'kata-sandi-baru' })
      .expect(200);
    expect(changed.body).toMatchObject({ displayName: 'Lokal Baru', email: 'lokal@kotabogor.go.id', active: true });
    expectNoSecrets(changed);
    await login(stack, 'lokal.kotabogor', 'kata-sandi-baru');
    await stack.http().post('/auth/login').send({ username: 'lokal.kotabogor', password: DEMO_PASSWORD }).expect(401);
    expect((await admin().patch(`/admin/users/${local}`).send({ email: null }).expect(200)).body.email).toBeNull();

    const tooShort = await admin().patch(`/admin/users/${local}`).send({ password: 'pendek' }).expect(400);
    expect(tooShort.body.violations).toEqual([{ field: 'password', reason: 'TOO_SHORT', message: bilingual }]);

    // Shared with Kabupaten Bogor: Kota Bogor's admin alone may not take the account over.
    const refused = await admin().patch(`/admin/users/${shared}`).send({ password: 'ambil-alih-akun' }).expect(403);
    expect(refused.body.message.en).toContain('32.01');
    // Users only of the other region do not show at all.
    await stack.as('admin.kabbogor').patch(`/admin/users/${local}`).send({ active: false }).expect(404);
    await admin()
      .patch(`/admin/users/${await userIdOf('officer.kabbogor')}`)
      .send({ active: false })
      .expect(404);
    await admin().patch(`/admin/users/${randomUUID()}`).send({ active: false }).expect(404);
  });

  it('answers 403 to an admin of the other region removing a grant here', async () => {
    const userId = await userIdOf('tkksd3.kotabogor');
    const [grant] = await stack.database.prisma.userRoleGrant.findMany({ where: { userId } });
    const response = await stack.as('admin.kabbogor').delete(`/admin/users/${userId}/grants/${grant.id}`).expect(403);
    expect(response.body).toMatchObject({ code: 'FORBIDDEN', message: { id: expect.stringContaining('32.71'), en: expect.stringContaining('32.71') } });
    expect(await stack.database.prisma.userRoleGrant.count({ where: { id: grant.id } })).toBe(1);
    // A grant of another user answers as not found.
    await stack
      .as('admin.kabbogor')
      .delete(`/admin/users/${await userIdOf('admin.kabbogor')}/grants/${grant.id}`)
      .expect(404);
  });

  it('keeps an admin from locking themselves out', async () => {
    const self = await userIdOf('admin.kotabogor');
    const [adminGrant] = await stack.database.prisma.userRoleGrant.findMany({ where: { userId: self, role: 'ADMIN' } });
    const deactivate = await admin().patch(`/admin/users/${self}`).send({ active: false }).expect(409);
    expect(deactivate.body).toMatchObject({ code: 'WOULD_LOCK_OUT', message: bilingual });
    await admin().delete(`/admin/users/${self}/grants/${adminGrant.id}`).expect(409);
    await admin().get('/admin/users').expect(200);
  });

  it('answers 403 to every role but an admin', async () => {
    for (const seat of DEMO_SEATS.filter((s) => s !== 'admin')) {
      const agent = stack.as(demoUsername(seat, KOTA));
      await agent.get('/admin/users').expect(403);
      await agent.post('/admin/users').send({ username: 'penyusup', displayName: 'X', password: 'sepuluh-karakter' }).expect(403);
      await agent
        .patch(`/admin/users/${await userIdOf('officer.kotabogor')}`)
        .send({ active: false })
        .expect(403);
      await agent
        .post(`/admin/users/${await userIdOf('officer.kotabogor')}/grants`)
        .send({ role: 'ADMIN', regionCode: '32.71' })
        .expect(403);
    }
    expect(await stack.database.prisma.user.count({ where: { username: 'penyusup' } })).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------
// The authorization matrix of the reference, attachment and mapping endpoints: every
// endpoint, as every demo user (and no one), on a target in the user's own region and in
// the other demo region. Expected answers are written out per seat, not derived from the
// access policy, so a change of policy shows here as a changed table.

type Actor = DemoSeat | 'anonymous';
/** An answer per seat, with the one most seats get. */
type Outcome = { rest: number } & Partial<Record<Actor, number>>;

interface Target {
  region: DemoRegion;
  planId: string;
  attachmentId: string;
  /** A region bordering no one yet, to add and remove a border with. */
  borderPartner: string;
}

interface Row {
  endpoint: string;
  own: Outcome;
  other: Outcome;
  /** Runs before each request, e.g. to put back what a previous request removed. */
  prepare?: (target: Target) => Promise<Partial<Target>>;
  send: (agent: AuthenticatedAgent, target: Target) => Test;
}

const everyone = (status: number): Outcome => ({ rest: status });
const MAPPING_READERS: Outcome = { rest: 200, officer: 403, officer2: 403 };

const targets = new Map<string, Target>();

async function freshAttachment(target: Target): Promise<Partial<Target>> {
  const response = await stack
    .as(demoUsername('officer', target.region))
    .post(`/plans/${target.planId}/attachments`)
    .field('purpose', 'SUPPORTING_DOCUMENT')
    .attach('file', Buffer.from('%PDF-1.7\nlampiran'), { filename: 'lampiran.pdf', contentType: 'application/pdf' })
    .expect(201);
  return { attachmentId: response.body.id as string };
}

async function border(target: Target, present: boolean): Promise<Partial<Target>> {
  const [regionCode, neighbourCode] = [target.region.code, target.borderPartner].sort();
  if (present) await stack.database.prisma.regionBorder.createMany({ data: [{ regionCode, neighbourCode }], skipDuplicates: true });
  else await stack.database.prisma.regionBorder.deleteMany({ where: { regionCode, neighbourCode } });
  return {};
}

const MATRIX: Row[] = [
  { endpoint: 'GET /reference/regions', own: everyone(200), other: everyone(200), send: (a) => a.get('/reference/regions').query({ q: 'bogor' }) },
  { endpoint: 'GET /reference/regions/:code', own: everyone(200), other: everyone(200), send: (a, t) => a.get(`/reference/regions/${t.region.code}`) },
  {
    endpoint: 'GET /reference/regions/:code/neighbours',
    own: everyone(200),
    other: everyone(200),
    send: (a, t) => a.get(`/reference/regions/${t.region.code}/neighbours`),
  },
  { endpoint: 'GET /reference/government-affairs', own: everyone(200), other: everyone(200), send: (a) => a.get('/reference/government-affairs') },
  { endpoint: 'GET /reference/cooperation-types', own: everyone(200), other: everyone(200), send: (a) => a.get('/reference/cooperation-types') },
  { endpoint: 'GET /reference/enumerations', own: everyone(200), other: everyone(200), send: (a) => a.get('/reference/enumerations') },
  {
    endpoint: 'POST /reference/region-borders',
    own: { rest: 403, admin: 201 },
    other: everyone(403),
    prepare: (t) => border(t, false),
    send: (a, t) => a.post('/reference/region-borders').send({ regionCode: t.region.code, neighbourCode: t.borderPartner }),
  },
  {
    endpoint: 'DELETE /reference/region-borders/:regionCode/:neighbourCode',
    own: { rest: 403, admin: 204 },
    other: everyone(403),
    prepare: (t) => border(t, true),
    send: (a, t) => a.delete(`/reference/region-borders/${t.borderPartner}/${t.region.code}`),
  },
  {
    endpoint: 'POST /plans/:id/attachments',
    // Only the proposing agency's officers draft; another agency's officer does not see the plan.
    own: { rest: 403, officer: 201, officer2: 404 },
    other: everyone(404),
    send: (a, t) =>
      a
        .post(`/plans/${t.planId}/attachments`)
        .field('purpose', 'SUPPORTING_DOCUMENT')
        .attach('file', Buffer.from('%PDF-1.7\nmatriks'), { filename: 'matriks.pdf', contentType: 'application/pdf' }),
  },
  {
    endpoint: 'GET /plans/:id/attachments',
    own: { rest: 200, officer2: 404 },
    other: everyone(404),
    send: (a, t) => a.get(`/plans/${t.planId}/attachments`),
  },
  {
    endpoint: 'GET /plans/:id/attachments/:attachmentId',
    own: { rest: 200, officer2: 404 },
    other: everyone(404),
    send: (a, t) => a.get(`/plans/${t.planId}/attachments/${t.attachmentId}`),
  },
  {
    endpoint: 'DELETE /plans/:id/attachments/:attachmentId',
    own: { rest: 403, officer: 204, officer2: 404 },
    other: everyone(404),
    prepare: freshAttachment,
    send: (a, t) => a.delete(`/plans/${t.planId}/attachments/${t.attachmentId}`),
  },
  { endpoint: 'GET /mappings/:regionCode/:budgetYear', own: MAPPING_READERS, other: everyone(403), send: (a, t) => a.get(`/mappings/${t.region.code}/2027`) },
  {
    endpoint: 'GET /mappings/:regionCode/:budgetYear/export.xlsx',
    own: MAPPING_READERS,
    other: everyone(403),
    send: (a, t) => a.get(`/mappings/${t.region.code}/2027/export.xlsx`),
  },
  {
    endpoint: 'GET /mappings/:regionCode/:budgetYear/export.pdf',
    own: MAPPING_READERS,
    other: everyone(403),
    send: (a, t) => a.get(`/mappings/${t.region.code}/2027/export.pdf`),
  },
];

/** Requests with no token at all. */
const anonymous = (): AuthenticatedAgent => ({
  get: (url) => stack.http().get(url),
  post: (url) => stack.http().post(url),
  put: (url) => stack.http().put(url),
  patch: (url) => stack.http().patch(url),
  delete: (url) => stack.http().delete(url),
});

describe('the authorization matrix', () => {
  beforeAll(async () => {
    for (const [region, borderPartner] of [
      [KOTA, '32.73'],
      [KAB, '32.04'],
    ] as const) {
      const target: Target = { region, planId: await createDraft(region), attachmentId: '', borderPartner };
      Object.assign(target, await freshAttachment(target));
      targets.set(region.code, target);
    }
  });

  const cases = MATRIX.flatMap((row) => DEMO_REGIONS.map((region) => [row.endpoint, region.name, row, region] as const));

  it.each(cases)('%s on %s', async (_endpoint, _regionName, row, targetRegion) => {
    const target = targets.get(targetRegion.code);
    if (!target) throw new Error(`no target in ${targetRegion.code}`);
    const expected: Record<string, number> = {};
    const actual: Record<string, number> = {};
    const unshapedErrors: string[] = [];

    const actors: Array<[string, Actor, AuthenticatedAgent, Outcome]> = [['anonymous', 'anonymous', anonymous(), { rest: 401 }]];
    for (const userRegion of DEMO_REGIONS) {
      const outcome = userRegion.code === targetRegion.code ? row.own : row.other;
      for (const seat of DEMO_SEATS) {
        const username = demoUsername(seat, userRegion);
        actors.push([username, seat, stack.as(username), outcome]);
      }
    }
    for (const [name, actor, agent, outcome] of actors) {
      const prepared = { ...target, ...(row.prepare ? await row.prepare(target) : {}) };
      const response = await row.send(agent, prepared);
      expected[name] = outcome[actor] ?? outcome.rest;
      actual[name] = response.status;
      if (response.status >= 400 && !(response.body?.message?.id && response.body?.message?.en)) unshapedErrors.push(name);
      // What a request changed is put back for the next actor.
      if (response.status === 201 && row.endpoint.includes('region-borders')) await border(target, false);
    }
    expect(actual).toEqual(expected);
    expect(unshapedErrors).toEqual([]);
  });
});
