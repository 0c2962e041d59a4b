// The outbound connector: each document change is sent once per attempt as signed JSON
// (HMAC-SHA256 over the raw body, `X-Jalin-Signature: sha256=<hex>`, with the send time
// in the body and in `X-Jalin-Timestamp`) and a stable `Idempotency-Key`, so a receiver
// can check the sender and drop repeats. Changes are dispatched from the outbox table:
// whatever was committed but not yet handed to a delivery workflow is picked up by the
// next dispatch, so a crash between the two loses nothing.
import { createHmac } from 'node:crypto';
import { ApplicationFailure } from '@temporalio/activity';
import type { Client } from '@temporalio/client';
import type { PlanningDocumentRepository } from '../persistence/planning-document.repository';
import type { WorkerConfig } from '../platform/config';
import { startWorkflowOnce } from '../platform/temporal-connection';
import { heartbeating } from './heartbeat';
import { DOCUMENT_WEBHOOK_WORKFLOW_TYPE, documentWebhookStart } from '../workflows/document-webhook/definitions';

export const SIGNATURE_HEADER = 'X-Jalin-Signature';
export const TIMESTAMP_HEADER = 'X-Jalin-Timestamp';
export const IDEMPOTENCY_HEADER = 'Idempotency-Key';

export type WebhookSettings = Pick<
  WorkerConfig,
  'WEBHOOK_URL' | 'WEBHOOK_SECRET' | 'WEBHOOK_RETRY_INITIAL_MS' | 'WEBHOOK_RETRY_MAX_MS' | 'WEBHOOK_MAX_ATTEMPTS' | 'TEMPORAL_TASK_QUEUE'
>;

export function signBody(secret: string, rawBody: string): string {
  return `sha256=${createHmac('sha256', secret).update(rawBody).digest('hex')}`;
}

export function changeKey(documentId: string, seq: number): string {
  return `${documentId}:${seq}`;
}

/** Starts a delivery for every change not yet handed over; a no-op while the webhook is off. */
export async function dispatchDocumentChanges(documents: PlanningDocumentRepository, client: Client, settings: WebhookSettings): Promise<number> {
  if (!settings.WEBHOOK_URL) return 0;
  return documents.dispatchPending((change) => startWorkflowOnce(client, DOCUMENT_WEBHOOK_WORKFLOW_TYPE, documentWebhookStart(change, settings)));
}

export function createDocumentWebhook(documents: PlanningDocumentRepository, settings: WebhookSettings) {
  async function deliverDocumentChange({ changeId }: { changeId: string }): Promise<void> {
    const { WEBHOOK_URL: url, WEBHOOK_SECRET: secret } = settings;
    if (!url || !secret) return;
    const change = await documents.changeForDelivery(changeId);
    if (change.deliveredAt) return;
    const { document } = change;
    const sentAt = new Date();
    const rawBody = JSON.stringify({
      id: changeKey(document.id, change.seq),
      type: change.kind,
      occurredAt: change.occurredAt.toISOString(),
      sentAt: sentAt.toISOString(),
      document: {
        id: document.id,
        kind: document.kind,
        regionCode: document.regionCode,
        budgetYear: document.budgetYear,
        agency: document.agency,
        sequence: change.seq,
      },
      change: change.payload,
    });
    let response: Response;
    try {
      response = await heartbeating(() =>
        fetch(url, {
          method: 'POST',
          headers: {
            'Content-Type': 'application/json',
            [SIGNATURE_HEADER]: signBody(secret, rawBody),
            [TIMESTAMP_HEADER]: String(Math.floor(sentAt.getTime() / 1000)),
            [IDEMPOTENCY_HEADER]: changeKey(document.id, change.seq),
          },
          body: rawBody,
          signal: AbortSignal.timeout(10_000),
        }),
      );
    } catch (error) {
      throw ApplicationFailure.retryable(`webhook receiver unreachable: ${(error as Error).message}`, 'WebhookUnreachable');
    }
    if (!response.ok) throw ApplicationFailure.retryable(`webhook receiver answered ${response.status}`, 'WebhookRefused');
    await documents.markDelivered(change.id);
  }
  return { deliverDocumentChange };
}
