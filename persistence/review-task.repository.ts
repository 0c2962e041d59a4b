// Review tasks and TKKSD votes in the read model: the inbox (open tasks a user may act
// on, filtered, sorted and paged in SQL), and the writes the plan's workflow projects
// (tasks opened and closed by a move, assignments, votes, due dates, escalations).
// The only writer of the ReviewTask and TkksdVote tables; every write is idempotent.
import { escapeLikePattern } from './like-pattern';
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../prisma/client';
import { AuditAction, AuditEntity } from '../domain/audit-action';
import type { VoteEvent } from '../domain/deliberation';
import type { TaskEvent, TaskEventOf } from '../domain/review-task';
import { AGREEMENT_STAGE_KEY_PREFIX, type AgreementStage } from '../domain/agreement-stage';
import type { StageDeadline } from '../domain/stage-deadline';
import type { AgreementStageDeadline } from '../domain/agreement-deadline';
import { appendAuditEvent, auditDedupeKey } from './audit-trail';
import { COUNT_LIMIT, afterCursor, encodeCursor, type Keyset } from './keyset';
import { decodeCursorOrRefuse } from './keyset-cursor';
import type { AuthContext } from '../domain/auth-context';
import type { CooperationType } from '../domain/cooperation-type';
import type { ReviewStage } from '../domain/plan-stage';
import { Role } from '../domain/role';

export interface InboxQuery {
  /** mine: assigned to me; available: unassigned and mine to claim; all (default): both; completed: closed while I held it. */
  scope: 'mine' | 'available' | 'all' | 'completed';
  stage?: ReviewStage;
  planId?: string;
  /** Words in the plan's title or proposing agency. */
  q?: string;
  regionCode?: string;
  cooperationType?: CooperationType;
  affairCode?: string;
  overdue?: boolean;
  /** created: the same as newest (what it always meant to the inbox's "Terbaru masuk"). */
  sort: 'due' | 'priority' | 'newest' | 'oldest' | 'created';
  page: number;
  pageSize: number;
  /** Continue after the page this cursor ended (page is then ignored). */
  cursor?: string;
}

const TIE_BREAK = [
  { field: 'createdAt', direction: 'asc', type: 'date' },
  { field: 'id', direction: 'asc', type: 'string' },
] as const;

/**
 * The inbox's orderings; the ReviewTask_inbox_claimable_* indexes serve them. Finished tasks
 * are "new" by when they closed, open ones by when they arrived; `created` means newest.
 */
function inboxOrder(sort: InboxQuery['sort'], scope: InboxQuery['scope']): Keyset {
  const arrived = scope === 'completed' ? 'closedAt' : 'createdAt';
  switch (sort) {
    case 'due':
      return { name: 'inbox-due', keys: [{ field: 'dueAt', direction: 'asc', type: 'date', nullsLast: true }, ...TIE_BREAK] };
    case 'priority':
      return { name: 'inbox-priority', keys: [{ field: 'priority', direction: 'desc', type: 'number' }, ...TIE_BREAK] };
    case 'oldest':
      return {
        name: `inbox-oldest-${arrived}`,
        keys: [
          { field: arrived, direction: 'asc', type: 'date' },
          { field: 'id', direction: 'asc', type: 'string' },
        ],
      };
    case 'newest':
    case 'created':
      return {
        name: `inbox-newest-${arrived}`,
        keys: [
          { field: arrived, direction: 'desc', type: 'date' },
          { field: 'id', direction: 'desc', type: 'string' },
        ],
      };
  }
}

/** The ORDER BY of a keyset, so the page and its cursor always agree. */
function orderByOf(order: Keyset): Prisma.ReviewTaskOrderByWithRelationInput[] {
  return order.keys.map((key) => ({ [key.field]: key.nullsLast ? { sort: key.direction, nulls: 'last' } : key.direction }));
}

