// Places a plan's line items in its region's RKPD for the budget year. Lines are keyed
// by plan and position, so a retry or a re-sync after a later approval updates them in
// place; lines the new revision no longer has are withdrawn, never deleted.
import { randomUUID } from 'node:crypto';
import type { PrismaClient } from '../prisma/client';
import type { DocumentSyncSummary, PlanSubmission } from '../workflows/cooperation-plan/definitions';

export interface SyncPlanInput {
  planId: string;
  submission: PlanSubmission;
}

export interface WithdrawPlanInput {
  planId: string;
  revision: number;
}

export function lineKey(position: number): string {
  return `line-${position + 1}`;
}

export function createDocumentSync(prisma: PrismaClient) {
  async function syncPlanToRkpd({ planId, submission }: SyncPlanInput): Promise<DocumentSyncSummary> {
    const { regionCode, budgetYear, lineItems } = submission.content;
    const syncedAt = new Date();
    return prisma.$transaction(async (tx) => {
      const document = await tx.planningDocument.upsert({
        where: { kind_regionCode_budgetYear: { kind: 'RKPD', regionCode, budgetYear } },
        create: { id: randomUUID(), kind: 'RKPD', regionCode, budgetYear },
        update: {},
      });
      const keys = lineItems.map((_, position) => lineKey(position));
      for (const [position, item] of lineItems.entries()) {
        const line = {
          planRevision: submission.revision,
          nomenclatureCode: item.nomenclatureCode,
          description: item.description,
          amount: BigInt(item.amount),
          status: 'ACTIVE' as const,
          syncedAt,
        };
        await tx.documentLine.upsert({
          where: { documentId_planId_lineKey: { documentId: document.id, planId, lineKey: keys[position] } },
          create: { id: randomUUID(), documentId: document.id, planId, lineKey: keys[position], ...line },
          update: line,
        });
      }
      const withdrawn = await tx.documentLine.updateMany({
        where: { documentId: document.id, planId, status: 'ACTIVE', lineKey: { notIn: keys } },
        data: { status: 'WITHDRAWN', syncedAt },
      });
      return {
        documentKind: 'RKPD' as const,
        documentId: document.id,
        revision: submission.revision,
        activeLines: keys.length,
        withdrawnLines: withdrawn.count,
      };
    });
  }

  async function withdrawPlanFromDocuments({ planId, revision }: WithdrawPlanInput): Promise<DocumentSyncSummary> {
    return prisma.$transaction(async (tx) => {
      const line = await tx.documentLine.findFirst({ where: { planId }, select: { documentId: true } });
      const { count } = await tx.documentLine.updateMany({
        where: { planId, status: 'ACTIVE' },
        data: { status: 'WITHDRAWN', syncedAt: new Date() },
      });
      return {
        documentKind: 'RKPD' as const,
        documentId: line?.documentId ?? '',
        revision,
        activeLines: 0,
        withdrawnLines: count,
      };
    });
  }

  return { syncPlanToRkpd, withdrawPlanFromDocuments };
}
