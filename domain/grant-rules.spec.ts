import { grantViolations } from './grant-rules';
import { ROLES } from './role';

describe('grantViolations', () => {
  it('wants an agency on an officer grant, and a non-blank one', () => {
    expect(grantViolations({ role: 'OFFICER', regionCode: '32.71', agency: 'Dinas Perhubungan' })).toEqual([]);
    for (const agency of [undefined, '', '   ']) {
      expect(grantViolations({ role: 'OFFICER', regionCode: '32.71', agency })).toEqual([
        { field: 'agency', reason: 'REQUIRED', message: { id: expect.any(String), en: expect.any(String) } },
      ]);
    }
  });

  it.each(ROLES.filter((role) => role !== 'OFFICER'))('refuses an agency on a %s grant, which acts for the whole region', (role) => {
    const regionCode = role === 'CALENDAR_KEEPER' || role === 'MINISTRY_REVIEWER' ? '00' : role === 'PROVINCE_REVIEWER' ? '32' : '32.71';
    expect(grantViolations({ role, regionCode })).toEqual([]);
    expect(grantViolations({ role, regionCode, agency: 'Setda' })).toEqual([expect.objectContaining({ field: 'agency', reason: 'NOT_ALLOWED' })]);
  });

  it.each(['CALENDAR_KEEPER', 'MINISTRY_REVIEWER'] as const)('grants the national %s only on the national scope 00', (role) => {
    expect(grantViolations({ role, regionCode: '00' })).toEqual([]);
    for (const regionCode of ['32', '32.71']) {
      expect(grantViolations({ role, regionCode })).toEqual([expect.objectContaining({ field: 'regionCode', reason: 'NOT_ALLOWED' })]);
    }
  });

  it('grants the province reviewer only in a province', () => {
    expect(grantViolations({ role: 'PROVINCE_REVIEWER', regionCode: '32' })).toEqual([]);
    for (const regionCode of ['00', '32.71']) {
      expect(grantViolations({ role: 'PROVINCE_REVIEWER', regionCode })).toEqual([expect.objectContaining({ field: 'regionCode', reason: 'NOT_ALLOWED' })]);
    }
  });

  it("keeps a Pemda's roles off the national scope, but for a national admin", () => {
    expect(grantViolations({ role: 'SECRETARIAT', regionCode: '00' })).toEqual([expect.objectContaining({ field: 'regionCode', reason: 'NOT_ALLOWED' })]);
    expect(grantViolations({ role: 'ADMIN', regionCode: '00' })).toEqual([]);
  });
});
