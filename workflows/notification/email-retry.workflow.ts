// An admin's retry of one FAILED e-mail (the API has set it back to PENDING): sent
// again under the same retry policy as a dispatch, and FAILED again if that runs out.
import type { EmailRetryRequest, EmailRetryResult } from './definitions';
import { deliverEmails, notificationStore } from './email-delivery';

export async function emailRetryWorkflow({ deliveryId }: EmailRetryRequest): Promise<EmailRetryResult> {
  const { sent, failed } = await deliverEmails(await notificationStore.prepareEmailRetry(deliveryId));
  return { emailsSent: sent, emailsFailed: failed };
}
