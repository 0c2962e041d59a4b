// The plan workflow's writes to the read model: each move, assignment and vote in the
// order the workflow made them (idempotent in persistence/), the TKKSD panel read
// when a deliberation opens, and the status snapshot the plan page is built from.
import type { ClosingRule, DeliberationPanel, VoteEvent } from '../domain/deliberation';
import { Role } from '../domain/role';
import type { PlanProjection } from '../persistence/plan-projection';
import type { PlanRepository, RecordPlanTransitionInput } from '../persistence/plan.repository';
import type { RecordTaskEventInput } from '../persistence/review-task.repository';
import type { UserRepository } from '../persistence/user.repository';
import type { PlanStatus } from '../workflows/cooperation-plan/definitions';

export interface PlanProjectionDependencies {
  plans: PlanRepository;
  /** The same writes the API makes after an Update returns. */
  projection: PlanProjection;
  users: UserRepository;
  tkksdClosingRule: ClosingRule;
}

export function createPlanProjection({ plans, projection, users, tkksdClosingRule }: PlanProjectionDependencies) {
  return {
    recordPlanTransition: ({ planId, ...change }: RecordPlanTransitionInput): Promise<void> => projection.apply(planId, { kind: 'transition', ...change }),
    recordTaskEvent: ({ planId, event }: RecordTaskEventInput): Promise<void> => projection.apply(planId, { kind: 'task', event }),
    recordVote: (event: VoteEvent): Promise<void> => projection.apply(event.planId, { kind: 'vote', event }),
    /** The status the plan page shows, kept in the read model so reading it needs no worker. */
    recordPlanStatus: ({ planId, ...snapshot }: { planId: string; version: number; status: PlanStatus; at: string }): Promise<void> =>
      projection.recordStatus(planId, snapshot),
    /** Who sits on the plan's region's coordination team when its deliberation opens. */
    async loadDeliberationPanel({ planId }: { planId: string }): Promise<DeliberationPanel> {
      const scope = await plans.scope(planId);
      if (!scope) throw new Error(`Unknown plan ${planId}`);
      return { rule: tkksdClosingRule, members: await users.activeHolders(Role.TKKSD_MEMBER, scope.regionCode) };
    },
  };
}
