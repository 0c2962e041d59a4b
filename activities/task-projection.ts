// Projects the review task's assignment and the TKKSD votes into the read model.
// Idempotent: an assignment applies only over an older version; a vote is keyed by voter.
import type { PrismaClient } from '../prisma/client';
import { AuditAction, AuditEntity } from '../domain/audit-action';
import { appendAuditEvent, auditDedupeKey } from './audit-trail';
import type { VoteEvent } from '../domain/deliberation';
import type { TaskEvent } from '../domain/review-task';

export interface RecordTaskEventInput {
  planId: string;
  event: TaskEvent;
}

export function createTaskProjection(prisma: PrismaClient) {
  async function recordTaskEvent({ planId, event }: RecordTaskEventInput): Promise<void> {
    const { task } = event;
    await appendAuditEvent(prisma, {
      actorId: event.actor.userId,
      actorName: event.actor.name,
      actorRole: task.candidateRole,
      action: `TASK_${event.kind}`,
      planId,
      entity: AuditEntity.REVIEW_TASK,
      entityId: String(task.openSequence),
      fromStage: task.stage,
      toStage: task.stage,
      after: { assignee: task.assignee, delegatedFrom: task.delegatedFrom },
      details: { reason: event.reason },
      occurredAt: new Date(event.occurredAt),
      dedupeKey: auditDedupeKey('plan', planId, 'task', task.version),
    });
    await prisma.reviewTask.updateMany({
      where: { planId, openSequence: task.openSequence, assignmentVersion: { lt: task.version } },
      data: {
        assigneeId: task.assignee?.userId ?? null,
        assigneeName: task.assignee?.name ?? null,
        delegatedFromId: task.delegatedFrom?.userId ?? null,
        claimedAt: task.assignee ? new Date(event.occurredAt) : null,
        assignmentVersion: task.version,
      },
    });
  }

  async function recordVote(event: VoteEvent): Promise<void> {
    await appendAuditEvent(prisma, {
      actorId: event.vote.voter.userId,
      actorName: event.vote.voter.name,
      actorRole: 'TKKSD_MEMBER',
      action: AuditAction.VOTE_CAST,
      planId: event.planId,
      entity: AuditEntity.VOTE,
      entityId: `${event.revision}`,
      after: { vote: event.vote.vote, comment: event.vote.comment },
      details: { outcome: event.outcome },
      occurredAt: new Date(event.vote.castAt),
      dedupeKey: auditDedupeKey('plan', event.planId, 'vote', event.revision, event.vote.voter.userId),
    });
    await prisma.tkksdVote.createMany({
      data: [
        {
          planId: event.planId,
          revision: event.revision,
          userId: event.vote.voter.userId,
          userName: event.vote.voter.name,
          vote: event.vote.vote,
          comment: event.vote.comment ?? null,
          castAt: new Date(event.vote.castAt),
        },
      ],
      skipDuplicates: true,
    });
  }

  return { recordTaskEvent, recordVote };
}
