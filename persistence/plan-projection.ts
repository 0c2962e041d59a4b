// What a plan's workflow has done, written into the read model: its moves, task
// assignments and votes in the order it made them, and the status snapshot the plan page
// is built from. Two writers call it with the same items: the workflow's projection
// activities, and the API right after an Update returned (the workflow task that made the
// change is then committed, so the read model is never ahead of the workflow). Every
// write is idempotent and order-proof: a move is keyed by its sequence, an assignment by
// its version, a vote by its voter and round, and a snapshot only replaces an older one.
import type { PlanChangeItem, PlanStatusSnapshot } from '../domain/plan-change';
import type { PlanRepository } from './plan.repository';
import type { ReviewTaskRepository } from './review-task.repository';

export type { PlanChangeItem, PlanStatusSnapshot } from '../domain/plan-change';

export class PlanProjection {
  constructor(
    private readonly plans: PlanRepository,
    private readonly reviewTasks: ReviewTaskRepository,
  ) {}

  /** Writes one change; a repeat of a change already written changes nothing. */
  async apply(planId: string, item: PlanChangeItem): Promise<void> {
    if (item.kind === 'transition') await this.plans.recordTransition({ planId, transition: item.transition, submission: item.submission });
    else if (item.kind === 'task') await this.reviewTasks.recordAssignment({ planId, event: item.event });
    else await this.reviewTasks.recordVote(item.event);
  }

  /** Stores the snapshot unless a newer one is stored already. */
  recordStatus(planId: string, snapshot: PlanStatusSnapshot): Promise<void> {
    return this.plans.recordStatus({ planId, ...snapshot });
  }

  /**
   * Catches the read model up with a change an Update has just returned: the changes the
   * workflow had not yet seen projected, oldest first (those before them are written
   * already), then the snapshot.
   */
  async catchUp(planId: string, pending: readonly PlanChangeItem[], snapshot: PlanStatusSnapshot): Promise<void> {
    for (const item of pending) await this.apply(planId, item);
    await this.recordStatus(planId, snapshot);
  }
}
