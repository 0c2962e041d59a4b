// Data access for plans in the read model. The only place the plans service reaches Prisma.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '../../../../prisma/client';
import type { PlanContent, PlanLineItem } from '../../../../domain/plan-content';
import type { PlanStage } from '../../../../domain/plan-stage';
import { PRISMA } from '../tokens';

const planWithDetails = {
  lineItems: { orderBy: { position: 'asc' } },
  transitions: { orderBy: { sequence: 'asc' } },
} as const;

export type PlanRecord = NonNullable<Awaited<ReturnType<PlanRepository['findById']>>>;
export type PlanSummaryRecord = Awaited<ReturnType<PlanRepository['list']>>['items'][number];

export interface NewPlan extends PlanContent {
  createdBy: string;
}

export interface PlanFilter {
  stage?: PlanStage;
  regionCode?: string;
  budgetYear?: number;
  q?: string;
  page: number;
  pageSize: number;
}

function lineItemRows(items: PlanLineItem[]) {
  return items.map((item, position) => ({
    id: randomUUID(),
    position,
    nomenclatureCode: item.nomenclatureCode,
    description: item.description,
    amount: BigInt(item.amount),
  }));
}

@Injectable()
export class PlanRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  findById(id: string) {
    return this.prisma.cooperationPlan.findUnique({ where: { id }, include: planWithDetails });
  }

  async create(plan: NewPlan) {
    const id = randomUUID();
    const { lineItems, ...fields } = plan;
    return this.prisma.cooperationPlan.create({
      data: { id, ...fields, lineItems: { createMany: { data: lineItemRows(lineItems) } } },
      include: planWithDetails,
    });
  }

  /**
   * Applies an edit only while the plan is a draft, in one transaction: returns false
   * when the plan had left DRAFT (a concurrent submission wins).
   */
  async updateDraft(id: string, changes: Partial<PlanContent>): Promise<boolean> {
    const { lineItems, ...fields } = changes;
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.cooperationPlan.updateMany({
        where: { id, stage: 'DRAFT' },
        data: { ...fields, draftVersion: { increment: 1 } },
      });
      if (count === 0) return false;
      if (lineItems) {
        await tx.planLineItem.deleteMany({ where: { planId: id } });
        await tx.planLineItem.createMany({ data: lineItemRows(lineItems).map((row) => ({ ...row, planId: id })) });
      }
      return true;
    });
  }

  async list(filter: PlanFilter) {
    const where = {
      stage: filter.stage,
      regionCode: filter.regionCode,
      budgetYear: filter.budgetYear,
      ...(filter.q && { title: { contains: filter.q, mode: 'insensitive' as const } }),
    };
    const [items, total] = await Promise.all([
      this.prisma.cooperationPlan.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
      }),
      this.prisma.cooperationPlan.count({ where }),
    ]);
    return { items, total };
  }
}
