import { formatIndonesianDate, formatIndonesianDateTime, formatRupiah, mappingFileName } from './mapping-text';

describe('the words and numbers of a mapping export', () => {
  it('writes rupiah the Indonesian way, exactly, however large', () => {
    expect(formatRupiah(0n)).toBe('Rp 0');
    expect(formatRupiah(1_234_567n)).toBe('Rp 1.234.567');
    expect(formatRupiah(9_007_199_254_740_993n)).toBe('Rp 9.007.199.254.740.993');
  });

  it('dates a document in the region’s own time zone', () => {
    // 20:30 UTC on 27 November is already 28 November in all three zones.
    const instant = new Date('2026-11-27T20:30:00Z');
    expect(formatIndonesianDateTime(instant, '32.71')).toBe('28 November 2026 pukul 03.30 WIB');
    expect(formatIndonesianDateTime(instant, '73.71')).toBe('28 November 2026 pukul 04.30 WITA');
    expect(formatIndonesianDateTime(instant, '91')).toBe('28 November 2026 pukul 05.30 WIT');
    // 16:30 UTC is still the 27th in Jakarta, already the 28th in Jayapura.
    const evening = new Date('2026-11-27T16:30:00Z');
    expect(formatIndonesianDate(evening, '31.71')).toBe('27 November 2026');
    expect(formatIndonesianDate(evening, '94.01')).toBe('28 November 2026');
  });

  it('names the file after the region and budget year', () => {
    expect(mappingFileName('32.71', 2027, 'xlsx')).toBe('pemetaan-ksd-32.71-2027.xlsx');
    expect(mappingFileName('32', 2027, 'pdf')).toBe('pemetaan-ksd-32-2027.pdf');
  });
});
