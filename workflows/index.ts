// Every workflow the worker registers.
export { cooperationPlanWorkflow } from './cooperation-plan/cooperation-plan.workflow';
export { documentWebhookWorkflow } from './document-webhook/document-webhook.workflow';