export interface NewReviewTask {
  planId: string;
  stage: ReviewStage;
  revision: number;
  openSequence: number;
  candidateRole: Role | null;
  regionCode: string;
  budgetYear: number;
  createdAt: Date;
}

/** Opens the task of a stage a plan just entered, inside the move's transaction. */
export async function openReviewTask(tx: Prisma.TransactionClient, task: NewReviewTask): Promise<void> {
  await tx.reviewTask.create({ data: { id: randomUUID(), ...task } });
}

/** Closes the plan's open task with the move that ended its stage, inside the move's transaction. */
export async function closeOpenReviewTasks(
  tx: Prisma.TransactionClient,
  planId: string,
  closing: { closedAt: Date; decision: string; decidedBy: string },
): Promise<void> {
  await tx.reviewTask.updateMany({ where: { planId, subject: 'PLAN', status: 'OPEN' }, data: { status: 'CLOSED', ...closing } });
}

export interface NewAgreementTask {
  agreementId: string;
  planId: string;
  agreementStage: AgreementStage;
  openSequence: number;
  candidateRole: Role;
  regionCode: string;
  budgetYear: number;
  createdAt: Date;
}

/**
 * Opens the task of the stage an agreement just entered, inside the move's transaction. The
 * same inbox, claim and due-date machinery as a plan's review; its plan stage stays COMPLETED.
 */
export async function openAgreementTask(tx: Prisma.TransactionClient, task: NewAgreementTask): Promise<void> {
  await tx.reviewTask.create({ data: { id: randomUUID(), subject: 'AGREEMENT', stage: 'COMPLETED', revision: 1, ...task } });
}

/** Closes the agreement's open task with the move that ended its stage. */
export async function closeOpenAgreementTasks(
  tx: Prisma.TransactionClient,
  agreementId: string,
  closing: { closedAt: Date; decision: string; decidedBy: string },
): Promise<void> {
  await tx.reviewTask.updateMany({ where: { agreementId, status: 'OPEN' }, data: { status: 'CLOSED', ...closing } });
}

export interface RecordAgreementTaskEventInput {
  agreementId: string;
  event: TaskEventOf<AgreementStage>;
}

export interface RecordTaskEventInput {
  planId: string;
  event: TaskEvent;
}

export interface EscalationRecord {
  planId: string;
  openSequence: number;
  /** ISO instant of the escalation. */
  at: string;
  daysOverdue: number;
}

export interface AgreementEscalationRecord {
  agreementId: string;
  openSequence: number;
  /** ISO instant of the escalation. */
  at: string;
  daysOverdue: number;
}

export type ReviewTaskRecord = Awaited<ReturnType<ReviewTaskRepository['inbox']>>['items'][number];

