import { REGION_BORDERS } from './borders';
import { loadRegions } from './regions';

describe('bordering regions seed', () => {
  const regions = new Map(loadRegions().map((r) => [r.code, r]));

  it('stores each pair once, lower code first, between two different known regions of one level', () => {
    const keys = REGION_BORDERS.map(([a, b]) => `${a}|${b}`);
    expect(new Set(keys).size).toBe(keys.length);
    for (const [a, b] of REGION_BORDERS) {
      expect(a < b).toBe(true);
      expect(regions.get(a)).toBeDefined();
      expect(regions.get(b)).toBeDefined();
      expect(regions.get(a)?.level).toBe(regions.get(b)?.level);
    }
  });

  it('knows the neighbours of the demo regions', () => {
    const neighboursOf = (code: string) => REGION_BORDERS.flatMap(([a, b]) => (a === code ? [b] : b === code ? [a] : [])).sort();
    expect(neighboursOf('32.71')).toEqual(['32.01']);
    expect(neighboursOf('32.01')).toEqual(['32.02', '32.03', '32.14', '32.15', '32.16', '32.71', '32.75', '32.76', '36.02', '36.03', '36.74']);
    expect(neighboursOf('32')).toEqual(['31', '33', '36']);
  });
});
