// The Temporal worker of the cooperation plan workflows and their activities.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker, type NativeConnection } from '@temporalio/worker';
import { createActivities } from '../../../activities';
import { ClosingRule } from '../../../domain/deliberation';
import type { PrismaClient } from '../../../prisma/client';

export interface PlanWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  prisma: PrismaClient;
  /** How a TKKSD deliberation closes (default: a majority of all members). */
  tkksdClosingRule?: ClosingRule;
  /** A prebuilt workflow bundle; without one the workflows are bundled at start. */
  workflowBundlePath?: string;
}

/** Where `npm run build` leaves the workflow bundle. */
export const DEFAULT_WORKFLOW_BUNDLE = path.resolve(__dirname, '..', '..', '..', 'workflow-bundle.js');

export function createPlanWorker(options: PlanWorkerOptions): Promise<Worker> {
  const bundlePath = options.workflowBundlePath ?? (existsSync(DEFAULT_WORKFLOW_BUNDLE) ? DEFAULT_WORKFLOW_BUNDLE : undefined);
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: createActivities({ prisma: options.prisma, tkksdClosingRule: options.tkksdClosingRule ?? ClosingRule.MAJORITY }),
    ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: require.resolve('../../../workflows') }),
  });
}
