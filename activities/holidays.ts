// The days off that working-day arithmetic needs in activities: Indonesia's public
// holidays and the collective leave days admins entered; the API's HolidayService uses it too.
import type { LocalDate } from '../domain/local-date';
import { holidaySet, type HolidaySet } from '../domain/working-days';
import { publicHolidays } from '../platform/indonesian-holidays';
import type { PrismaClient } from '../prisma/client';

/** Public holidays and collective leave days of the years from `from` to `to`. */
export async function loadHolidays(prisma: Pick<PrismaClient, 'collectiveLeaveDay'>, from: LocalDate, to: LocalDate): Promise<HolidaySet> {
  const years: number[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year += 1) years.push(year);
  const leave = await prisma.collectiveLeaveDay.findMany({ where: { date: { gte: `${years[0]}-01-01`, lte: `${years[years.length - 1]}-12-31` } } });
  return holidaySet(...years.map(publicHolidays), leave.map((day) => day.date));
}
