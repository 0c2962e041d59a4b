// Who sits on the plan's region's coordination team (TKKSD) when its deliberation opens.
import type { ClosingRule } from '../domain/deliberation';
import type { PrismaClient } from '../prisma/client';
import type { DeliberationPanel } from '../domain/deliberation';

export function createDeliberationPanelLoader(prisma: PrismaClient, closingRule: ClosingRule) {
  return async function loadDeliberationPanel({ planId }: { planId: string }): Promise<DeliberationPanel> {
    const plan = await prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId }, select: { regionCode: true } });
    const grants = await prisma.userRoleGrant.findMany({
      where: { role: 'TKKSD_MEMBER', regionCode: plan.regionCode, user: { active: true } },
      select: { user: { select: { id: true, displayName: true } } },
      orderBy: { user: { username: 'asc' } },
    });
    return { rule: closingRule, members: grants.map(({ user }) => ({ userId: user.id, name: user.displayName })) };
  };
}
