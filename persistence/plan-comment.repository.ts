// Remarks on a plan. A comment and its audit entry are written in one transaction, so
// neither exists without the other.
import type { PrismaClient } from '../prisma/client';
import { appendAuditEvent } from './audit-trail';
import type { AuditEventInput } from '../domain/audit-event';

export interface NewPlanComment {
  id: string;
  planId: string;
  taskId: string | null;
  authorId: string;
  authorName: string;
  body: string;
}

export type PlanCommentRecord = Awaited<ReturnType<PlanCommentRepository['listByPlan']>>[number];

export class PlanCommentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  listByPlan(planId: string) {
    return this.prisma.planComment.findMany({ where: { planId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  async taskBelongsToPlan(planId: string, taskId: string): Promise<boolean> {
    return (await this.prisma.reviewTask.count({ where: { id: taskId, planId } })) > 0;
  }

  /** Stores the comment and its audit entry together; `audit` is completed with the comment's time. */
  create(comment: NewPlanComment, audit: AuditEventInput): Promise<PlanCommentRecord> {
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.planComment.create({ data: comment });
      await appendAuditEvent(tx, { ...audit, occurredAt: created.createdAt });
      return created;
    });
  }
}
