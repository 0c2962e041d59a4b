// The API's door to the plans' Temporal workflows: submission (update-with-start, so
// the first submission starts the process and a repeated one finds it), decisions, and
// the live status query. Temporal's refusals come back as domain errors.
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
import type { ReviewDecision } from '../../../../domain/review-decision';
import type { Violation } from '../../../../domain/violation';
import {
  PLAN_WORKFLOW_TYPE,
  REFUSED_FAILURE_TYPE,
  decideReviewUpdate,
  planStatusQuery,
  planWorkflowId,
  submitPlanUpdate,
  type PlanChange,
  type PlanStatus,
  type PlanWorkflowInput,
} from '../../../../workflows/cooperation-plan/definitions';
import { type PlanSubmission } from '../../../../domain/plan-transition';
import { type Actor } from '../../../../domain/actor';
import type { AppConfig } from '../../../../platform/config';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../tokens';

/** Refusals of who the caller is rather than of the plan's state. */
const FORBIDDEN_REASONS = new Set(['OWN_PLAN']);

/** How long a plan page waits for the live status before it shows the stored one. */
export const STATUS_QUERY_DEADLINE_MS = 1000;

@Injectable()
export class PlanProcessRepository {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>,
  ) {}

  /** Submits a revision. The update id is derived from it, so a retried request gets the first answer. */
  async submit(planId: string, submission: PlanSubmission): Promise<PlanChange> {
    const input: PlanWorkflowInput = { planId };
    const startWorkflowOperation = new WithStartWorkflowOperation(PLAN_WORKFLOW_TYPE, {
      workflowId: planWorkflowId(planId),
      taskQueue: this.config.TEMPORAL_TASK_QUEUE,
      args: [input],
      workflowIdConflictPolicy: 'USE_EXISTING',
      // A finished plan's process is never started again under the same id.
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
    });
    try {
      return await this.client.workflow.executeUpdateWithStart(submitPlanUpdate, {
        args: [submission],
        updateId: `submit-r${submission.revision}`,
        startWorkflowOperation,
      });
    } catch (error) {
      throw this.translate(error);
    }
  }

  decide(planId: string, decision: ReviewDecision & { actor: Actor }, requestId: string): Promise<PlanChange> {
    return this.update(planId, decideReviewUpdate, decision, requestId);
  }

  /** Any other human action on the plan's process: task commands, votes, withdrawal. */
  async update<Arg>(planId: string, definition: UpdateDefinition<PlanChange, [Arg]>, arg: Arg, updateId?: string): Promise<PlanChange> {
    try {
      return await this.client.workflow.getHandle(planWorkflowId(planId)).executeUpdate(definition, { args: [arg], updateId });
    } catch (error) {
      throw this.translate(error);
    }
  }

  /**
   * A freshness check of the stored status: the process's own answer if a worker gives it
   * within `withinMs`, null when the plan has no process yet, undefined when none came
   * (no worker polling, Temporal out of reach), so the caller shows the stored status.
   */
  async status(planId: string, withinMs = STATUS_QUERY_DEADLINE_MS): Promise<PlanStatus | null | undefined> {
    try {
      return await this.client.withDeadline(Date.now() + withinMs, () => this.client.workflow.getHandle(planWorkflowId(planId)).query(planStatusQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      return undefined;
    }
  }

  private translate(error: unknown): unknown {
    if (error instanceof WorkflowUpdateFailedError && error.cause instanceof ApplicationFailure && error.cause.type === REFUSED_FAILURE_TYPE) {
      const violation = error.cause.details?.[0] as Violation | undefined;
      // Separation of duties is a "may not", like every other: 403, not a conflict of state.
      if (violation && FORBIDDEN_REASONS.has(violation.reason)) return new Forbidden(violation.message, violation.reason, [violation]);
      return new Conflict(violation?.reason ?? 'REFUSED', violation?.message ?? text(error.cause.message, error.cause.message), violation ? [violation] : []);
    }
    if (error instanceof WorkflowNotFoundError) {
      return new Conflict('NOT_SUBMITTED', text('Rencana belum diajukan.', 'The plan has not been submitted.'));
    }
    if (error instanceof WorkflowExecutionAlreadyStartedError) {
      return new Conflict('PROCESS_FINISHED', text('Proses rencana ini sudah selesai.', "This plan's process has already finished."));
    }
    return error;
  }
}
