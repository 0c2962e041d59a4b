// Keeps a plan workflow's history for the replay test when JALIN_RECORD_HISTORIES is set
// (`npm run histories:record`). Name new recordings after the behaviour they cover, so
// the histories of plans started under older code stay and keep being replayed.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { historyToJSON } from '@temporalio/common/lib/proto-utils';
import { planWorkflowId } from '../../workflows/cooperation-plan/definitions';
import { REPO_ROOT } from './environment';
import type { TestStack } from './test-stack';

export async function maybeRecordHistory(stack: TestStack, planId: string, name: string): Promise<void> {
  await maybeRecordWorkflowHistory(stack, planWorkflowId(planId), name);
}

/** The same for any workflow by its id (a mapping report, a reporting deadline check, an agreement). */
export async function maybeRecordWorkflowHistory(stack: TestStack, workflowId: string, name: string): Promise<void> {
  if (!process.env.JALIN_RECORD_HISTORIES) return;
  const history = await stack.temporal.workflow.getHandle(workflowId).fetchHistory();
  writeFileSync(path.join(REPO_ROOT, 'test', 'histories', `${name}.json`), historyToJSON(history));
}
