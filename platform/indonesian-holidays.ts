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
// (cuti bersama) are not in it at all. So it only stands in for a year whose decree is
// not entered yet (domain/day-off.ts: PROVISIONAL).
import Holidays from 'date-holidays';
import type { LocalDate } from '../domain/local-date';

const indonesia = new Holidays('ID');
const cache = new Map<number, ReadonlyArray<{ date: LocalDate; name: string }>>();

/** The public holidays of `year`, sorted by date, one per date (names of a shared date joined). */
export function publicHolidayList(year: number): ReadonlyArray<{ date: LocalDate; name: string }> {
  let list = cache.get(year);
  if (!list) {
    const byDate = new Map<LocalDate, string[]>();
    for (const holiday of indonesia.getHolidays(year)) {
      if (holiday.type !== 'public') continue;
      // `date` is the local date and time ("2026-03-20 00:00:00 -0600" for lunar holidays,
      // which begin at the previous sunset): its first ten characters are the day itself.
      const date = holiday.date.slice(0, 10);
      const names = byDate.get(date) ?? [];
      if (!names.includes(holiday.name)) names.push(holiday.name);
      byDate.set(date, names);
    }
    list = [...byDate.entries()].sort(([a], [b]) => (a < b ? -1 : 1)).map(([date, names]) => ({ date, name: names.join('; ') }));
    cache.set(year, list);
  }
  return list;
}

/** The public holidays of `year` as sorted, distinct `YYYY-MM-DD` dates. */
export function publicHolidays(year: number): readonly LocalDate[] {
  return publicHolidayList(year).map((holiday) => holiday.date);
}
