// The revisions a plan was submitted in, and what changed from one to another: what a
// reviewer checks after a plan comes back from revision.
import { Injectable } from '@nestjs/common';
import type { AuthContext } from '../../../../domain/auth-context';
import { NotFound, ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { PlanRepository, type PlanRevisionSummary } from '../../../../persistence/plan.repository';
import { diffRevisionContents, type RevisionChange } from '../utils/revision-diff';
import { requireVisiblePlan } from './plan-visibility';

const REVISION = { id: 'Revisi rencana', en: 'Plan revision' };

export interface RevisionDiff {
  from: number;
  to: number;
  changes: RevisionChange[];
}

@Injectable()
export class PlanRevisionService {
  constructor(private readonly plans: PlanRepository) {}

  async list(auth: AuthContext, planId: string): Promise<PlanRevisionSummary[]> {
    await requireVisiblePlan(this.plans, auth, planId);
    return this.plans.listRevisions(planId);
  }

  async diff(auth: AuthContext, planId: string, from: number, to: number): Promise<RevisionDiff> {
    await requireVisiblePlan(this.plans, auth, planId);
    if (from >= to) {
      throw new ValidationFailed([
        {
          field: 'to',
          reason: 'ORDER',
          message: text('Revisi tujuan harus lebih baru daripada revisi asal.', 'The revision compared to must be later than the one compared from.'),
        },
      ]);
    }
    const contents = await this.plans.revisionContents(planId, [from, to]);
    for (const revision of [from, to]) {
      if (!contents.has(revision)) throw new NotFound(REVISION, `${planId} #${revision}`);
    }
    return { from, to, changes: diffRevisionContents(contents.get(from), contents.get(to)) };
  }
}
