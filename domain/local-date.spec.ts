import { localDateOf, zonedInstant } from './local-date';

describe('zonedInstant', () => {
  it('reads the wall clock of each Indonesian zone', () => {
    expect(zonedInstant('2026-12-03', 7 * 60, 'Asia/Jakarta').toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(zonedInstant('2026-12-03', 7 * 60, 'Asia/Makassar').toISOString()).toBe('2026-12-02T23:00:00.000Z');
    expect(zonedInstant('2026-12-03', 7 * 60, 'Asia/Jayapura').toISOString()).toBe('2026-12-02T22:00:00.000Z');
  });

  it('takes 24:00 as the end of the day, the next midnight', () => {
    expect(zonedInstant('2027-01-31', 24 * 60, 'Asia/Jakarta').toISOString()).toBe('2027-01-31T17:00:00.000Z');
    expect(localDateOf(new Date(zonedInstant('2027-01-31', 24 * 60, 'Asia/Jakarta').getTime() - 1), 'Asia/Jakarta')).toBe('2027-01-31');
  });

  it('follows a daylight saving change where a zone has one', () => {
    // Berlin is UTC+1 in winter, UTC+2 in summer.
    expect(zonedInstant('2026-01-15', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-01-15T08:00:00.000Z');
    expect(zonedInstant('2026-07-15', 9 * 60, 'Europe/Berlin').toISOString()).toBe('2026-07-15T07:00:00.000Z');
  });
});
