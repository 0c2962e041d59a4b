// A region's planning calendar and days off as activities need them: the same rules the
// calendar API applies (defaults, then national, then regional overrides), read straight
// from the database.
import { resolveCalendar, type Milestone, type ResolvedMilestone } from '../domain/fiscal-calendar';
import type { LocalDate } from '../domain/local-date';
import { holidaySet, type HolidaySet } from '../domain/working-days';
import { publicHolidays } from '../apps/platform/src/indonesian-holidays';
import type { PrismaClient } from '../prisma/client';

const NATIONAL = '';

export async function loadRegionCalendar(prisma: PrismaClient, regionCode: string, budgetYear: number): Promise<ResolvedMilestone[]> {
  const region = await prisma.region.findUnique({ where: { code: regionCode }, select: { level: true } });
  if (!region) throw new Error(`Unknown region ${regionCode}`);
  const rows = await prisma.calendarOverride.findMany({ where: { budgetYear, regionCode: { in: [NATIONAL, regionCode] } } });
  const overrides = (scope: string) =>
    rows.filter((row) => row.regionCode === scope).map((row) => ({ milestone: row.milestone as Milestone, date: row.date, note: row.note }));
  return resolveCalendar(budgetYear, region.level, { national: overrides(NATIONAL), regional: overrides(regionCode) });
}

/** Public holidays and collective leave days of the years from `from` to `to`. */
export async function loadHolidays(prisma: PrismaClient, from: LocalDate, to: LocalDate): Promise<HolidaySet> {
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) years.push(year);
  const leave = await prisma.collectiveLeaveDay.findMany({ where: { date: { gte: `${years[0]}-01-01`, lte: `${years[years.length - 1]}-12-31` } } });
  return holidaySet(...years.map(publicHolidays), leave.map((day) => day.date));
}
