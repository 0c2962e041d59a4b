// The days off that working-day arithmetic needs: Indonesia's public holidays (from
// date-holidays) and the collective leave days admins entered, for the years asked about.
// The same loader serves the activities, so the API and the workflows count alike.
import { Injectable } from '@nestjs/common';
import type { LocalDate } from '../../../../domain/local-date';
import { holidaySet, type HolidaySet } from '../../../../domain/working-days';
import { CalendarRepository } from '../../../../persistence/calendar.repository';

@Injectable()
export class HolidayService {
  constructor(private readonly calendars: CalendarRepository) {}

  /** The days off of every year that one of `dates` falls in. */
  async forDates(dates: readonly LocalDate[]): Promise<HolidaySet> {
    if (dates.length === 0) return holidaySet();
    const sorted = [...dates].sort();
    return this.calendars.holidays(sorted[0], sorted[sorted.length - 1]);
  }
}
