// Delivers one document change to the configured receiver, retrying durably (across
// worker restarts) with the backoff the deployment set, until the receiver accepts it.
import { proxyActivities } from '@temporalio/workflow';
import type { WebhookActivities } from '../../activities';
import type { DocumentWebhookInput } from './definitions';

export async function documentWebhookWorkflow({ changeId, retry }: DocumentWebhookInput): Promise<void> {
  const { deliverDocumentChange } = proxyActivities<WebhookActivities>({
    startToCloseTimeout: '30 seconds',
    // The delivery heartbeats while it waits for the receiver.
    heartbeatTimeout: '10 seconds',
    retry: {
      initialInterval: retry.initialIntervalMs,
      maximumInterval: retry.maximumIntervalMs,
      backoffCoefficient: 2,
      // Omitted for 0: no limit, retry until delivered.
      ...(retry.maximumAttempts > 0 && { maximumAttempts: retry.maximumAttempts }),
    },
  });
  await deliverDocumentChange({ changeId });
}
