// What people read for the system's codes, in one place for the API's messages and the
// web app: stages, roles, audit actions, the system's own actor, and the plan's field
// paths as rule checks and revision diffs name them. A code missing here reads as a
// plain "other" label, never as the code itself.
import { AuditAction } from './audit-action';
import { text, type BilingualText } from './message';
import { PLAN_STAGE_LABELS } from './plan-stage-label';
import { PLAN_STAGES, type PlanStage } from './plan-stage';
import { ROLE_LABELS, type Role } from './role';

export { PLAN_STAGE_LABELS, ROLE_LABELS };

/** The actor name the workflow writes for its own moves (the RKPD and Renja sync, reminders). */
export const SYSTEM_ACTOR = 'system';
export const SYSTEM_ACTOR_LABEL = text('Sistem Jalin', 'Jalin system');

export function actorLabel(name: string): BilingualText {
  return name === SYSTEM_ACTOR ? SYSTEM_ACTOR_LABEL : text(name, name);
}

export function stageLabel(stage: string): BilingualText {
  return (PLAN_STAGES as readonly string[]).includes(stage) ? PLAN_STAGE_LABELS[stage as PlanStage] : text('Tahap lain', 'Other stage');
}

export function roleLabel(role: string): BilingualText {
  return ROLE_LABELS[role as Role] ?? text('Peran lain', 'Other role');
}

/** Audit actions, including a plan's moves (`PLAN_` + the transition's action). */
export const AUDIT_ACTION_LABELS: Record<string, BilingualText> = {
  [AuditAction.PLAN_CREATED]: text('Rencana dibuat', 'Plan created'),
  [AuditAction.PLAN_EDITED]: text('Draf diubah', 'Draft edited'),
  [AuditAction.PLAN_SUBMITTED]: text('Rencana diajukan', 'Plan submitted'),
  PLAN_SUBMIT: text('Rencana diajukan', 'Plan submitted'),
  PLAN_APPROVE: text('Disetujui', 'Approved'),
  PLAN_RETURN_FOR_REVISION: text('Dikembalikan untuk revisi', 'Returned for revision'),
  PLAN_REJECT: text('Ditolak', 'Rejected'),
  PLAN_SYNC_DOCUMENTS: text('Disinkronkan ke RKPD dan Renja', 'Synchronised into the RKPD and Renja'),
  PLAN_WITHDRAW: text('Ditarik kembali oleh pengusul', 'Withdrawn by the officer'),
  [AuditAction.TASK_CLAIMED]: text('Tugas diambil', 'Task claimed'),
  [AuditAction.TASK_RELEASED]: text('Tugas dilepaskan', 'Task released'),
  [AuditAction.TASK_DELEGATED]: text('Tugas didelegasikan', 'Task delegated'),
  TASK_REASSIGNED: text('Tugas dialihkan', 'Task reassigned'),
  TASK_TAKEN_BACK: text('Tugas ditarik kembali', 'Task taken back'),
  [AuditAction.VOTE_CAST]: text('Suara TKKSD diberikan', 'TKKSD vote cast'),
  [AuditAction.ATTACHMENT_UPLOADED]: text('Lampiran diunggah', 'Attachment uploaded'),
  [AuditAction.ATTACHMENT_DELETED]: text('Lampiran dihapus', 'Attachment deleted'),
  [AuditAction.COMMENT_ADDED]: text('Komentar ditambahkan', 'Comment added'),
  [AuditAction.USER_CREATED]: text('Pengguna dibuat', 'User created'),
  [AuditAction.USER_UPDATED]: text('Pengguna diubah', 'User updated'),
  [AuditAction.ROLE_GRANTED]: text('Peran diberikan', 'Role granted'),
  [AuditAction.ROLE_REVOKED]: text('Peran dicabut', 'Role revoked'),
  [AuditAction.CALENDAR_OVERRIDE_SET]: text('Tanggal kalender disesuaikan', 'Calendar date overridden'),
  [AuditAction.CALENDAR_OVERRIDE_REMOVED]: text('Penyesuaian kalender dihapus', 'Calendar override removed'),
  [AuditAction.REPORTING_DEADLINE_SET]: text('Tenggat laporan pemetaan ditetapkan', 'Mapping report deadline set'),
  [AuditAction.COLLECTIVE_LEAVE_DAY_ADDED]: text('Cuti bersama ditambahkan', 'Collective leave day added'),
  [AuditAction.COLLECTIVE_LEAVE_DAY_REMOVED]: text('Cuti bersama dihapus', 'Collective leave day removed'),
  [AuditAction.EMAIL_RETRY_REQUESTED]: text('Pengiriman ulang surel diminta', 'E-mail resend requested'),
  [AuditAction.DOCUMENT_REGISTERED]: text('Dokumen didaftarkan', 'Document registered'),
  [AuditAction.DOCUMENT_STATE_CHANGED]: text('Status dokumen diubah', 'Document state changed'),
  [AuditAction.MILESTONE_MISSED]: text('Tonggak kalender terlewat', 'Calendar milestone missed'),
  [AuditAction.TASK_ESCALATED]: text('Tugas dieskalasi ke Sekda', 'Task escalated to the Sekda'),
};

