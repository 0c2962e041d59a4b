// Data access for the planning document register: documents, their lines, and state
// changes, each stored with its audit entry and its outbox change in one transaction.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DocumentChangeKind, recordDocumentChange } from '../../../../activities/document-changes';
import type { AuditWriter } from '../../../../activities/audit-trail';
import type { DocumentKind, DocumentState } from '../../../../domain/planning-document';
import type { PrismaClient } from '../../../../prisma/client';
import { PRISMA } from '../tokens';

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

@Injectable()
export class PlanningDocumentRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

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
      const [locked] = await tx.$queryRaw<Array<{ state: DocumentState }>>`SELECT state::text AS state FROM "PlanningDocument" WHERE id = ${id}::uuid FOR UPDATE`;
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
}
