// Keeps the read model's copy of the plan's status (what the status query answers) up to
// date, so a plan page is read from PostgreSQL and never waits for a worker. Each distinct
// status gets the next version of a workflow-side sequence, the same whether an Update
// answers it (and the API writes it) or this loop writes it; a write only replaces an
// older version, so the two writers can land in any order. Runs beside the plan's main
// loop and ends once the plan has ended and its last status is written.
import { condition, proxyActivities } from '@temporalio/workflow';
import type { PlanActivities } from '../../activities';
import type { PlanStatusSnapshot } from '../../domain/plan-change';
import { DATABASE_ACTIVITY } from '../shared/activity-options';
import type { PlanStatus } from './definitions';

const activities = proxyActivities<PlanActivities>(DATABASE_ACTIVITY);

/** Numbers the plan's statuses: a new version each time the status differs from the last one taken. */
export class StatusVersions {
  private version = 0;
  private json?: string;
  private at = '';

  constructor(private readonly current: () => PlanStatus) {}

  /** The status now, under the version it was first taken at. */
  take(): PlanStatusSnapshot<PlanStatus> {
    const json = JSON.stringify(this.current());
    if (json !== this.json) {
      this.version += 1;
      this.json = json;
      this.at = new Date().toISOString();
    }
    return { version: this.version, status: JSON.parse(json) as PlanStatus, at: this.at };
  }

  /** Whether the status now differs from the one taken at `version`. */
  changedSince(version: number): boolean {
    return version !== this.version || JSON.stringify(this.current()) !== this.json;
  }
}

export async function projectStatus(planId: string, versions: StatusVersions, ended: () => boolean): Promise<void> {
  let written = 0;
  for (;;) {
    await condition(() => ended() || versions.changedSince(written));
    const snapshot = versions.take();
    if (snapshot.version === written) return;
    await activities.recordPlanStatus({ planId, ...snapshot });
    written = snapshot.version;
  }
}
