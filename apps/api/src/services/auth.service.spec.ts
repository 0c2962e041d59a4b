import { JwtService } from '@nestjs/jwt';
import type { PasswordHasher } from '../repositories/password-hasher';
import type { AuditRepository } from '../../../../persistence/audit.repository';
import type { CredentialsRecord, UserRecord, UserRepository } from '../../../../persistence/user.repository';
import { AccessTokenService } from './access-token.service';
import { AuthService } from './auth.service';

const USER_ID = '0b5f7a8e-5a1f-4c53-9d1e-0f4b1d2c3e4f';
const at = new Date('2027-01-04T00:00:00Z');

function setUp(credentials: CredentialsRecord | null) {
  const account: UserRecord = {
    id: USER_ID,
    username: 'sekda.kotabogor',
    displayName: 'Drs. Ahmad Fauzi, M.Si.',
    email: null,
    active: credentials?.active ?? true,
    tokenVersion: 0,
    homeRegionCode: '32.71',
    createdAt: at,
    updatedAt: at,
    grants: [],
  };
  const users = {
    findCredentials: jest.fn(async () => credentials),
    findById: jest.fn(async () => account),
    recordFailedLogin: jest.fn(async () => false),
    releaseLockout: jest.fn(async () => true),
    clearFailedLogins: jest.fn(async () => undefined),
  };
  const audit = { recordSystem: jest.fn(async () => true) };
  // A fake hash: "hash:<password>", and a dummy nobody's password matches.
  const hasher = {
    verify: jest.fn(async (hash: string, password: string) => hash === `hash:${password}`),
    dummyHash: jest.fn(async () => 'dummy'),
  };
  const tokens = new AccessTokenService(new JwtService({ secret: 'unit-test-secret-of-at-least-32-characters' }), { JWT_TTL_SECONDS: 600 });
  const service = new AuthService(users as unknown as UserRepository, hasher as unknown as PasswordHasher, tokens, audit as unknown as AuditRepository, {
    LOGIN_LOCKOUT_AFTER_FAILURES: 10,
    LOGIN_LOCKOUT_SECONDS: 900,
  });
  return { service, users, hasher, audit };
}

describe('AuthService.login', () => {
  it('answers a token and the user for the right password, reading the username case- and space-insensitively', async () => {
    const { service, users } = setUp({ id: USER_ID, active: true, passwordHash: 'hash:rahasia-sekali', lockedUntil: null, tokenVersion: 0 });
    const result = await service.login('  Sekda.KotaBogor ', 'rahasia-sekali');
    expect(users.findCredentials).toHaveBeenCalledWith('sekda.kotabogor');
    expect(result).toMatchObject({ accessToken: expect.any(String), expiresIn: 600, auth: { userId: USER_ID, username: 'sekda.kotabogor' } });
  });

  const refused: Array<[string, CredentialsRecord | null, string]> = [
    ['a wrong password', { id: USER_ID, active: true, passwordHash: 'hash:rahasia-sekali', lockedUntil: null, tokenVersion: 0 }, 'tebakan-salah'],
    ['an unknown user', null, 'rahasia-sekali'],
    [
      'an inactive user with the right password',
      { id: USER_ID, active: false, passwordHash: 'hash:rahasia-sekali', lockedUntil: null, tokenVersion: 0 },
      'rahasia-sekali',
    ],
  ];

  it.each(refused)('refuses %s with the one message, after exactly one verification', async (_, credentials, password) => {
    const { service, hasher } = setUp(credentials);
    await expect(service.login('sekda.kotabogor', password)).rejects.toMatchObject({
      kind: 'UNAUTHENTICATED',
      userMessage: { id: 'Nama pengguna atau kata sandi salah.', en: 'The username or password is wrong.' },
    });
    // Unknown users are checked against the dummy hash, so every refusal costs the same.
    expect(hasher.verify).toHaveBeenCalledTimes(1);
    expect(hasher.verify).toHaveBeenCalledWith(credentials ? credentials.passwordHash : 'dummy', password);
  });

  it('refuses a locked account with 429 and Retry-After seconds, even with the right password, without verifying it', async () => {
    const lockedUntil = new Date(Date.now() + 120_000);
    const { service, hasher } = setUp({ id: USER_ID, active: true, passwordHash: 'hash:rahasia-sekali', lockedUntil, tokenVersion: 0 });
    await expect(service.login('sekda.kotabogor', 'rahasia-sekali')).rejects.toMatchObject({
      kind: 'TOO_MANY_REQUESTS',
      retryAfterSeconds: expect.any(Number),
    });
    expect(hasher.verify).not.toHaveBeenCalled();
  });

  it('ends a lockout that ran out, audits the release, and lets the right password in', async () => {
    const lockedUntil = new Date(Date.now() - 1000);
    const { service, users, audit } = setUp({ id: USER_ID, active: true, passwordHash: 'hash:rahasia-sekali', lockedUntil, tokenVersion: 0 });
    await service.login('sekda.kotabogor', 'rahasia-sekali');
    expect(users.releaseLockout).toHaveBeenCalledWith(USER_ID, lockedUntil);
    expect(audit.recordSystem).toHaveBeenCalledWith(expect.objectContaining({ action: 'LOGIN_LOCK_RELEASED', entityId: USER_ID }));
    expect(users.clearFailedLogins).toHaveBeenCalledWith(USER_ID);
  });

  it('counts a wrong password against a known account and audits the lockout it causes', async () => {
    const { service, users, audit } = setUp({ id: USER_ID, active: true, passwordHash: 'hash:rahasia-sekali', lockedUntil: null, tokenVersion: 0 });
    users.recordFailedLogin.mockResolvedValueOnce(true);
    await expect(service.login('sekda.kotabogor', 'salah-lagi', '10.0.0.9')).rejects.toMatchObject({ kind: 'UNAUTHENTICATED' });
    expect(users.recordFailedLogin).toHaveBeenCalledWith(USER_ID, 10, expect.any(Date));
    expect(audit.recordSystem).toHaveBeenCalledWith(
      expect.objectContaining({ action: 'LOGIN_LOCKED', entityId: USER_ID, details: expect.objectContaining({ clientAddress: '10.0.0.9', failures: 10 }) }),
    );
  });
});
