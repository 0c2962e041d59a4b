// The planning and budget document register: documents, the lines plans place in them,
// state changes, and the outbox of changes the webhook delivers. Every change is stored
// with its outbox entry (and, from the API, its audit entry) in one transaction. The
// only writer of the PlanningDocument, DocumentLine and DocumentChange tables.
import { randomUUID } from 'node:crypto';
import { DocumentKind, documentAgency, lineFlag, type DocumentState, type DocumentSyncSummary, type LineFlag } from '../domain/planning-document';
import type { PlanSubmission } from '../domain/plan-transition';
import type { BudgetPlacement } from '../domain/review-decision';
import type { Prisma, PrismaClient } from '../prisma/client';
import { toJson, type AuditWriter } from './audit-trail';

export const DocumentChangeKind = {
  LINES_CHANGED: 'LINES_CHANGED',
  STATE_CHANGED: 'STATE_CHANGED',
} as const;
export type DocumentChangeKind = (typeof DocumentChangeKind)[keyof typeof DocumentChangeKind];

export interface SyncPlanToDocumentInput {
  planId: string;
  submission: PlanSubmission;
  kind: DocumentKind;
  placement?: BudgetPlacement;
}

export interface WithdrawPlanInput {
  planId: string;
  revision: number;
}

/** A change waiting to be handed to its delivery workflow. */
export interface PendingDocumentChange {
  id: string;
  documentId: string;
  seq: number;
}

type Tx = Prisma.TransactionClient;

export function lineKey(position: number): string {
  return `line-${position + 1}`;
}

/**
 * Appends one change to the document's outbox inside the transaction that makes it, so
 * a change is never lost and never recorded twice: the document's changeSeq is bumped
 * with it, and `<documentId>:<seq>` is the change's stable key.
 */
async function recordDocumentChange(tx: Tx, documentId: string, kind: DocumentChangeKind, payload: Record<string, unknown>, occurredAt: Date): Promise<number> {
  const { changeSeq } = await tx.planningDocument.update({ where: { id: documentId }, data: { changeSeq: { increment: 1 } }, select: { changeSeq: true } });
  // BigInt amounts travel as decimal strings, as in the audit trail.
  await tx.documentChange.create({ data: { id: randomUUID(), documentId, seq: changeSeq, kind, payload: toJson(payload) ?? {}, occurredAt } });
  return changeSeq;
}

export interface DocumentKey {
  kind: DocumentKind;
  regionCode: string;
  budgetYear: number;
  agency: string;
}

export type PlanningDocumentRecord = NonNullable<Awaited<ReturnType<PlanningDocumentRepository['findById']>>>;
export type DocumentLineRecord = Awaited<ReturnType<PlanningDocumentRepository['linesOfPlan']>>[number];

/** Checks a move inside the transaction, against the state it locked; throws to refuse. */
export type StateGuard = (from: DocumentState) => void;

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

export class PlanningDocumentRepository {
  constructor(private readonly prisma: PrismaClient) {}

  list(regionCode: string, budgetYear: number) {
    return this.prisma.planningDocument.findMany({
      where: { regionCode, budgetYear },
      orderBy: [{ kind: 'asc' }, { agency: 'asc' }],
      include: { _count: { select: { lines: { where: { status: 'ACTIVE' } } } } },
    });
  }

  findById(id: string) {
    return this.prisma.planningDocument.findUnique({
      where: { id },
      include: { lines: { orderBy: [{ agency: 'asc' }, { nomenclatureCode: 'asc' }, { planId: 'asc' }, { lineKey: 'asc' }] } },
    });
  }

  /** Registers the document if it is not there yet; returns it and whether it was new. */
  async register(key: DocumentKey, audit: (db: AuditWriter, id: string) => Promise<unknown>) {
    return this.prisma.$transaction(async (tx) => {
      const existing = await tx.planningDocument.findUnique({ where: { kind_regionCode_budgetYear_agency: key } });
      if (existing) return { document: existing, created: false };
      const document = await tx.planningDocument.create({ data: { id: randomUUID(), ...key } });
      await audit(tx, document.id);
      return { document, created: true };
    });
  }

