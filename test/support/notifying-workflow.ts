// A stand-in for the workflows that tell people things (plans, the planning season):
// it hands the same notification to dispatchNotification twice and ends at once, as
// a plan that finishes right after a reminder would.
import { dispatchNotification } from '../../workflows/notification/dispatch';
import type { NotificationRequest } from '../../domain/notification';

export { notificationDispatchWorkflow } from '../../workflows/notification/notification-dispatch.workflow';

export async function notifyTwiceWorkflow(request: NotificationRequest): Promise<void> {
  await dispatchNotification(request);
  await dispatchNotification(request);
}
