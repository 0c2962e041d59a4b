// Who a notification reaches: the named users and every holder of the named roles,
// active accounts only (a deactivated person can neither read nor should be mailed).
import type { PrismaClient } from '../prisma/client';
import type { RecipientSelector } from '../domain/notification';
import { isUuid } from '../domain/uuid';

export interface Recipient {
  id: string;
  displayName: string;
  email: string | null;
}


export async function findRecipients(prisma: PrismaClient, selector: RecipientSelector): Promise<Recipient[]> {
  // A malformed id would make PostgreSQL refuse the whole query: it names nobody, so drop it.
  const userIds = (selector.userIds ?? []).filter(isUuid);
  const anyOf = [
    ...(userIds.length ? [{ id: { in: userIds } }] : []),
    ...(selector.roles ?? []).map(({ role, regionCode, agency }) => ({
      grants: { some: { role, regionCode, ...(agency !== undefined && { agency }) } },
    })),
  ];
  if (!anyOf.length) return [];
  return prisma.user.findMany({
    where: { active: true, OR: anyOf },
    select: { id: true, displayName: true, email: true },
    orderBy: { username: 'asc' },
  });
}
