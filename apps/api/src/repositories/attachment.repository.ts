// Data access for attachment rows. Changes are made only while the plan is a draft,
// checked under a lock on the plan's row, so a submission landing at the same moment
// either waits for the change or is seen by it.
import { Inject, Injectable } from '@nestjs/common';
import type { PrismaClient } from '../../../../prisma/client';
import { appendAuditEvent } from '../../../../activities/audit-trail';
import type { AuditEventInput } from '../../../../domain/audit-event';
import type { AttachmentPurpose } from '../../../../domain/attachment-purpose';
import { PlanStage } from '../../../../domain/plan-stage';
import { PRISMA } from '../tokens';

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

export interface AttachmentPlan {
  stage: PlanStage;
  regionCode: string;
  proposingAgency: string;
}

/** The audit entry of a change, from the row it concerns: written in the change's own transaction. */
export type AttachmentAudit = (attachment: AttachmentRecord) => AuditEventInput;

/** Why a change to a plan's attachments did not happen. */
export type DraftRefusal = 'PLAN_NOT_FOUND' | 'NOT_A_DRAFT';

@Injectable()
export class AttachmentRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

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

  // FOR SHARE conflicts with the UPDATE that moves the plan out of DRAFT (the foreign
  // key's own lock does not), so the stage read here holds until the transaction ends.
  private async lockDraft(tx: Transaction, planId: string): Promise<DraftRefusal | undefined> {
    const rows = await tx.$queryRaw<{ stage: string }[]>`
      SELECT "stage"::text AS "stage" FROM "CooperationPlan" WHERE "id" = ${planId}::uuid FOR SHARE`;
    if (rows.length === 0) return 'PLAN_NOT_FOUND';
    return rows[0].stage === PlanStage.DRAFT ? undefined : 'NOT_A_DRAFT';
  }
}
