// Every workflow the worker registers.
export { cooperationPlanWorkflow } from './cooperation-plan/cooperation-plan.workflow';
export { notificationDispatchWorkflow } from './notification/notification-dispatch.workflow';
export { emailRetryWorkflow } from './notification/email-retry.workflow';
export { documentWebhookWorkflow } from './document-webhook/document-webhook.workflow';
export { planningSeasonWorkflow } from './planning-season/planning-season.workflow';
export { mappingReportWorkflow } from './mapping-report/mapping-report.workflow';
export { reportingDeadlineWorkflow } from './reporting-deadline/reporting-deadline.workflow';
