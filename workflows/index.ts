// Every workflow the worker registers.
export { cooperationPlanWorkflow } from './cooperation-plan/cooperation-plan.workflow';
export { planningSeasonWorkflow } from './planning-season/planning-season.workflow';
