// How every workflow calls its database activities: they must eventually succeed, so a
// database outage delays a plan or a notice and never fails it; retries back off to a
// minute apart and never stop. Each attempt is a few queries in one transaction: one
// that has not finished in 15 s (its worker died under it, say) is tried again rather
// than waited for a whole minute.
import type { ActivityOptions, LocalActivityOptions } from '@temporalio/workflow';

export const DATABASE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '15 seconds',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};

/**
 * The projection into the read model, run as a local activity: the worker runs it inside
 * the workflow task that made the change, so an Update's answer does not wait for the
 * server to dispatch an activity task and then a second workflow task. Same retries.
 */
export const LOCAL_DATABASE_ACTIVITY: LocalActivityOptions = {
  startToCloseTimeout: '15 seconds',
  retry: DATABASE_ACTIVITY.retry,
};
