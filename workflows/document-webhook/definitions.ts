// The contract of the outbound document webhook: one workflow per document change, its
// id derived from the change, so starting it twice delivers once.
export const DOCUMENT_WEBHOOK_WORKFLOW_TYPE = 'documentWebhookWorkflow';

export interface WebhookRetry {
  initialIntervalMs: number;
  maximumIntervalMs: number;
  /** 0: keep trying until delivered. */
  maximumAttempts: number;
}

export interface DocumentWebhookInput {
  changeId: string;
  retry: WebhookRetry;
}

/** `document-change-<documentId>-<seq>`: the same change never starts a second delivery. */
export function documentWebhookWorkflowId(documentId: string, seq: number): string {
  return `document-change-${documentId}-${seq}`;
}

/** The webhook settings a delivery is started with. */
export interface WebhookStartSettings {
  TEMPORAL_TASK_QUEUE: string;
  WEBHOOK_RETRY_INITIAL_MS: number;
  WEBHOOK_RETRY_MAX_MS: number;
  WEBHOOK_MAX_ATTEMPTS: number;
}

/** How a change's delivery is started, by the worker after a sync or by the API after a state change. */
export function documentWebhookStart(change: { id: string; documentId: string; seq: number }, settings: WebhookStartSettings) {
  const input: DocumentWebhookInput = {
    changeId: change.id,
    retry: {
      initialIntervalMs: settings.WEBHOOK_RETRY_INITIAL_MS,
      maximumIntervalMs: settings.WEBHOOK_RETRY_MAX_MS,
      maximumAttempts: settings.WEBHOOK_MAX_ATTEMPTS,
    },
  };
  return {
    workflowId: documentWebhookWorkflowId(change.documentId, change.seq),
    taskQueue: settings.TEMPORAL_TASK_QUEUE,
    // A change whose delivery already ran (even to its end) is never delivered again.
    workflowIdReusePolicy: 'REJECT_DUPLICATE' as const,
    args: [input] as [DocumentWebhookInput],
  };
}
