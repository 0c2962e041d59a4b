// Workflow-side sending of queued e-mails, shared by the dispatch and an admin's retry:
// each e-mail on its own under the worker's mail retry policy, and marked FAILED (for
// admins to see and retry) once the last attempt has failed.
import { ActivityFailure, isCancellation, proxyActivities } from '@temporalio/workflow';
import type { NotificationActivities } from '../../activities';
import { DATABASE_ACTIVITY } from '../shared/activity-options';
import type { PendingEmails } from './definitions';

export const notificationStore = proxyActivities<NotificationActivities>(DATABASE_ACTIVITY);

export interface DeliveryCounts {
  sent: number;
  failed: number;
}

export async function deliverEmails({ deliveryIds, retry }: PendingEmails): Promise<DeliveryCounts> {
  const mail = proxyActivities<NotificationActivities>({
    // Above the sender's own connection, greeting and socket waits together.
    startToCloseTimeout: '3 minutes',
    // The sender heartbeats while it talks to the server: a dead worker's attempt is retried in seconds.
    heartbeatTimeout: '10 seconds',
    retry: { initialInterval: retry.initialIntervalMs, backoffCoefficient: 2, maximumAttempts: retry.maximumAttempts },
  });
  const counts: DeliveryCounts = { sent: 0, failed: 0 };
  await Promise.all(
    deliveryIds.map(async (deliveryId) => {
      try {
        if ((await mail.sendEmail(deliveryId)) !== 'NOT_PENDING') counts.sent += 1;
      } catch (error) {
        if (isCancellation(error) || !(error instanceof ActivityFailure)) throw error;
        counts.failed += 1;
        // The last attempt's own error (an SMTP reply, a timeout), not the wrapper's.
        await notificationStore.markEmailFailed(deliveryId, error.cause?.message ?? error.message);
      }
    }),
  );
  return counts;
}
