// What the system tells people, and whom: the kinds of notice (each rendered by
// notification-templates.ts), the recipients, and the request a process makes.
import { text, type BilingualText } from './message';
import type { Role } from './role';

export const NotificationTemplate = {
  /** Before the due date of a review task (H-14, H-7, H-3, H-1) and on the day (H-0). */
  TASK_DUE_SOON: 'TASK_DUE_SOON',
  /** Daily once a task is past its due date. */
  TASK_OVERDUE: 'TASK_OVERDUE',
  /** To the region's Sekda when a task stays overdue too long. */
  TASK_ESCALATED: 'TASK_ESCALATED',
  /** A plan reached its stage after the calendar milestone it had to meet: the remedy it now needs. */
  MILESTONE_MISSED: 'MILESTONE_MISSED',
  /** To an agency with no proposal yet as the mapping deadline nears. */
  SEASON_NO_PROPOSAL: 'SEASON_NO_PROPOSAL',
  /** The region's weekly digest: plans by stage, overdue tasks. */
  WEEKLY_DIGEST: 'WEEKLY_DIGEST',
  /** A review task opened for a role (a plan reached a review stage): to every holder of the role. */
  TASK_ARRIVED: 'TASK_ARRIVED',
  /** A review task was reassigned or delegated to a person: to that person. */
  TASK_ASSIGNED: 'TASK_ASSIGNED',
  /** A delegated task was taken back: to the delegate who no longer holds it. */
  TASK_TAKEN_BACK: 'TASK_TAKEN_BACK',
  /** A plan came back for revision: to its officer. */
  PLAN_RETURNED: 'PLAN_RETURNED',
  /** A plan was rejected: to its officer. */
  PLAN_REJECTED: 'PLAN_REJECTED',
  /** A plan's process completed (RKA confirmed): to its officer. */
  PLAN_COMPLETED: 'PLAN_COMPLETED',
  /** A mapping report was compiled: to the head of region, who signs it off. */
  REPORT_TO_SIGN: 'REPORT_TO_SIGN',
  /** A mapping report came up for review: to the reviewers of the tier above. */
  REPORT_SUBMITTED: 'REPORT_SUBMITTED',
  /** A mapping report was returned with a comment: to whoever compiles it. */
  REPORT_RETURNED: 'REPORT_RETURNED',
  REPORT_ACCEPTED: 'REPORT_ACCEPTED',
  /** The reporting deadline nears (or passed) and the region has not reported: to its secretariat and head. */
  REPORT_DUE: 'REPORT_DUE',
  /** Still not reported well past the deadline: to the region's Sekda. */
  REPORT_ESCALATED: 'REPORT_ESCALATED',
  /** An agreement's end date nears (H-90, H-60, H-30, H-7, H-0): to the secretariat and the owning agency. */
  AGREEMENT_EXPIRING: 'AGREEMENT_EXPIRING',
  /** An agreement reached its end date with no evaluation decided: to the region's Sekda. */
  AGREEMENT_EXPIRED_UNDECIDED: 'AGREEMENT_EXPIRED_UNDECIDED',
  /** The owning agency filed a monev report: to the region's secretariat, who reviews it. */
  AGREEMENT_REPORT_FILED: 'AGREEMENT_REPORT_FILED',
  /** The secretariat accepted or returned a monev report: to the officer who filed it. */
  AGREEMENT_REPORT_REVIEWED: 'AGREEMENT_REPORT_REVIEWED',
  /** An obligation under a PKS falls due (AGREEMENT_OBLIGATION_REMINDER_DAYS before): to the secretariat and the owning agency. */
  AGREEMENT_OBLIGATION_DUE: 'AGREEMENT_OBLIGATION_DUE',
  /** Its due date passed unfulfilled: to the same. */
  AGREEMENT_OBLIGATION_OVERDUE: 'AGREEMENT_OBLIGATION_OVERDUE',
} as const;
export type NotificationTemplate = (typeof NotificationTemplate)[keyof typeof NotificationTemplate];

