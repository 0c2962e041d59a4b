// The plan aggregate in the read model: drafts as officers edit them, the moves the
// plan's workflow makes (projected in order, idempotently), the content of each
// submitted revision and the remedy a late plan needs. The only writer of the plan's
// tables; review tasks opened and closed by a move are written by review-task.repository.
import { randomUUID } from 'node:crypto';
import type { Prisma, PrismaClient } from '../prisma/client';
import { STAGE_ROLE, visibleScopes, type PlanScope } from '../domain/access-policy';
import { AuditAction, AuditEntity } from '../domain/audit-action';
import type { AuditEventInput } from '../domain/audit-event';
import type { CooperationType } from '../domain/cooperation-type';
import type { Milestone } from '../domain/fiscal-calendar';
import type { PlanContent } from '../domain/plan-content';
import { dprdApprovalReasons } from '../domain/plan-rules';
import { REVIEW_STAGES, isReviewStage, type PlanStage } from '../domain/plan-stage';
import type { PlanSubmission, PlanTransition } from '../domain/plan-transition';
import type { RoleGrant } from '../domain/role';
import type { Remedy } from '../domain/stage-deadline';
import { appendAuditEvent, auditDedupeKey } from './audit-trail';
import { COUNT_LIMIT, afterCursor, encodeCursor, type Keyset } from './keyset';
import { decodeCursorOrRefuse } from './keyset-cursor';
import { escapeLikePattern } from './like-pattern';
import { lineItemRows, objectRows, partnerRows, planColumns, planWithDetails, toPlanContent, type DerivedPlanFields } from './plan-rows';
import { closeOpenReviewTasks, openReviewTask } from './review-task.repository';

export type { DerivedPlanFields, PlanRecord } from './plan-rows';
export { toPlanContent } from './plan-rows';

export type PlanSummaryRecord = Awaited<ReturnType<PlanRepository['list']>>['items'][number];
export type PlanRevisionSummary = Awaited<ReturnType<PlanRepository['listRevisions']>>[number];

export interface NewPlan extends PlanContent, DerivedPlanFields {
  createdBy: string;
}

export interface PlanFilter {
  stage?: PlanStage;
  regionCode?: string;
  budgetYear?: number;
  cooperationType?: CooperationType;
  q?: string;
  page: number;
  pageSize: number;
  /** Continue after the page this cursor ended (page is then ignored). */
  cursor?: string;
}

/** Newest first, as the plan list shows them; the index CooperationPlan_regionCode_createdAt_id_idx serves it. */
const NEWEST_FIRST: Keyset = {
  name: 'plans-newest',
  keys: [
    { field: 'createdAt', direction: 'desc', type: 'date' },
    { field: 'id', direction: 'asc', type: 'string' },
  ],
};

export interface RecordPlanTransitionInput {
  planId: string;
  transition: PlanTransition;
  /** Present on a submission: the content that was submitted. */
  submission?: PlanSubmission;
}

export interface RemedyRecord {
  planId: string;
  openSequence: number;
  milestone: Milestone;
  remedy: Remedy;
  /** ISO instant the plan was found late. */
  at: string;
}

/** Which plans: one region's, or all (a national override, a day off); one budget year or all. */
export interface CalendarScope {
  regionCode?: string;
  budgetYear?: number;
}

export class PlanRepository {
  constructor(private readonly prisma: PrismaClient) {}

  findById(id: string) {
    return this.prisma.cooperationPlan.findUnique({ where: { id }, include: planWithDetails });
  }

  /**
   * The next year's draft of a plan, pre-filled from it and linked (continuesPlanId): what an
   * agreement's evaluation deciding CONTINUE or EXPAND opens for the next budget cycle.
   * Idempotent: a repeat answers the draft already made.
   */
  async createContinuation(previousPlanId: string, reason: string) {
    const existing = () => this.prisma.cooperationPlan.findUnique({ where: { continuesPlanId: previousPlanId }, include: planWithDetails });
    const made = await existing();
    if (made) return made;
    const previous = await this.findById(previousPlanId);
    if (!previous) throw new Error(`Unknown plan ${previousPlanId}`);
    const content: PlanContent = { ...toPlanContent(previous), budgetYear: previous.budgetYear + 1 };
    const reasons = dprdApprovalReasons(content);
    try {
      return await this.create(
        { ...content, requiresDprdApproval: reasons.length > 0, dprdApprovalReasons: reasons, createdBy: 'system', continuesPlanId: previousPlanId },
        {
          actorId: null,
          actorName: 'system',
          action: AuditAction.PLAN_CREATED,
          entity: AuditEntity.PLAN,
          toStage: 'DRAFT',
          after: content,
          details: { continuesPlanId: previousPlanId, reason },
        },
      );
    } catch (error) {
      if ((error as { code?: string }).code === 'P2002') return (await existing())!;
      throw error;
    }
  }

