import { localDateOf, localInstant } from './local-date';

describe('localInstant', () => {
  it('reads the wall clock of each Indonesian zone', () => {
    expect(localInstant('2026-12-03', 7, 0, 420).toISOString()).toBe('2026-12-03T00:00:00.000Z');
    expect(localInstant('2026-12-03', 7, 0, 480).toISOString()).toBe('2026-12-02T23:00:00.000Z');
    expect(localInstant('2026-12-03', 7, 0, 540).toISOString()).toBe('2026-12-02T22:00:00.000Z');
  });

  it('takes 24:00 as the end of the day, the next midnight', () => {
    expect(localInstant('2027-01-31', 24, 0, 420).toISOString()).toBe('2027-01-31T17:00:00.000Z');
    expect(localDateOf(new Date(localInstant('2027-01-31', 24, 0, 420).getTime() - 1), 'Asia/Jakarta')).toBe('2027-01-31');
  });
});
