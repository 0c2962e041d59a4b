// Projects each workflow transition into the read model, so lists and inboxes never
// ask Temporal. Idempotent: a retried activity finds its transition row and stops.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../prisma/client';
import { STAGE_ROLE } from '../domain/access-policy';
import { AuditEntity } from '../domain/audit-action';
import { appendAuditEvent, auditDedupeKey } from './audit-trail';
import { isReviewStage } from '../domain/plan-stage';
import type { PlanSubmission, PlanTransition } from '../domain/plan-transition';

export interface RecordPlanTransitionInput {
  planId: string;
  transition: PlanTransition;
  /** Present on a submission: the content that was submitted. */
  submission?: PlanSubmission;
}

export function createPlanProjection(prisma: PrismaClient) {
  return async function recordPlanTransition({ planId, transition, submission }: RecordPlanTransitionInput): Promise<void> {
    const occurredAt = new Date(transition.occurredAt);
    await prisma.$transaction(async (tx) => {
      const { count } = await tx.planTransition.createMany({
        data: [
          {
            planId,
            sequence: transition.sequence,
            fromStage: transition.fromStage,
            toStage: transition.toStage,
            action: transition.action,
            revision: transition.revision,
            actor: transition.actor,
            comment: transition.comment ?? null,
            occurredAt,
            requestId: transition.requestId ?? null,
            reasonCode: transition.reasonCode ?? null,
          },
        ],
        skipDuplicates: true,
      });
      if (count === 0) return;
      await appendAuditEvent(tx, {
        actorId: transition.actorId ?? null,
        actorName: transition.actor,
        actorRole: transition.action === 'SUBMIT' || transition.action === 'WITHDRAW' ? 'OFFICER' : STAGE_ROLE[transition.fromStage],
        action: `PLAN_${transition.action}`,
        planId,
        entity: AuditEntity.PLAN,
        entityId: planId,
        fromStage: transition.fromStage,
        toStage: transition.toStage,
        after: submission?.content,
        details: { revision: transition.revision, comment: transition.comment, reasonCode: transition.reasonCode, requestId: transition.requestId },
        occurredAt,
        dedupeKey: auditDedupeKey('plan', planId, 'transition', transition.sequence),
      });

      if (submission) {
        await tx.planRevision.createMany({
          data: [
            {
              planId,
              revision: submission.revision,
              content: submission.content as object,
              submittedBy: submission.submittedBy,
              submittedAt: occurredAt,
            },
          ],
          skipDuplicates: true,
        });
      }
      if (isReviewStage(transition.fromStage)) {
        await tx.reviewTask.updateMany({
          where: { planId, status: 'OPEN' },
          data: { status: 'CLOSED', closedAt: occurredAt, decision: transition.action, decidedBy: transition.actor },
        });
      }
      const plan = await tx.cooperationPlan.update({
        where: { id: planId },
        data: {
          stage: transition.toStage,
          revision: transition.resultingRevision,
          lastSequence: transition.sequence,
          ...(transition.comment !== undefined && { lastComment: transition.comment }),
        },
        select: { regionCode: true, budgetYear: true },
      });
      if (isReviewStage(transition.toStage)) {
        await tx.reviewTask.create({
          data: {
            id: randomUUID(),
            planId,
            stage: transition.toStage,
            revision: transition.resultingRevision,
            openSequence: transition.sequence,
            candidateRole: STAGE_ROLE[transition.toStage] ?? null,
            regionCode: plan.regionCode,
            budgetYear: plan.budgetYear,
            createdAt: occurredAt,
          },
        });
      }
    });
  };
}
