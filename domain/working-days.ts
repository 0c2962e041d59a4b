// Working days (hari kerja): Monday to Friday, except Indonesian public holidays and the
// collective leave days (cuti bersama) an admin enters. The holidays come in as data, a
// HolidaySet, so these rules stay pure and run unchanged in Temporal workflows; the API
// and activities build the set (apps/platform/src/indonesian-holidays.ts + the database).
import { addDays, isoWeekday, type LocalDate } from './local-date';

/** Days off that fall on weekdays or not: public holidays and collective leave days, as `YYYY-MM-DD`. */
export type HolidaySet = ReadonlySet<LocalDate>;

export function holidaySet(...lists: ReadonlyArray<Iterable<LocalDate>>): HolidaySet {
  const set = new Set<LocalDate>();
  for (const list of lists) for (const date of list) set.add(date);
  return set;
}

export function isWorkingDay(date: LocalDate, holidays: HolidaySet): boolean {
  return isoWeekday(date) <= 5 && !holidays.has(date);
}

/**
 * The deadline of "`n` working days from `date`": counting starts on the next working
 * day after `date` (the day of the event itself never counts, as in "within 3 working
 * days of receipt"), so n = 1 is the first working day after `date`. n = 0 is `date`
 * itself when it is a working day, otherwise the next working day: a deadline never
 * falls on a day off.
 */
export function addWorkingDays(date: LocalDate, n: number, holidays: HolidaySet): LocalDate {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number ≥ 0, got ${n}`);
  let day = date;
  if (n === 0) {
    while (!isWorkingDay(day, holidays)) day = addDays(day, 1);
    return day;
  }
  for (let left = n; left > 0;) {
    day = addDays(day, 1);
    if (isWorkingDay(day, holidays)) left -= 1;
  }
  return day;
}

/**
 * The working days after `a` up to and including `b` (the same counting as
 * addWorkingDays, so workingDaysBetween(a, addWorkingDays(a, n)) = n for n ≥ 1);
 * negative when `b` is before `a`.
 */
export function workingDaysBetween(a: LocalDate, b: LocalDate, holidays: HolidaySet): number {
  if (b < a) return -workingDaysBetween(b, a, holidays);
  let count = 0;
  for (let day = addDays(a, 1); day <= b; day = addDays(day, 1)) if (isWorkingDay(day, holidays)) count += 1;
  return count;
}
