// What a role grant must carry: an officer drafts for one agency, so an officer's grant
// names it; every other role acts for the whole region, so theirs must not.
import { text } from './message';
import { NATIONAL_ROLES, NATIONAL_SCOPE, PROVINCE_ROLES, Role, isProvinceCode, type RoleGrant } from './role';
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
  return scopeViolations(grant);
}

/**
 * Where a role may be granted. National seats (the calendar keeper, the ministry reviewer)
 * only on NATIONAL_SCOPE ("00"); the province reviewer only on a province; the roles of
 * one Pemda on a real region; an admin anywhere, "00" making a national admin who grants
 * the national seats.
 */
function scopeViolations(grant: RoleGrant): Violation[] {
  const refuse = (id: string, en: string): Violation[] => [{ field: 'regionCode', reason: 'NOT_ALLOWED', message: text(id, en) }];
  if (NATIONAL_ROLES.includes(grant.role)) {
    return grant.regionCode === NATIONAL_SCOPE
      ? []
      : refuse(
          `Peran nasional ini diberikan pada cakupan nasional (kode ${NATIONAL_SCOPE}).`,
          `This national role is granted on the national scope (code ${NATIONAL_SCOPE}).`,
        );
  }
  if (PROVINCE_ROLES.includes(grant.role)) {
    return isProvinceCode(grant.regionCode)
      ? []
      : refuse(
          'Penelaah provinsi diberikan pada wilayah provinsi (kode dua digit).',
          'The province reviewer role is granted in a province (a two-digit code).',
        );
  }
  if (grant.regionCode === NATIONAL_SCOPE && grant.role !== Role.ADMIN) {
    return refuse('Peran pemerintah daerah tidak diberikan pada cakupan nasional.', "A regional government's role is not granted on the national scope.");
  }
  return [];
}
