// The content of each submitted revision of a plan, as the projection stored it.
import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '../../../../prisma/client';
import { PRISMA } from '../tokens';

export type PlanRevisionSummary = Awaited<ReturnType<PlanRevisionRepository['listByPlan']>>[number];

@Injectable()
export class PlanRevisionRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  listByPlan(planId: string) {
    return this.prisma.planRevision.findMany({
      where: { planId },
      select: { revision: true, submittedBy: true, submittedAt: true },
      orderBy: { revision: 'asc' },
    });
  }

  /** Both revisions' contents in one read; a revision that was never submitted is missing from the map. */
  async contents(planId: string, revisions: number[]): Promise<Map<number, unknown>> {
    const rows = await this.prisma.planRevision.findMany({
      where: { planId, revision: { in: revisions } },
      select: { revision: true, content: true },
    });
    return new Map(rows.map((row) => [row.revision, row.content as unknown]));
  }
}
