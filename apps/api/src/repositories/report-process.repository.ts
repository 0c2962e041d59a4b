// The API's door to the mapping-report workflows: a step is an Update (the first
// compilation starts the workflow with it); the workflow's refusals come back as domain
// errors (403 for who the caller is, 409 for the report's state).
import { Inject, Injectable } from '@nestjs/common';
import {
  WithStartWorkflowOperation,
  WorkflowExecutionAlreadyStartedError,
  WorkflowNotFoundError,
  WorkflowUpdateFailedError,
  type Client,
} from '@temporalio/client';
import { ApplicationFailure, type UpdateDefinition } from '@temporalio/common';
import { Conflict, Forbidden } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import type { Violation } from '../../../../domain/violation';
import {
  MAPPING_REPORT_WORKFLOW_TYPE,
  REPORT_REFUSED_FAILURE_TYPE,
  compileReportUpdate,
  mappingReportWorkflowId,
  type MappingReportInput,
  type MappingReportState,
  type ReportStepCommand,
} from '../../../../workflows/mapping-report/definitions';
import {
  REPORTING_DEADLINE_WORKFLOW_TYPE,
  reportingDeadlineChangedSignal,
  reportingDeadlineWorkflowId,
  type ReportingDeadlineInput,
} from '../../../../workflows/reporting-deadline/definitions';
import type { AppConfig } from '../../../../platform/config';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../tokens';

@Injectable()
export class ReportProcessRepository {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE' | 'TEMPORAL_WORKFLOW_ID_SCOPE'>,
  ) {}

  async compile(input: MappingReportInput, command: ReportStepCommand, updateId?: string): Promise<MappingReportState> {
    const startWorkflowOperation = new WithStartWorkflowOperation(MAPPING_REPORT_WORKFLOW_TYPE, {
      workflowId: mappingReportWorkflowId(input.region.code, input.budgetYear, this.config.TEMPORAL_WORKFLOW_ID_SCOPE),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [{ ...input, ...(this.config.TEMPORAL_WORKFLOW_ID_SCOPE && { idScope: this.config.TEMPORAL_WORKFLOW_ID_SCOPE }) }],
      workflowIdConflictPolicy: 'USE_EXISTING',
    });
    try {
      return await this.client.workflow.executeUpdateWithStart(compileReportUpdate, { args: [command], updateId, startWorkflowOperation });
    } catch (error) {
      throw this.translate(error);
    }
  }

  async step(
    regionCode: string,
    budgetYear: number,
    definition: UpdateDefinition<MappingReportState, [ReportStepCommand]>,
    command: ReportStepCommand,
    updateId?: string,
  ): Promise<MappingReportState> {
    try {
      return await this.client.workflow
        .getHandle(mappingReportWorkflowId(regionCode, budgetYear, this.config.TEMPORAL_WORKFLOW_ID_SCOPE))
        .executeUpdate(definition, { args: [command], updateId });
    } catch (error) {
      throw this.translate(error);
    }
  }

  /**
   * Starts the year's deadline check; `started` is false when it ran already. When it runs,
   * it is told that its deadline changed (the keeper's change), unless `tellIfRunning` is
   * false (`npm start` making sure it runs).
   */
  async startDeadlineCheck(budgetYear: number, { tellIfRunning = true } = {}): Promise<{ workflowId: string; started: boolean }> {
    const workflowId = reportingDeadlineWorkflowId(budgetYear, this.config.TEMPORAL_WORKFLOW_ID_SCOPE);
    const input: ReportingDeadlineInput = { budgetYear, ...(this.config.TEMPORAL_WORKFLOW_ID_SCOPE && { idScope: this.config.TEMPORAL_WORKFLOW_ID_SCOPE }) };
    try {
      await this.client.workflow.start(REPORTING_DEADLINE_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      });
      return { workflowId, started: true };
    } catch (error) {
      if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
      if (!tellIfRunning) return { workflowId, started: false };
      await this.client.workflow
        .getHandle(workflowId)
        .signal(reportingDeadlineChangedSignal)
        .catch((signalError: unknown) => {
          if (!(signalError instanceof WorkflowNotFoundError)) throw signalError;
        });
      return { workflowId, started: false };
    }
  }

  private translate(error: unknown): unknown {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === REPORT_REFUSED_FAILURE_TYPE) {
      const violation = error.cause.details?.[0] as Violation | undefined;
      if (violation?.reason === 'NOT_ALLOWED') return new Forbidden(violation.message, violation.reason, [violation]);
      return new Conflict(violation?.reason ?? 'REFUSED', violation?.message ?? text(error.cause.message, error.cause.message), violation ? [violation] : []);
    }
    if (error instanceof WorkflowNotFoundError) {
      return new Conflict('NOT_COMPILED', text('Laporan pemetaan belum disusun.', 'The mapping report has not been compiled yet.'));
    }
    return error;
  }
}
