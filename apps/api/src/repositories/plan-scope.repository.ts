// The fields the access policy needs to decide who may see a plan, read alone so the
// features around a plan (audit, comments, revisions) need not load the whole plan.
import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '../../../../prisma/client';
import type { PlanScope } from '../../../../domain/access-policy';
import { PRISMA } from '../tokens';

@Injectable()
export class PlanScopeRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** The plan's region and proposing agency, or null when there is no such plan. */
  find(planId: string): Promise<PlanScope | null> {
    return this.prisma.cooperationPlan.findUnique({ where: { id: planId }, select: { regionCode: true, proposingAgency: true } });
  }
}
