// The activities the worker registers, one set per workflow, each built from its
// dependencies so the worker wires real ones and tests can wire their own. Workflows
// import only these types.
import { Context } from '@temporalio/activity';
import type { Repositories } from '../persistence';
import { timelinePolicyOf, type WorkerConfig } from '../platform/config';
import { createAgreementProjection } from './agreement-projection';
import { createObligationProjection } from './obligation-projection';
import { createDocumentSync } from './document-sync';
import { createDocumentWebhook, dispatchDocumentChanges } from './document-webhook';
import { createEmailSender } from './email-sender';
import { createMappingReportActivities } from './mapping-report';
import { createNotificationRecorder } from './notification-record';
import { createPlanProjection } from './plan-projection';
import { createPlanningSeasonActivities } from './planning-season';
import { createStageTimeline } from './stage-timeline';

export interface ActivityDependencies {
  repositories: Repositories;
  /** The worker's settings (the TKKSD closing rule, the timeline policy, mail…). */
  config: WorkerConfig;
}

/** The cooperation plan workflow's: projection, document syncs, the stage timeline. */
export function createPlanActivities({ repositories: r, config }: ActivityDependencies) {
  return {
    ...createPlanProjection({ plans: r.plans, projection: r.planProjection, users: r.users, tkksdClosingRule: config.TKKSD_CLOSING_RULE }),
    // After a sync commits its changes, hand them to delivery workflows through the worker's client.
    ...createDocumentSync(r.planningDocuments, () => dispatchDocumentChanges(r.planningDocuments, Context.current().client, config)),
    ...createStageTimeline({ plans: r.plans, reviewTasks: r.reviewTasks, calendars: r.calendars, policy: timelinePolicyOf(config) }),
  };
}
export type PlanActivities = ReturnType<typeof createPlanActivities>;

/** The notification dispatch and e-mail retry workflows'. */
export function createNotificationActivities({ repositories: r, config }: ActivityDependencies) {
  return {
    ...createNotificationRecorder({ notifications: r.notifications, emailDeliveries: r.emailDeliveries, users: r.users, config }),
    ...createEmailSender(r.emailDeliveries, config),
  };
}
export type NotificationActivities = ReturnType<typeof createNotificationActivities>;

/** The planning season workflow's (reads only). */
export function createSeasonActivities({ repositories: r, config }: ActivityDependencies) {
  return createPlanningSeasonActivities({
    calendars: r.calendars,
    plans: r.plans,
    reviewTasks: r.reviewTasks,
    users: r.users,
    policy: timelinePolicyOf(config),
  });
}
export type SeasonActivities = ReturnType<typeof createSeasonActivities>;

/** The document webhook workflow's. */
export function createWebhookActivities({ repositories: r, config }: ActivityDependencies) {
  return createDocumentWebhook(r.planningDocuments, config);
}
export type WebhookActivities = ReturnType<typeof createWebhookActivities>;

/** The mapping report workflow's and the reporting deadline check's. */
export function createReportActivities({ repositories: r, config }: ActivityDependencies) {
  const policy = timelinePolicyOf(config);
  return createMappingReportActivities(
    r.mappingReports,
    { monthDay: config.REPORTING_DEADLINE, provinceAfterDays: config.PROVINCE_REPORTING_AFTER_DAYS },
    { ...policy, reminderOffsetsDays: config.REPORTING_REMINDER_OFFSETS_DAYS },
  );
}
export type ReportActivities = ReturnType<typeof createReportActivities>;

/** The cooperation agreement workflow's: its projection into the read model. */
export function createAgreementActivities({ repositories: r, config }: ActivityDependencies) {
  return createAgreementProjection({
    agreements: r.agreements,
    reviewTasks: r.reviewTasks,
    plans: r.plans,
    calendars: r.calendars,
    policy: {
      dayMs: config.TIMELINE_DAY_MS,
      expiryReminderDays: config.AGREEMENT_EXPIRY_REMINDER_DAYS,
      taskReminders: {
        reminderOffsetsDays: config.REMINDER_OFFSETS_DAYS,
        overdueEveryDays: config.OVERDUE_REMINDER_EVERY_DAYS,
        escalateAfterOverdueDays: config.ESCALATE_AFTER_OVERDUE_DAYS,
      },
      reportEveryMonths: config.AGREEMENT_REPORT_EVERY_MONTHS,
      continueAsNewAfterEvents: config.AGREEMENT_CONTINUE_AS_NEW_AFTER_EVENTS,
    },
    serviceWorkingDays: config.AGREEMENT_SERVICE_WORKING_DAYS,
  });
}
export type AgreementActivities = ReturnType<typeof createAgreementActivities>;

/** An obligation's reminder workflow's: its read model. */
export function createObligationActivities({ repositories: r, config }: ActivityDependencies) {
  return createObligationProjection(r.agreementObligations, { dayMs: config.TIMELINE_DAY_MS, reminderDays: config.AGREEMENT_OBLIGATION_REMINDER_DAYS });
}
export type ObligationActivities = ReturnType<typeof createObligationActivities>;

/** Every activity, for the worker. */
export function createActivities(deps: ActivityDependencies) {
  return {
    ...createPlanActivities(deps),
    ...createAgreementActivities(deps),
    ...createObligationActivities(deps),
    ...createNotificationActivities(deps),
    ...createSeasonActivities(deps),
    ...createWebhookActivities(deps),
    ...createReportActivities(deps),
  };
}
