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
  /** National: keeps the days off (libur nasional, cuti bersama) of every year. Granted in a province. */
  CALENDAR_KEEPER: 'CALENDAR_KEEPER',
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
};

/** One role a user holds in one region. */
export interface RoleGrant {
  role: Role;
  regionCode: string;
  /** For an officer: the regional agency (Perangkat Daerah) they draft for. */
  agency?: string;
}
