// The caller's in-app notifications: list, count, mark read. Only ever the caller's
// own; someone else's answers as not found, so its existence does not show.
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../../../domain/auth-context';
import { NotFound } from '../../../../domain/errors';
import { NotificationRepository, type NotificationRecord } from '../../../../persistence/notification.repository';

const NOTIFICATION = { id: 'Pemberitahuan', en: 'Notification' };

export interface NotificationQuery {
  unreadOnly: boolean;
  template?: string;
  page: number;
  pageSize: number;
}

export interface NotificationPage {
  items: NotificationRecord[];
  total: number;
}

@Injectable()
export class NotificationService {
  constructor(private readonly notifications: NotificationRepository) {}

  list(auth: AuthContext, query: NotificationQuery): Promise<NotificationPage> {
    return this.notifications.pageOwn(auth.userId, query.unreadOnly, query.page, query.pageSize, query.template);
  }

  async unreadCount(auth: AuthContext): Promise<{ unread: number; byTemplate: Record<string, number> }> {
    const byTemplate = await this.notifications.unreadByTemplate(auth.userId);
    return { unread: Object.values(byTemplate).reduce((sum, n) => sum + n, 0), byTemplate };
  }

  async markRead(auth: AuthContext, id: string, now = new Date()): Promise<NotificationRecord> {
    const notification = await this.notifications.markOwnRead(auth.userId, id, now);
    if (!notification) throw new NotFound(NOTIFICATION, id);
    return notification;
  }

  markAllRead(auth: AuthContext, now = new Date()): Promise<number> {
    return this.notifications.markAllOwnRead(auth.userId, now);
  }
}
