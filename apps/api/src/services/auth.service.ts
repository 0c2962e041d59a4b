// Logging in, and who a token's user is now: their account and grants as stored at this
// moment, for the auth guard to attach to the request.
import { Inject, Injectable } from '@nestjs/common';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import type { AuthContext } from '../../../../domain/auth-context';
import { DEMO_PASSWORD, isLoopbackAddress } from '../../../../domain/demo-password';
import { Forbidden, TooManyAttempts, Unauthenticated, ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import type { RoleGrant } from '../../../../domain/role';
import type { AppConfig } from '../../../../platform/config';
import { AuditRepository } from '../../../../persistence/audit.repository';
import { PasswordHasher } from '../repositories/password-hasher';
import { APP_CONFIG } from '../tokens';
import { checkNewPassword } from './new-password';
import { UserRepository, type GrantRecord, type UserRecord } from '../../../../persistence/user.repository';
import { AccessTokenService, sessionInvalid, type IssuedToken, type TokenClaims } from './access-token.service';

export interface LoginResult extends IssuedToken {
  auth: AuthContext;
}

/** One answer for an unknown user, a wrong password and an inactive account: no hint which. */
export function loginRefused(): Unauthenticated {
  return new Unauthenticated(text('Nama pengguna atau kata sandi salah.', 'The username or password is wrong.'));
}

/** The account is locked after wrong passwords in a row (OWASP ASVS 2.2.1). */
export function accountLocked(retryAfterSeconds: number): TooManyAttempts {
  const minutes = Math.ceil(retryAfterSeconds / 60);
  return new TooManyAttempts(
    retryAfterSeconds,
    text(
      `Akun ini dikunci sementara karena terlalu banyak kata sandi salah. Coba lagi dalam ${minutes} menit.`,
      `This account is locked for a while after too many wrong passwords. Try again in ${minutes} minutes.`,
    ),
  );
}

/** The published demo password works only from the machine the API runs on. */
export function demoLoginRefused(): Forbidden {
  return new Forbidden(
    text(
      'Kata sandi demo hanya berlaku dari komputer tempat Jalin berjalan (localhost). Mintalah admin membuatkan akun dengan kata sandi sendiri.',
      'The demo password works only from the computer Jalin runs on (localhost). Ask an administrator for an account with a password of your own.',
    ),
  );
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function toRoleGrant(grant: Pick<GrantRecord, 'role' | 'regionCode' | 'agency'>): RoleGrant {
  // Stored as "" when there is none, so the unique key covers it; the domain says undefined.
  return grant.agency === '' ? { role: grant.role, regionCode: grant.regionCode } : { role: grant.role, regionCode: grant.regionCode, agency: grant.agency };
}

export function toAuthContext(
  user: Pick<UserRecord, 'id' | 'username' | 'displayName'> & { grants: ReadonlyArray<Pick<GrantRecord, 'role' | 'regionCode' | 'agency'>> },
): AuthContext {
  return { userId: user.id, username: user.username, displayName: user.displayName, grants: user.grants.map(toRoleGrant) };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
    private readonly audit: AuditRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'LOGIN_LOCKOUT_AFTER_FAILURES' | 'LOGIN_LOCKOUT_SECONDS'>,
  ) {}

  async login(username: string, password: string, clientAddress?: string): Promise<LoginResult> {
    const name = normaliseUsername(username);
    const credentials = await this.users.findCredentials(name);
    if (credentials?.lockedUntil) {
      // A locked account costs no Argon2 work and admits no one, not even the right password.
      const remainingMs = credentials.lockedUntil.getTime() - Date.now();
      if (remainingMs > 0) throw accountLocked(Math.ceil(remainingMs / 1000));
      if (await this.users.releaseLockout(credentials.id, credentials.lockedUntil)) {
        await this.audit.recordSystem({
          action: AuditAction.LOGIN_LOCK_RELEASED,
          entity: AuditEntity.USER,
          entityId: credentials.id,
          details: { username: name },
        });
      }
    }
    // Always one Argon2 verification, against a dummy hash for an unknown user, so the
    // time of the answer does not tell which usernames exist.
    const matches = await this.hasher.verify(credentials?.passwordHash ?? (await this.hasher.dummyHash()), password);
    if (credentials && !matches) await this.countWrongPassword(credentials.id, name, clientAddress);
    if (!credentials || !matches || !credentials.active) throw loginRefused();
    if (password === DEMO_PASSWORD && !isLoopbackAddress(clientAddress)) throw demoLoginRefused();
    await this.users.clearFailedLogins(credentials.id);
    return this.newSession(credentials.id);
  }

  /** A token for the user as stored now, with their current token version. */
  async newSession(userId: string): Promise<LoginResult> {
    const user = await this.users.findById(userId);
    if (!user || !user.active) throw loginRefused();
    return { ...(await this.tokens.issue(user.id, user.tokenVersion)), auth: toAuthContext(user) };
  }

  /**
   * The caller's own new password, given the current one (a stolen token alone cannot set
   * one). Ends every token issued before and answers a new one for this session.
   */
  async changePassword(auth: AuthContext, currentPassword: string, newPassword: string): Promise<LoginResult> {
    const credentials = await this.users.findCredentials(auth.username);
    if (!credentials) throw sessionInvalid();
    if (credentials.lockedUntil && credentials.lockedUntil.getTime() > Date.now()) {
      throw accountLocked(Math.ceil((credentials.lockedUntil.getTime() - Date.now()) / 1000));
    }
    if (!(await this.hasher.verify(credentials.passwordHash, currentPassword))) {
      // Counted like a wrong login: a token is no way around the lockout.
      await this.countWrongPassword(credentials.id, auth.username, undefined);
      const message = text('Kata sandi saat ini salah.', 'The current password is wrong.');
      throw new ValidationFailed([{ field: 'currentPassword', reason: 'WRONG_PASSWORD', message }]);
    }
    checkNewPassword(newPassword, [auth.username, auth.displayName], 'newPassword');
    await this.users.update(credentials.id, { passwordHash: await this.hasher.hash(newPassword), endSessions: true });
    await this.audit.record(auth, {
      action: AuditAction.USER_UPDATED,
      entity: AuditEntity.USER,
      entityId: credentials.id,
      after: { passwordChanged: true, byOwner: true },
    });
    return this.newSession(credentials.id);
  }

  /** Ends every token of the caller, on every device and API process. */
  async logout(auth: AuthContext): Promise<void> {
    await this.users.endSessions(auth.userId);
  }

  private async countWrongPassword(userId: string, username: string, clientAddress: string | undefined): Promise<void> {
    const seconds = this.config.LOGIN_LOCKOUT_SECONDS;
    const lockedUntil = new Date(Date.now() + seconds * 1000);
    if (await this.users.recordFailedLogin(userId, this.config.LOGIN_LOCKOUT_AFTER_FAILURES, lockedUntil)) {
      await this.audit.recordSystem({
        action: AuditAction.LOGIN_LOCKED,
        entity: AuditEntity.USER,
        entityId: userId,
        details: { username, failures: this.config.LOGIN_LOCKOUT_AFTER_FAILURES, lockedUntil: lockedUntil.toISOString(), clientAddress },
      });
    }
  }

  /** The caller a verified token names, as stored now; Unauthenticated once removed, deactivated or its version ended. */
  async sessionFor(claims: TokenClaims): Promise<AuthContext> {
    const user = await this.users.session(claims.userId);
    if (!user || !user.active || user.tokenVersion !== claims.version) throw sessionInvalid();
    return toAuthContext(user);
  }
}
