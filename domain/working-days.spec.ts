import { addDays, isLocalDate, isoWeekday, localDateOf } from './local-date';
import { addWorkingDays, holidaySet, isWorkingDay, workingDaysBetween } from './working-days';

// Hand-checked against a 2026 calendar: 14 August 2026 is a Friday, 17 August (Independence
// Day) a Monday; Nyepi is Thursday 19 March, Idul Fitri Friday 20 and Saturday 21 March.
const independenceDay = holidaySet(['2026-08-17']);
const idulFitri2026 = holidaySet(['2026-03-19', '2026-03-20', '2026-03-21']);
/** Two collective leave days after Idul Fitri, as an admin would enter them. */
const withCutiBersama = holidaySet(idulFitri2026, ['2026-03-23', '2026-03-24']);
const none = holidaySet();

describe('calendar dates', () => {
  it('accepts real YYYY-MM-DD dates only', () => {
    expect(isLocalDate('2026-02-28')).toBe(true);
    expect(isLocalDate('2028-02-29')).toBe(true);
    for (const bad of ['2026-02-29', '2026-13-01', '2026-7-14', '14-07-2026', '2026-07-14T00:00:00Z', '']) expect(isLocalDate(bad)).toBe(false);
  });

  it('adds days across months and years, and knows the weekday', () => {
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-12-01', -60)).toBe('2026-10-02');
    expect(isoWeekday('2026-08-17')).toBe(1);
    expect(isoWeekday('2026-08-16')).toBe(7);
  });

  it("converts an instant to the date in the region's time zone", () => {
    // 17:30 UTC on 16 August is 00:30 on 17 August in WIB (UTC+7), still the 16th in UTC−1.
    const instant = new Date('2026-08-16T17:30:00Z');
    expect(localDateOf(instant, 'Asia/Jakarta')).toBe('2026-08-17');
    expect(localDateOf(instant, 'Asia/Makassar')).toBe('2026-08-17');
    expect(localDateOf(instant, 'Atlantic/Azores')).toBe('2026-08-16');
    // 16:30 UTC is 23:30 WIB (still the 16th) but 00:30 WITA and 01:30 WIT (the 17th).
    const late = new Date('2026-08-16T16:30:00Z');
    expect(localDateOf(late, 'Asia/Jakarta')).toBe('2026-08-16');
    expect(localDateOf(late, 'Asia/Makassar')).toBe('2026-08-17');
    expect(localDateOf(late, 'Asia/Jayapura')).toBe('2026-08-17');
  });
});

describe('working days', () => {
  it('are Monday to Friday except holidays', () => {
    expect(isWorkingDay('2026-08-14', independenceDay)).toBe(true);
    expect(isWorkingDay('2026-08-15', independenceDay)).toBe(false);
    expect(isWorkingDay('2026-08-16', independenceDay)).toBe(false);
    expect(isWorkingDay('2026-08-17', independenceDay)).toBe(false);
    expect(isWorkingDay('2026-08-17', none)).toBe(true);
    expect(isWorkingDay('2026-03-23', withCutiBersama)).toBe(false);
  });

  it('count from the next working day, skipping a holiday inside the span', () => {
    // Thursday 13 August + 3: Fri 14 (1), [weekend, Mon 17 holiday], Tue 18 (2), Wed 19 (3).
    expect(addWorkingDays('2026-08-13', 3, independenceDay)).toBe('2026-08-19');
    expect(addWorkingDays('2026-08-13', 3, none)).toBe('2026-08-18');
    expect(addWorkingDays('2026-08-14', 1, independenceDay)).toBe('2026-08-18');
    // From a Saturday, the first working day is Monday.
    expect(addWorkingDays('2026-08-08', 1, independenceDay)).toBe('2026-08-10');
    expect(addWorkingDays('2026-08-07', 10, independenceDay)).toBe('2026-08-24');
  });

  it('skip collective leave days as well as public holidays', () => {
    // Wednesday 18 March + 1: Thu 19 Nyepi, Fri 20 and Sat 21 Idul Fitri, Sun 22, Mon 23 and Tue 24 cuti bersama.
    expect(addWorkingDays('2026-03-18', 1, idulFitri2026)).toBe('2026-03-23');
    expect(addWorkingDays('2026-03-18', 1, withCutiBersama)).toBe('2026-03-25');
    expect(addWorkingDays('2026-03-18', 3, withCutiBersama)).toBe('2026-03-27');
    expect(workingDaysBetween('2026-03-16', '2026-03-31', withCutiBersama)).toBe(7);
  });

  it('with n = 0 give the date itself, or the next working day when it is a day off', () => {
    expect(addWorkingDays('2026-08-14', 0, independenceDay)).toBe('2026-08-14');
    expect(addWorkingDays('2026-08-15', 0, independenceDay)).toBe('2026-08-18');
    expect(() => addWorkingDays('2026-08-14', -1, none)).toThrow(RangeError);
    expect(() => addWorkingDays('2026-08-14', 1.5, none)).toThrow(RangeError);
  });

  it('between two dates count the days after the first up to the last', () => {
    // August 2026 has 21 weekdays; 17 August is one of them.
    expect(workingDaysBetween('2026-07-31', '2026-08-31', none)).toBe(21);
    expect(workingDaysBetween('2026-07-31', '2026-08-31', independenceDay)).toBe(20);
    expect(workingDaysBetween('2026-08-14', '2026-08-14', independenceDay)).toBe(0);
    expect(workingDaysBetween('2026-08-18', '2026-08-14', independenceDay)).toBe(-1);
    for (const n of [1, 2, 5, 17]) {
      expect(workingDaysBetween('2026-08-13', addWorkingDays('2026-08-13', n, independenceDay), independenceDay)).toBe(n);
    }
  });
});
