// How every workflow calls its database activities: they must eventually succeed, so a
// database outage delays a plan or a notice and never fails it; retries back off to a
// minute apart and never stop. Each attempt is a few queries in one transaction: one
// that has not finished in 15 s (its worker died under it, say) is tried again rather
// than waited for a whole minute.
import type { ActivityOptions } from '@temporalio/workflow';

export const DATABASE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

// Not local activities: a local activity runs before its workflow task is committed, so a
// projection could show a transition that a Temporal restart then lost (the fault suite
// caught a plan whose read model was a stage ahead of its workflow, for good).
