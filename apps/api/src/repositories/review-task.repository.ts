import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '../../../../prisma/client';
import type { ReviewStage } from '../../../../domain/plan-stage';
import { PRISMA } from '../tokens';

export interface ReviewTaskFilter {
  stage?: ReviewStage;
  regionCode?: string;
  budgetYear?: number;
}

export type ReviewTaskRecord = Awaited<ReturnType<ReviewTaskRepository['listOpen']>>[number];

@Injectable()
export class ReviewTaskRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  listOpen(filter: ReviewTaskFilter) {
    return this.prisma.reviewTask.findMany({
      where: { status: 'OPEN', stage: filter.stage, regionCode: filter.regionCode, budgetYear: filter.budgetYear },
      include: { plan: { select: { title: true } } },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 500,
    });
  }
}
