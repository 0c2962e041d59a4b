// One notification's dispatch: store it in the app for every recipient, then mail it
// where an address and SMTP exist. Started by other workflows through
// dispatchNotification (one per key, ever); every side effect is an activity.
import type { NotificationDispatchResult } from './definitions';
import type { NotificationRequest } from '../../domain/notification';
import { deliverEmails, notificationStore } from './email-delivery';

export async function notificationDispatchWorkflow(request: NotificationRequest): Promise<NotificationDispatchResult> {
  const recorded = await notificationStore.recordNotification(request);
  const { sent, failed } = await deliverEmails(recorded);
  return { recipients: recorded.recipients, emailsSent: sent, emailsFailed: failed };
}
