// The review inbox: open tasks a user may act on, filtered, sorted and paged in SQL.
import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '../../../../prisma/client';
import type { AuthContext } from '../../../../domain/auth-context';
import type { CooperationType } from '../../../../domain/cooperation-type';
import type { ReviewStage } from '../../../../domain/plan-stage';
import { Role } from '../../../../domain/role';
import { PRISMA } from '../tokens';

export interface InboxQuery {
  /** mine: assigned to me; available: unassigned and mine to claim; all (default): both. */
  scope: 'mine' | 'available' | 'all';
  stage?: ReviewStage;
  regionCode?: string;
  cooperationType?: CooperationType;
  affairCode?: string;
  overdue?: boolean;
  sort: 'due' | 'priority' | 'created';
  page: number;
  pageSize: number;
}

export type ReviewTaskRecord = Awaited<ReturnType<ReviewTaskRepository['inbox']>>['items'][number];

@Injectable()
export class ReviewTaskRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  /** Tasks the user holds, or may claim through a role in the task's region (TKKSD members: to vote). */
  private visibleTo(auth: AuthContext, scope: InboxQuery['scope']): Prisma.ReviewTaskWhereInput {
    const mine: Prisma.ReviewTaskWhereInput = { assigneeId: auth.userId };
    const claimable: Prisma.ReviewTaskWhereInput = {
      assigneeId: null,
      OR: auth.grants.flatMap((grant) => [
        { candidateRole: grant.role, regionCode: grant.regionCode },
        ...(grant.role === Role.TKKSD_MEMBER ? [{ stage: 'TKKSD_DELIBERATION' as const, regionCode: grant.regionCode }] : []),
      ]),
    };
    if (scope === 'mine') return mine;
    if (scope === 'available') return claimable;
    return { OR: [mine, claimable] };
  }

  private where(auth: AuthContext, query: InboxQuery, now: Date): Prisma.ReviewTaskWhereInput {
    return {
      AND: [
        { status: 'OPEN' },
        this.visibleTo(auth, query.scope),
        {
          stage: query.stage,
          regionCode: query.regionCode,
          ...(query.overdue && { dueAt: { lt: now } }),
          ...((query.cooperationType || query.affairCode) && {
            plan: {
              cooperationType: query.cooperationType,
              ...(query.affairCode && { objects: { some: { affairCode: query.affairCode } } }),
            },
          }),
        },
      ],
    };
  }

  async inbox(auth: AuthContext, query: InboxQuery, now = new Date()) {
    const where = this.where(auth, query, now);
    const orderBy: Prisma.ReviewTaskOrderByWithRelationInput[] =
      query.sort === 'due'
        ? [{ dueAt: { sort: 'asc', nulls: 'last' } }, { createdAt: 'asc' }]
        : query.sort === 'priority'
          ? [{ priority: 'desc' }, { createdAt: 'asc' }]
          : [{ createdAt: 'asc' }];
    const [items, total, byStage] = await Promise.all([
      this.prisma.reviewTask.findMany({
        where,
        include: { plan: { select: { title: true, proposingAgency: true, cooperationType: true } } },
        orderBy: [...orderBy, { id: 'asc' }],
        skip: (query.page - 1) * query.pageSize,
        take: query.pageSize,
      }),
      this.prisma.reviewTask.count({ where }),
      this.prisma.reviewTask.groupBy({
        by: ['stage'],
        where: { AND: [{ status: 'OPEN' }, this.visibleTo(auth, query.scope)] },
        _count: { _all: true },
      }),
    ]);
    const countsByStage = Object.fromEntries(byStage.map((row) => [row.stage, row._count._all]));
    return { items, total, countsByStage };
  }
}
