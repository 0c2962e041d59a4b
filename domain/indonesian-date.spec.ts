import { formatIndonesianDate, formatIndonesianDateText, formatIndonesianDateTime } from './indonesian-date';
import { IndonesianTimeZone } from './region-time-zone';

describe('formatIndonesianDate', () => {
  it('writes the day, the Indonesian month and the year, with the weekday on request', () => {
    expect(formatIndonesianDate('2027-01-31')).toBe('31 Januari 2027');
    expect(formatIndonesianDate('2026-08-14', { weekday: true })).toBe('Jumat, 14 Agustus 2026');
    expect(formatIndonesianDate('2026-12-06', { weekday: true })).toBe('Minggu, 6 Desember 2026');
  });
});

describe('formatIndonesianDateTime', () => {
  it('shows the instant on the region’s clock, with its zone', () => {
    const instant = new Date('2026-07-13T17:30:00Z');
    expect(formatIndonesianDateTime(instant, IndonesianTimeZone.WIB)).toBe('Selasa, 14 Juli 2026 pukul 00.30 WIB');
    expect(formatIndonesianDateTime(instant, IndonesianTimeZone.WITA)).toBe('Selasa, 14 Juli 2026 pukul 01.30 WITA');
    expect(formatIndonesianDateTime(new Date('2026-07-14T09:05:00Z'), IndonesianTimeZone.WIT)).toBe('Selasa, 14 Juli 2026 pukul 18.05 WIT');
  });
});

describe('formatIndonesianDateText', () => {
  it('reads a calendar date as that date and an instant in the zone', () => {
    expect(formatIndonesianDateText('2027-01-31', IndonesianTimeZone.WIT)).toBe('Minggu, 31 Januari 2027');
    expect(formatIndonesianDateText('2026-07-14T09:00:00.000Z', IndonesianTimeZone.WIB)).toBe('Selasa, 14 Juli 2026 pukul 16.00 WIB');
  });

  it('shows other text as it came and nothing as undefined, never throwing', () => {
    expect(formatIndonesianDateText('akhir Januari', IndonesianTimeZone.WIB)).toBe('akhir Januari');
    expect(formatIndonesianDateText('2026-02-30', IndonesianTimeZone.WIB)).toBe('2026-02-30');
    expect(formatIndonesianDateText('2026-13-01T00:00:00Z', IndonesianTimeZone.WIB)).toBe('2026-13-01T00:00:00Z');
    expect(formatIndonesianDateText('  ', IndonesianTimeZone.WIB)).toBeUndefined();
  });
});
