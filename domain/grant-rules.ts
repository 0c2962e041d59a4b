// What a role grant must carry: an officer drafts for one agency, so an officer's grant
// names it; every other role acts for the whole region, so theirs must not.
import { text } from './message';
import { Role, type RoleGrant } from './role';
import type { Violation } from './violation';

export const AGENCY_MAX_LENGTH = 200;

export function grantViolations(grant: RoleGrant): Violation[] {
  const agency = grant.agency?.trim() ?? '';
  if (grant.role === Role.OFFICER && agency === '') {
    return [
      {
        field: 'agency',
        reason: 'REQUIRED',
        message: text('Petugas pengusul wajib dikaitkan dengan perangkat daerahnya.', 'An officer grant must name the regional agency.'),
      },
    ];
  }
  if (grant.role !== Role.OFFICER && agency !== '') {
    return [
      {
        field: 'agency',
        reason: 'NOT_ALLOWED',
        message: text('Perangkat daerah hanya diisi untuk peran petugas pengusul.', 'An agency is only given for the officer role.'),
      },
    ];
  }
  if (grant.role === Role.CALENDAR_KEEPER && !/^\d{2}$/.test(grant.regionCode)) {
    return [
      {
        field: 'regionCode',
        reason: 'NOT_ALLOWED',
        message: text(
          'Pengelola kalender nasional diberikan pada wilayah provinsi (kode dua digit).',
          'The national calendar keeper role is granted in a province (a two-digit code).',
        ),
      },
    ];
  }
  return [];
}
