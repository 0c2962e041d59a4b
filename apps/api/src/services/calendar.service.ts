// The planning and budget calendar of a region and budget year: the rules' defaults,
// replaced by national and regional overrides, with each date's working-day status in
// the region's time zone; and the admins' edits of the overrides.
import { Injectable } from '@nestjs/common';
import { requireAdmin, requireNationalCalendarRights, requireRegionCalendarRead } from '../../../../domain/access-policy';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import type { AuthContext } from '../../../../domain/auth-context';
import { NotFound, ValidationFailed } from '../../../../domain/errors';
import { daysOffSet, type YearDaysOff } from '../../../../domain/day-off';
import type { ResolvedMilestone } from '../../../../domain/fiscal-calendar';
import { regionTimeZone, type IndonesianTimeZone } from '../../../../domain/region-time-zone';
import { isWorkingDay } from '../../../../domain/working-days';
import type { Violation } from '../../../../domain/violation';
import { AuditRepository } from '../../../../persistence/audit.repository';
import { CalendarRepository, NATIONAL, type CalendarOverrideRecord, type OverrideKey } from '../../../../persistence/calendar.repository';
import { RegionRepository } from '../../../../persistence/region.repository';
import { budgetYearViolations, dateViolations, milestoneDateViolations, milestoneViolations, regionCodeViolations } from './calendar-input';
import { HolidayService } from './holiday.service';
import { TimelineNotifier } from './timeline-notifier';

const REGION = { id: 'Wilayah', en: 'Region' };
const OVERRIDE = { id: 'Penyesuaian tanggal kalender', en: 'Calendar override' };

export interface RegionCalendar {
  regionCode: string;
  regionName: string;
  regionLevel: 'PROVINCE' | 'REGENCY';
  budgetYear: number;
  timeZone: IndonesianTimeZone;
  milestones: Array<ResolvedMilestone & { workingDay: boolean }>;
  /** The calendar years the milestones fall in, each official (decree) or provisional. */
  daysOffYears: YearDaysOff[];
}

export interface OverrideInput {
  date: string;
  note?: string;
}

/** What an audit entry keeps of an override. */
function overrideSnapshot(row: CalendarOverrideRecord | null) {
  return row && { date: row.date, note: row.note };
}

function throwIfAny(violations: Violation[]): void {
  if (violations.length) throw new ValidationFailed(violations);
}

@Injectable()
export class CalendarService {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly regions: RegionRepository,
    private readonly holidays: HolidayService,
    private readonly audit: AuditRepository,
    private readonly timelines: TimelineNotifier,
  ) {}

  async get(auth: AuthContext, regionCode: string, rawBudgetYear: string): Promise<RegionCalendar> {
    throwIfAny([...regionCodeViolations(regionCode), ...budgetYearViolations(rawBudgetYear)]);
    requireRegionCalendarRead(auth, regionCode);
    const budgetYear = Number(rawBudgetYear);
    const calendar = await this.calendars.regionCalendar(budgetYear, regionCode);
    if (!calendar) throw new NotFound(REGION, regionCode);
    const { region, milestones } = calendar;
    const years = await this.holidays.years(
      milestones.map((m) => m.date),
      regionCode,
    );
    const holidays = daysOffSet(years);
    return {
      regionCode,
      regionName: region.name,
      regionLevel: region.level,
      budgetYear,
      timeZone: regionTimeZone(regionCode),
      milestones: milestones.map((m) => ({ ...m, workingDay: isWorkingDay(m.date, holidays) })),
      daysOffYears: years,
    };
  }

  async setRegional(auth: AuthContext, regionCode: string, rawBudgetYear: string, milestone: string, input: OverrideInput) {
    const key = this.key(regionCode, rawBudgetYear, milestone);
    requireAdmin(auth, regionCode);
    if (!(await this.regions.findByCode(regionCode))) throw new NotFound(REGION, regionCode);
    const override = await this.set(auth, key, input);
    await this.timelines.calendarChanged(regionCode, key.budgetYear);
    return override;
  }

  async removeRegional(auth: AuthContext, regionCode: string, rawBudgetYear: string, milestone: string): Promise<void> {
    const key = this.key(regionCode, rawBudgetYear, milestone);
    requireAdmin(auth, regionCode);
    await this.remove(auth, key);
    await this.timelines.calendarChanged(regionCode, key.budgetYear);
  }

  async setNational(auth: AuthContext, rawBudgetYear: string, milestone: string, input: OverrideInput) {
    const key = this.key(NATIONAL, rawBudgetYear, milestone);
    requireNationalCalendarRights(auth);
    const override = await this.set(auth, key, input);
    await this.timelines.nationalCalendarChanged(key.budgetYear);
    return override;
  }

  async removeNational(auth: AuthContext, rawBudgetYear: string, milestone: string): Promise<void> {
    const key = this.key(NATIONAL, rawBudgetYear, milestone);
    requireNationalCalendarRights(auth);
    await this.remove(auth, key);
    await this.timelines.nationalCalendarChanged(key.budgetYear);
  }

  private key(regionCode: string, rawBudgetYear: string, milestone: string): OverrideKey {
    throwIfAny([
      ...(regionCode === NATIONAL ? [] : regionCodeViolations(regionCode)),
      ...budgetYearViolations(rawBudgetYear),
      ...milestoneViolations(milestone),
    ]);
    return { regionCode, budgetYear: Number(rawBudgetYear), milestone };
  }

  private async set(auth: AuthContext, key: OverrideKey, input: OverrideInput): Promise<CalendarOverrideRecord> {
    const format = dateViolations(input.date);
    throwIfAny(format.length ? format : milestoneDateViolations(input.date, key.budgetYear));
    const note = input.note?.trim() || null;
    return this.calendars.setOverride(key, { date: input.date, note, createdBy: auth.username }, (db, before, after) =>
      this.audit.record(
        auth,
        {
          action: AuditAction.CALENDAR_OVERRIDE_SET,
          entity: AuditEntity.CALENDAR_OVERRIDE,
          entityId: after?.id,
          before: overrideSnapshot(before),
          after: overrideSnapshot(after),
          details: { budgetYear: key.budgetYear, regionCode: key.regionCode || null, milestone: key.milestone },
          ...(key.regionCode !== NATIONAL && { regionCode: key.regionCode }),
        },
        db,
      ),
    );
  }

  private async remove(auth: AuthContext, key: OverrideKey): Promise<void> {
    const removed = await this.calendars.removeOverride(key, (db, before) =>
      this.audit.record(
        auth,
        {
          action: AuditAction.CALENDAR_OVERRIDE_REMOVED,
          entity: AuditEntity.CALENDAR_OVERRIDE,
          entityId: before?.id,
          before: overrideSnapshot(before),
          details: { budgetYear: key.budgetYear, regionCode: key.regionCode || null, milestone: key.milestone },
          ...(key.regionCode !== NATIONAL && { regionCode: key.regionCode }),
        },
        db,
      ),
    );
    if (!removed) throw new NotFound(OVERRIDE, `${key.budgetYear}/${key.regionCode || 'national'}/${key.milestone}`);
  }
}
