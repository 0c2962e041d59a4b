// Remarks on a plan or one of its review tasks, by anyone who may see the plan. Each
// one is also an entry of the audit trail, written with it.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import { auditActor } from '../../../../domain/audit-actor';
import type { AuthContext } from '../../../../domain/auth-context';
import { ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { checkCommentBody } from '../../../../domain/plan-comment';
import { PlanCommentRepository, type PlanCommentRecord } from '../../../../persistence/plan-comment.repository';
import { PlanRepository } from '../../../../persistence/plan.repository';
import { requireVisiblePlan } from './plan-visibility';

export interface NewComment {
  body: string;
  taskId?: string;
}

@Injectable()
export class PlanCommentService {
  constructor(
    private readonly comments: PlanCommentRepository,
    private readonly plans: PlanRepository,
  ) {}

  async list(auth: AuthContext, planId: string): Promise<PlanCommentRecord[]> {
    await requireVisiblePlan(this.plans, auth, planId);
    return this.comments.listByPlan(planId);
  }

  async add(auth: AuthContext, planId: string, comment: NewComment): Promise<PlanCommentRecord> {
    const scope = await requireVisiblePlan(this.plans, auth, planId);
    const violations = checkCommentBody(comment.body);
    if (violations.length > 0) throw new ValidationFailed(violations);
    const taskId = comment.taskId ?? null;
    if (taskId !== null && !(await this.comments.taskBelongsToPlan(planId, taskId))) {
      throw new ValidationFailed([
        {
          field: 'taskId',
          reason: 'NOT_OF_PLAN',
          message: text('Tugas telaah tersebut bukan milik rencana ini.', 'That review task does not belong to this plan.'),
        },
      ]);
    }
    const id = randomUUID();
    return this.comments.create(
      { id, planId, taskId, authorId: auth.userId, authorName: auth.displayName, body: comment.body },
      {
        ...auditActor(auth, scope.regionCode),
        action: AuditAction.COMMENT_ADDED,
        planId,
        entity: AuditEntity.COMMENT,
        entityId: id,
        after: { body: comment.body, taskId },
      },
    );
  }
}
