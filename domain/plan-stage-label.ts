// How people read a plan's stage: reports and exports print these, never the codes alone.
import { text, type BilingualText } from './message';
import type { PlanStage } from './plan-stage';

export const PLAN_STAGE_LABELS: Record<PlanStage, BilingualText> = {
  DRAFT: text('Draf', 'Draft'),
  VERIFICATION: text('Verifikasi sekretariat kerja sama', 'Verification by the cooperation secretariat'),
  BAPPEDA_REVIEW: text('Telaah Bappeda', 'Bappeda review'),
  TKKSD_DELIBERATION: text('Pembahasan TKKSD', 'TKKSD deliberation'),
  HEAD_OF_REGION_APPROVAL: text('Persetujuan kepala daerah', 'Head of region approval'),
  DOCUMENT_SYNC: text('Sinkronisasi RKPD dan Renja', 'RKPD and Renja synchronisation'),
  BUDGET_SIGNOFF: text('Penempatan KUA-PPAS oleh TAPD', 'Placement in KUA-PPAS by TAPD'),
  DPRD_APPROVAL: text('Persetujuan DPRD', 'DPRD approval'),
  RKA_CONFIRMATION: text('Konfirmasi RKA oleh BPKAD', 'RKA confirmation by BPKAD'),
  COMPLETED: text('Selesai', 'Completed'),
  REJECTED: text('Ditolak', 'Rejected'),
};
