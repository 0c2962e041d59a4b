// What the system tells people, and whom: the kinds of notice (each rendered by
// notification-templates.ts), the recipients, and the request a process makes.
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
} as const;
export type NotificationTemplate = (typeof NotificationTemplate)[keyof typeof NotificationTemplate];

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
