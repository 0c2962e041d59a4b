import { CURRENT_NOMENCLATURE_VERSION } from '../../domain/nomenclature';
import { NOMENCLATURE_CODE_PATTERN } from '../../domain/plan-content';
import { GOVERNMENT_AFFAIRS, NOMENCLATURE_VERSION } from './government-affairs';

const codes = (group: string) => GOVERNMENT_AFFAIRS.filter((a) => a.group === group).map((a) => a.code);
const range = (urusan: number, from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => `${urusan}.${String(from + i).padStart(2, '0')}`);

describe('government affairs seed', () => {
  it('is the current nomenclature version', () => {
    expect(NOMENCLATURE_VERSION).toBe(CURRENT_NOMENCLATURE_VERSION);
    expect(NOMENCLATURE_VERSION).toBe('2026.1');
  });

  it('has unique codes in the U.BB format with Indonesian names', () => {
    const all = GOVERNMENT_AFFAIRS.map((a) => a.code);
    expect(new Set(all).size).toBe(all.length);
    for (const affair of GOVERNMENT_AFFAIRS) {
      expect(affair.code).toMatch(/^\d\.\d{2}$/);
      expect(affair.code).toMatch(NOMENCLATURE_CODE_PATTERN);
      expect(affair.name.trim()).not.toBe('');
    }
  });

  it('has every bidang urusan of Permendagri 90/2019 in its group', () => {
    expect(codes('BASIC')).toEqual(range(1, 1, 6));
    expect(codes('NON_BASIC')).toEqual(range(2, 7, 24));
    expect(codes('OPTIONAL')).toEqual(range(3, 25, 32));
    expect(codes('SUPPORT')).toEqual(['4.01', '4.02', ...range(5, 1, 7), '6.01', '7.01', '8.01']);
  });

  it('has exactly the six absolute affairs, on pseudo-codes no real urusan uses', () => {
    const absolute = GOVERNMENT_AFFAIRS.filter((a) => a.group === 'ABSOLUTE');
    expect(absolute.map((a) => a.code)).toEqual(range(0, 1, 6));
    expect(absolute.map((a) => a.name)).toEqual(['Politik Luar Negeri', 'Pertahanan', 'Keamanan', 'Yustisi', 'Moneter dan Fiskal Nasional', 'Agama']);
    expect(GOVERNMENT_AFFAIRS.filter((a) => a.code.startsWith('0.')).every((a) => a.group === 'ABSOLUTE')).toBe(true);
  });

  it('holds every affair at both levels but Kecamatan (kabupaten/kota only), as the nomenclature lists kegiatan', () => {
    // Permendagri 90/2019: even 3.28 Kehutanan (Tahura) and 3.29 ESDM (direct use of geothermal heat) have kabupaten/kota kegiatan.
    expect(GOVERNMENT_AFFAIRS.filter((a) => a.level !== 'BOTH').map((a) => [a.code, a.level])).toEqual([['7.01', 'KABKOTA']]);
  });

  it('names the bidang as the nomenclature does', () => {
    const name = (code: string) => GOVERNMENT_AFFAIRS.find((a) => a.code === code)?.name;
    expect(name('1.04')).toBe('Perumahan dan Kawasan Permukiman');
    expect(name('6.01')).toBe('Inspektorat Daerah');
    expect(name('3.28')).toBe('Kehutanan');
    expect(name('3.29')).toBe('Energi dan Sumber Daya Mineral');
  });
});