/** What people read for each kind of notice (the bell's counts, the list's filter). */
export const NOTIFICATION_TEMPLATE_LABELS: Record<NotificationTemplate, BilingualText> = {
  TASK_ARRIVED: text('Tugas baru', 'New tasks'),
  TASK_ASSIGNED: text('Tugas dialihkan kepada Anda', 'Tasks passed to you'),
  TASK_TAKEN_BACK: text('Tugas ditarik kembali', 'Tasks taken back'),
  TASK_DUE_SOON: text('Tenggat mendekat', 'Due soon'),
  TASK_OVERDUE: text('Lewat tenggat', 'Overdue'),
  TASK_ESCALATED: text('Eskalasi', 'Escalations'),
  PLAN_RETURNED: text('Dikembalikan untuk revisi', 'Returned for revision'),
  PLAN_REJECTED: text('Ditolak', 'Rejected'),
  PLAN_COMPLETED: text('Selesai', 'Completed'),
  MILESTONE_MISSED: text('Tonggak kalender terlewat', 'Missed milestones'),
  SEASON_NO_PROPOSAL: text('Belum ada usulan', 'No proposal yet'),
  WEEKLY_DIGEST: text('Ringkasan mingguan', 'Weekly digests'),
  REPORT_TO_SIGN: text('Laporan pemetaan untuk ditandatangani', 'Mapping reports to sign'),
  REPORT_SUBMITTED: text('Laporan pemetaan masuk', 'Mapping reports received'),
  REPORT_RETURNED: text('Laporan pemetaan dikembalikan', 'Mapping reports returned'),
  REPORT_ACCEPTED: text('Laporan pemetaan diterima', 'Mapping reports accepted'),
  REPORT_DUE: text('Tenggat laporan pemetaan', 'Mapping report deadline'),
  REPORT_ESCALATED: text('Eskalasi laporan pemetaan', 'Mapping report escalations'),
  AGREEMENT_EXPIRING: text('Perjanjian akan berakhir', 'Agreements expiring'),
  AGREEMENT_EXPIRED_UNDECIDED: text('Perjanjian berakhir tanpa keputusan', 'Agreements expired undecided'),
  AGREEMENT_REPORT_FILED: text('Laporan monev masuk', 'Monev reports received'),
  AGREEMENT_REPORT_REVIEWED: text('Laporan monev ditelaah', 'Monev reports reviewed'),
  AGREEMENT_OBLIGATION_DUE: text('Kewajiban perjanjian jatuh tempo', 'Agreement obligations due'),
  AGREEMENT_OBLIGATION_OVERDUE: text('Kewajiban perjanjian lewat tenggat', 'Agreement obligations overdue'),
};

/** Who is told: named users, and/or every active holder of a role in a region (optionally one agency). */
export interface RecipientSelector {
  userIds?: string[];
  roles?: Array<{ role: Role; regionCode: string; agency?: string }>;
}

export type NotificationParams = Record<string, string | number | boolean | null>;

export interface NotificationRequest {
  /**
   * Unique per intended notice (e.g. `reminder:<planId>:<taskId>:H-7`). The dispatch
   * workflow's id derives from it and stored rows are unique per (key, user), so a repeat
   * after a crash, a retry or a replay tells nobody twice.
   */
  key: string;
  template: NotificationTemplate;
  regionCode: string;
  recipients: RecipientSelector;
  /** What the template fills in (plan title, stage, due date as ISO instant, day counts…). */
  params: NotificationParams;
  /** The plan it is about, for the in-app link. */
  planId?: string;
}

/** Where one e-mail of a notification stands: queued, sent, given up on, or never to be sent (no SMTP). */
export const EmailDeliveryStatus = { PENDING: 'PENDING', SENT: 'SENT', FAILED: 'FAILED', SKIPPED: 'SKIPPED' } as const;
export type EmailDeliveryStatus = (typeof EmailDeliveryStatus)[keyof typeof EmailDeliveryStatus];
