// Dates and times as Indonesian readers write them ("Selasa, 14 Juli 2026 pukul 16.00
// WIB"). Names come from fixed lists rather than the runtime's locale data, so the text
// is the same on every machine; only the zone conversion uses Intl.
import { isLocalDate, isoWeekday, type LocalDate } from './local-date';
import type { IndonesianTimeZone } from './region-time-zone';

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
/** By ISO weekday, Monday first. */
const WEEKDAYS = ['Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu', 'Minggu'];

/** "14 Juli 2026", or "Selasa, 14 Juli 2026" with the weekday. */
export function formatIndonesianDate(date: LocalDate, options: { weekday?: boolean } = {}): string {
  const [year, month, day] = date.split('-').map(Number);
  const text = `${day} ${MONTHS[month - 1]} ${year}`;
  return options.weekday ? `${WEEKDAYS[isoWeekday(date) - 1]}, ${text}` : text;
}

/** "Selasa, 14 Juli 2026 pukul 16.00 WIB": the instant as the region's clock shows it. */
export function formatIndonesianDateTime(instant: Date, zone: IndonesianTimeZone): string {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone: zone.iana,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  const date = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
  return `${formatIndonesianDate(date, { weekday: true })} pukul ${part('hour')}.${part('minute')} ${zone.abbreviation}`;
}

/**
 * A date a caller passed as text: a calendar date (`YYYY-MM-DD`) reads as that date, an
 * ISO instant as the region's date and time. Anything else is shown as it came, and
 * nothing at all as undefined, so the caller decides what to print for it.
 */
export function formatIndonesianDateText(value: string, zone: IndonesianTimeZone): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  if (isLocalDate(trimmed)) return formatIndonesianDate(trimmed, { weekday: true });
  // Only full instants: Date would read a bare "2026" or "July 14" in the machine's own zone.
  if (/^\d{4}-\d{2}-\d{2}T/.test(trimmed)) {
    const instant = new Date(trimmed);
    if (!Number.isNaN(instant.getTime())) return formatIndonesianDateTime(instant, zone);
  }
  return trimmed;
}
