// Users and their role grants: accounts, logins, and the people a task, a deliberation
// or a notification reaches. The only writer of the User and UserRoleGrant tables. Only `findCredentials` reads a password
// hash; every other read leaves it out, so no response can carry one by mistake.
import { Prisma, type PrismaClient, type Role } from '../prisma/client';
import type { Actor, Person } from '../domain/actor';
import type { RecipientSelector } from '../domain/notification';
import { isUuid } from '../domain/uuid';

const GRANT_ORDER = [{ regionCode: 'asc' as const }, { role: 'asc' as const }, { agency: 'asc' as const }];
const ACCOUNT = {
  id: true,
  username: true,
  displayName: true,
  email: true,
  active: true,
  tokenVersion: true,
  homeRegionCode: true,
  createdAt: true,
  updatedAt: true,
  grants: { orderBy: GRANT_ORDER },
} as const;

export type UserRecord = NonNullable<Awaited<ReturnType<UserRepository['findById']>>>;
export type GrantRecord = UserRecord['grants'][number];
export interface SessionRecord {
  id: string;
  username: string;
  displayName: string;
  active: boolean;
  tokenVersion: number;
  grants: Array<Pick<GrantRecord, 'role' | 'regionCode' | 'agency'>>;
}
export interface Recipient {
  id: string;
  displayName: string;
  email: string | null;
}

export type CredentialsRecord = NonNullable<Awaited<ReturnType<UserRepository['findCredentials']>>>;

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  email: string | null;
  passwordHash: string;
  homeRegionCode: string;
}

export interface UserChanges {
  displayName?: string;
  email?: string | null;
  active?: boolean;
  passwordHash?: string;
  /** Ends every token issued before the change (a new password, a deactivation). */
  endSessions?: boolean;
}

export interface NewGrant {
  id: string;
  userId: string;
  role: Role;
  regionCode: string;
  /** "" for every role but an officer's. */
  agency: string;
  createdBy: string;
}