  /** The id of the next year's draft that carries a plan on, if an evaluation opened one. */
  async continuationOf(planId: string): Promise<string | null> {
    return (await this.prisma.cooperationPlan.findUnique({ where: { continuesPlanId: planId }, select: { id: true } }))?.id ?? null;
  }

  /** Stores the draft and its audit entry in one transaction. */
  async create(plan: NewPlan & { continuesPlanId?: string }, audit: AuditEventInput) {
    const id = randomUUID();
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.cooperationPlan.create({
        data: {
          id,
          ...planColumns(plan),
          lineItems: { createMany: { data: lineItemRows(plan.lineItems) } },
          partners: { createMany: { data: partnerRows(plan.partners) } },
          objects: { createMany: { data: objectRows(plan.objects) } },
        },
        include: planWithDetails,
      });
      await appendAuditEvent(tx, { ...audit, planId: id, entityId: id });
      return created;
    });
  }

  /**
   * Applies an edit only while the plan is a draft, in one transaction: returns false
   * when the plan had left DRAFT (a concurrent submission wins). A list given replaces
   * the stored one.
   */
  async updateDraft(id: string, changes: Partial<PlanContent> & DerivedPlanFields, audit: AuditEventInput): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.cooperationPlan.updateMany({
        where: { id, stage: 'DRAFT' },
        data: { ...planColumns(changes), draftVersion: { increment: 1 } },
      });
      if (count === 0) return false;
      await appendAuditEvent(tx, { ...audit, planId: id, entityId: id });
      if (changes.lineItems) {
        await tx.planLineItem.deleteMany({ where: { planId: id } });
        await tx.planLineItem.createMany({ data: lineItemRows(changes.lineItems).map((row) => ({ ...row, planId: id })) });
      }
      if (changes.partners) {
        await tx.planPartner.deleteMany({ where: { planId: id } });
        await tx.planPartner.createMany({ data: partnerRows(changes.partners).map((row) => ({ ...row, planId: id })) });
      }
      if (changes.objects) {
        await tx.planObject.deleteMany({ where: { planId: id } });
        await tx.planObject.createMany({ data: objectRows(changes.objects).map((row) => ({ ...row, planId: id })) });
      }
      return true;
    });
  }

  /**
   * Plans matching the filter among those the grants may see, one page (by number, or
   * after a cursor), a cursor for the next page, and the total up to COUNT_LIMIT.
   */
  async list(filter: PlanFilter, grants: readonly RoleGrant[]) {
    const { regions, agencies } = visibleScopes(grants);
    const where = {
      OR: [{ regionCode: { in: regions } }, ...agencies.map((scope) => ({ ...scope }))],
      stage: filter.stage,
      regionCode: filter.regionCode,
      budgetYear: filter.budgetYear,
      cooperationType: filter.cooperationType,
      ...(filter.q && { title: { contains: escapeLikePattern(filter.q), mode: 'insensitive' as const } }),
    };
    const after = filter.cursor ? afterCursor<Prisma.CooperationPlanWhereInput>(NEWEST_FIRST, decodeCursorOrRefuse(NEWEST_FIRST, filter.cursor)) : undefined;
    const [rows, total] = await Promise.all([
      this.prisma.cooperationPlan.findMany({
        where: after ? { AND: [where, after] } : where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: after ? 0 : (filter.page - 1) * filter.pageSize,
        take: filter.pageSize + 1,
      }),
      this.prisma.cooperationPlan.count({ where, take: COUNT_LIMIT + 1 }),
    ]);
    const items = rows.slice(0, filter.pageSize);
    const nextCursor = rows.length > filter.pageSize ? encodeCursor(NEWEST_FIRST, items[items.length - 1]) : null;
    return { items, total: Math.min(total, COUNT_LIMIT), totalCapped: total > COUNT_LIMIT, nextCursor };
  }

  /** The plan's region and proposing agency (what the access policy needs), or null when there is no such plan. */
  scope(planId: string): Promise<PlanScope | null> {
    return this.prisma.cooperationPlan.findUnique({ where: { id: planId }, select: { regionCode: true, proposingAgency: true } });
  }

  /** What the timeline of a plan's stage needs to know about the plan. */
  timelineFacts(planId: string) {
    return this.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId }, select: { regionCode: true, budgetYear: true, title: true } });
  }

  /** Ids of the plans under review that a calendar change concerns. */
  async inReview(scope: CalendarScope): Promise<string[]> {
    const plans = await this.prisma.cooperationPlan.findMany({
      where: { stage: { in: [...REVIEW_STAGES] }, regionCode: scope.regionCode, budgetYear: scope.budgetYear },
      select: { id: true },
    });
    return plans.map((plan) => plan.id);
  }

  listRevisions(planId: string) {
    return this.prisma.planRevision.findMany({
      where: { planId },
      select: { revision: true, submittedBy: true, submittedAt: true },
      orderBy: { revision: 'asc' },
    });
  }

  /** Both revisions' contents in one read; a revision that was never submitted is missing from the map. */
  async revisionContents(planId: string, revisions: number[]): Promise<Map<number, unknown>> {
    const rows = await this.prisma.planRevision.findMany({
      where: { planId, revision: { in: revisions } },
      select: { revision: true, content: true },
    });
    return new Map(rows.map((row) => [row.revision, row.content as unknown]));
  }

  /**
   * Projects one move of the plan's workflow: the transition, its audit entry, the
   * submitted content, and the review tasks it closes and opens, in one transaction.
   * Idempotent: a retried projection finds its transition row and stops.
   */
  async recordTransition({ planId, transition, submission }: RecordPlanTransitionInput): Promise<void> {
    const occurredAt = new Date(transition.occurredAt);
    await this.prisma.$transaction(async (tx) => {
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
            actorId: transition.actorId ?? null,
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
            { planId, revision: submission.revision, content: submission.content as object, submittedBy: submission.submittedBy, submittedAt: occurredAt },
          ],
          skipDuplicates: true,
        });
      }
      if (isReviewStage(transition.fromStage))
        await closeOpenReviewTasks(tx, planId, { closedAt: occurredAt, decision: transition.action, decidedBy: transition.actor });
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
        await openReviewTask(tx, {
          planId,
          stage: transition.toStage,
          revision: transition.resultingRevision,
          openSequence: transition.sequence,
          candidateRole: STAGE_ROLE[transition.toStage] ?? null,
          regionCode: plan.regionCode,
          budgetYear: plan.budgetYear,
          createdAt: occurredAt,
        });
      }
    });
  }

  /** Records once per milestone that the plan missed it and the remedy it needs; false when already recorded. */
  async recordRemedy({ planId, openSequence, milestone, remedy, at }: RemedyRecord): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const stored = await appendAuditEvent(tx, {
        actorId: null,
        actorName: 'system',
        action: AuditAction.MILESTONE_MISSED,
        planId,
        entity: AuditEntity.PLAN,
        entityId: planId,
        details: { milestone, remedy, openSequence },
        occurredAt: new Date(at),
        dedupeKey: auditDedupeKey('plan', planId, 'remedy', milestone),
      });
      if (stored) await tx.cooperationPlan.update({ where: { id: planId }, data: { remedy, remedyMilestone: milestone, remedyRecordedAt: new Date(at) } });
      return stored;
    });
  }

  /**
   * Stores the workflow's status as it projected it; an older version (a late retry of an
   * earlier write) never overwrites a newer one.
   */
  async recordStatus({ planId, version, status, at }: { planId: string; version: number; status: unknown; at: string }): Promise<void> {
    const json = JSON.stringify(status);
    await this.prisma.$executeRaw`
      INSERT INTO "PlanStatusSnapshot" ("planId", "version", "status", "recordedAt")
      VALUES (${planId}::uuid, ${version}, ${json}::jsonb, ${new Date(at)})
      ON CONFLICT ("planId") DO UPDATE SET "version" = EXCLUDED."version", "status" = EXCLUDED."status", "recordedAt" = EXCLUDED."recordedAt"
      WHERE "PlanStatusSnapshot"."version" < EXCLUDED."version"`;
  }

  /** The workflow's last projected status, or null before its first. */
  async storedStatus(planId: string): Promise<unknown> {
    const row = await this.prisma.planStatusSnapshot.findUnique({ where: { planId }, select: { status: true } });
    return row?.status ?? null;
  }

  /** The agencies that have proposed a plan (drafts count) in a region's budget year. */
  async proposingAgencies(regionCode: string, budgetYear: number): Promise<string[]> {
    const rows = await this.prisma.cooperationPlan.findMany({
      where: { regionCode, budgetYear },
      select: { proposingAgency: true },
      distinct: ['proposingAgency'],
    });
    return rows.map((row) => row.proposingAgency);
  }

  /** How many plans of a region's budget year are at each stage (stages without plans are left out). */
  async countByStage(regionCode: string, budgetYear: number): Promise<Partial<Record<PlanStage, number>>> {
    const rows = await this.prisma.cooperationPlan.groupBy({ by: ['stage'], where: { regionCode, budgetYear }, _count: { _all: true } });
    return Object.fromEntries(rows.map((row) => [row.stage, row._count._all]));
  }
}
