import { formatDateInput, parseDateInput } from './date-input';

describe('dates typed the Indonesian way (dd/mm/yyyy), whatever the browser locale', () => {
  it('shows a stored date as dd/mm/yyyy', () => {
    expect(formatDateInput('2027-08-09')).toBe('09/08/2027');
    expect(formatDateInput('')).toBe('');
  });

  it('reads dd/mm/yyyy, with dots or dashes and without leading zeros', () => {
    expect(parseDateInput('09/08/2027')).toBe('2027-08-09');
    expect(parseDateInput('9-8-2027')).toBe('2027-08-09');
    expect(parseDateInput(' 31.12.2026 ')).toBe('2026-12-31');
  });

  it('refuses what is not a calendar date instead of guessing the month order', () => {
    expect(parseDateInput('2027-08-09')).toBeNull();
    expect(parseDateInput('31/02/2027')).toBeNull();
    expect(parseDateInput('29/02/2027')).toBeNull();
    expect(parseDateInput('29/02/2028')).toBe('2028-02-29');
    expect(parseDateInput('08/13/2027')).toBeNull();
    expect(parseDateInput('1/1/27')).toBeNull();
    expect(parseDateInput('')).toBeNull();
  });
});
