import { addMonths, reportingPeriodOn } from './reporting-period';

describe('reporting periods', () => {
  it('adds months with the day clamped to the month’s end', () => {
    expect(addMonths('2027-08-31', 6)).toBe('2028-02-29');
    expect(addMonths('2027-12-03', 6)).toBe('2028-06-03');
    expect(addMonths('2027-01-31', 1)).toBe('2027-02-28');
  });

  const term = { startsOn: '2027-02-01', endsOn: '2032-01-31' };

  it('counts semesters from the start date', () => {
    expect(reportingPeriodOn(term, 6, '2027-02-01')).toEqual({ period: 1, startsOn: '2027-02-01', endsOn: '2027-07-31' });
    expect(reportingPeriodOn(term, 6, '2027-08-01')).toEqual({ period: 2, startsOn: '2027-08-01', endsOn: '2028-01-31' });
    expect(reportingPeriodOn(term, 6, '2031-12-31').period).toBe(10);
  });

  it('keeps the first period before the start and the last after the end, which closes on the end date', () => {
    expect(reportingPeriodOn(term, 6, '2026-12-01').period).toBe(1);
    expect(reportingPeriodOn(term, 6, '2035-01-01')).toEqual({ period: 10, startsOn: '2031-08-01', endsOn: '2032-01-31' });
    expect(reportingPeriodOn({ startsOn: '2027-01-01', endsOn: '2027-10-15' }, 6, '2027-09-01')).toEqual({
      period: 2,
      startsOn: '2027-07-01',
      endsOn: '2027-10-15',
    });
  });
});
