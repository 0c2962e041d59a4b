// Looks up the people a plan's task may be passed to, with their roles in one region.
import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '../../../../prisma/client';
import type { Actor } from '../../../../domain/actor';
import { PRISMA } from '../tokens';

@Injectable()
export class UserDirectoryRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** An active user with the roles they hold in `regionCode`, or null. */
  async actorIn(userId: string, regionCode: string): Promise<Actor | null> {
    const user = await this.prisma.user.findFirst({
      where: { id: userId, active: true },
      select: { id: true, displayName: true, grants: { where: { regionCode }, select: { role: true } } },
    });
    return user ? { userId: user.id, name: user.displayName, roles: user.grants.map((grant) => grant.role) } : null;
  }
}
