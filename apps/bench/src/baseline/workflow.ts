// The bare-Temporal baseline of P1/P2 (issue 15): what a good engineer would write for
// one plan's life straight on Temporal, with the operations counted from
// test/histories/happy-path.json: 16 Updates (submit, 6 claims, 6 decisions, 3 votes),
// each awaiting one activity; 27 activities and 22 local activities in all, each one
// single-row INSERT or UPDATE; 5 deadline timers (started, then cancelled by the
// decision); 10 notification child workflows. No rules, no read model beyond one row.
// `inUpdates` says how each Update awaits its write: as a normal activity (the naive way
// of the measurement, a second workflow task per Update) or as a local activity
// (what a careful engineer, and Jalin now, does).
import {
  CancellationScope,
  ParentClosePolicy,
  condition,
  defineUpdate,
  proxyActivities,
  proxyLocalActivities,
  setHandler,
  sleep,
  startChild,
  isCancellation,
} from '@temporalio/workflow';
import type { BaselineActivities } from './activities';

export const STAGES = ['VERIFICATION', 'BAPPEDA_REVIEW', 'TKKSD_DELIBERATION', 'HEAD_OF_REGION_APPROVAL', 'BUDGET_SIGNOFF', 'RKA_CONFIRMATION'] as const;
export const submitUpdate = defineUpdate<string>('submit');
export const claimUpdate = defineUpdate<string, [string]>('claim');
export const decideUpdate = defineUpdate<string, [string]>('decide');
export const voteUpdate = defineUpdate<string, [string]>('vote');

const { writeRow } = proxyActivities<BaselineActivities>({ startToCloseTimeout: '10s' });
const local = proxyLocalActivities<BaselineActivities>({ startToCloseTimeout: '10s' });

// After the submission and after each decision: the 27 - 16 = 11 further activities,
// the 22 local ones and the 10 children, spread over the 7 stage changes.
const EXTRA_ACTIVITIES = [2, 2, 2, 2, 1, 1, 1];
const LOCAL_ACTIVITIES = [3, 3, 3, 3, 3, 3, 4];
const CHILDREN = [2, 2, 2, 1, 1, 1, 1];
const TIMED_STAGES = 5;

export async function baselineNotification(planId: string): Promise<void> {
  await writeRow(planId, 'notification');
}

export type UpdateWrite = 'activity' | 'local';

export async function baselineLifecycle(planId: string, inUpdates: UpdateWrite = 'activity'): Promise<string> {
  const write = inUpdates === 'local' ? local.writeRow : writeRow;
  let stage = 'DRAFT';
  let decided = 0;
  setHandler(submitUpdate, async () => {
    await write(planId, 'submit');
    stage = STAGES[0];
    return stage;
  });
  setHandler(claimUpdate, async (user) => {
    await write(planId, `claim ${user}`);
    return stage;
  });
  setHandler(voteUpdate, async (user) => {
    await write(planId, `vote ${user}`);
    return stage;
  });
  setHandler(decideUpdate, async (at) => {
    if (at !== stage) throw new Error(`the plan is at ${stage}, not ${at}`);
    await write(planId, `decide ${at}`);
    decided += 1;
    stage = STAGES[decided] ?? 'COMPLETED';
    return stage;
  });
  await condition(() => stage !== 'DRAFT');
  for (let change = 0; change <= STAGES.length; change += 1) {
    // All at once, as a careful engineer would: nothing waits for them in turn.
    const times = (count: number) => Array.from({ length: count }, (_, i) => i);
    await Promise.all([
      ...times(LOCAL_ACTIVITIES[change]).map((i) => local.writeRow(planId, `local ${change}.${i}`)),
      ...times(EXTRA_ACTIVITIES[change]).map((i) => writeRow(planId, `status ${change}.${i}`)),
      ...times(CHILDREN[change]).map((i) =>
        startChild(baselineNotification, { args: [planId], workflowId: `${planId}-notify-${change}-${i}`, parentClosePolicy: ParentClosePolicy.ABANDON }),
      ),
    ]);
    if (change === STAGES.length) break;
    const timer = new CancellationScope();
    const deadline =
      change < TIMED_STAGES
        ? timer
            .run(() => sleep('7 days'))
            .catch((error: unknown) => {
              if (!isCancellation(error)) throw error;
            })
        : undefined;
    await condition(() => decided > change);
    timer.cancel();
    await deadline;
  }
  return stage;
}
