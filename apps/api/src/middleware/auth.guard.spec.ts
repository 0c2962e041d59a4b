import type { ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import { Unauthenticated } from '../../../../domain/errors';
import type { PasswordHasher } from '../repositories/password-hasher';
import type { AuditRepository } from '../../../../persistence/audit.repository';
import type { UserRecord, UserRepository } from '../../../../persistence/user.repository';
import { AccessTokenService, TOKEN_AUDIENCE, TOKEN_ISSUER } from '../services/access-token.service';
import { AuthService } from '../services/auth.service';
import { AuthGuard, type AuthenticatedRequest } from './auth.guard';
import { IS_PUBLIC } from './public.decorator';

const SECRET = 'unit-test-secret-of-at-least-32-characters';
const USER_ID = '0b5f7a8e-5a1f-4c53-9d1e-0f4b1d2c3e4f';

function user(overrides: Partial<UserRecord> = {}): UserRecord {
  const at = new Date('2027-01-04T00:00:00Z');
  return {
    id: USER_ID,
    username: 'officer.kotabogor',
    displayName: 'Siti Rahmawati',
    email: null,
    active: true,
    tokenVersion: 3,
    homeRegionCode: '32.71',
    createdAt: at,
    updatedAt: at,
    grants: [
      { id: 'g1', userId: USER_ID, role: 'OFFICER', regionCode: '32.71', agency: 'Dinas Lingkungan Hidup', createdAt: at, createdBy: 'seed' },
      { id: 'g2', userId: USER_ID, role: 'TKKSD_MEMBER', regionCode: '32.71', agency: '', createdAt: at, createdBy: 'seed' },
    ],
    ...overrides,
  };
}

function setUp(stored: UserRecord | null = user()) {
  const jwt = new JwtService({ secret: SECRET });
  const tokens = new AccessTokenService(jwt, { JWT_TTL_SECONDS: 3600 });
  const users = { session: jest.fn(async (id: string) => (stored && stored.id === id ? stored : null)) };
  const authService = new AuthService(users as unknown as UserRepository, {} as PasswordHasher, tokens, {} as AuditRepository, {
    LOGIN_LOCKOUT_AFTER_FAILURES: 10,
    LOGIN_LOCKOUT_SECONDS: 900,
  });
  const reflector = new Reflector();
  const guard = new AuthGuard(reflector, tokens, authService);
  return { jwt, tokens, users, guard };
}

class Routes {
  open(): void {}
  closed(): void {}
}
Reflect.defineMetadata(IS_PUBLIC, true, Routes.prototype.open);

function contextFor(request: AuthenticatedRequest, handler: () => void = Routes.prototype.closed): ExecutionContext {
  const context = {
    getHandler: () => handler,
    getClass: () => Routes,
    getType: () => 'http',
    switchToHttp: () => ({ getRequest: () => request }),
  };
  return context as unknown as ExecutionContext;
}

const requestWith = (authorization?: string): AuthenticatedRequest => ({ headers: authorization === undefined ? {} : { authorization } });

describe('AuthGuard', () => {
  it('lets a @Public() route through without a token, touching nothing', async () => {
    const { guard, users } = setUp();
    const request = requestWith();
    await expect(guard.canActivate(contextFor(request, Routes.prototype.open))).resolves.toBe(true);
    expect(request.auth).toBeUndefined();
    expect(users.session).not.toHaveBeenCalled();
  });

  it('attaches the user and grants as stored now, an empty agency read as none', async () => {
    const { guard, tokens } = setUp();
    const { accessToken } = await tokens.issue(USER_ID, 3);
    const request = requestWith(`Bearer ${accessToken}`);
    await expect(guard.canActivate(contextFor(request))).resolves.toBe(true);
    expect(request.auth).toEqual({
      userId: USER_ID,
      username: 'officer.kotabogor',
      displayName: 'Siti Rahmawati',
      grants: [
        { role: 'OFFICER', regionCode: '32.71', agency: 'Dinas Lingkungan Hidup' },
        { role: 'TKKSD_MEMBER', regionCode: '32.71' },
      ],
    });
    expect(request.auth?.grants[1]).not.toHaveProperty('agency');
  });

  const sign = (jwt: JwtService, payload: object, options: Record<string, unknown> = {}) =>
    jwt.sign(payload, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, subject: USER_ID, expiresIn: 60, ...options });

  const refused: Array<[string, (jwt: JwtService, valid: string) => string | undefined]> = [
    ['no Authorization header', () => undefined],
    ['another scheme', (_, valid) => `Basic ${valid}`],
    ['a token that is not a JWT', () => 'Bearer not-a-token'],
    [
      'a token signed with another secret',
      () => `Bearer ${new JwtService({ secret: 'x'.repeat(40) }).sign({}, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, subject: USER_ID })}`,
    ],
    [
      'an altered payload',
      (_, valid) => {
        const [header, , signature] = valid.split('.');
        const payload = Buffer.from(JSON.stringify({ sub: 'ffffffff-ffff-4fff-bfff-ffffffffffff', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE })).toString(
          'base64url',
        );
        return `Bearer ${header}.${payload}.${signature}`;
      },
    ],
    [
      'an expired token',
      (jwt) => `Bearer ${jwt.sign({ iat: 1_700_000_000, exp: 1_700_000_060 }, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, subject: USER_ID })}`,
    ],
    ['a token of another issuer', (jwt) => `Bearer ${sign(jwt, {}, { issuer: 'elsewhere' })}`],
    ['a token for another audience', (jwt) => `Bearer ${sign(jwt, {}, { audience: 'another-api' })}`],
    [
      'an unsigned token ("alg": "none")',
      () => {
        const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
        return `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: USER_ID, iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE })}.`;
      },
    ],
    ['a token whose subject is not a user id', (jwt) => `Bearer ${sign(jwt, { ver: 3 }, { subject: 'admin' })}`],
    ['a token without an expiry', (jwt) => `Bearer ${jwt.sign({ ver: 3 }, { issuer: TOKEN_ISSUER, audience: TOKEN_AUDIENCE, subject: USER_ID })}`],
    ['a token without a version', (jwt) => `Bearer ${sign(jwt, {})}`],
  ];

  it.each(refused)('answers Unauthenticated for %s', async (_, header) => {
    const { guard, tokens, jwt, users } = setUp();
    const { accessToken } = await tokens.issue(USER_ID, 3);
    const request = requestWith(header(jwt, accessToken));
    await expect(guard.canActivate(contextFor(request))).rejects.toBeInstanceOf(Unauthenticated);
    expect(request.auth).toBeUndefined();
    expect(users.session).not.toHaveBeenCalled();
  });

  it('answers Unauthenticated for a valid token of a user removed, deactivated or logged out since', async () => {
    for (const stored of [null, user({ active: false }), user({ tokenVersion: 4 })]) {
      const { guard, tokens } = setUp(stored);
      const { accessToken } = await tokens.issue(USER_ID, 3);
      const request = requestWith(`Bearer ${accessToken}`);
      await expect(guard.canActivate(contextFor(request))).rejects.toMatchObject({
        kind: 'UNAUTHENTICATED',
        userMessage: { id: expect.stringContaining('Sesi'), en: expect.stringContaining('session') },
      });
      expect(request.auth).toBeUndefined();
    }
  });
});

describe('AccessTokenService', () => {
  it('issues an HS256 token naming only the user and its token version, expiring after JWT_TTL_SECONDS', async () => {
    const { tokens, jwt } = setUp();
    const { accessToken, expiresIn } = await tokens.issue(USER_ID, 3);
    expect(expiresIn).toBe(3600);
    const decoded = jwt.decode<{ header: { alg: string }; payload: Record<string, unknown> }>(accessToken, { complete: true });
    expect(decoded.header.alg).toBe('HS256');
    expect(Object.keys(decoded.payload).sort()).toEqual(['aud', 'exp', 'iat', 'iss', 'sub', 'ver']);
    expect(Number(decoded.payload.exp) - Number(decoded.payload.iat)).toBe(3600);
    await expect(tokens.verify(accessToken)).resolves.toEqual({ userId: USER_ID, version: 3 });
  });
});
