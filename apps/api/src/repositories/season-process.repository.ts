// The API's door to the planning-season workflows: start one per region and budget year
// (a running or finished season is found, never doubled), read its status, and tell the
// running ones that their calendar changed.
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError, type Client } from '@temporalio/client';
import {
  PLANNING_SEASON_WORKFLOW_TYPE,
  calendarChangedSignal,
  parsePlanningSeasonWorkflowId,
  planningSeasonWorkflowId,
  seasonStatusQuery,
  type PlanningSeasonInput,
  type SeasonStatus,
} from '../../../../workflows/planning-season/definitions';
import type { AppConfig } from '../../../../platform/config';
import { APP_CONFIG, TEMPORAL_CLIENT } from '../tokens';

/** How long a status read may wait for a worker before the API answers without it. */
const STATUS_WAIT_MS = 10_000;

@Injectable()
export class SeasonProcessRepository {
  constructor(
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'TEMPORAL_TASK_QUEUE'>,
  ) {}

  /** Starts the season; `started` is false when it was already running or had finished. */
  async start(regionCode: string, budgetYear: number): Promise<{ workflowId: string; started: boolean }> {
    const workflowId = planningSeasonWorkflowId(regionCode, budgetYear);
    const input: PlanningSeasonInput = { regionCode, budgetYear };
    try {
      await this.client.workflow.start(PLANNING_SEASON_WORKFLOW_TYPE, {
        workflowId,
        taskQueue: this.config.TEMPORAL_TASK_QUEUE,
        args: [input],
        // Never two at once, and a season that ran to its end stays ended; one that failed
        // or was terminated may be started again.
        workflowIdConflictPolicy: 'FAIL',
        workflowIdReusePolicy: 'ALLOW_DUPLICATE_FAILED_ONLY',
      });
      return { workflowId, started: true };
    } catch (error) {
      if (error instanceof WorkflowExecutionAlreadyStartedError) return { workflowId, started: false };
      throw error;
    }
  }

  /** The live status, or null when the region has no season for the year. */
  async status(regionCode: string, budgetYear: number): Promise<SeasonStatus | null> {
    const handle = this.client.workflow.getHandle(planningSeasonWorkflowId(regionCode, budgetYear));
    try {
      return await this.client.withDeadline(Date.now() + STATUS_WAIT_MS, () => handle.query(seasonStatusQuery));
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return null;
      throw error;
    }
  }

  /** Returns false when no season of that region and year is running. */
  async signalCalendarChanged(regionCode: string, budgetYear: number, changedAt: Date): Promise<boolean> {
    try {
      await this.client.workflow
        .getHandle(planningSeasonWorkflowId(regionCode, budgetYear))
        .signal(calendarChangedSignal, { changedAt: changedAt.toISOString() });
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }

  /** The regions whose season of `budgetYear` runs on this deployment's task queue. */
  async runningRegions(budgetYear: number): Promise<string[]> {
    const query =
      `WorkflowType = '${PLANNING_SEASON_WORKFLOW_TYPE}' AND ExecutionStatus = 'Running' ` +
      `AND TaskQueue = '${this.config.TEMPORAL_TASK_QUEUE.replace(/'/g, "\\'")}'`;
    const regions: string[] = [];
    for await (const execution of this.client.workflow.list({ query })) {
      const season = parsePlanningSeasonWorkflowId(execution.workflowId);
      if (season?.budgetYear === budgetYear) regions.push(season.regionCode);
    }
    return regions;
  }
}
