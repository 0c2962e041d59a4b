// Places a plan's line items in one of its region's planning documents for the budget
// year. Lines are keyed by plan and position, so a retry or a re-sync after a later
// approval updates them in place; lines the new revision no longer has are withdrawn,
// never deleted. A Final document takes a new or changed line only as a flagged
// amendment; a KUA-PPAS activity missing from the RKPD is flagged for the berita acara.
import { randomUUID } from 'node:crypto';
import {
  DocumentKind,
  documentAgency,
  lineFlag,
  type DocumentState,
  type LineFlag,
} from '../domain/planning-document';
import type { BudgetPlacement } from '../domain/review-decision';
import type { Prisma, PrismaClient } from '../prisma/client';
import type { DocumentSyncSummary } from '../domain/planning-document';
import type { PlanSubmission } from '../domain/plan-transition';
import { DocumentChangeKind, recordDocumentChange } from './document-changes';

export interface SyncPlanInput {
  planId: string;
  submission: PlanSubmission;
}

export interface SyncPlanToDocumentInput extends SyncPlanInput {
  kind: DocumentKind;
  placement?: BudgetPlacement;
}

export interface WithdrawPlanInput {
  planId: string;
  revision: number;
}

export function lineKey(position: number): string {
  return `line-${position + 1}`;
}

type Tx = Prisma.TransactionClient;

async function documentFor(tx: Tx, kind: DocumentKind, regionCode: string, budgetYear: number, agency: string) {
  const key = { kind, regionCode, budgetYear, agency };
  await tx.planningDocument.upsert({
    where: { kind_regionCode_budgetYear_agency: key },
    create: { id: randomUUID(), ...key },
    update: {},
  });
  // Concurrent syncs of plans into the same document take turns, so changeSeq stays gapless.
  const [locked] = await tx.$queryRaw<Array<{ id: string; state: DocumentState }>>`
    SELECT id, state::text AS state FROM "PlanningDocument"
    WHERE kind = ${kind}::"PlanningDocumentKind" AND "regionCode" = ${regionCode} AND "budgetYear" = ${budgetYear} AND agency = ${agency}
    FOR UPDATE`;
  return locked;
}

/** Activity codes the RKPD holds as lines that need no amendment. */
async function codesInRkpd(tx: Tx, regionCode: string, budgetYear: number, codes: string[]): Promise<Set<string>> {
  const lines = await tx.documentLine.findMany({
    where: { document: { kind: 'RKPD', regionCode, budgetYear, agency: '' }, status: 'ACTIVE', flag: null, nomenclatureCode: { in: codes } },
    select: { nomenclatureCode: true },
  });
  return new Set(lines.map((l) => l.nomenclatureCode));
}

/** Called after a sync or withdrawal committed document changes (the webhook's dispatch). */
export type OnDocumentsChanged = () => Promise<unknown>;

