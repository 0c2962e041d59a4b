// The activities the worker registers, built from their dependencies so the worker
// wires real ones and tests can wire their own.
import { timelinePolicyOf, type WorkerConfig } from '../platform/config';
import type { PrismaClient } from '../prisma/client';
import { createDeliberationPanelLoader } from './deliberation-panel';
import { Context } from '@temporalio/activity';
import { createDocumentSync } from './document-sync';
import { createEmailSender } from './email-sender';
import { createNotificationRecorder } from './notification-record';
import { createDocumentWebhook, dispatchDocumentChanges } from './document-webhook';
import { createPlanProjection } from './plan-projection';
import { createStageTimeline } from './stage-timeline';
import { createPlanningSeasonActivities } from './planning-season';
import { createTaskProjection } from './task-projection';

export interface ActivityDependencies {
  prisma: PrismaClient;
  /** The worker's settings (the TKKSD closing rule, the timeline policy, mail…). */
  config: WorkerConfig;
}

export function createActivities({ prisma, config }: ActivityDependencies) {
  const tkksdClosingRule = config.TKKSD_CLOSING_RULE;
  return {
    recordPlanTransition: createPlanProjection(prisma),
    ...createTaskProjection(prisma),
    loadDeliberationPanel: createDeliberationPanelLoader(prisma, tkksdClosingRule),
    // After a sync commits its changes, hand them to delivery workflows through the worker's client.
    ...createDocumentSync(prisma, async () => (config.WEBHOOK_URL ? dispatchDocumentChanges(prisma, Context.current().client, config) : 0)),
    ...createDocumentWebhook(prisma, config),
    ...createStageTimeline(prisma, timelinePolicyOf(config)),
    ...createNotificationRecorder(prisma, config),
    ...createEmailSender(prisma, config),
    ...createPlanningSeasonActivities(prisma, config),
  };
}

export type PlanActivities = ReturnType<typeof createActivities>;
