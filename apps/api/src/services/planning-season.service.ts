// Starting a region's planning season for a budget year (its admins), and reading how it
// stands (anyone with a role in the region, as for the calendar it follows).
import { Injectable } from '@nestjs/common';
import { requireAdmin, requireRegionCalendarRead } from '../../../../domain/access-policy';
import type { AuthContext } from '../../../../domain/auth-context';
import { NotFound, ValidationFailed } from '../../../../domain/errors';
import type { SeasonStatus } from '../../../../workflows/planning-season/definitions';
import { RegionRepository } from '../../../../persistence/region.repository';
import { SeasonProcessRepository } from '../repositories/season-process.repository';
import { budgetYearViolations, regionCodeViolations } from './calendar-input';

const REGION = { id: 'Wilayah', en: 'Region' };
const SEASON = { id: 'Musim perencanaan', en: 'Planning season' };

export interface SeasonView {
  workflowId: string;
  /** True when this request started it; false when it was running or had finished. */
  started: boolean;
  /** Null while no worker has answered yet. */
  status: SeasonStatus | null;
}

@Injectable()
export class PlanningSeasonService {
  constructor(
    private readonly seasons: SeasonProcessRepository,
    private readonly regions: RegionRepository,
  ) {}

  async start(auth: AuthContext, regionCode: string, rawBudgetYear: string): Promise<SeasonView> {
    const budgetYear = this.budgetYear(regionCode, rawBudgetYear);
    requireAdmin(auth, regionCode);
    if (!(await this.regions.findByCode(regionCode))) throw new NotFound(REGION, regionCode);
    const { workflowId, started } = await this.seasons.start(regionCode, budgetYear);
    return { workflowId, started, status: await this.seasons.status(regionCode, budgetYear).catch(() => null) };
  }

  async status(auth: AuthContext, regionCode: string, rawBudgetYear: string): Promise<SeasonStatus> {
    const budgetYear = this.budgetYear(regionCode, rawBudgetYear);
    requireRegionCalendarRead(auth, regionCode);
    const status = await this.seasons.status(regionCode, budgetYear);
    if (!status) throw new NotFound(SEASON, `${regionCode}/${budgetYear}`);
    return status;
  }

  private budgetYear(regionCode: string, rawBudgetYear: string): number {
    const violations = [...regionCodeViolations(regionCode), ...budgetYearViolations(rawBudgetYear)];
    if (violations.length) throw new ValidationFailed(violations);
    return Number(rawBudgetYear);
  }
}
