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
    expect(grantViolations({ role, regionCode: '32.71' })).toEqual([]);
    expect(grantViolations({ role, regionCode: '32.71', agency: 'Setda' })).toEqual([expect.objectContaining({ field: 'agency', reason: 'NOT_ALLOWED' })]);
  });
});
