// The database side of a dispatch: stores the notice for each recipient and queues its
// e-mail, idempotently, so a retried activity or a repeated key tells nobody twice;
// and marks an e-mail FAILED when the workflow gives up on it.
import { randomUUID } from 'node:crypto';
import type { WorkerConfig } from '../platform/config';
import { renderNotificationEmail } from '../domain/notification-email';
import { renderNotification } from '../domain/notification-templates';
import type { PrismaClient } from '../prisma/client';
import type { MailRetrySettings, PendingEmails } from '../workflows/notification/definitions';
import type { NotificationRequest } from '../domain/notification';
import { findRecipients } from './notification-recipients';

export const SMTP_NOT_CONFIGURED = 'SMTP is not configured (SMTP_URL is not set): in-app only';

export interface RecordedNotification extends PendingEmails {
  recipients: number;
}

type MailConfig = Pick<WorkerConfig, 'SMTP_URL' | 'MAIL_RETRY_INITIAL_MS' | 'MAIL_RETRY_MAX_ATTEMPTS'>;

function retrySettings(config: MailConfig): MailRetrySettings {
  return { initialIntervalMs: config.MAIL_RETRY_INITIAL_MS, maximumAttempts: config.MAIL_RETRY_MAX_ATTEMPTS };
}

export function createNotificationRecorder(prisma: PrismaClient, config: MailConfig) {
  async function recordNotification(request: NotificationRequest): Promise<RecordedNotification> {
    const recipients = await findRecipients(prisma, request.recipients);
    const { title, body } = renderNotification(request.template, request.params, request.regionCode);
    const mailing = config.SMTP_URL !== undefined;
    const userIds = recipients.map((recipient) => recipient.id);
    await prisma.$transaction(async (tx) => {
      await tx.notification.createMany({
        data: userIds.map((userId) => ({
          id: randomUUID(),
          key: request.key,
          userId,
          template: request.template,
          regionCode: request.regionCode,
          planId: request.planId ?? null,
          title,
          body,
          params: request.params,
        })),
        skipDuplicates: true,
      });
      // The stored text, not this run's: a repeat must mail what the app shows.
      const unmailed = await tx.notification.findMany({
        where: { key: request.key, userId: { in: userIds }, emails: { none: {} }, user: { email: { not: null } } },
        select: { id: true, title: true, body: true, user: { select: { email: true, displayName: true } } },
      });
      await tx.emailDelivery.createMany({
        data: unmailed.map((notification) => {
          const email = renderNotificationEmail(notification, notification.user.displayName);
          return {
            id: randomUUID(),
            notificationId: notification.id,
            toAddress: notification.user.email!,
            subject: email.subject,
            text: email.text,
            status: mailing ? ('PENDING' as const) : ('SKIPPED' as const),
            lastError: mailing ? null : SMTP_NOT_CONFIGURED,
          };
        }),
        skipDuplicates: true,
      });
    });
    const pending = await prisma.emailDelivery.findMany({
      where: { status: 'PENDING', notification: { key: request.key } },
      select: { id: true },
      orderBy: { createdAt: 'asc' },
    });
    return { recipients: userIds.length, deliveryIds: pending.map((delivery) => delivery.id), retry: retrySettings(config) };
  }

  /** For an admin's retry: the delivery, if it still waits to be sent, with the retry settings. */
  async function prepareEmailRetry(deliveryId: string): Promise<PendingEmails> {
    const delivery = await prisma.emailDelivery.findUnique({ where: { id: deliveryId }, select: { status: true } });
    return { deliveryIds: delivery?.status === 'PENDING' ? [deliveryId] : [], retry: retrySettings(config) };
  }

  /** After the last retry: FAILED, with the reason, for admins to see and retry. */
  async function markEmailFailed(deliveryId: string, reason: string): Promise<void> {
    await prisma.emailDelivery.updateMany({ where: { id: deliveryId, status: 'PENDING' }, data: { status: 'FAILED', lastError: reason } });
  }

  return { recordNotification, prepareEmailRetry, markEmailFailed };
}
