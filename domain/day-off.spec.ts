import { daysOffSet, yearDaysOff, type DayOffDecree, type StoredDayOff } from './day-off';

const DECREE: DayOffDecree = { year: 2026, number: 'SKB No. 1497, 2, 5 Tahun 2025', verified: true, note: null };
const library = [
  { date: '2026-03-20', name: 'Hari Raya Idul Fitri' },
  { date: '2026-03-21', name: 'Hari Raya Idul Fitri' },
];
const fromDecree = (date: string, kind: StoredDayOff['kind'] = 'LIBUR_NASIONAL'): StoredDayOff => ({
  date,
  kind,
  description: 'x',
  decree: DECREE.number,
  verified: true,
  regionCode: null,
});
const regional: StoredDayOff = { date: '2026-06-03', kind: 'LIBUR_DAERAH', description: 'Hari jadi', decree: null, verified: false, regionCode: '32.71' };

describe('the effective days off of a year', () => {
  it("are the decree's alone when the year has one: the library's lunar dates do not count", () => {
    const year = yearDaysOff(2026, { decree: DECREE, stored: [fromDecree('2026-03-21'), fromDecree('2026-03-24', 'CUTI_BERSAMA')], library, removed: [] });
    expect(year.status).toBe('OFFICIAL');
    expect(year.days.map((d) => [d.date, d.source])).toEqual([
      ['2026-03-21', 'DECREE'],
      ['2026-03-24', 'DECREE'],
    ]);
  });

  it("are the library's, less the removed ones, with the keeper's additions, while the year has no decree", () => {
    const keeper: StoredDayOff = { date: '2026-03-23', kind: 'CUTI_BERSAMA', description: 'Cuti bersama', decree: null, verified: false, regionCode: null };
    const year = yearDaysOff(2026, { decree: null, stored: [keeper], library, removed: ['2026-03-20'] });
    expect(year).toMatchObject({ status: 'PROVISIONAL', decree: null, removed: ['2026-03-20'] });
    expect(year.days.map((d) => [d.date, d.source, d.verified])).toEqual([
      ['2026-03-21', 'LIBRARY', false],
      ['2026-03-23', 'KEEPER', false],
    ]);
  });

  it("add the region's own days, after the national ones, and count them in the working-day set", () => {
    const year = yearDaysOff(2026, { decree: DECREE, stored: [regional, fromDecree('2026-06-01')], library, removed: [] });
    expect(year.days.map((d) => [d.date, d.source])).toEqual([
      ['2026-06-01', 'DECREE'],
      ['2026-06-03', 'REGION'],
    ]);
    expect([...daysOffSet([year])].sort()).toEqual(['2026-06-01', '2026-06-03']);
  });
});
