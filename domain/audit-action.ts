// The vocabulary of the audit trail, so the API, the projection activity and reports
// spell each action and entity the same way. Stored as text: new ones need no migration.

/** What was acted on. */
export const AuditEntity = {
  PLAN: 'PLAN',
  ATTACHMENT: 'ATTACHMENT',
  COMMENT: 'COMMENT',
  REVIEW_TASK: 'REVIEW_TASK',
  VOTE: 'VOTE',
  DOCUMENT_LINE: 'DOCUMENT_LINE',
  PLANNING_DOCUMENT: 'PLANNING_DOCUMENT',
  USER: 'USER',
  CALENDAR_OVERRIDE: 'CALENDAR_OVERRIDE',
  /** Before issue 12; kept so older entries read. */
  COLLECTIVE_LEAVE_DAY: 'COLLECTIVE_LEAVE_DAY',
  DAY_OFF: 'DAY_OFF',
  DAY_OFF_DECREE: 'DAY_OFF_DECREE',
  EMAIL_DELIVERY: 'EMAIL_DELIVERY',
  /** A cooperation agreement (KB, PKS) and its moves; actions are `AGREEMENT_` + the step's outcome. */
  AGREEMENT: 'AGREEMENT',
  /** The reporting deadline of a budget year (issue 18), set by the national calendar keeper. */
  REPORTING_DEADLINE: 'REPORTING_DEADLINE',
} as const;
export type AuditEntity = (typeof AuditEntity)[keyof typeof AuditEntity];

/** What was done. Transitions use `PLAN_` + the workflow's TransitionAction (e.g. PLAN_APPROVE). */
export const AuditAction = {
  PLAN_CREATED: 'PLAN_CREATED',
  PLAN_EDITED: 'PLAN_EDITED',
  PLAN_SUBMITTED: 'PLAN_SUBMITTED',
  TASK_CLAIMED: 'TASK_CLAIMED',
  TASK_RELEASED: 'TASK_RELEASED',
  TASK_DELEGATED: 'TASK_DELEGATED',
  VOTE_CAST: 'VOTE_CAST',
  ATTACHMENT_UPLOADED: 'ATTACHMENT_UPLOADED',
  ATTACHMENT_DELETED: 'ATTACHMENT_DELETED',
  COMMENT_ADDED: 'COMMENT_ADDED',
  USER_CREATED: 'USER_CREATED',
  USER_UPDATED: 'USER_UPDATED',
  ROLE_GRANTED: 'ROLE_GRANTED',
  ROLE_REVOKED: 'ROLE_REVOKED',
  /** Too many wrong passwords in a row: logins to the account are refused for a while. */
  LOGIN_LOCKED: 'LOGIN_LOCKED',
  /** The lockout ran out and the next login attempt ended it. */
  LOGIN_LOCK_RELEASED: 'LOGIN_LOCK_RELEASED',
  CALENDAR_OVERRIDE_SET: 'CALENDAR_OVERRIDE_SET',
  CALENDAR_OVERRIDE_REMOVED: 'CALENDAR_OVERRIDE_REMOVED',
  COLLECTIVE_LEAVE_DAY_ADDED: 'COLLECTIVE_LEAVE_DAY_ADDED',
  COLLECTIVE_LEAVE_DAY_REMOVED: 'COLLECTIVE_LEAVE_DAY_REMOVED',
  DAY_OFF_ADDED: 'DAY_OFF_ADDED',
  DAY_OFF_REMOVED: 'DAY_OFF_REMOVED',
  DAY_OFF_DECREE_SET: 'DAY_OFF_DECREE_SET',
  DAY_OFF_DECREE_REMOVED: 'DAY_OFF_DECREE_REMOVED',
  EMAIL_RETRY_REQUESTED: 'EMAIL_RETRY_REQUESTED',
  DOCUMENT_REGISTERED: 'DOCUMENT_REGISTERED',
  DOCUMENT_STATE_CHANGED: 'DOCUMENT_STATE_CHANGED',
  /** The timeline found a plan late for its calendar milestone and recorded the remedy it needs. */
  MILESTONE_MISSED: 'MILESTONE_MISSED',
  /** An overdue review task was escalated to the region's Sekda. */
  TASK_ESCALATED: 'TASK_ESCALATED',
  /** The national calendar keeper set (or moved) a budget year's reporting deadline. */
  REPORTING_DEADLINE_SET: 'REPORTING_DEADLINE_SET',
} as const;
export type AuditAction = (typeof AuditAction)[keyof typeof AuditAction];
