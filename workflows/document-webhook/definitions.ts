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
