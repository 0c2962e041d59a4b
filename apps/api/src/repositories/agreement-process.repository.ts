// The API's door to the agreements' Temporal workflows: the start (idempotent: the id is
// derived from the plan, so a second start finds the first), the human steps as Updates,
// and their refusals as domain errors.
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, WorkflowUpdateFailedError, type Client } from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { Conflict } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import type { Violation } from '../../../../domain/violation';
import {
  AGREEMENT_REFUSED_FAILURE_TYPE,
  AGREEMENT_WORKFLOW_TYPE,
  agreementWorkflowId,
  type AgreementStatus,
  type AgreementWorkflowInput,
} from '../../../../workflows/cooperation-agreement/definitions';
import type { AppConfig } from '../../../../platform/config';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../tokens';

@Injectable()
export class AgreementProcessRepository {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>,
  ) {}

  /** Starts the agreement's process; one already running (or finished) for the plan is kept. */
  async start(input: AgreementWorkflowInput): Promise<void> {
    try {
      await this.client.workflow.start(AGREEMENT_WORKFLOW_TYPE, {
        workflowId: agreementWorkflowId(input.planId),
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'USE_EXISTING',
        workflowIdReusePolicy: 'REJECT_DUPLICATE',
      });
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
    }
  }

  async update<Arg>(planId: string, definition: UpdateDefinition<AgreementStatus, [Arg]>, arg: Arg, updateId?: string): Promise<AgreementStatus> {
    try {
      return await this.client.workflow.getHandle(agreementWorkflowId(planId)).executeUpdate(definition, { args: [arg], updateId });
    } catch (error) {
      if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === AGREEMENT_REFUSED_FAILURE_TYPE) {
        const violation = error.cause.details?.[0] as Violation | undefined;
        throw new Conflict(violation?.reason ?? 'REFUSED', violation?.message ?? text(error.cause.message, error.cause.message), violation ? [violation] : []);
      }
      if (error instanceof WorkflowNotFoundError || error instanceof WorkflowUpdateFailedError) {
        throw new Conflict('AGREEMENT_CLOSED', text('Proses perjanjian ini sudah berakhir.', "This agreement's process has ended."));
      }
      throw error;
    }
  }
}
