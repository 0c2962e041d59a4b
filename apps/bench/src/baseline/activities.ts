// The baseline's one activity: one single-row write in a plain table through `pg`.
import type { Pool } from 'pg';

export const BASELINE_TABLE = `CREATE TABLE IF NOT EXISTS baseline_plan (id text PRIMARY KEY, last_event text NOT NULL, events int NOT NULL)`;

export function baselineActivities(pool: Pool) {
  return {
    /** One row per plan: inserted by its first event, updated by the next ones. */
    async writeRow(planId: string, event: string): Promise<void> {
      await pool.query(
        `INSERT INTO baseline_plan (id, last_event, events) VALUES ($1, $2, 1)
         ON CONFLICT (id) DO UPDATE SET last_event = EXCLUDED.last_event, events = baseline_plan.events + 1`,
        [planId, event],
      );
    },
  };
}
export type BaselineActivities = ReturnType<typeof baselineActivities>;
