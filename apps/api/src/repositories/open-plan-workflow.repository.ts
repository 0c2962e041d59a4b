// The running plan workflows a calendar change concerns, and the message that tells them.
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { PlanRepository, type CalendarScope } from '../../../../persistence/plan.repository';
import { calendarChangedSignal, planWorkflowId } from '../../../../workflows/cooperation-plan/definitions';
import { TEMPORAL_CLIENT } from '../tokens';

export type { CalendarScope } from '../../../../persistence/plan.repository';

@Injectable()
export class OpenPlanWorkflowRepository {
  constructor(
    private readonly plans: PlanRepository,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  async inReview(scope: CalendarScope): Promise<string[]> {
    return (await this.plans.inReview(scope)).map(planWorkflowId);
  }

  /** False when the workflow has ended meanwhile. */
  async signalCalendarChanged(workflowId: string): Promise<boolean> {
    try {
      await this.client.workflow.getHandle(workflowId).signal(calendarChangedSignal);
      return true;
    } catch (error) {
      if (error instanceof WorkflowNotFoundError) return false;
      throw error;
    }
  }
}
