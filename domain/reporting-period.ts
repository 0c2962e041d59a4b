// The reporting periods of an agreement in force: from its start date, every few months
// (a semester by default, the AGREEMENT_REPORT_EVERY_MONTHS setting: practice, not a fixed
// rule; Permendagri 22/2020 asks for monitoring and evaluation without a cadence). Period 1
// begins on the start date; period n ends the day before period n+1 begins, the last one
// on the end date. Pure date arithmetic on `YYYY-MM-DD` strings.
import { addDays, localDate, type LocalDate } from './local-date';

export const DEFAULT_REPORT_EVERY_MONTHS = 6;

export interface ReportingPeriod {
  period: number;
  startsOn: LocalDate;
  endsOn: LocalDate;
}

/** `months` after `date`, the day clamped to the month's last (31 August + 6 months = 28/29 February). */
export function addMonths(date: LocalDate, months: number): LocalDate {
  const [year, month, day] = date.split('-').map(Number);
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  return localDate(target.getUTCFullYear(), target.getUTCMonth() + 1, Math.min(day, lastDay));
}

/** The period that contains `date` (the first before the start, the last after the end). */
export function reportingPeriodOn(term: { startsOn: LocalDate; endsOn: LocalDate }, everyMonths: number, date: LocalDate): ReportingPeriod {
  const every = Math.max(1, everyMonths);
  let period = 1;
  while (addMonths(term.startsOn, period * every) <= date && addMonths(term.startsOn, period * every) <= term.endsOn) period += 1;
  const next = addMonths(term.startsOn, period * every);
  return { period, startsOn: addMonths(term.startsOn, (period - 1) * every), endsOn: next > term.endsOn ? term.endsOn : addDays(next, -1) };
}
