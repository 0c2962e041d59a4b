// The planning calendar: milestone overrides (national ones under regionCode "") and
// days off (the decrees', the calendar keeper's, each region's), and what they come to: a region's resolved calendar of one
// budget year and the days off that working-day counts skip. The API's calendar routes,
// the plan timeline and the planning season all read it here, so all count alike.
// Each change is stored with its audit entry in one transaction.
import { randomUUID } from 'node:crypto';
import {
  DEFAULT_CALENDAR_RULES,
  resolveCalendar,
  type CalendarRegionLevel,
  type CalendarRules,
  type Milestone,
  type ResolvedMilestone,
} from '../domain/fiscal-calendar';
import type { LocalDate } from '../domain/local-date';
import { DayOffKind, daysOffSet, yearDaysOff, type DayOff, type DayOffDecree, type StoredDayOff, type YearDaysOff } from '../domain/day-off';
import type { HolidaySet } from '../domain/working-days';
import { publicHolidayList } from '../platform/indonesian-holidays';
import type { PrismaClient } from '../prisma/client';
import type { AuditWriter } from './audit-trail';

/** The regionCode under which national overrides are stored. */
export const NATIONAL = '';

export interface StoredRegionCalendar {
  region: { code: string; name: string; level: CalendarRegionLevel };
  milestones: ResolvedMilestone[];
}

/** One override's identity; regionCode "" is the national one. */
export interface OverrideKey {
  budgetYear: number;
  regionCode: string;
  milestone: string;
}

export interface OverrideValue {
  date: string;
  note: string | null;
  createdBy: string;
}

export type CalendarOverrideRecord = NonNullable<Awaited<ReturnType<CalendarRepository['findOverride']>>>;

/** Writes the audit entry of a change inside its transaction; `before` is the row it replaced, if any. */
export type AuditChange<T> = (db: AuditWriter, before: T | null, after: T | null) => Promise<unknown>;

export class CalendarRepository {
  constructor(
    private readonly prisma: PrismaClient,
    /** The readings of the regulation's open terms (SECOND_WEEK_RULE, APBD_DAY_COUNT). */
    readonly rules: CalendarRules = DEFAULT_CALENDAR_RULES,
  ) {}

  /** The region and its resolved milestones (national and regional overrides applied); null for an unknown region. */
  async regionCalendar(budgetYear: number, regionCode: string): Promise<StoredRegionCalendar | null> {
    const region = await this.prisma.region.findUnique({ where: { code: regionCode }, select: { code: true, name: true, level: true } });
    if (!region) return null;
    const rows = await this.prisma.calendarOverride.findMany({
      where: { budgetYear, regionCode: { in: [NATIONAL, regionCode] } },
      orderBy: [{ regionCode: 'asc' }, { milestone: 'asc' }],
    });
    const toOverride = (row: (typeof rows)[number]) => ({ milestone: row.milestone as Milestone, date: row.date, note: row.note });
    // The rules' dates fall in the year before the budget year; the region's own days off count too.
    const workYear = budgetYear - 1;
    const holidays = await this.holidays(`${workYear}-01-01`, `${workYear}-12-31`, regionCode);
    const milestones = resolveCalendar(
      budgetYear,
      region.level,
      {
        national: rows.filter((row) => row.regionCode === NATIONAL).map(toOverride),
        regional: rows.filter((row) => row.regionCode === regionCode).map(toOverride),
      },
      this.rules,
      holidays,
    );
    return { region, milestones };
  }