export class UserRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findById(id: string) {
    return this.prisma.user.findUnique({ where: { id }, select: ACCOUNT });
  }

  /**
   * What a request's auth check needs (the account, whether it is active, its token
   * version and its grants) in one round trip, not Prisma's two (user, then grants).
   * Grants in the order findById gives them.
   */
  async session(id: string): Promise<SessionRecord | null> {
    if (!isUuid(id)) return null;
    const rows = await this.prisma.$queryRaw<SessionRecord[]>`
      SELECT u."id", u."username", u."displayName", u."active", u."tokenVersion",
        COALESCE((
          SELECT json_agg(json_build_object('role', g."role", 'regionCode', g."regionCode", 'agency', g."agency")
                          ORDER BY g."regionCode", g."role", g."agency")
          FROM "UserRoleGrant" g WHERE g."userId" = u."id"
        ), '[]'::json) AS "grants"
      FROM "User" u WHERE u."id" = ${id}::uuid`;
    return rows[0] ?? null;
  }

  /** The one read with the password hash: for checking a login. */
  findCredentials(username: string) {
    return this.prisma.user.findUnique({ where: { username }, select: { id: true, active: true, passwordHash: true, lockedUntil: true, tokenVersion: true } });
  }

  /**
   * Counts a wrong password; at `threshold` in a row the account is locked until `lockUntil`.
   * Answers true only to the one request that locked it (so one audit entry per lockout).
   */
  async recordFailedLogin(id: string, threshold: number, lockUntil: Date): Promise<boolean> {
    const { failedLogins } = await this.prisma.user.update({ where: { id }, data: { failedLogins: { increment: 1 } }, select: { failedLogins: true } });
    if (failedLogins < threshold) return false;
    const { count } = await this.prisma.user.updateMany({ where: { id, lockedUntil: null }, data: { lockedUntil: lockUntil, failedLogins: 0 } });
    return count > 0;
  }

  /** Ends a lockout that has run out; true only to the one request that ended it. */
  async releaseLockout(id: string, lockedUntil: Date): Promise<boolean> {
    const { count } = await this.prisma.user.updateMany({ where: { id, lockedUntil }, data: { lockedUntil: null, failedLogins: 0 } });
    return count > 0;
  }

  /** Ends every token issued to the user so far (logout). */
  async endSessions(id: string): Promise<void> {
    await this.prisma.user.updateMany({ where: { id }, data: { tokenVersion: { increment: 1 } } });
  }

  /** Ends the user's tokens when no role is left (a removed role that emptied the account). True when it did. */
  async endSessionsIfNoGrants(id: string): Promise<boolean> {
    const { count } = await this.prisma.user.updateMany({ where: { id, grants: { none: {} } }, data: { tokenVersion: { increment: 1 } } });
    return count > 0;
  }

  /** A successful login starts the count of wrong passwords again. */
  async clearFailedLogins(id: string): Promise<void> {
    await this.prisma.user.updateMany({ where: { id, failedLogins: { gt: 0 } }, data: { failedLogins: 0 } });
  }

  /** Users at home in, or holding any grant in, one of `regionCodes`, by username. */
  listOfRegions(regionCodes: string[]) {
    return this.prisma.user.findMany({
      where: { OR: [{ grants: { some: { regionCode: { in: regionCodes } } } }, { homeRegionCode: { in: regionCodes } }] },
      select: ACCOUNT,
      orderBy: { username: 'asc' },
    });
  }

  /** The id of the account with this e-mail address, if any. */
  async emailOwner(email: string): Promise<string | null> {
    return (await this.prisma.user.findUnique({ where: { email }, select: { id: true } }))?.id ?? null;
  }

  /** The new user, or null when the username or e-mail address is taken (also by a request at the same moment). */
  async create(user: NewUser): Promise<UserRecord | null> {
    const { count } = await this.prisma.user.createMany({ data: [user], skipDuplicates: true });
    return count === 0 ? null : this.findById(user.id);
  }

  /** The changed user, or null when the new e-mail address was taken at the same moment. */
  async update(id: string, changes: UserChanges): Promise<UserRecord | null> {
    const { endSessions, ...data } = changes;
    try {
      return await this.prisma.user.update({ where: { id }, data: { ...data, ...(endSessions && { tokenVersion: { increment: 1 } }) }, select: ACCOUNT });
    } catch (error) {
      if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === 'P2002') return null;
      throw error;
    }
  }

  /** Adds the grant unless the user holds it already; returns the grant either way. */
  async addGrant(grant: NewGrant): Promise<GrantRecord> {
    await this.prisma.userRoleGrant.createMany({ data: [grant], skipDuplicates: true });
    const { userId, role, regionCode, agency } = grant;
    return this.prisma.userRoleGrant.findUniqueOrThrow({ where: { userId_role_regionCode_agency: { userId, role, regionCode, agency } } });
  }

  /** The grant, only when it belongs to that user. */
  findGrant(userId: string, grantId: string) {
    return this.prisma.userRoleGrant.findFirst({ where: { id: grantId, userId } });
  }

  /** False when there was no such grant (e.g. removed by a request at the same moment). */
  async deleteGrant(grantId: string): Promise<boolean> {
    const { count } = await this.prisma.userRoleGrant.deleteMany({ where: { id: grantId } });
    return count > 0;
  }

  /** An active user with the roles they hold in `regionCode`, or null: whom a task may be passed to. */
  async actorIn(userId: string, regionCode: string): Promise<Actor | null> {
    const user = await this.prisma.user.findFirst({
      where: { id: userId, active: true },
      select: { id: true, displayName: true, grants: { where: { regionCode }, select: { role: true } } },
    });
    return user ? { userId: user.id, name: user.displayName, roles: user.grants.map((grant) => grant.role) } : null;
  }

  /** Active holders of a role in a region, by username (e.g. the TKKSD members when a deliberation opens). */
  async activeHolders(role: Role, regionCode: string): Promise<Person[]> {
    const grants = await this.prisma.userRoleGrant.findMany({
      where: { role, regionCode, user: { active: true } },
      select: { user: { select: { id: true, displayName: true } } },
      orderBy: { user: { username: 'asc' } },
    });
    return grants.map(({ user }) => ({ userId: user.id, name: user.displayName }));
  }

  /** The agencies with an active officer in the region. */
  async officerAgencies(regionCode: string): Promise<string[]> {
    const grants = await this.prisma.userRoleGrant.findMany({
      where: { role: 'OFFICER', regionCode, agency: { not: '' }, user: { active: true } },
      select: { agency: true },
      distinct: ['agency'],
    });
    return grants.map((grant) => grant.agency);
  }

  /** Who a notification reaches: the named users and every holder of the named roles, active accounts only. */
  async recipients(selector: RecipientSelector): Promise<Recipient[]> {
    // A malformed id would make PostgreSQL refuse the whole query: it names nobody, so drop it.
    const userIds = (selector.userIds ?? []).filter(isUuid);
    const anyOf = [
      ...(userIds.length ? [{ id: { in: userIds } }] : []),
      ...(selector.roles ?? []).map(({ role, regionCode, agency }) => ({
        grants: { some: { role, regionCode, ...(agency !== undefined && { agency }) } },
      })),
    ];
    if (!anyOf.length) return [];
    return this.prisma.user.findMany({
      where: { active: true, OR: anyOf },
      select: { id: true, displayName: true, email: true },
      orderBy: { username: 'asc' },
    });
  }
}
