// The activities the worker registers, built from their dependencies so the worker
// wires real ones and tests can wire their own.
import type { ClosingRule } from '../domain/deliberation';
import type { PrismaClient } from '../prisma/client';
import { createDeliberationPanelLoader } from './deliberation-panel';
import { createDocumentSync } from './document-sync';
import { createPlanProjection } from './plan-projection';
import { createTaskProjection } from './task-projection';

export interface ActivityDependencies {
  prisma: PrismaClient;
  /** How a TKKSD deliberation closes: a majority of all members, or every member. */
  tkksdClosingRule: ClosingRule;
}

export function createActivities({ prisma, tkksdClosingRule }: ActivityDependencies) {
  return {
    recordPlanTransition: createPlanProjection(prisma),
    ...createTaskProjection(prisma),
    loadDeliberationPanel: createDeliberationPanelLoader(prisma, tkksdClosingRule),
    ...createDocumentSync(prisma),
  };
}

export type PlanActivities = ReturnType<typeof createActivities>;