  /**
   * The days off that count from `from` to `to`: each year's decree days, or (a year
   * without a decree) the library's dates less removals plus the keeper's days; with the
   * region's own days when `regionCode` is given.
   */
  async holidays(from: LocalDate, to: LocalDate, regionCode?: string): Promise<HolidaySet> {
    const years: number[] = [];
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) years.push(year);
    return daysOffSet(await Promise.all(years.map((year) => this.yearDaysOff(year, regionCode))));
  }

  /** One year's effective days off (national, and the region's own when asked). */
  async yearDaysOff(year: number, regionCode?: string): Promise<YearDaysOff> {
    const range = { gte: `${year}-01-01`, lte: `${year}-12-31` };
    const [decree, stored, removed] = await Promise.all([
      this.prisma.dayOffDecree.findUnique({ where: { year } }),
      this.prisma.dayOff.findMany({ where: { date: range, regionCode: { in: regionCode ? [NATIONAL, regionCode] : [NATIONAL] } }, orderBy: { date: 'asc' } }),
      this.prisma.dayOffRemoval.findMany({ where: { date: range } }),
    ]);
    return yearDaysOff(year, {
      decree,
      stored: stored.map(toStoredDayOff),
      library: publicHolidayList(year),
      removed: removed.map((row) => row.date),
    });
  }

  findOverride(key: OverrideKey) {
    return this.prisma.calendarOverride.findUnique({ where: { budgetYear_regionCode_milestone: key } });
  }

  setOverride(key: OverrideKey, value: OverrideValue, audit: AuditChange<CalendarOverrideRecord>): Promise<CalendarOverrideRecord> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.calendarOverride.findUnique({ where: { budgetYear_regionCode_milestone: key } });
      const after = await tx.calendarOverride.upsert({
        where: { budgetYear_regionCode_milestone: key },
        create: { id: randomUUID(), ...key, ...value },
        update: value,
      });
      await audit(tx, before, after);
      return after;
    });
  }

  /** Returns false when there was no such override (and records nothing). */
  removeOverride(key: OverrideKey, audit: AuditChange<CalendarOverrideRecord>): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.calendarOverride.findUnique({ where: { budgetYear_regionCode_milestone: key } });
      if (!before) return false;
      await tx.calendarOverride.delete({ where: { id: before.id } });
      await audit(tx, before, null);
      return true;
    });
  }

  /** Enters or corrects the decree of a year; the year's days are then only its stored ones (OFFICIAL). */
  setDecree(decree: DayOffDecree, audit: AuditChange<DayOffDecree>): Promise<DayOffDecree> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.dayOffDecree.findUnique({ where: { year: decree.year } });
      const after = await tx.dayOffDecree.upsert({ where: { year: decree.year }, create: decree, update: decree });
      await audit(tx, before, after);
      return after;
    });
  }

  /** Takes a year's decree away (back to PROVISIONAL); its stored days stay. Returns false when there was none. */
  removeDecree(year: number, audit: AuditChange<DayOffDecree>): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.dayOffDecree.findUnique({ where: { year } });
      if (!before) return false;
      await tx.dayOffDecree.delete({ where: { year } });
      await audit(tx, before, null);
      return true;
    });
  }

  findDayOff(regionCode: string, date: string) {
    return this.prisma.dayOff.findUnique({ where: { regionCode_date: { regionCode, date } } });
  }

  /** Returns null when the day is there already (also under a concurrent request); a library date removed before counts again. */
  addDayOff(day: NewDayOff, audit: AuditChange<DayOff>): Promise<DayOff | null> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.dayOff.createMany({ data: [{ id: randomUUID(), ...day }], skipDuplicates: true });
      if (count === 0) return null;
      if (!day.regionCode) await tx.dayOffRemoval.deleteMany({ where: { date: day.date } });
      const created = toDayOff(await tx.dayOff.findUniqueOrThrow({ where: { regionCode_date: { regionCode: day.regionCode, date: day.date } } }));
      await audit(tx, null, created);
      return created;
    });
  }

  /**
   * Removes a stored day (of a decree, the keeper or the region). A national library date
   * of a provisional year is not stored: `libraryDay` then records its removal. Returns
   * what was removed, or null when there was no such day (and records nothing).
   */
  removeDayOff(
    key: { regionCode: string; date: string },
    libraryDay: { description: string; createdBy: string } | null,
    audit: AuditChange<DayOff>,
  ): Promise<DayOff | null> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.dayOff.findUnique({ where: { regionCode_date: key } });
      if (before) {
        await tx.dayOff.delete({ where: { id: before.id } });
        const removed = toDayOff(before);
        await audit(tx, removed, null);
        return removed;
      }
      if (key.regionCode || !libraryDay) return null;
      const { count } = await tx.dayOffRemoval.createMany({ data: [{ date: key.date, ...libraryDay }], skipDuplicates: true });
      if (count === 0) return null;
      const removed: DayOff = {
        date: key.date,
        kind: DayOffKind.LIBUR_NASIONAL,
        description: libraryDay.description,
        decree: null,
        verified: false,
        regionCode: null,
        source: 'LIBRARY',
      };
      await audit(tx, removed, null);
      return removed;
    });
  }
}

export interface NewDayOff {
  regionCode: string;
  date: string;
  kind: DayOffKind;
  description: string;
  decree: string | null;
  verified: boolean;
  createdBy: string;
}

interface DayOffRow {
  date: string;
  kind: string;
  description: string;
  decree: string | null;
  verified: boolean;
  regionCode: string;
}

function toStoredDayOff(row: DayOffRow): StoredDayOff {
  return {
    date: row.date,
    kind: row.kind as DayOffKind,
    description: row.description,
    decree: row.decree,
    verified: row.verified,
    regionCode: row.regionCode || null,
  };
}

function toDayOff(row: DayOffRow): DayOff {
  return { ...toStoredDayOff(row), source: row.regionCode ? 'REGION' : row.decree ? 'DECREE' : 'KEEPER' };
}
