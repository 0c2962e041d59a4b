// The days off that working-day arithmetic needs, for the years asked about: each year's
// decree days (or the holiday library's while provisional) and the region's own days.
// The same loader serves the activities, so the API and the workflows count alike.
import { Injectable } from '@nestjs/common';
import type { YearDaysOff } from '../../../../domain/day-off';
import type { LocalDate } from '../../../../domain/local-date';
import { holidaySet, type HolidaySet } from '../../../../domain/working-days';
import { CalendarRepository } from '../../../../persistence/calendar.repository';

@Injectable()
export class HolidayService {
  constructor(private readonly calendars: CalendarRepository) {}

  /** The days off of every year that one of `dates` falls in, with `regionCode`'s own. */
  async forDates(dates: readonly LocalDate[], regionCode?: string): Promise<HolidaySet> {
    if (dates.length === 0) return holidaySet();
    const sorted = [...dates].sort();
    return this.calendars.holidays(sorted[0], sorted[sorted.length - 1], regionCode);
  }

  /** Each calendar year that one of `dates` falls in, with its days off and whether they are official. */
  async years(dates: readonly LocalDate[], regionCode?: string): Promise<YearDaysOff[]> {
    const years = [...new Set(dates.map((date) => Number(date.slice(0, 4))))].sort();
    return Promise.all(years.map((year) => this.calendars.yearDaysOff(year, regionCode)));
  }
}
