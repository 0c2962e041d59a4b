// The API's door to the e-mail retry workflow: an admin's retry of a FAILED e-mail
// is sent durably, with the worker's retry policy, not from the request.
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { EMAIL_RETRY_WORKFLOW_TYPE, emailRetryWorkflowId, type EmailRetryRequest } from '../../../../workflows/notification/definitions';
import type { AppConfig } from '../../../../platform/config';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../tokens';

@Injectable()
export class EmailRetryProcessRepository {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>,
  ) {}

  /** Starts the retry round; the same round requested twice runs once. */
  async start(deliveryId: string, attempts: number): Promise<void> {
    const request: EmailRetryRequest = { deliveryId };
    try {
      await this.client.workflow.start(EMAIL_RETRY_WORKFLOW_TYPE, {
        workflowId: emailRetryWorkflowId(deliveryId, attempts),
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [request],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }
}
