// The baseline's client: one plan's life as Jalin's users act it, each act one Update.
import type { Client } from '@temporalio/client';
import { randomUUID } from 'node:crypto';
import { STAGES, type UpdateWrite, baselineLifecycle, claimUpdate, decideUpdate, submitUpdate, voteUpdate } from './workflow';

export async function runBaselineLifecycle(client: Client, taskQueue: string, inUpdates: UpdateWrite): Promise<void> {
  const planId = `baseline-${randomUUID()}`;
  const handle = await client.workflow.start(baselineLifecycle, { args: [planId, inUpdates], workflowId: planId, taskQueue });
  await handle.executeUpdate(submitUpdate);
  for (const stage of STAGES) {
    if (stage === 'TKKSD_DELIBERATION') for (const member of ['tkksd1', 'tkksd2', 'tkksd3']) await handle.executeUpdate(voteUpdate, { args: [member] });
    await handle.executeUpdate(claimUpdate, { args: [`reviewer of ${stage}`] });
    await handle.executeUpdate(decideUpdate, { args: [stage] });
  }
  const stage = await handle.result();
  if (stage !== 'COMPLETED') throw new Error(`baseline plan ${planId} ended at ${stage}`);
}
