// The Temporal worker of the cooperation plan workflows and their activities.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker, type NativeConnection, type WorkerOptions, type WorkerPlugin } from '@temporalio/worker';
import { createActivities } from '../../../activities';
import type { WorkerConfig } from '../../../platform/config';
import type { Repositories } from '../../../persistence';
import { sweepDocumentChangesWhileRunning } from './document-change-sweep';

export interface PlanWorkerOptions {
  connection: NativeConnection;
  /** Namespace, task queue and every setting the activities read. */
  config: WorkerConfig;
  repositories: Repositories;
  /** A prebuilt workflow bundle; without one the workflows are bundled at start. */
  workflowBundlePath?: string;
  /** Tests hold an activity at a chosen point to make a race happen every time. */
  interceptors?: WorkerOptions['interceptors'];
  /**
   * E.g. tracing (platform/tracing.ts). A plugin may add workflow interceptor modules, which
   * only a bundle made at start can hold: with plugins the prebuilt bundle is not used.
   */
  plugins?: WorkerPlugin[];
}

/** Where `npm run build` leaves the workflow bundle. */
export const DEFAULT_WORKFLOW_BUNDLE = path.resolve(__dirname, '..', '..', '..', 'workflow-bundle.js');

export async function createPlanWorker(options: PlanWorkerOptions): Promise<Worker> {
  const plugins = options.plugins ?? [];
  const bundlePath =
    plugins.length > 0 ? undefined : (options.workflowBundlePath ?? (existsSync(DEFAULT_WORKFLOW_BUNDLE) ? DEFAULT_WORKFLOW_BUNDLE : undefined));
  const worker = await Worker.create({
    connection: options.connection,
    namespace: options.config.TEMPORAL_NAMESPACE,
    taskQueue: options.config.TEMPORAL_TASK_QUEUE,
    activities: createActivities({ repositories: options.repositories, config: options.config }),
    // See WORKER_MAX_CONCURRENT_WORKFLOW_TASKS in platform/config.ts: tasks queue on the
    // server rather than in a worker that cannot finish them within their timeout.
    maxConcurrentWorkflowTaskExecutions: options.config.WORKER_MAX_CONCURRENT_WORKFLOW_TASKS,
    // A stopping worker lets running activities finish for 10 s, then cancels them, and
    // gives up after 30 s: a deploy or Ctrl-C never hangs on a stuck SMTP server.
    shutdownGraceTime: '10 seconds',
    shutdownForceTime: '30 seconds',
    ...(options.interceptors && { interceptors: options.interceptors }),
    ...(plugins.length > 0 && { plugins }),
    ...(bundlePath ? { workflowBundle: { codePath: bundlePath } } : { workflowsPath: require.resolve('../../../workflows') }),
  });
  sweepDocumentChangesWhileRunning(worker, {
    connection: options.connection,
    namespace: options.config.TEMPORAL_NAMESPACE,
    documents: options.repositories.planningDocuments,
    settings: options.config,
  });
  return worker;
}
