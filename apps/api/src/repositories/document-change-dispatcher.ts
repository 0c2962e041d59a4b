// Hands the document changes the API committed (state moves) to delivery workflows, as
// the worker does after a sync; the outbox makes a missed hand-over harmless.
import { Inject, Injectable, Logger } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { dispatchDocumentChanges } from '../../../../activities/document-webhook';
import type { PrismaClient } from '../../../../prisma/client';
import type { AppConfig } from '../../../../platform/config';
import { APP_CONFIG, PRISMA, TEMPORAL_CLIENT } from '../tokens';

@Injectable()
export class DocumentChangeDispatcher {
  private readonly logger = new Logger(DocumentChangeDispatcher.name);

  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /** Never fails the request: the change is committed, and the next dispatch picks it up. */
  async dispatch(): Promise<void> {
    try {
      await dispatchDocumentChanges(this.prisma, this.temporal, this.config);
    } catch (error) {
      this.logger.warn(`document changes left for the next dispatch: ${(error as Error).message}`);
    }
  }
}
