// Indonesia's public holidays from the maintained `date-holidays` package, kept out of
// domain/ (which must stay pure for Temporal workflows): callers pass the result on as a
// HolidaySet.
//
// What date-holidays (3.x) gives for country 'ID': only type 'public' entries (no
// 'observance', 'bank' or 'optional' ones), among them the Islamic holidays (Idul Fitri,
// two days; Idul Adha; Tahun Baru Islam; Maulid Nabi; Isra Mi'raj, which it names "Maulid
// Nabi Muhammad" as well), Nyepi, Waisak, Imlek, Good Friday, Ascension, Christmas and the
// fixed national days (1 January, 1 May, 1 June, 17 August). Its lunar dates are
// computed and may differ by a day from the government's SKB; the collective leave days
// (cuti bersama) are not in it at all: admins enter those (CollectiveLeaveDay).
import Holidays from 'date-holidays';
import type { LocalDate } from '../domain/local-date';

const indonesia = new Holidays('ID');
const cache = new Map<number, readonly LocalDate[]>();

/** The public holidays of `year` as sorted, distinct `YYYY-MM-DD` dates. */
export function publicHolidays(year: number): readonly LocalDate[] {
  let dates = cache.get(year);
  if (!dates) {
    // `date` is the local date and time ("2026-03-20 00:00:00 -0600" for lunar holidays,
    // which begin at the previous sunset): its first ten characters are the day itself.
    const days = indonesia
      .getHolidays(year)
      .filter((holiday) => holiday.type === 'public')
      .map((holiday) => holiday.date.slice(0, 10));
    dates = [...new Set(days)].sort();
    cache.set(year, dates);
  }
  return dates;
}
