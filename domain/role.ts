// Who acts inside one Pemda. Every grant of a role is scoped to a region (and, for an
// officer, to the agency it drafts for).
import { text, type BilingualText } from './message';

export const Role = {
  OFFICER: 'OFFICER',
  SECRETARIAT: 'SECRETARIAT',
  BAPPEDA: 'BAPPEDA',
  TKKSD_MEMBER: 'TKKSD_MEMBER',
  TAPD: 'TAPD',
  SEKDA: 'SEKDA',
  HEAD_OF_REGION: 'HEAD_OF_REGION',
  DPRD_LIAISON: 'DPRD_LIAISON',
  /** Bagian Hukum Setda: reviews the draft PKS before signing (Permendagri 22/2020). */
  LEGAL_BUREAU: 'LEGAL_BUREAU',
  ADMIN: 'ADMIN',
  /** National: keeps the days off (libur nasional, cuti bersama) of every year. Granted on NATIONAL_SCOPE. */
  CALENDAR_KEEPER: 'CALENDAR_KEEPER',
  /** A province's cooperation bureau (Biro Pemerintahan / Kerja Sama Setda Provinsi): reviews its kabupaten/kota's mapping reports. Granted on a province code. */
  PROVINCE_REVIEWER: 'PROVINCE_REVIEWER',
  /** Kemendagri, Ditjen Bina Administrasi Kewilayahan: reviews the provinces' mapping reports. Granted on NATIONAL_SCOPE. */
  MINISTRY_REVIEWER: 'MINISTRY_REVIEWER',
} as const;
export type Role = (typeof Role)[keyof typeof Role];
export const ROLES: readonly Role[] = Object.values(Role);

export const ROLE_LABELS: Record<Role, BilingualText> = {
  OFFICER: text('Petugas pengusul (perangkat daerah)', 'Proposing officer (regional agency)'),
  SECRETARIAT: text('Sekretariat kerja sama (Bagian Kerja Sama Setda)', 'Cooperation secretariat'),
  BAPPEDA: text('Penelaah Bappeda', 'Bappeda reviewer'),
  TKKSD_MEMBER: text('Anggota TKKSD', 'TKKSD member'),
  TAPD: text('TAPD / BPKAD', 'Budget team (TAPD / BPKAD)'),
  SEKDA: text('Sekretaris daerah (ketua TKKSD)', 'Regional secretary (TKKSD chair)'),
  HEAD_OF_REGION: text('Kepala daerah', 'Head of region'),
  DPRD_LIAISON: text('Sekretariat DPRD', 'DPRD liaison'),
  LEGAL_BUREAU: text('Bagian Hukum Setda', 'Legal bureau (Bagian Hukum)'),
  ADMIN: text('Administrator', 'Administrator'),
  CALENDAR_KEEPER: text('Pengelola kalender hari libur nasional', 'National calendar keeper'),
  PROVINCE_REVIEWER: text('Penelaah provinsi (Biro Pemerintahan/Kerja Sama)', 'Province reviewer (cooperation bureau)'),
  MINISTRY_REVIEWER: text('Penelaah Kemendagri (Ditjen Bina Adwil)', 'Ministry reviewer (Kemendagri, Bina Adwil)'),
};

/**
 * The region code of a national seat: "00", which no Kemendagri area code uses (provinces
 * are 11–96). National roles (calendar keeper, ministry reviewer, and a national admin who
 * grants them) are granted on it, so every grant keeps one non-null region code.
 */
export const NATIONAL_SCOPE = '00';

/** Roles that only exist nationally, granted on NATIONAL_SCOPE. */
export const NATIONAL_ROLES: readonly Role[] = [Role.CALENDAR_KEEPER, Role.MINISTRY_REVIEWER];
/** Roles granted on a province (a two-digit code). */
export const PROVINCE_ROLES: readonly Role[] = [Role.PROVINCE_REVIEWER];

/** A province's code (two digits), as opposed to a kabupaten/kota's (`32.71`) or the national scope. */
export function isProvinceCode(code: string): boolean {
  return /^\d{2}$/.test(code) && code !== NATIONAL_SCOPE;
}

/** One role a user holds in one region. */
export interface RoleGrant {
  role: Role;
  regionCode: string;
  /** For an officer: the regional agency (Perangkat Daerah) they draft for. */
  agency?: string;
}
