// The contract of notifications: what a workflow asks for when it wants people told
// something. A notification is stored in-app for every recipient and, where the
// recipient has an e-mail address and SMTP is configured, mailed; the dispatch runs as
// its own workflow so a slow or failing mail server never holds up the plan.

export const NOTIFICATION_DISPATCH_WORKFLOW_TYPE = 'notificationDispatchWorkflow';

/** The dispatch workflow's id for a request: one dispatch per key, ever. */
export function notificationDispatchWorkflowId(key: string): string {
  return `notification-${key}`;
}

/** The dispatch's outcome, for whoever looks at the workflow. */
export interface NotificationDispatchResult {
  /** People told in the app (also those told by an earlier run with the same key). */
  recipients: number;
  emailsSent: number;
  emailsFailed: number;
}

/** How a failed send is retried: the worker's MAIL_RETRY_* settings, recorded in the history. */
export interface MailRetrySettings {
  initialIntervalMs: number;
  maximumAttempts: number;
}

/** E-mails still to send, and how to retry them. */
export interface PendingEmails {
  deliveryIds: string[];
  retry: MailRetrySettings;
}

/** The failure type of a send the SMTP server refused for good (a 5xx reply): not retried. */
export const SMTP_PERMANENT_FAILURE_TYPE = 'SmtpPermanentFailure';

/** What sending one e-mail came to: sent now, sent before (a retry after a crash), or not to be sent. */
export type EmailSendOutcome = 'SENT' | 'ALREADY_SENT' | 'NOT_PENDING';

/** An admin's retry of a failed e-mail: the same sending and retries as a dispatch, for one delivery. */
export const EMAIL_RETRY_WORKFLOW_TYPE = 'emailRetryWorkflow';

export interface EmailRetryRequest {
  deliveryId: string;
}

export interface EmailRetryResult {
  emailsSent: number;
  emailsFailed: number;
}

/**
 * One retry workflow per failed round: `attempts` (the delivery's attempt count when it
 * failed) grows with every round, so a repeated click starts nothing new.
 */
export function emailRetryWorkflowId(deliveryId: string, attempts: number): string {
  return `email-retry-${deliveryId}-${attempts}`;
}
