import { publicHolidays } from './indonesian-holidays';

describe("Indonesia's public holidays from date-holidays", () => {
  it('include the fixed national days and the lunar holidays, as sorted calendar dates', () => {
    const days = publicHolidays(2026);
    for (const day of ['2026-01-01', '2026-05-01', '2026-06-01', '2026-08-17', '2026-12-25']) expect(days).toContain(day);
    // Nyepi, Idul Fitri (two days), Idul Adha: computed by the library for 2026.
    for (const day of ['2026-03-19', '2026-03-20', '2026-03-21', '2026-05-27']) expect(days).toContain(day);
    expect(days.every((day) => /^\d{4}-\d{2}-\d{2}$/.test(day) && day.startsWith('2026-'))).toBe(true);
    expect([...days].sort()).toEqual(days);
    expect(new Set(days).size).toBe(days.length);
  });

  it('hold no collective leave days: those come from the decrees (domain/day-off.ts)', () => {
    expect(publicHolidays(2026)).not.toContain('2026-12-24');
  });
});
