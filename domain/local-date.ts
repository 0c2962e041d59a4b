// Calendar dates (a deadline, a holiday) as `YYYY-MM-DD` strings, never instants: a date
// means the same day wherever it is read. Arithmetic runs on UTC midnights, which have
// no daylight saving or zone offset, so it is exact and deterministic (no clock is read).

/** A calendar date, `YYYY-MM-DD`. */
export type LocalDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** True for a real calendar date in `YYYY-MM-DD` form (2026-02-30 is not one). */
export function isLocalDate(value: string): value is LocalDate {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function toUtc(date: LocalDate): Date {
  if (!isLocalDate(date)) throw new RangeError(`Not a calendar date (YYYY-MM-DD): ${date}`);
  return new Date(`${date}T00:00:00Z`);
}

function fromUtc(date: Date): LocalDate {
  return date.toISOString().slice(0, 10);
}

/** The date `year`-`month`-`day` (month 1–12, year ≥ 100); out-of-range days roll over, as in Date.UTC. */
export function localDate(year: number, month: number, day: number): LocalDate {
  return fromUtc(new Date(Date.UTC(year, month - 1, day)));
}

export function addDays(date: LocalDate, days: number): LocalDate {
  return fromUtc(new Date(toUtc(date).getTime() + days * DAY_MS));
}

/** Whole days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: LocalDate, b: LocalDate): number {
  return Math.round((toUtc(b).getTime() - toUtc(a).getTime()) / DAY_MS);
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(date: LocalDate): number {
  return ((toUtc(date).getUTCDay() + 6) % 7) + 1;
}

/** The last day of the month (month 1–12). */
export function endOfMonth(year: number, month: number): LocalDate {
  return localDate(year, month + 1, 0);
}

/**
 * The calendar date of `instant` in an IANA time zone (e.g. a region's `Asia/Makassar`):
 * 2026-08-16T17:30Z is already 17 August in WIB. Intl is available in Temporal's workflow
 * sandbox too, so workflows may call this.
 */
export function localDateOf(instant: Date, timeZone: string): LocalDate {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
}

/** The instant of `hour`:`minute` on `date` in a zone `utcOffsetMinutes` ahead of UTC. */
export function localInstant(date: LocalDate, hour: number, minute: number, utcOffsetMinutes: number): Date {
  return new Date(toUtc(date).getTime() + (hour * 60 + minute - utcOffsetMinutes) * 60_000);
}

/** The last millisecond of `date` in a zone `utcOffsetMinutes` ahead of UTC: when a deadline on that day passes. */
export function endOfLocalDay(date: LocalDate, utcOffsetMinutes: number): Date {
  return new Date(localInstant(addDays(date, 1), 0, 0, utcOffsetMinutes).getTime() - 1);
}

/** The calendar date of `instant` in a zone `utcOffsetMinutes` ahead of UTC. */
export function localDateAtOffset(instant: Date, utcOffsetMinutes: number): LocalDate {
  return fromUtc(new Date(instant.getTime() + utcOffsetMinutes * 60_000));
}
