// Records each change of a planning document in its outbox, inside the transaction that
// makes the change, so a change is never lost and never recorded twice: the document's
// changeSeq is bumped with it, and `<documentId>:<seq>` is the change's stable key.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../prisma/client';
import { toJson } from './audit-trail';

export const DocumentChangeKind = {
  LINES_CHANGED: 'LINES_CHANGED',
  STATE_CHANGED: 'STATE_CHANGED',
} as const;
export type DocumentChangeKind = (typeof DocumentChangeKind)[keyof typeof DocumentChangeKind];

/** Appends one change; returns its sequence number. */
export async function recordDocumentChange(
  tx: Prisma.TransactionClient,
  documentId: string,
  kind: DocumentChangeKind,
  payload: Record<string, unknown>,
  occurredAt: Date,
): Promise<number> {
  const { changeSeq } = await tx.planningDocument.update({ where: { id: documentId }, data: { changeSeq: { increment: 1 } }, select: { changeSeq: true } });
  // BigInt amounts travel as decimal strings, as in the audit trail.
  await tx.documentChange.create({ data: { id: randomUUID(), documentId, seq: changeSeq, kind, payload: toJson(payload) ?? {}, occurredAt } });
  return changeSeq;
}
