// The API's door to the obligations' reminder workflows: the start (idempotent: the id is
// the obligation's) and the fulfilment as an Update, with its refusal as a domain error.
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { Conflict } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import type { AppConfig } from '../../../../platform/config';
import {
  OBLIGATION_WORKFLOW_TYPE,
  fulfilObligationUpdate,
  obligationWorkflowId,
  type FulfilObligation,
  type ObligationState,
  type ObligationWorkflowInput,
} from '../../../../workflows/agreement-obligation/definitions';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../tokens';

export const alreadyFulfilled = () =>
  new Conflict('OBLIGATION_ALREADY_FULFILLED', text('Kewajiban ini sudah dicatat terpenuhi.', 'This obligation is already recorded as fulfilled.'));

@Injectable()
export class ObligationProcessRepository {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>,
  ) {}

  async start(input: ObligationWorkflowInput): Promise<void> {
    try {
      await this.client.workflow.start(OBLIGATION_WORKFLOW_TYPE, {
        workflowId: obligationWorkflowId(input.obligationId),
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  /** The validator refuses a second fulfilment: answered as 409. */
  async fulfil(obligationId: string, command: FulfilObligation): Promise<ObligationState> {
    try {
      return await this.client.workflow.getHandle(obligationWorkflowId(obligationId)).executeUpdate(fulfilObligationUpdate, { args: [command] });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError) throw alreadyFulfilled();
      throw error;
    }
  }
}
