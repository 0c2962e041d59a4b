// The check every feature around a plan starts with: the plan exists and the caller
// may see it. A plan they may not see answers as not found, like a missing one.
import { requirePlanVisible, type PlanScope } from '../../../../domain/access-policy';
import type { AuthContext } from '../../../../domain/auth-context';
import { NotFound } from '../../../../domain/errors';
import type { PlanRepository } from '../../../../persistence/plan.repository';

const PLAN = { id: 'Rencana kerja sama', en: 'Cooperation plan' };

export async function requireVisiblePlan(scopes: PlanRepository, auth: AuthContext, planId: string): Promise<PlanScope> {
  const scope = await scopes.scope(planId);
  if (!scope) throw new NotFound(PLAN, planId);
  requirePlanVisible(auth, scope, planId);
  return scope;
}
