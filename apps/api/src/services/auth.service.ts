// Logging in, and who a token's user is now: their account and grants as stored at this
// moment, for the auth guard to attach to the request.
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../../../domain/auth-context';
import { Unauthenticated } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import type { RoleGrant } from '../../../../domain/role';
import { PasswordHasher } from '../repositories/password-hasher';
import { UserRepository, type GrantRecord, type UserRecord } from '../../../../persistence/user.repository';
import { AccessTokenService, sessionInvalid, type IssuedToken } from './access-token.service';

export interface LoginResult extends IssuedToken {
  auth: AuthContext;
}

/** One answer for an unknown user, a wrong password and an inactive account: no hint which. */
export function loginRefused(): Unauthenticated {
  return new Unauthenticated(text('Nama pengguna atau kata sandi salah.', 'The username or password is wrong.'));
}

export function normaliseUsername(username: string): string {
  return username.trim().toLowerCase();
}

export function toRoleGrant(grant: Pick<GrantRecord, 'role' | 'regionCode' | 'agency'>): RoleGrant {
  // Stored as "" when there is none, so the unique key covers it; the domain says undefined.
  return grant.agency === '' ? { role: grant.role, regionCode: grant.regionCode } : { role: grant.role, regionCode: grant.regionCode, agency: grant.agency };
}

export function toAuthContext(user: Pick<UserRecord, 'id' | 'username' | 'displayName' | 'grants'>): AuthContext {
  return { userId: user.id, username: user.username, displayName: user.displayName, grants: user.grants.map(toRoleGrant) };
}

@Injectable()
export class AuthService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly tokens: AccessTokenService,
  ) {}

  async login(username: string, password: string): Promise<LoginResult> {
    const credentials = await this.users.findCredentials(normaliseUsername(username));
    // Always one Argon2 verification, against a dummy hash for an unknown user, so the
    // time of the answer does not tell which usernames exist.
    const matches = await this.hasher.verify(credentials?.passwordHash ?? (await this.hasher.dummyHash()), password);
    if (!credentials || !matches || !credentials.active) throw loginRefused();
    const auth = await this.contextFor(credentials.id);
    return { ...(await this.tokens.issue(auth.userId)), auth };
  }

  /** The caller a verified token names, as stored now; Unauthenticated once removed or deactivated. */
  async contextFor(userId: string): Promise<AuthContext> {
    const user = await this.users.findById(userId);
    if (!user || !user.active) throw sessionInvalid();
    return toAuthContext(user);
  }
}
