// Days off (hari libur) as data with their source. Each year's national holidays (libur
// nasional) and collective leave (cuti bersama) are set by a joint decree of three
// ministers (SKB Menteri Agama, Menteri Ketenagakerjaan, MenPAN-RB). A year whose decree
// is entered is OFFICIAL: only its stored days count. A year without one is PROVISIONAL:
// the holiday library's computed dates stand in (its lunar dates may be a day off, and
// it has no cuti bersama) until the decree is entered. A region adds its own days.
import type { LocalDate } from './local-date';
import { text, type BilingualText } from './message';
import { holidaySet, type HolidaySet } from './working-days';

export const DayOffKind = {
  LIBUR_NASIONAL: 'LIBUR_NASIONAL',
  CUTI_BERSAMA: 'CUTI_BERSAMA',
  /** A region's own day off (e.g. its anniversary), only in that region. */
  LIBUR_DAERAH: 'LIBUR_DAERAH',
} as const;
export type DayOffKind = (typeof DayOffKind)[keyof typeof DayOffKind];
export const DAY_OFF_KINDS: readonly DayOffKind[] = Object.values(DayOffKind);
export const NATIONAL_DAY_OFF_KINDS: readonly DayOffKind[] = [DayOffKind.LIBUR_NASIONAL, DayOffKind.CUTI_BERSAMA];

export const DAY_OFF_KIND_LABELS: Record<DayOffKind, BilingualText> = {
  LIBUR_NASIONAL: text('Libur nasional', 'National holiday'),
  CUTI_BERSAMA: text('Cuti bersama', 'Collective leave'),
  LIBUR_DAERAH: text('Libur daerah', 'Regional day off'),
};

/** Where a day comes from: the year's decree, the holiday library (provisional), the calendar keeper, or the region. */
export type DayOffSource = 'DECREE' | 'LIBRARY' | 'KEEPER' | 'REGION';

/** OFFICIAL: the year's decree is entered; PROVISIONAL: computed library dates until it is. */
export type YearCalendarStatus = 'OFFICIAL' | 'PROVISIONAL';

/** The decree that fixes a year's days off. */
export interface DayOffDecree {
  year: number;
  /** As cited, e.g. "SKB Menteri Agama, Menaker, MenPAN-RB No. 1497, 2, 5 Tahun 2025". */
  number: string;
  /** False while the number or the dates are not checked against the published copy. */
  verified: boolean;
  note: string | null;
}

/** A stored day: from a decree, added by the calendar keeper, or a region's own (regionCode set). */
export interface StoredDayOff {
  date: LocalDate;
  kind: DayOffKind;
  description: string;
  /** The decree the day comes from; null for a day the keeper or a region added. */
  decree: string | null;
  verified: boolean;
  regionCode: string | null;
}

export interface DayOff extends StoredDayOff {
  source: DayOffSource;
}

export interface YearDaysOff {
  year: number;
  status: YearCalendarStatus;
  decree: DayOffDecree | null;
  /** Sorted by date; a region's days follow the national ones on the same date. */
  days: DayOff[];
  /** Library dates the keeper removed from a provisional year. */
  removed: LocalDate[];
}

export interface YearDaysOffInput {
  decree: DayOffDecree | null;
  /** The year's stored national days and, when a region is asked about, its own. */
  stored: readonly StoredDayOff[];
  /** The holiday library's dates and names for the year (used only without a decree). */
  library: ReadonlyArray<{ date: LocalDate; name: string }>;
  /** Library dates removed by the keeper. */
  removed: readonly LocalDate[];
}

function sourceOf(day: StoredDayOff): DayOffSource {
  if (day.regionCode) return 'REGION';
  return day.decree ? 'DECREE' : 'KEEPER';
}

/** The effective days off of one year: the decree's when there is one, else the library's (less removals) with the keeper's additions. */
export function yearDaysOff(year: number, { decree, stored, library, removed }: YearDaysOffInput): YearDaysOff {
  const days: DayOff[] = stored.map((day) => ({ ...day, source: sourceOf(day) }));
  const removedSet = new Set(removed);
  if (!decree) {
    const nationalDates = new Set(stored.filter((day) => !day.regionCode).map((day) => day.date));
    for (const holiday of library) {
      if (removedSet.has(holiday.date) || nationalDates.has(holiday.date)) continue;
      nationalDates.add(holiday.date);
      days.push({
        date: holiday.date,
        kind: DayOffKind.LIBUR_NASIONAL,
        description: holiday.name,
        decree: null,
        verified: false,
        regionCode: null,
        source: 'LIBRARY',
      });
    }
  }
  days.sort((a, b) => (a.date === b.date ? Number(Boolean(a.regionCode)) - Number(Boolean(b.regionCode)) : a.date < b.date ? -1 : 1));
  return { year, status: decree ? 'OFFICIAL' : 'PROVISIONAL', decree, days, removed: decree ? [] : [...removedSet].sort() };
}

/** The dates working-day counts skip, from the effective days of the years given. */
export function daysOffSet(years: readonly YearDaysOff[]): HolidaySet {
  return holidaySet(...years.map((year) => year.days.map((day) => day.date)));
}

export const DAY_OFF_STATUS_LABELS: Record<YearCalendarStatus, BilingualText> = {
  OFFICIAL: text('Resmi: mengikuti SKB libur nasional dan cuti bersama', 'Official: follows the joint decree on national holidays and collective leave'),
  PROVISIONAL: text(
    'Sementara: tanggal hitungan pustaka hari libur, tanpa cuti bersama, sampai SKB tahun ini dimasukkan',
    "Provisional: the holiday library's computed dates, without collective leave, until this year's decree is entered",
  ),
};
