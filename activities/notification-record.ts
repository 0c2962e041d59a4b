// The database side of a dispatch: stores the notice for each recipient and queues its
// e-mail, idempotently, so a retried activity or a repeated key tells nobody twice;
// and marks an e-mail FAILED when the workflow gives up on it.
import { renderNotificationEmail } from '../domain/notification-email';
import { renderNotification } from '../domain/notification-templates';
import type { NotificationRequest } from '../domain/notification';
import type { EmailDeliveryRepository } from '../persistence/email-delivery.repository';
import type { NotificationRepository } from '../persistence/notification.repository';
import type { UserRepository } from '../persistence/user.repository';
import type { WorkerConfig } from '../platform/config';
import type { MailRetrySettings, PendingEmails } from '../workflows/notification/definitions';

export const SMTP_NOT_CONFIGURED = 'SMTP is not configured (SMTP_URL is not set): in-app only';

export interface RecordedNotification extends PendingEmails {
  recipients: number;
}

type MailConfig = Pick<WorkerConfig, 'SMTP_URL' | 'MAIL_RETRY_INITIAL_MS' | 'MAIL_RETRY_MAX_ATTEMPTS'>;

export interface NotificationRecorderDependencies {
  notifications: NotificationRepository;
  emailDeliveries: EmailDeliveryRepository;
  users: UserRepository;
  config: MailConfig;
}

export function createNotificationRecorder({ notifications, emailDeliveries, users, config }: NotificationRecorderDependencies) {
  const retry: MailRetrySettings = { initialIntervalMs: config.MAIL_RETRY_INITIAL_MS, maximumAttempts: config.MAIL_RETRY_MAX_ATTEMPTS };
  const mailing = config.SMTP_URL !== undefined;

  async function recordNotification(request: NotificationRequest): Promise<RecordedNotification> {
    const recipients = await users.recipients(request.recipients);
    const userIds = recipients.map((recipient) => recipient.id);
    // The stored text, not this run's: a repeat must mail what the app shows.
    await notifications.record(request, renderNotification(request.template, request.params, request.regionCode), userIds, (notification) => {
      const email = renderNotificationEmail(notification, notification.user.displayName);
      return {
        toAddress: notification.user.email!,
        subject: email.subject,
        text: email.text,
        status: mailing ? 'PENDING' : 'SKIPPED',
        lastError: mailing ? null : SMTP_NOT_CONFIGURED,
      };
    });
    return { recipients: userIds.length, deliveryIds: await emailDeliveries.pendingIdsOfKey(request.key), retry };
  }

  /** For an admin's retry: the delivery, if it still waits to be sent, with the retry settings. */
  async function prepareEmailRetry(deliveryId: string): Promise<PendingEmails> {
    return { deliveryIds: (await emailDeliveries.statusOf(deliveryId)) === 'PENDING' ? [deliveryId] : [], retry };
  }

  /** After the last retry: FAILED, with the reason, for admins to see and retry. */
  const markEmailFailed = (deliveryId: string, reason: string): Promise<void> => emailDeliveries.markFailed(deliveryId, reason);

  return { recordNotification, prepareEmailRetry, markEmailFailed };
}
