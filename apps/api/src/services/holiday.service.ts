// The days off that working-day arithmetic needs: Indonesia's public holidays (from
// date-holidays) and the collective leave days admins entered, for the years asked about.
// The same loader serves the activities, so the API and the workflows count alike.
import { Inject, Injectable } from '@nestjs/common';
import { loadHolidays } from '../../../../activities/holidays';
import type { LocalDate } from '../../../../domain/local-date';
import { holidaySet, type HolidaySet } from '../../../../domain/working-days';
import type { PrismaClient } from '../../../../prisma/client';
import { PRISMA } from '../tokens';

@Injectable()
export class HolidayService {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The days off of every year that one of `dates` falls in. */
  async forDates(dates: readonly LocalDate[]): Promise<HolidaySet> {
    if (dates.length === 0) return holidaySet();
    const sorted = [...dates].sort();
    return loadHolidays(this.prisma, sorted[0], sorted[sorted.length - 1]);
  }
}
