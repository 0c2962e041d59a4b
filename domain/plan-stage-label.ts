// How people read a plan's stage: reports and exports print these, never the codes alone.
import { text, type BilingualText } from './message';
import type { PlanStage } from './plan-stage';

export const PLAN_STAGE_LABELS: Record<PlanStage, BilingualText> = {
  DRAFT: text('Draf', 'Draft'),
  VERIFICATION: text('Verifikasi sekretariat kerja sama', 'Verification by the cooperation secretariat'),
  BAPPEDA_REVIEW: text('Telaah Bappeda', 'Bappeda review'),
  TKKSD_DELIBERATION: text('Pembahasan TKKSD', 'TKKSD deliberation'),
  HEAD_OF_REGION_APPROVAL: text('Persetujuan kepala daerah', 'Head of region approval'),
  DOCUMENT_SYNC: text('Sinkronisasi RKPD', 'RKPD synchronisation'),
  BUDGET_SIGNOFF: text('Persetujuan anggaran TAPD', 'Budget sign-off by TAPD'),
  COMPLETED: text('Selesai', 'Completed'),
  REJECTED: text('Ditolak', 'Rejected'),
};
