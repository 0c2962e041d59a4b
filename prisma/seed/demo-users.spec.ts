import { ROLES } from '../../domain/role';
import { DEMO_PASSWORD, demoUsers } from './demo-users';

describe('demoUsers', () => {
  const users = demoUsers();

  it('seats someone in every regional role in both Bogor regions, and the seats above them, under unique usernames', () => {
    expect(users).toHaveLength(29);
    expect(new Set(users.map((u) => u.username)).size).toBe(29);
    const above = ['CALENDAR_KEEPER', 'PROVINCE_REVIEWER', 'MINISTRY_REVIEWER'];
    for (const region of ['32.71', '32.01']) {
      const roles = new Set(users.filter((u) => u.regionCode === region).flatMap((u) => u.grants.map((g) => g.role)));
      expect([...roles].sort()).toEqual(ROLES.filter((role) => !above.includes(role)).sort());
    }
    expect(users.filter((u) => u.regionCode === '32' || u.regionCode === '00').map((u) => [u.username, u.regionCode, u.grants[0].role])).toEqual([
      ['reviewer.jabar', '32', 'PROVINCE_REVIEWER'],
      ['reviewer.kemendagri', '00', 'MINISTRY_REVIEWER'],
      ['kalender.kemendagri', '00', 'CALENDAR_KEEPER'],
    ]);
  });

  it('names the seats as the README lists them, the head of region by title', () => {
    expect(users.map((u) => u.username)).toEqual(
      expect.arrayContaining(['officer.kotabogor', 'officer2.kabbogor', 'tkksd3.kotabogor', 'walikota.kotabogor', 'bupati.kabbogor', 'admin.kabbogor']),
    );
    expect(users.map((u) => u.username)).not.toContain('bupati.kotabogor');
  });

  it('gives officers their agency, the Sekda a TKKSD seat as chair, and every user a display name', () => {
    const byName = new Map(users.map((u) => [u.username, u]));
    expect(byName.get('officer.kotabogor')?.grants).toEqual([{ role: 'OFFICER', agency: 'Dinas Lingkungan Hidup' }]);
    expect(byName.get('officer2.kabbogor')?.grants).toEqual([{ role: 'OFFICER', agency: 'Dinas Perhubungan' }]);
    expect(byName.get('sekda.kabbogor')?.grants).toEqual([{ role: 'SEKDA' }, { role: 'TKKSD_MEMBER' }]);
    expect(users.every((u) => u.displayName.trim().length > 3)).toBe(true);
  });

  it('gives every user their own address on a reserved test domain, e.g. officer.kotabogor@jalin.test', () => {
    expect(users.find((u) => u.username === 'officer.kotabogor')?.email).toBe('officer.kotabogor@jalin.test');
    expect(new Set(users.map((u) => u.email)).size).toBe(29);
    expect(users.every((u) => u.email === `${u.username}@jalin.test`)).toBe(true);
  });

  it('shares a password that meets the password rule', () => {
    expect(DEMO_PASSWORD.length).toBeGreaterThanOrEqual(10);
  });
});
