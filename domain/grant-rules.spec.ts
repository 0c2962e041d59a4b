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
    const regionCode = role === 'CALENDAR_KEEPER' ? '32' : '32.71';
    expect(grantViolations({ role, regionCode })).toEqual([]);
    expect(grantViolations({ role, regionCode, agency: 'Setda' })).toEqual([expect.objectContaining({ field: 'agency', reason: 'NOT_ALLOWED' })]);
  });

  it('grants the national calendar keeper only in a province', () => {
    expect(grantViolations({ role: 'CALENDAR_KEEPER', regionCode: '32.71' })).toEqual([
      expect.objectContaining({ field: 'regionCode', reason: 'NOT_ALLOWED' }),
    ]);
  });
});
