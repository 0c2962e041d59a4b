// Tells the plans under review that their calendar changed, so their due dates and
// reminders follow at once rather than at their next stage. Called after the change is
// stored; a plan that cannot be told now still takes the new dates at its next stage.
import { Injectable, Logger } from '@nestjs/common';
import { OpenPlanWorkflowRepository, type CalendarScope } from '../repositories/open-plan-workflow.repository';

@Injectable()
export class PlanCalendarSignals {
  private readonly logger = new Logger(PlanCalendarSignals.name);

  constructor(private readonly workflows: OpenPlanWorkflowRepository) {}

  /** Returns how many running plans were told. */
  async calendarChanged(scope: CalendarScope): Promise<number> {
    let workflowIds: string[];
    try {
      workflowIds = await this.workflows.inReview(scope);
    } catch (error) {
      // The change is stored: it must not read as refused because the plans could not be listed.
      this.logger.warn({ scope, error: String(error) }, 'could not list the plans to tell of a calendar change');
      return 0;
    }
    const results = await Promise.allSettled(workflowIds.map((id) => this.workflows.signalCalendarChanged(id)));
    const failed = results.filter((result) => result.status === 'rejected');
    if (failed.length) this.logger.warn({ scope, failed: failed.length, error: String(failed[0].reason) }, 'some plans did not get the calendar change');
    return results.filter((result) => result.status === 'fulfilled' && result.value).length;
  }
}
