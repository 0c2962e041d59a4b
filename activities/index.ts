// The activities the worker registers, built from their dependencies so the worker
// wires real ones and tests can wire their own.
import type { PrismaClient } from '../prisma/client';
import { createDocumentSync } from './document-sync';
import { createPlanProjection } from './plan-projection';

export interface ActivityDependencies {
  prisma: PrismaClient;
}

export function createActivities({ prisma }: ActivityDependencies) {
  return {
    recordPlanTransition: createPlanProjection(prisma),
    ...createDocumentSync(prisma),
  };
}

export type PlanActivities = ReturnType<typeof createActivities>;
