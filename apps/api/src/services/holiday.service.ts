// The days off that working-day arithmetic needs: Indonesia's public holidays (from
// date-holidays) and the collective leave days admins entered, for the years asked about.
import { Injectable } from '@nestjs/common';
import type { LocalDate } from '../../../../domain/local-date';
import { holidaySet, type HolidaySet } from '../../../../domain/working-days';
import { publicHolidays } from '../../../platform/src/indonesian-holidays';
import { CalendarRepository } from '../repositories/calendar.repository';

@Injectable()
export class HolidayService {
  constructor(private readonly calendars: CalendarRepository) {}

  /** The days off of every year that one of `dates` falls in. */
  async forDates(dates: readonly LocalDate[]): Promise<HolidaySet> {
    const years = [...new Set(dates.map((date) => Number(date.slice(0, 4))))].sort();
    if (years.length === 0) return holidaySet();
    const leave = await this.calendars.leaveDays({ from: `${years[0]}-01-01`, to: `${years[years.length - 1]}-12-31` });
    return holidaySet(...years.map(publicHolidays), leave.map((day) => day.date));
  }
}
