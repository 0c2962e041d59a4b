// Keeps the read model's copy of the plan's status (what the status query answers) up to
// date, so a plan page is read from PostgreSQL and never waits for a worker. Runs beside
// the plan's main loop and writes whenever the status changed, each write with a higher
// version; it ends once the plan has ended and its last status is written.
import { condition, proxyActivities } from '@temporalio/workflow';
import type { PlanActivities } from '../../activities';
import { DATABASE_ACTIVITY } from '../shared/activity-options';
import type { PlanStatus } from './definitions';

const activities = proxyActivities<PlanActivities>(DATABASE_ACTIVITY);

export async function projectStatus(planId: string, current: () => PlanStatus, ended: () => boolean): Promise<void> {
  let written: string | undefined;
  for (let version = 1; ; version += 1) {
    await condition(() => ended() || JSON.stringify(current()) !== written);
    const json = JSON.stringify(current());
    if (json === written) return;
    await activities.recordPlanStatus({ planId, version, status: JSON.parse(json) as PlanStatus, at: new Date().toISOString() });
    written = json;
  }
}
