// Notifications: stored once per key and recipient (with their e-mails queued in the
// same transaction), and read by their own user only: every read is keyed by the user
// as well as the id, so no one reads or marks another person's notice. The only writer
// of the Notification table.
import { randomUUID } from 'node:crypto';
import type { NotificationRequest } from '../domain/notification';
import type { RenderedNotification } from '../domain/notification-templates';
import type { PrismaClient } from '../prisma/client';
import { queueEmails, type QueuedEmail } from './email-delivery.repository';

/** A stored notification of a user with an address and no e-mail yet: what to mail. */
export interface UnmailedNotification {
  id: string;
  title: string;
  body: string;
  user: { email: string | null; displayName: string };
}

const NEWEST_FIRST = [{ createdAt: 'desc' as const }, { id: 'desc' as const }];
const NOTIFICATION = {
  id: true,
  template: true,
  regionCode: true,
  planId: true,
  title: true,
  body: true,
  params: true,
  createdAt: true,
  readAt: true,
} as const;

export type NotificationRecord = NonNullable<Awaited<ReturnType<NotificationRepository['findOwn']>>>;

export class NotificationRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async pageOwn(userId: string, unreadOnly: boolean, page: number, pageSize: number, template?: string) {
    const where = { userId, ...(unreadOnly && { readAt: null }), ...(template && { template }) };
    const [items, total] = await Promise.all([
      this.prisma.notification.findMany({ where, select: NOTIFICATION, orderBy: NEWEST_FIRST, skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.notification.count({ where }),
    ]);
    return { items, total };
  }

  unreadCount(userId: string): Promise<number> {
    return this.prisma.notification.count({ where: { userId, readAt: null } });
  }

  /** Unread notices per kind (template), for the bell. */
  async unreadByTemplate(userId: string): Promise<Record<string, number>> {
    const groups = await this.prisma.notification.groupBy({ by: ['template'], where: { userId, readAt: null }, _count: { _all: true } });
    return Object.fromEntries(groups.map((g) => [g.template, g._count._all]));
  }

  findOwn(userId: string, id: string) {
    return this.prisma.notification.findFirst({ where: { id, userId }, select: NOTIFICATION });
  }

  /** Marks it read unless it already was (the first reading counts); null when it is not the user's. */
  async markOwnRead(userId: string, id: string, at: Date): Promise<NotificationRecord | null> {
    await this.prisma.notification.updateMany({ where: { id, userId, readAt: null }, data: { readAt: at } });
    return this.findOwn(userId, id);
  }

  /** How many were unread. */
  async markAllOwnRead(userId: string, at: Date): Promise<number> {
    const { count } = await this.prisma.notification.updateMany({ where: { userId, readAt: null }, data: { readAt: at } });
    return count;
  }

  /**
   * Who was told under keys starting with the prefix or equal to one of the keys (e.g. the
   * reporting deadline's reminders and escalation about one region), oldest first: for the
   * view above, which shows that a late region's Sekda has been reminded. Names and roles
   * only, never the text.
   */
  async sentUnder(prefix: string, keys: readonly string[]) {
    return this.prisma.notification.findMany({
      where: { OR: [{ key: { startsWith: prefix } }, { key: { in: [...keys] } }] },
      select: {
        key: true,
        template: true,
        createdAt: true,
        readAt: true,
        user: { select: { displayName: true, grants: { select: { role: true, regionCode: true } } } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
  }

  /**
   * Stores the notification for each recipient and queues the e-mails `mail` makes of
   * the stored ones, in one transaction; unique per (key, user) and per notification,
   * so a repeat stores nothing and mails the text the app already shows.
   */
  async record(
    request: NotificationRequest,
    rendered: RenderedNotification,
    userIds: string[],
    mail: (notification: UnmailedNotification) => Omit<QueuedEmail, 'id' | 'notificationId'>,
  ): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await tx.notification.createMany({
        data: userIds.map((userId) => ({
          id: randomUUID(),
          key: request.key,
          userId,
          template: request.template,
          regionCode: request.regionCode,
          planId: request.planId ?? null,
          title: rendered.title,
          body: rendered.body,
          params: request.params,
        })),
        skipDuplicates: true,
      });
      const unmailed = await tx.notification.findMany({
        where: { key: request.key, userId: { in: userIds }, emails: { none: {} }, user: { email: { not: null } } },
        select: { id: true, title: true, body: true, user: { select: { email: true, displayName: true } } },
      });
      await queueEmails(
        tx,
        unmailed.map((notification) => ({ id: randomUUID(), notificationId: notification.id, ...mail(notification) })),
      );
    });
  }
}