export function createDocumentSync(prisma: PrismaClient, onChanged: OnDocumentsChanged = async () => undefined) {
  async function syncPlanToDocument(input: SyncPlanToDocumentInput): Promise<DocumentSyncSummary> {
    const summary = await placeLines(input);
    // Also after a re-run that changed nothing: an earlier run may have crashed before dispatching.
    await onChanged();
    return summary;
  }

  async function placeLines({ planId, kind, submission, placement }: SyncPlanToDocumentInput): Promise<DocumentSyncSummary> {
    const { regionCode, budgetYear, lineItems, proposingAgency } = submission.content;
    const agency = documentAgency(kind, proposingAgency);
    const fundingSource = placement?.fundingSource ?? submission.content.fundingSource ?? null;
    const ceiling = kind === DocumentKind.KUA_PPAS && placement ? BigInt(placement.ceiling) : null;
    const syncedAt = new Date();
    return prisma.$transaction(async (tx) => {
      const document = await documentFor(tx, kind, regionCode, budgetYear, agency);
      const existing = new Map((await tx.documentLine.findMany({ where: { documentId: document.id, planId } })).map((l) => [l.lineKey, l]));
      const inRkpd = kind === DocumentKind.KUA_PPAS ? await codesInRkpd(tx, regionCode, budgetYear, lineItems.map((i) => i.nomenclatureCode)) : undefined;
      const keys = lineItems.map((_, position) => lineKey(position));
      const changed: Array<{ lineKey: string; change: 'ADDED' | 'UPDATED'; flag: LineFlag | null }> = [];
      let flaggedLines = 0;
      for (const [position, item] of lineItems.entries()) {
        const key = keys[position];
        const before = existing.get(key);
        const content = {
          nomenclatureCode: item.nomenclatureCode,
          description: item.description,
          amount: BigInt(item.amount),
          fundingSource,
          ceiling,
          agency: proposingAgency,
        };
        const isChanged =
          !before ||
          before.status !== 'ACTIVE' ||
          before.nomenclatureCode !== content.nomenclatureCode ||
          before.description !== content.description ||
          before.amount !== content.amount ||
          before.fundingSource !== content.fundingSource ||
          before.ceiling !== content.ceiling;
        const flag = lineFlag({
          documentKind: kind,
          documentState: document.state,
          changed: isChanged,
          previousFlag: (before?.flag as LineFlag | undefined) ?? null,
          ...(inRkpd && { inRkpd: inRkpd.has(item.nomenclatureCode) }),
        });
        if (flag) flaggedLines += 1;
        const line = { ...content, planRevision: submission.revision, status: 'ACTIVE' as const, flag, syncedAt };
        await tx.documentLine.upsert({
          where: { documentId_planId_lineKey: { documentId: document.id, planId, lineKey: key } },
          create: { id: randomUUID(), documentId: document.id, planId, lineKey: key, ...line },
          update: line,
        });
        if (isChanged) changed.push({ lineKey: key, change: before ? 'UPDATED' : 'ADDED', flag });
      }
      const dropped = [...existing.values()].filter((l) => l.status === 'ACTIVE' && !keys.includes(l.lineKey)).map((l) => l.lineKey);
      if (dropped.length) {
        await tx.documentLine.updateMany({ where: { documentId: document.id, planId, lineKey: { in: dropped } }, data: { status: 'WITHDRAWN', syncedAt } });
      }
      // A re-run that changes nothing records nothing: the outbox holds each change once.
      if (changed.length || dropped.length) {
        await recordDocumentChange(tx, document.id, DocumentChangeKind.LINES_CHANGED, {
          planId,
          revision: submission.revision,
          lines: [...changed, ...dropped.map((k) => ({ lineKey: k, change: 'WITHDRAWN' as const, flag: null }))],
        }, syncedAt);
      }
      return {
        documentKind: kind,
        documentId: document.id,
        revision: submission.revision,
        activeLines: keys.length,
        withdrawnLines: dropped.length,
        flaggedLines,
      };
    });
  }

  /** The RKPD sync of plans started before the other documents existed (kept for their replay). */
  async function syncPlanToRkpd({ planId, submission }: SyncPlanInput): Promise<DocumentSyncSummary> {
    const { flaggedLines: _flags, ...summary } = await syncPlanToDocument({ planId, submission, kind: DocumentKind.RKPD });
    return summary;
  }

  async function withdrawPlanFromDocuments({ planId, revision }: WithdrawPlanInput): Promise<DocumentSyncSummary> {
    const syncedAt = new Date();
    const summary = await prisma.$transaction(async (tx) => {
      const active = await tx.documentLine.findMany({ where: { planId, status: 'ACTIVE' }, orderBy: [{ documentId: 'asc' }, { lineKey: 'asc' }] });
      const documentIds = [...new Set(active.map((l) => l.documentId))];
      await tx.documentLine.updateMany({ where: { planId, status: 'ACTIVE' }, data: { status: 'WITHDRAWN', syncedAt } });
      for (const documentId of documentIds) {
        await tx.$queryRaw`SELECT id FROM "PlanningDocument" WHERE id = ${documentId}::uuid FOR UPDATE`;
        const lines = active.filter((l) => l.documentId === documentId).map((l) => ({ lineKey: l.lineKey, change: 'WITHDRAWN', flag: null }));
        await recordDocumentChange(tx, documentId, DocumentChangeKind.LINES_CHANGED, { planId, revision, lines }, syncedAt);
      }
      const first = documentIds[0] ?? (await tx.documentLine.findFirst({ where: { planId }, select: { documentId: true } }))?.documentId;
      return {
        documentKind: DocumentKind.RKPD,
        documentId: first ?? '',
        revision,
        activeLines: 0,
        withdrawnLines: active.length,
      };
    });
    await onChanged();
    return summary;
  }

  return { syncPlanToDocument, syncPlanToRkpd, withdrawPlanFromDocuments };
}
