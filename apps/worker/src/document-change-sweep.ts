// The webhook outbox's safety net: a document change whose hand-over to its delivery
// workflow failed (the API could not reach Temporal) would otherwise wait for the next
// change. Each worker hands over what is pending when it starts and then every half
// minute; a change handed over twice still starts one delivery (its workflow id).
import { Client, type ConnectionLike } from '@temporalio/client';
import type { Worker } from '@temporalio/worker';
import { dispatchDocumentChanges, type WebhookSettings } from '../../../activities/document-webhook';
import type { PlanningDocumentRepository } from '../../../persistence/planning-document.repository';

export const DOCUMENT_SWEEP_EVERY_MS = 30_000;

export interface DocumentChangeSweep {
  connection: ConnectionLike;
  namespace: string;
  documents: PlanningDocumentRepository;
  settings: WebhookSettings;
  everyMs?: number;
}

const STOPPED = new Set(['STOPPING', 'DRAINING', 'DRAINED', 'STOPPED', 'FAILED']);

/** Sweeps while the worker runs; a failed sweep (an outage) is simply tried again next time. */
export function sweepDocumentChangesWhileRunning(worker: Worker, sweep: DocumentChangeSweep): void {
  if (!sweep.settings.WEBHOOK_URL) return;
  const client = new Client({ connection: sweep.connection, namespace: sweep.namespace });
  let busy = false;
  const once = async () => {
    if (busy) return;
    busy = true;
    try {
      await dispatchDocumentChanges(sweep.documents, client, sweep.settings);
    } catch {
      // Left pending: the next sweep or the next change hands it over.
    } finally {
      busy = false;
    }
  };
  const timer = setInterval(() => {
    if (STOPPED.has(worker.getState())) clearInterval(timer);
    else void once();
  }, sweep.everyMs ?? DOCUMENT_SWEEP_EVERY_MS);
  timer.unref();
  void once();
}
