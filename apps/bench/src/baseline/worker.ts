// The baseline's minimal worker: its workflows bundled from this folder, its activity
// over a pooled `pg` connection.
import { Worker, bundleWorkflowCode, DefaultLogger, type NativeConnection } from '@temporalio/worker';
import type { Pool } from 'pg';
import { baselineActivities } from './activities';

export async function createBaselineWorker(connection: NativeConnection, taskQueue: string, pool: Pool): Promise<Worker> {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('./workflow'), logger: new DefaultLogger('WARN') });
  return Worker.create({ connection, taskQueue, workflowBundle: { code }, activities: baselineActivities(pool) });
}