export function auditActionLabel(action: string): BilingualText {
  return AUDIT_ACTION_LABELS[action] ?? text('Tindakan lain', 'Other action');
}

/** The plan's fields and sections, by the last name in a path. */
const FIELD_LABELS: Record<string, BilingualText> = {
  title: text('Judul', 'Title'),
  summary: text('Ringkasan', 'Summary'),
  regionCode: text('Wilayah', 'Region'),
  budgetYear: text('Tahun anggaran', 'Budget year'),
  proposingAgency: text('Perangkat daerah pengusul', 'Proposing agency'),
  cooperationType: text('Jenis kerja sama', 'Cooperation type'),
  ksdpkKind: text('Jenis kerja sama pihak ketiga', 'Kind of third-party cooperation'),
  initiator: text('Pemrakarsa', 'Initiator'),
  partners: text('Mitra', 'Partners'),
  kind: text('jenis', 'kind'),
  name: text('nama', 'name'),
  legalForm: text('bentuk badan hukum', 'legal form'),
  objects: text('Objek kerja sama', 'Cooperation objects'),
  affairCode: text('urusan', 'affair'),
  termsOfReference: text('Kerangka acuan kerja (KAK)', 'Terms of reference (KAK)'),
  background: text('latar belakang', 'background'),
  purpose: text('maksud dan tujuan', 'purpose and aims'),
  legalBasis: text('dasar hukum', 'legal basis'),
  object: text('objek kerja sama', 'object of cooperation'),
  activities: text('ruang lingkup kegiatan', 'scope of activities'),
  expectedResults: text('hasil yang diharapkan', 'expected results'),
  rolesOfParties: text('peran para pihak', "the parties' roles"),
  feasibilityStudy: text('Studi kelayakan', 'Feasibility study'),
  preparedBy: text('penyusun', 'prepared by'),
  conclusion: text('kesimpulan', 'conclusion'),
  studyDate: text('tanggal studi', 'study date'),
  country: text('negara', 'country'),
  programCode: text('kode program', 'programme code'),
  kegiatanCode: text('kode kegiatan', 'activity code'),
  subKegiatanCode: text('kode sub-kegiatan', 'sub-activity code'),
  nomenclatureVersion: text('versi nomenklatur', 'nomenclature version'),
  potential: text('potensi', 'potential'),
  characteristics: text('karakteristik', 'characteristics'),
  inPlanningDocuments: text('tercantum dalam dokumen perencanaan', 'in the planning documents'),
  exceptionReason: text('alasan pengecualian', 'reason for the exception'),
  plannedDurationMonths: text('Jangka waktu (bulan)', 'Duration (months)'),
  fundingSource: text('Sumber pendanaan', 'Funding source'),
  burdensCommunity: text('Membebani masyarakat dan daerah', 'Burdens the community and region'),
  multiYear: text('Tahun jamak', 'Multi-year'),
  lineItems: text('Rincian anggaran', 'Budget lines'),
  nomenclatureCode: text('kode nomenklatur', 'nomenclature code'),
  description: text('uraian', 'description'),
  amount: text('nilai (rupiah)', 'amount (rupiah)'),
  placement: text('Penempatan KUA-PPAS', 'KUA-PPAS placement'),
  ceiling: text('plafon', 'ceiling'),
  comment: text('Catatan', 'Comment'),
  reason: text('Alasan', 'Reason'),
  reasonCode: text('Alasan penolakan', 'Rejection reason'),
  stage: text('Tahap', 'Stage'),
  revision: text('Revisi', 'Revision'),
  task: text('Tugas peninjauan', 'Review task'),
  actor: text('Pengguna', 'User'),
  to: text('Pengguna tujuan', 'Receiving user'),
  toUserId: text('Pengguna tujuan', 'Receiving user'),
};

/** One entry of a list, followed by its position from 1. */
const ITEM_NOUN: Record<string, BilingualText> = {
  partners: text('Mitra', 'Partner'),
  objects: text('Objek kerja sama', 'Cooperation object'),
  lineItems: text('Rincian anggaran baris', 'Budget line'),
};

/**
 * "lineItems[0].amount" reads "Rincian anggaran baris 1: nilai (rupiah)";
 * "termsOfReference.background" reads "Kerangka acuan kerja (KAK): latar belakang".
 * An unknown name keeps its own spelling rather than vanishing.
 */
export function fieldLabel(path: string): BilingualText {
  const parts = path.split('.').filter(Boolean);
  const render = (lang: 'id' | 'en') =>
    parts
      .map((part, index) => {
        const item = /^(\w+)\[(\d+)\]$/.exec(part);
        if (item) {
          const [, list, position] = item;
          return `${ITEM_NOUN[list]?.[lang] ?? FIELD_LABELS[list]?.[lang] ?? list} ${Number(position) + 1}`;
        }
        const label = FIELD_LABELS[part]?.[lang] ?? part;
        // A section's own field reads in lower case after it ("KAK: latar belakang"); a top-level one as a heading.
        return index === 0 ? label.charAt(0).toUpperCase() + label.slice(1) : label;
      })
      .join(': ');
  return { id: render('id'), en: render('en') };
}
