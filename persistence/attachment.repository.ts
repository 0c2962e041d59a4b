// Data access for attachment rows. Draft files change only while the plan is a draft,
// review notes only while the plan is at their review stage; either is checked under a
// lock on the plan's row, so a transition landing at the same moment either waits for
// the change or is seen by it.
import type { PrismaClient } from '../prisma/client';
import { appendAuditEvent } from './audit-trail';
import type { AuditEventInput } from '../domain/audit-event';
import type { AttachmentPurpose } from '../domain/attachment-purpose';
import { PlanStage, isReviewStage, type ReviewStage } from '../domain/plan-stage';

type Transaction = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export type AttachmentRecord = NonNullable<Awaited<ReturnType<AttachmentRepository['findForPlan']>>>;

export interface NewAttachment {
  id: string;
  planId: string;
  purpose: AttachmentPurpose;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedBy: string;
}

/** A review note: the stage and task come from the locked plan row, not from the caller. */
export type NewReviewNote = Omit<NewAttachment, 'purpose'>;

export interface AttachmentPlan {
  stage: PlanStage;
  regionCode: string;
  proposingAgency: string;
}

/** The audit entry of a change, from the row it concerns: written in the change's own transaction. */
export type AttachmentAudit = (attachment: AttachmentRecord) => AuditEventInput;

/** Why a change to a plan's attachments did not happen. */
export type DraftRefusal = 'PLAN_NOT_FOUND' | 'NOT_A_DRAFT';

/** Why a review note was not added or removed. */
export type ReviewRefusal = 'PLAN_NOT_FOUND' | 'NOT_UNDER_REVIEW' | 'STAGE_CHANGED';

/** The review stage the plan is at, read under the row lock, and its open task (when there is one). */
export interface ReviewState {
  stage: ReviewStage;
  taskId: string | null;
}

export class AttachmentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** What decides who may touch the plan's files, and whether they may still change: null when there is no such plan. */
  findPlan(planId: string): Promise<AttachmentPlan | null> {
    return this.prisma.cooperationPlan.findUnique({ where: { id: planId }, select: { stage: true, regionCode: true, proposingAgency: true } });
  }

  listByPlan(planId: string) {
    return this.prisma.attachment.findMany({ where: { planId }, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] });
  }

  /** The attachment, only when it belongs to that plan. */
  findForPlan(planId: string, id: string) {
    return this.prisma.attachment.findFirst({ where: { id, planId } });
  }

  /** For the plan rules, e.g. "does the feasibility study have a file?". */
  countByPurpose(planId: string, purpose: AttachmentPurpose): Promise<number> {
    return this.prisma.attachment.count({ where: { planId, purpose } });
  }

  async createWhileDraft(attachment: NewAttachment, audit?: AttachmentAudit): Promise<AttachmentRecord | DraftRefusal> {
    return this.prisma.$transaction(async (tx) => {
      const refusal = await this.lockDraft(tx, attachment.planId);
      if (refusal) return refusal;
      const created = await tx.attachment.create({ data: attachment });
      if (audit) await appendAuditEvent(tx, audit(created));
      return created;
    });
  }

  /** The removed row (its storage key names the file to remove next), a refusal, or null when there is no such attachment. */
  async deleteWhileDraft(planId: string, id: string, audit?: AttachmentAudit): Promise<AttachmentRecord | DraftRefusal | null> {
    return this.prisma.$transaction(async (tx) => {
      const refusal = await this.lockDraft(tx, planId);
      if (refusal) return refusal;
      const attachment = await tx.attachment.findFirst({ where: { id, planId } });
      if (!attachment) return null;
      await tx.attachment.delete({ where: { id } });
      if (audit) await appendAuditEvent(tx, audit(attachment));
      return attachment;
    });
  }

  /**
   * Adds a review note if the plan is still at the review stage the caller checked, so a
   * decision landing meanwhile cannot leave a note on a stage that has passed.
   */
  async createWhileUnderReview(note: NewReviewNote, expectedStage: PlanStage, audit?: AttachmentAudit): Promise<AttachmentRecord | ReviewRefusal> {
    return this.prisma.$transaction(async (tx) => {
      const review = await this.lockReview(tx, note.planId);
      if (typeof review === 'string') return review;
      if (review.stage !== expectedStage) return 'STAGE_CHANGED';
      const created = await tx.attachment.create({
        data: { ...note, purpose: 'REVIEW_NOTE', stage: review.stage, taskId: review.taskId },
      });
      if (audit) await appendAuditEvent(tx, audit(created));
      return created;
    });
  }

  /**
   * Removes a review note only while the plan is at the stage, and on the task, it was
   * written for: once decided (or reopened in a later round) it is part of the record.
   */
  async deleteReviewNoteWhileUnderReview(planId: string, id: string, audit?: AttachmentAudit): Promise<AttachmentRecord | ReviewRefusal | null> {
    return this.prisma.$transaction(async (tx) => {
      const review = await this.lockReview(tx, planId);
      if (review === 'PLAN_NOT_FOUND') return review;
      const attachment = await tx.attachment.findFirst({ where: { id, planId } });
      if (!attachment) return null;
      if (review === 'NOT_UNDER_REVIEW' || review.stage !== attachment.stage) return 'STAGE_CHANGED';
      if (attachment.taskId !== null && attachment.taskId !== review.taskId) return 'STAGE_CHANGED';
      await tx.attachment.delete({ where: { id } });
      if (audit) await appendAuditEvent(tx, audit(attachment));
      return attachment;
    });
  }

  // The task is opened in the same transaction that moves the plan's stage, so under
  // the row lock the two agree.
  private async lockReview(tx: Transaction, planId: string): Promise<ReviewState | Exclude<ReviewRefusal, 'STAGE_CHANGED'>> {
    const stage = await this.lockStage(tx, planId);
    if (stage === null) return 'PLAN_NOT_FOUND';
    if (!isReviewStage(stage)) return 'NOT_UNDER_REVIEW';
    const task = await tx.reviewTask.findFirst({ where: { planId, stage, status: 'OPEN' }, select: { id: true } });
    return { stage, taskId: task?.id ?? null };
  }

  private async lockDraft(tx: Transaction, planId: string): Promise<DraftRefusal | undefined> {
    const stage = await this.lockStage(tx, planId);
    if (stage === null) return 'PLAN_NOT_FOUND';
    return stage === PlanStage.DRAFT ? undefined : 'NOT_A_DRAFT';
  }

  // FOR SHARE conflicts with the UPDATE that moves the plan to another stage (the
  // foreign key's own lock does not), so the stage read here holds until the transaction ends.
  private async lockStage(tx: Transaction, planId: string): Promise<PlanStage | null> {
    const rows = await tx.$queryRaw<{ stage: PlanStage }[]>`
      SELECT "stage"::text AS "stage" FROM "CooperationPlan" WHERE "id" = ${planId}::uuid FOR SHARE`;
    return rows.length === 0 ? null : rows[0].stage;
  }
}
