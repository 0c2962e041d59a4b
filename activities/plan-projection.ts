// The plan workflow's writes to the read model: each move, assignment and vote in the
// order the workflow made them (idempotent in persistence/), the TKKSD panel read
// when a deliberation opens, and the status snapshot the plan page is built from.
import type { ClosingRule, DeliberationPanel, VoteEvent } from '../domain/deliberation';
import { Role } from '../domain/role';
import type { PlanRepository, RecordPlanTransitionInput } from '../persistence/plan.repository';
import type { RecordTaskEventInput, ReviewTaskRepository } from '../persistence/review-task.repository';
import type { UserRepository } from '../persistence/user.repository';
import type { PlanStatus } from '../workflows/cooperation-plan/definitions';

export interface PlanProjectionDependencies {
  plans: PlanRepository;
  reviewTasks: ReviewTaskRepository;
  users: UserRepository;
  tkksdClosingRule: ClosingRule;
}

export function createPlanProjection({ plans, reviewTasks, users, tkksdClosingRule }: PlanProjectionDependencies) {
  return {
    recordPlanTransition: (input: RecordPlanTransitionInput): Promise<void> => plans.recordTransition(input),
    recordTaskEvent: (input: RecordTaskEventInput): Promise<void> => reviewTasks.recordAssignment(input),
    recordVote: (event: VoteEvent): Promise<void> => reviewTasks.recordVote(event),
    /** The status the plan page shows, kept in the read model so reading it needs no worker. */
    recordPlanStatus: (input: { planId: string; version: number; status: PlanStatus; at: string }): Promise<void> => plans.recordStatus(input),
    /** Who sits on the plan's region's coordination team when its deliberation opens. */
    async loadDeliberationPanel({ planId }: { planId: string }): Promise<DeliberationPanel> {
      const scope = await plans.scope(planId);
      if (!scope) throw new Error(`Unknown plan ${planId}`);
      return { rule: tkksdClosingRule, members: await users.activeHolders(Role.TKKSD_MEMBER, scope.regionCode) };
    },
  };
}
