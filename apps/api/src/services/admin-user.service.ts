// User administration by regional admins. An ADMIN grant is per region: an admin sees
// and changes users through the regions they administer, and grants roles only there.
import { randomUUID } from 'node:crypto';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import { AuditRepository } from '../../../../persistence/audit.repository';
import { Injectable } from '@nestjs/common';
import { administeredRegions, canAdminister, canAdministerAccount, requireAdmin } from '../../../../domain/access-policy';
import type { AuthContext } from '../../../../domain/auth-context';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../../../domain/errors';
import { grantViolations } from '../../../../domain/grant-rules';
import { text, type BilingualText } from '../../../../domain/message';
import { Role } from '../../../../domain/role';
import { PasswordHasher } from '../repositories/password-hasher';
import { checkNewPassword } from './new-password';
import { UserRepository, type GrantRecord, type UserChanges, type UserRecord } from '../../../../persistence/user.repository';

const USER = { id: 'Pengguna', en: 'User' };
const GRANT = { id: 'Peran pengguna', en: 'Role grant' };

export interface NewUserInput {
  username: string;
  displayName: string;
  email?: string;
  password: string;
  /** Defaults to the region the caller administers, when it is only one. */
  homeRegionCode?: string;
}

export interface UserPatch {
  displayName?: string;
  email?: string | null;
  active?: boolean;
  password?: string;
}

export interface GrantInput {
  role: Role;
  regionCode: string;
  agency?: string;
}

/** The account's home region; for one stored without it, the region of its oldest role. */
export function homeRegionOf(user: Pick<UserRecord, 'homeRegionCode' | 'grants'>): string | null {
  if (user.homeRegionCode !== null) return user.homeRegionCode;
  const oldest = [...user.grants].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())[0];
  return oldest?.regionCode ?? null;
}

function notYourAccount(home: string | null): Forbidden {
  return new Forbidden(
    home === null
      ? text(
          'Akun ini tidak memiliki wilayah asal; tidak ada admin wilayah yang dapat mengubahnya.',
          'This account has no home region; no regional administrator may change it.',
        )
      : text(
          `Akun ini milik wilayah ${home}; hanya admin wilayah itu (atau admin provinsinya) yang dapat mengubahnya atau memberinya peran.`,
          `This account belongs to region ${home}; only an administrator of that region (or of its province) may change it or grant it roles.`,
        ),
  );
}

function wouldLockOut(message: BilingualText): Conflict {
  return new Conflict('WOULD_LOCK_OUT', message);
}

// One account per address, so a notice mailed there reaches one person only.
function emailTaken(email: string): Conflict {
  const message = text(`Alamat surel '${email}' sudah dipakai akun lain.`, `The e-mail address '${email}' belongs to another account.`);
  return new Conflict('EMAIL_TAKEN', message, [{ field: 'email', reason: 'TAKEN', message }]);
}

@Injectable()
export class AdminUserService {
  constructor(
    private readonly users: UserRepository,
    private readonly hasher: PasswordHasher,
    private readonly audit: AuditRepository,
  ) {}

  /**
   * Users with a grant in the caller's regions (or in one of them), each showing only the
   * grants there, and the accounts with no role anywhere (a user just created, or whose
   * last role was revoked), so the admin can grant them one at once.
   */
  async list(auth: AuthContext, regionCode?: string): Promise<UserRecord[]> {
    const administered = this.requireAnyAdmin(auth);
    if (regionCode !== undefined) requireAdmin(auth, regionCode);
    const users = await this.users.listOfRegions(regionCode === undefined ? administered : [regionCode]);
    return users.map((user) => this.visiblePart(auth, user));
  }

  async create(auth: AuthContext, input: NewUserInput): Promise<UserRecord> {
    const administered = this.requireAnyAdmin(auth);
    const homeRegionCode = input.homeRegionCode ?? (administered.length === 1 ? administered[0] : undefined);
    if (homeRegionCode === undefined) {
      const message = text(
        'Pilih wilayah asal akun: Anda mengelola lebih dari satu wilayah.',
        'Choose the account’s home region: you administer more than one.',
      );
      throw new ValidationFailed([{ field: 'homeRegionCode', reason: 'REQUIRED', message }]);
    }
    if (!canAdministerAccount(auth, homeRegionCode)) throw notYourAccount(homeRegionCode);
    checkNewPassword(input.password, [input.username, input.displayName, input.email]);
    if (input.email && (await this.users.emailOwner(input.email))) throw emailTaken(input.email);
    const created = await this.users.create({
      id: randomUUID(),
      username: input.username,
      displayName: input.displayName,
      email: input.email ?? null,
      passwordHash: await this.hasher.hash(input.password),
      homeRegionCode,
    });
    if (!created) {
      // Taken by a request at the same moment: the address, or (as before) the username.
      if (input.email && (await this.users.emailOwner(input.email))) throw emailTaken(input.email);
      const message = text(`Nama pengguna '${input.username}' sudah dipakai.`, `The username '${input.username}' is taken.`);
      throw new Conflict('USERNAME_TAKEN', message, [{ field: 'username', reason: 'TAKEN', message }]);
    }
    await this.audit.record(auth, {
      action: AuditAction.USER_CREATED,
      entity: AuditEntity.USER,
      entityId: created.id,
      after: { username: created.username, displayName: created.displayName, email: created.email, homeRegionCode },
    });
    return created;
  }

