// How every workflow calls its database activities: they must eventually succeed, so a
// database outage delays a plan or a notice and never fails it; retries back off to a
// minute apart and never stop.
import type { ActivityOptions } from '@temporalio/workflow';

export const DATABASE_ACTIVITY: ActivityOptions = {
  startToCloseTimeout: '1 minute',
  retry: { initialInterval: '1 second', backoffCoefficient: 2, maximumInterval: '1 minute' },
};
