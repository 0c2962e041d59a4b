// Tells the running workflows that a region's calendar changed, so they take the new
// dates without a restart: the planning seasons and the plans under review. The change
// itself is already stored when this runs: a failed message is logged, not thrown; the
// season re-reads the calendar before each notice, a plan at its next stage.
import { Injectable, Logger } from '@nestjs/common';
import { SeasonProcessRepository } from '../repositories/season-process.repository';
import { PlanCalendarSignals } from './plan-calendar-signals';

@Injectable()
export class TimelineNotifier {
  private readonly logger = new Logger(TimelineNotifier.name);

  constructor(
    private readonly seasons: SeasonProcessRepository,
    private readonly plans: PlanCalendarSignals,
  ) {}

  /** A date of one region and budget year changed (its own override). */
  async calendarChanged(regionCode: string, budgetYear: number): Promise<void> {
    await Promise.all([this.tell(regionCode, budgetYear), this.plans.calendarChanged({ regionCode, budgetYear })]);
  }

  /** A national date of a budget year changed: every region without its own override may move. */
  async nationalCalendarChanged(budgetYear: number): Promise<void> {
    await Promise.all([this.tellSeasons(budgetYear), this.plans.calendarChanged({ budgetYear })]);
  }

  /**
   * A day off was added or removed (national, or only `regionCode`'s own). It moves
   * working days in its calendar year, which is worked on for the next budget year and
   * closes the current one; and every open review's service period there.
   */
  async dayOffChanged(date: string, regionCode?: string): Promise<void> {
    const year = Number(date.slice(0, 4));
    if (regionCode) {
      await Promise.all([this.tell(regionCode, year), this.tell(regionCode, year + 1), this.plans.calendarChanged({ regionCode })]);
      return;
    }
    await Promise.all([this.tellSeasons(year), this.tellSeasons(year + 1), this.plans.calendarChanged({})]);
  }

  private async tellSeasons(budgetYear: number): Promise<void> {
    let regions: string[];
    try {
      regions = await this.seasons.runningRegions(budgetYear);
    } catch (err) {
      this.logger.warn({ err, budgetYear }, 'could not list the running planning seasons');
      return;
    }
    await Promise.all(regions.map((regionCode) => this.tell(regionCode, budgetYear)));
  }

  private async tell(regionCode: string, budgetYear: number): Promise<void> {
    try {
      await this.seasons.signalCalendarChanged(regionCode, budgetYear, new Date());
    } catch (err) {
      this.logger.warn({ err, regionCode, budgetYear }, 'could not tell the planning season that its calendar changed');
    }
  }
}
