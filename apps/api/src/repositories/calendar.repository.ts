// Data access for the planning calendar: milestone overrides (national ones under
// regionCode "") and collective leave days. Each change is stored with its audit entry
// in one transaction, so neither exists without the other.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { AuditWriter } from '../../../../activities/audit-trail';
import { NATIONAL, readRegionCalendar } from '../../../../activities/region-calendar';
import type { PrismaClient } from '../../../../prisma/client';
import { PRISMA } from '../tokens';

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

export { NATIONAL };

@Injectable()
export class CalendarRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The region and its resolved milestones (national and regional overrides applied); null for an unknown region. */
  regionCalendar(budgetYear: number, regionCode: string) {
    return readRegionCalendar(this.prisma, regionCode, budgetYear);
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
