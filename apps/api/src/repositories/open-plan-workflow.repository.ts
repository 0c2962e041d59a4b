// The running plan workflows a calendar change concerns, and the message that tells them.
import { Inject, Injectable } from '@nestjs/common';
import { WorkflowNotFoundError, type Client } from '@temporalio/client';
import { REVIEW_STAGES } from '../../../../domain/plan-stage';
import type { PrismaClient } from '../../../../prisma/client';
import { calendarChangedSignal, planWorkflowId } from '../../../../workflows/cooperation-plan/definitions';
import { PRISMA, TEMPORAL_CLIENT } from '../tokens';

/** Which plans: one region's, or all (a national override, a collective leave day); one budget year or all. */
export interface CalendarScope {
  regionCode?: string;
  budgetYear?: number;
}

@Injectable()
export class OpenPlanWorkflowRepository {
  constructor(
    @Inject(PRISMA) private readonly prisma: PrismaClient,
    @Inject(TEMPORAL_CLIENT) private readonly client: Client,
  ) {}

  async inReview(scope: CalendarScope): Promise<string[]> {
    const plans = await this.prisma.cooperationPlan.findMany({
      where: { stage: { in: [...REVIEW_STAGES] }, regionCode: scope.regionCode, budgetYear: scope.budgetYear },
      select: { id: true },
    });
    return plans.map((plan) => planWorkflowId(plan.id));
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
