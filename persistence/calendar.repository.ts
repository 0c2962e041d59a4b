// The planning calendar: milestone overrides (national ones under regionCode "") and
// collective leave days, and what they come to: a region's resolved calendar of one
// budget year and the days off that working-day counts skip. The API's calendar routes,
// the plan timeline and the planning season all read it here, so all count alike.
// Each change is stored with its audit entry in one transaction.
import { randomUUID } from 'node:crypto';
import { resolveCalendar, type CalendarRegionLevel, type Milestone, type ResolvedMilestone } from '../domain/fiscal-calendar';
import type { LocalDate } from '../domain/local-date';
import { holidaySet, type HolidaySet } from '../domain/working-days';
import { publicHolidays } from '../platform/indonesian-holidays';
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
export type CollectiveLeaveDayRecord = NonNullable<Awaited<ReturnType<CalendarRepository['findLeaveDay']>>>;

/** Writes the audit entry of a change inside its transaction; `before` is the row it replaced, if any. */
export type AuditChange<T> = (db: AuditWriter, before: T | null, after: T | null) => Promise<unknown>;

export class CalendarRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The region and its resolved milestones (national and regional overrides applied); null for an unknown region. */
  async regionCalendar(budgetYear: number, regionCode: string): Promise<StoredRegionCalendar | null> {
    const region = await this.prisma.region.findUnique({ where: { code: regionCode }, select: { code: true, name: true, level: true } });
    if (!region) return null;
    const rows = await this.prisma.calendarOverride.findMany({
      where: { budgetYear, regionCode: { in: [NATIONAL, regionCode] } },
      orderBy: [{ regionCode: 'asc' }, { milestone: 'asc' }],
    });
    const toOverride = (row: (typeof rows)[number]) => ({ milestone: row.milestone as Milestone, date: row.date, note: row.note });
    const milestones = resolveCalendar(budgetYear, region.level, {
      national: rows.filter((row) => row.regionCode === NATIONAL).map(toOverride),
      regional: rows.filter((row) => row.regionCode === regionCode).map(toOverride),
    });
    return { region, milestones };
  }

  /** Public holidays and collective leave days of the years from `from` to `to`. */
  async holidays(from: LocalDate, to: LocalDate): Promise<HolidaySet> {
    const years: number[] = [];
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) years.push(year);
    const leave = await this.prisma.collectiveLeaveDay.findMany({ where: { date: { gte: `${years[0]}-01-01`, lte: `${years[years.length - 1]}-12-31` } } });
    return holidaySet(
      ...years.map(publicHolidays),
      leave.map((day) => day.date),
    );
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

  /** Collective leave days from `from` to `to` (inclusive, YYYY-MM-DD), or all. */
  leaveDays(range?: { from: string; to: string }) {
    return this.prisma.collectiveLeaveDay.findMany({
      where: range && { date: { gte: range.from, lte: range.to } },
      orderBy: { date: 'asc' },
    });
  }

  findLeaveDay(date: string) {
    return this.prisma.collectiveLeaveDay.findUnique({ where: { date } });
  }

  /** Returns null when the day is there already (also under a concurrent request). */
  addLeaveDay(day: { date: string; description: string; createdBy: string }, audit: AuditChange<CollectiveLeaveDayRecord>) {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.collectiveLeaveDay.createMany({ data: [day], skipDuplicates: true });
      if (count === 0) return null;
      const created = await tx.collectiveLeaveDay.findUniqueOrThrow({ where: { date: day.date } });
      await audit(tx, null, created);
      return created;
    });
  }

  /** Returns false when there was no such day (and records nothing). */
  removeLeaveDay(date: string, audit: AuditChange<CollectiveLeaveDayRecord>): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.collectiveLeaveDay.findUnique({ where: { date } });
      if (!before) return false;
      await tx.collectiveLeaveDay.delete({ where: { date } });
      await audit(tx, before, null);
      return true;
    });
  }
}