export class ReviewTaskRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** Tasks the user holds, or may claim through a role in the task's region (TKKSD members: to vote). */
  private visibleTo(auth: AuthContext, scope: InboxQuery['scope']): Prisma.ReviewTaskWhereInput {
    // A decision needs a claim, so whoever decided held the task when it closed.
    if (scope === 'completed') return { status: 'CLOSED', assigneeId: auth.userId };
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
    const words = query.q?.trim() && escapeLikePattern(query.q.trim());
    return {
      AND: [
        ...(query.scope === 'completed' ? [] : [{ status: 'OPEN' as const }]),
        this.visibleTo(auth, query.scope),
        ...(words
          ? [
              {
                plan: {
                  OR: [{ title: { contains: words, mode: 'insensitive' as const } }, { proposingAgency: { contains: words, mode: 'insensitive' as const } }],
                },
              },
            ]
          : []),
        {
          stage: query.stage,
          planId: query.planId,
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

  /** One page of the inbox (by number, or after a cursor), a cursor for the next, the total up to COUNT_LIMIT and counts by stage. */
  async inbox(auth: AuthContext, query: InboxQuery, now = new Date()) {
    const where = this.where(auth, query, now);
    const order = inboxOrder(query.sort, query.scope);
    const after = query.cursor ? afterCursor<Prisma.ReviewTaskWhereInput>(order, decodeCursorOrRefuse(order, query.cursor)) : undefined;
    const [rows, total, byStage] = await Promise.all([
      this.prisma.reviewTask.findMany({
        where: after ? { AND: [where, after] } : where,
        include: { plan: { select: { title: true, proposingAgency: true, cooperationType: true } } },
        orderBy: orderByOf(order),
        skip: after ? 0 : (query.page - 1) * query.pageSize,
        take: query.pageSize + 1,
      }),
      this.prisma.reviewTask.count({ where, take: COUNT_LIMIT + 1 }),
      this.prisma.reviewTask.groupBy({
        by: ['stage', 'agreementStage'],
        where: { AND: [...(query.scope === 'completed' ? [] : [{ status: 'OPEN' as const }]), this.visibleTo(auth, query.scope)] },
        _count: { _all: true },
      }),
    ]);
    const items = rows.slice(0, query.pageSize);
    const nextCursor = rows.length > query.pageSize ? encodeCursor(order, items[items.length - 1]) : null;
    // An agreement's task keeps the plan's stage COMPLETED: it counts under its agreement stage,
    // keyed `AGREEMENT:<stage>` (both processes have a DPRD_APPROVAL).
    const countsByStage: Record<string, number> = {};
    for (const row of byStage) {
      const key = row.agreementStage ? `${AGREEMENT_STAGE_KEY_PREFIX}${row.agreementStage}` : row.stage;
      countsByStage[key] = (countsByStage[key] ?? 0) + row._count._all;
    }
    return { items, total: Math.min(total, COUNT_LIMIT), totalCapped: total > COUNT_LIMIT, nextCursor, countsByStage };
  }

  /** Applies an assignment change over any older one (a retry or a late projection changes nothing). */
  async recordAssignment({ planId, event }: RecordTaskEventInput): Promise<void> {
    const { task } = event;
    await appendAuditEvent(this.prisma, {
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
    await this.prisma.reviewTask.updateMany({
      where: { planId, subject: 'PLAN', openSequence: task.openSequence, assignmentVersion: { lt: task.version } },
      data: {
        assigneeId: task.assignee?.userId ?? null,
        assigneeName: task.assignee?.name ?? null,
        delegatedFromId: task.delegatedFrom?.userId ?? null,
        claimedAt: task.assignee ? new Date(event.occurredAt) : null,
        assignmentVersion: task.version,
      },
    });
  }

  /** An agreement task's assignment change, applied over any older one (idempotent, as a plan's). */
  async recordAgreementAssignment({ agreementId, event }: RecordAgreementTaskEventInput): Promise<void> {
    const { task } = event;
    const row = await this.prisma.agreement.findUnique({ where: { id: agreementId }, select: { planId: true } });
    await appendAuditEvent(this.prisma, {
      actorId: event.actor.userId,
      actorName: event.actor.name,
      actorRole: task.candidateRole,
      action: `TASK_${event.kind}`,
      planId: row?.planId,
      entity: AuditEntity.REVIEW_TASK,
      entityId: `agreement:${task.openSequence}`,
      after: { assignee: task.assignee, delegatedFrom: task.delegatedFrom, agreementStage: task.stage },
      details: { reason: event.reason, agreementId },
      occurredAt: new Date(event.occurredAt),
      dedupeKey: auditDedupeKey('agreement', agreementId, 'task', task.version),
    });
    await this.prisma.reviewTask.updateMany({
      where: { agreementId, openSequence: task.openSequence, assignmentVersion: { lt: task.version } },
      data: {
        assigneeId: task.assignee?.userId ?? null,
        assigneeName: task.assignee?.name ?? null,
        delegatedFromId: task.delegatedFrom?.userId ?? null,
        claimedAt: task.assignee ? new Date(event.occurredAt) : null,
        assignmentVersion: task.version,
      },
    });
  }

  /** One vote per member and round, keyed by voter. */
  async recordVote(event: VoteEvent): Promise<void> {
    await appendAuditEvent(this.prisma, {
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
    await this.prisma.tkksdVote.createMany({
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

  /** Writes the due date the timeline worked out onto the stage's task. */
  async setDeadline(planId: string, openSequence: number, deadline: StageDeadline): Promise<void> {
    await this.prisma.reviewTask.updateMany({
      where: { planId, subject: 'PLAN', openSequence },
      data: { dueAt: new Date(deadline.dueAt), dueBasis: deadline.basis, milestone: deadline.milestone.code, milestoneDate: deadline.milestone.date },
    });
  }

  /** Writes an agreement step's due date (its service period) onto its task. */
  async setAgreementDeadline(agreementId: string, openSequence: number, deadline: AgreementStageDeadline): Promise<void> {
    await this.prisma.reviewTask.updateMany({
      where: { agreementId, subject: 'AGREEMENT', openSequence },
      data: { dueAt: new Date(deadline.dueAt), dueBasis: deadline.basis },
    });
  }

  /** Marks an agreement's overdue step escalated to the Sekda, once, with its audit entry. */
  async recordAgreementEscalation({ agreementId, openSequence, at, daysOverdue }: AgreementEscalationRecord): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const row = await tx.agreement.findUnique({ where: { id: agreementId }, select: { planId: true } });
      const stored = await appendAuditEvent(tx, {
        actorId: null,
        actorName: 'system',
        action: AuditAction.TASK_ESCALATED,
        planId: row?.planId,
        entity: AuditEntity.REVIEW_TASK,
        entityId: `agreement:${openSequence}`,
        details: { daysOverdue, agreementId },
        occurredAt: new Date(at),
        dedupeKey: auditDedupeKey('agreement', agreementId, 'escalation', openSequence, daysOverdue),
      });
      if (stored) {
        await tx.reviewTask.updateMany({ where: { agreementId, subject: 'AGREEMENT', openSequence, escalatedAt: null }, data: { escalatedAt: new Date(at) } });
      }
    });
  }

  /** Marks the task escalated, once, with its audit entry. */
  async recordEscalation({ planId, openSequence, at, daysOverdue }: EscalationRecord): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const stored = await appendAuditEvent(tx, {
        actorId: null,
        actorName: 'system',
        action: AuditAction.TASK_ESCALATED,
        planId,
        entity: AuditEntity.REVIEW_TASK,
        entityId: String(openSequence),
        details: { daysOverdue },
        occurredAt: new Date(at),
        dedupeKey: auditDedupeKey('plan', planId, 'escalation', openSequence, daysOverdue),
      });
      if (stored) await tx.reviewTask.updateMany({ where: { planId, subject: 'PLAN', openSequence, escalatedAt: null }, data: { escalatedAt: new Date(at) } });
    });
  }

  /** Overdue open tasks of a region's budget year as of `asOf`: how many, and the oldest due date. */
  async overdueIn(regionCode: string, budgetYear: number, asOf: Date): Promise<{ count: number; oldestDueAt: Date | null }> {
    const overdue = { regionCode, budgetYear, status: 'OPEN' as const, dueAt: { lt: asOf } };
    const [count, oldest] = await Promise.all([
      this.prisma.reviewTask.count({ where: overdue }),
      this.prisma.reviewTask.findFirst({ where: overdue, orderBy: { dueAt: 'asc' }, select: { dueAt: true } }),
    ]);
    return { count, oldestDueAt: oldest?.dueAt ?? null };
  }

  /** Whether the task is one of the plan's (a comment may name it). */
  async belongsToPlan(planId: string, taskId: string): Promise<boolean> {
    return (await this.prisma.reviewTask.count({ where: { id: taskId, planId } })) > 0;
  }
}
