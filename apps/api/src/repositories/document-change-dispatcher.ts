// Hands the document changes the API committed (state moves) to delivery workflows, as
// the worker does after a sync; the outbox makes a missed hand-over harmless.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { PlanningDocumentRepository } from '../../../../persistence/planning-document.repository';
import type { AppConfig } from '../../../../platform/config';
import { startWorkflowOnce } from '../../../../platform/temporal-connection';
import { DOCUMENT_WEBHOOK_WORKFLOW_TYPE, documentWebhookStart } from '../../../../workflows/document-webhook/definitions';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../tokens';

@Injectable()
export class DocumentChangeDispatcher {
  private readonly logger = new Logger(DocumentChangeDispatcher.name);

  constructor(
    private readonly documents: PlanningDocumentRepository,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Never fails the request: the change is committed, and the next dispatch picks it up. */
  async dispatch(): Promise<void> {
    if (!this.config.WEBHOOK_URL) return;
    try {
      await this.documents.dispatchPending((change) =>
        startWorkflowOnce(this.temporal, DOCUMENT_WEBHOOK_WORKFLOW_TYPE, documentWebhookStart(change, this.config)),
      );
    } catch (error) {
      this.logger.warn(`document changes left for the next dispatch: ${(error as Error).message}`);
    }
  }
}
