import { text, type BilingualText } from './message';

/**
 * The only grounds on which a cooperation object may be absent from the planning
 * documents (RPJMD/RKPD): an emergency, a national strategic project (PSN), or
 * assistance tasks (tugas pembantuan).
 */
export const PlanningException = {
  EMERGENCY: 'EMERGENCY',
  NATIONAL_STRATEGIC_PROJECT: 'NATIONAL_STRATEGIC_PROJECT',
  ASSISTANCE_TASK: 'ASSISTANCE_TASK',
} as const;
export type PlanningException = (typeof PlanningException)[keyof typeof PlanningException];
export const PLANNING_EXCEPTIONS: readonly PlanningException[] = Object.values(PlanningException);

export const PLANNING_EXCEPTION_LABELS: Record<PlanningException, BilingualText> = {
  EMERGENCY: text('Keadaan darurat', 'Emergency'),
  NATIONAL_STRATEGIC_PROJECT: text('Proyek strategis nasional (PSN)', 'National strategic project (PSN)'),
  ASSISTANCE_TASK: text('Tugas pembantuan', 'Assistance task (tugas pembantuan)'),
};
