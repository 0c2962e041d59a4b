// The activities the worker registers, built from their dependencies so the worker
// wires real ones and tests can wire their own.
import type { WorkerConfig } from '../apps/platform/src/config';
import type { PrismaClient } from '../prisma/client';
import { createDeliberationPanelLoader } from './deliberation-panel';
import { createDocumentSync } from './document-sync';
import { createPlanProjection } from './plan-projection';
import { createPlanningSeasonActivities } from './planning-season';
import { createTaskProjection } from './task-projection';

export interface ActivityDependencies {
  prisma: PrismaClient;
  /** The worker's settings (the TKKSD closing rule, the timeline policy…). */
  config: WorkerConfig;
}

export function createActivities({ prisma, config }: ActivityDependencies) {
  const tkksdClosingRule = config.TKKSD_CLOSING_RULE;
  return {
    recordPlanTransition: createPlanProjection(prisma),
    ...createTaskProjection(prisma),
    loadDeliberationPanel: createDeliberationPanelLoader(prisma, tkksdClosingRule),
    ...createDocumentSync(prisma),
    ...createPlanningSeasonActivities(prisma, config),
  };
}

export type PlanActivities = ReturnType<typeof createActivities>;
