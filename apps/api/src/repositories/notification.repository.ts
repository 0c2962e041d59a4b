// The caller's own notifications. Every query is keyed by the user as well as the id,
// so no one reads or marks another person's notice.
import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '../../../../prisma/client';
import { PRISMA } from '../tokens';

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

@Injectable()
export class NotificationRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  async pageOwn(userId: string, unreadOnly: boolean, page: number, pageSize: number) {
    const where = { userId, ...(unreadOnly && { readAt: null }) };
    const [items, total] = await Promise.all([
      this.prisma.notification.findMany({ where, select: NOTIFICATION, orderBy: NEWEST_FIRST, skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.notification.count({ where }),
    ]);
    return { items, total };
  }

  unreadCount(userId: string): Promise<number> {
    return this.prisma.notification.count({ where: { userId, readAt: null } });
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
}
