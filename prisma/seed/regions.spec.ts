import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { REGION_CODE_PATTERN } from '../../domain/plan-content';
import { loadRegions } from './regions';

describe('regions from idn-area-data', () => {
  const regions = loadRegions();
  const provinces = regions.filter((r) => r.level === 'PROVINCE');
  const regencies = regions.filter((r) => r.level === 'REGENCY');

  it('has the 38 provinces and 514 kabupaten/kota of Indonesia', () => {
    expect(provinces).toHaveLength(38);
    expect(regencies).toHaveLength(514);
  });

  it('uses Kemendagri codes, each once', () => {
    for (const region of regions) expect(region.code).toMatch(REGION_CODE_PATTERN);
    expect(provinces.every((p) => /^\d{2}$/.test(p.code))).toBe(true);
    expect(regencies.every((r) => /^\d{2}\.\d{2}$/.test(r.code))).toBe(true);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
  });

  it('puts every kabupaten/kota in a province that exists, the one its code names', () => {
    const provinceCodes = new Set(provinces.map((p) => p.code));
    for (const regency of regencies) {
      expect(provinceCodes.has(regency.provinceCode)).toBe(true);
      expect(regency.code.slice(0, 2)).toBe(regency.provinceCode);
    }
    for (const province of provinces) expect(province.provinceCode).toBe(province.code);
  });

  it('names every region, the demo regions as expected', () => {
    expect(regions.every((r) => r.name.trim().length > 0)).toBe(true);
    const byCode = new Map(regions.map((r) => [r.code, r.name]));
    expect(byCode.get('32')).toBe('Jawa Barat');
    expect(byCode.get('32.71')).toBe('Kota Bogor');
    expect(byCode.get('32.01')).toBe('Kabupaten Bogor');
  });

  describe('refusing data that is not what it expects', () => {
    const dirs: string[] = [];
    afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

    function dataDir(provinces: string, regencies: string): string {
      const dir = mkdtempSync(path.join(tmpdir(), 'jalin-regions-'));
      dirs.push(dir);
      writeFileSync(path.join(dir, 'provinces.csv'), provinces);
      writeFileSync(path.join(dir, 'regencies.csv'), regencies);
      return dir;
    }

    it('reads a well-formed file, quoted names included', () => {
      const dir = dataDir('code,name\n32,Jawa Barat\n', 'code,province_code,name\n32.71,32,"Kota Bogor, Jawa Barat"\n');
      expect(loadRegions(dir)).toEqual([
        { code: '32', name: 'Jawa Barat', level: 'PROVINCE', provinceCode: '32' },
        { code: '32.71', name: 'Kota Bogor, Jawa Barat', level: 'REGENCY', provinceCode: '32' },
      ]);
    });

    it.each([
      ['a malformed province code', 'code,name\n3,Jawa Barat\n', 'code,province_code,name\n'],
      ['a kabupaten/kota code of another province', 'code,name\n32,Jawa Barat\n', 'code,province_code,name\n33.01,32,Kabupaten X\n'],
      ['a missing name', 'code,name\n32,\n', 'code,province_code,name\n'],
    ])('throws on %s', (_, provinces, regencies) => {
      expect(() => loadRegions(dataDir(provinces, regencies))).toThrow();
    });
  });
});