  /**
   * The account is shared by every region the user works in, so changing it (a password
   * above all) needs an admin of each of them: otherwise an admin of one region could
   * take over an admin of another.
   */
  async update(auth: AuthContext, userId: string, patch: UserPatch): Promise<UserRecord> {
    const user = await this.findManageable(auth, userId);
    const home = homeRegionOf(user);
    if (!canAdministerAccount(auth, home)) throw notYourAccount(home);
    const foreign = [...new Set(user.grants.map((grant) => grant.regionCode))].filter((code) => !canAdministerAccount(auth, code));
    if (foreign.length) {
      throw new Forbidden(
        text(
          `Pengguna ini juga berperan di wilayah yang tidak Anda kelola (${foreign.join(', ')}); hanya admin semua wilayahnya yang dapat mengubah akunnya.`,
          `This user also holds roles in regions you do not administer (${foreign.join(', ')}); only an administrator of all of them may change the account.`,
        ),
      );
    }
    if (patch.active === false && userId === auth.userId) {
      throw wouldLockOut(
        text('Anda tidak dapat menonaktifkan akun Anda sendiri; mintalah admin lain.', 'You cannot deactivate your own account; ask another administrator.'),
      );
    }
    if (patch.password !== undefined) checkNewPassword(patch.password, [user.username, user.displayName, patch.displayName, user.email, patch.email]);
    if (patch.email) {
      const owner = await this.users.emailOwner(patch.email);
      if (owner && owner !== userId) throw emailTaken(patch.email);
    }
    // A reset password or a deactivation ends the tokens issued before (a reactivation does not bring them back).
    const endSessions = patch.password !== undefined || patch.active === false;
    const changes: UserChanges = { displayName: patch.displayName, email: patch.email, active: patch.active, endSessions };
    if (patch.password !== undefined) changes.passwordHash = await this.hasher.hash(patch.password);
    const updated = await this.users.update(userId, changes);
    if (!updated) throw emailTaken(patch.email ?? '');
    // Never the hash: only that the password changed.
    await this.audit.record(auth, {
      action: AuditAction.USER_UPDATED,
      entity: AuditEntity.USER,
      entityId: userId,
      before: { displayName: user.displayName, email: user.email, active: user.active },
      after: { displayName: updated.displayName, email: updated.email, active: updated.active, passwordChanged: patch.password !== undefined },
    });
    return this.visiblePart(auth, updated);
  }

  /** Grants a role in a region the caller administers; granting it again changes nothing. */
  async addGrant(auth: AuthContext, userId: string, input: GrantInput): Promise<GrantRecord> {
    const agency = input.agency?.trim() ?? '';
    const violations = grantViolations({ role: input.role, regionCode: input.regionCode, agency });
    if (violations.length) throw new ValidationFailed(violations);
    requireAdmin(auth, input.regionCode);
    const user = await this.users.findById(userId);
    if (!user) throw new NotFound(USER, userId);
    // A role in a second region needs an admin of that region who also administers the
    // account's home: otherwise granting is how another region's admin takes an account over.
    const home = homeRegionOf(user);
    if (!canAdministerAccount(auth, home)) throw notYourAccount(home);
    const grant = await this.users.addGrant({ id: randomUUID(), userId, role: input.role, regionCode: input.regionCode, agency, createdBy: auth.username });
    await this.audit.record(auth, {
      action: AuditAction.ROLE_GRANTED,
      entity: AuditEntity.USER,
      entityId: userId,
      regionCode: input.regionCode,
      after: { role: input.role, regionCode: input.regionCode, agency },
    });
    return grant;
  }

  async removeGrant(auth: AuthContext, userId: string, grantId: string): Promise<void> {
    const grant = await this.users.findGrant(userId, grantId);
    if (!grant) throw new NotFound(GRANT, grantId);
    requireAdmin(auth, grant.regionCode);
    if (userId === auth.userId && grant.role === Role.ADMIN) {
      // So a region always keeps an administrator: another admin has to remove this one.
      throw wouldLockOut(
        text(
          'Anda tidak dapat mencabut peran admin Anda sendiri; mintalah admin lain.',
          'You cannot remove your own administrator role; ask another administrator.',
        ),
      );
    }
    if (!(await this.users.deleteGrant(grantId))) throw new NotFound(GRANT, grantId);
    // An account left with no role may be taken up by another region's admin: its tokens end here.
    await this.users.endSessionsIfNoGrants(userId);
    await this.audit.record(auth, {
      action: AuditAction.ROLE_REVOKED,
      entity: AuditEntity.USER,
      entityId: userId,
      regionCode: grant.regionCode,
      before: { role: grant.role, regionCode: grant.regionCode, agency: grant.agency },
    });
  }

  private requireAnyAdmin(auth: AuthContext): string[] {
    const regions = administeredRegions(auth);
    if (!regions.length) {
      throw new Forbidden(text('Hanya admin wilayah yang dapat mengelola pengguna.', 'Only a regional administrator may manage users.'));
    }
    return regions;
  }

  /**
   * A user the caller may see: one at home in a region they administer (or its province),
   * or with a grant in a region they administer. Any other answers as not found, so
   * accounts of other regions do not show, roleless ones included.
   */
  private async findManageable(auth: AuthContext, userId: string): Promise<UserRecord> {
    this.requireAnyAdmin(auth);
    const user = await this.users.findById(userId);
    if (!user || !(canAdministerAccount(auth, homeRegionOf(user)) || user.grants.some((grant) => canAdminister(auth, grant.regionCode)))) {
      throw new NotFound(USER, userId);
    }
    return user;
  }

  /** The user with only the grants in regions the caller administers. */
  private visiblePart(auth: AuthContext, user: UserRecord): UserRecord {
    return { ...user, grants: user.grants.filter((grant) => canAdminister(auth, grant.regionCode)) };
  }
}