  /** Moves the state; returns the state before, or null when there is no such document. */
  changeState(id: string, to: DocumentState, guard: StateGuard, audit: (db: AuditWriter, from: DocumentState) => Promise<unknown>) {
    return this.prisma.$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<
        Array<{ state: DocumentState }>
      >`SELECT state::text AS state FROM "PlanningDocument" WHERE id = ${id}::uuid FOR UPDATE`;
      if (!locked) return null;
      guard(locked.state);
      const now = new Date();
      await tx.planningDocument.update({
        where: { id },
        data: { state: to, stateChangedAt: now, ...(to === 'FINAL' && { finalAt: now }) },
      });
      await recordDocumentChange(tx, id, DocumentChangeKind.STATE_CHANGED, { from: locked.state, to }, now);
      await audit(tx, locked.state);
      return locked.state;
    });
  }

  /** Every line the plan placed, in any document, with its document. */
  linesOfPlan(planId: string) {
    return this.prisma.documentLine.findMany({
      where: { planId },
      include: { document: true },
      orderBy: [{ syncedAt: 'asc' }, { document: { kind: 'asc' } }, { lineKey: 'asc' }],
    });
  }

  /** Plan titles, revisions and regions by id, for the lines of a document. */
  plansByIds(ids: string[]) {
    return this.prisma.cooperationPlan.findMany({ where: { id: { in: ids } }, select: { id: true, title: true, revision: true, stage: true } });
  }

  regionName(code: string) {
    return this.prisma.region.findUnique({ where: { code }, select: { name: true } }).then((r) => r?.name ?? null);
  }

  /** Names of the bidang urusan (the nomenclature's second level) by code. */
  affairNames(codes: string[]) {
    return this.prisma.governmentAffair
      .findMany({ where: { code: { in: codes } }, select: { code: true, name: true } })
      .then((rows) => new Map(rows.map((r) => [r.code, r.name])));
  }

  /** What the plan's summary shows: the plan and its decisions, in order. */
  planWithTransitions(planId: string) {
    return this.prisma.cooperationPlan.findUnique({ where: { id: planId }, include: { transitions: { orderBy: { sequence: 'asc' } } } });
  }

  /**
   * Places a plan's line items in one of its region's documents. Lines are keyed by plan
   * and position, so a retry or a re-sync updates them in place; lines the revision no
   * longer has are withdrawn, never deleted. A Final document takes a new or changed line
   * only as a flagged amendment; a KUA-PPAS activity missing from the RKPD is flagged.
   */
  async placeLines({ planId, kind, submission, placement }: SyncPlanToDocumentInput): Promise<DocumentSyncSummary> {
    const { regionCode, budgetYear, lineItems, proposingAgency } = submission.content;
    const agency = documentAgency(kind, proposingAgency);
    const fundingSource = placement?.fundingSource ?? submission.content.fundingSource ?? null;
    const ceiling = kind === DocumentKind.KUA_PPAS && placement ? BigInt(placement.ceiling) : null;
    const syncedAt = new Date();
    return this.prisma.$transaction(async (tx) => {
      const document = await documentFor(tx, kind, regionCode, budgetYear, agency);
      const existing = new Map((await tx.documentLine.findMany({ where: { documentId: document.id, planId } })).map((l) => [l.lineKey, l]));
      const inRkpd =
        kind === DocumentKind.KUA_PPAS
          ? await codesInRkpd(
              tx,
              regionCode,
              budgetYear,
              lineItems.map((i) => i.nomenclatureCode),
            )
          : undefined;
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
        await recordDocumentChange(
          tx,
          document.id,
          DocumentChangeKind.LINES_CHANGED,
          {
            planId,
            revision: submission.revision,
            lines: [...changed, ...dropped.map((k) => ({ lineKey: k, change: 'WITHDRAWN' as const, flag: null }))],
          },
          syncedAt,
        );
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

  /** Withdraws every active line of a rejected plan, recording the change in each document. */
  async withdrawPlanLines({ planId, revision }: WithdrawPlanInput): Promise<DocumentSyncSummary> {
    const syncedAt = new Date();
    return this.prisma.$transaction(async (tx) => {
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
  }

  /**
   * Hands every change not yet handed over to `start` (which starts its delivery
   * workflow, once per change), oldest first, and marks it dispatched. Whatever a crash
   * leaves between the two is picked up by the next dispatch. Returns how many.
   */
  async dispatchPending(start: (change: PendingDocumentChange) => Promise<unknown>, limit = 500): Promise<number> {
    const pending = await this.prisma.documentChange.findMany({
      where: { dispatchedAt: null },
      orderBy: [{ occurredAt: 'asc' }, { seq: 'asc' }],
      take: limit,
      select: { id: true, documentId: true, seq: true },
    });
    for (const change of pending) {
      await start(change);
      await this.prisma.documentChange.update({ where: { id: change.id }, data: { dispatchedAt: new Date() } });
    }
    return pending.length;
  }

  /** A change with its document, for delivery. */
  changeForDelivery(changeId: string) {
    return this.prisma.documentChange.findUniqueOrThrow({ where: { id: changeId }, include: { document: true } });
  }

  async markDelivered(changeId: string): Promise<void> {
    await this.prisma.documentChange.update({ where: { id: changeId }, data: { deliveredAt: new Date() } });
  }
}
