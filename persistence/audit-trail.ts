// Appends to the audit trail, from a Temporal activity or from the API, inside the
// caller's transaction when it has one. The table is append-only (the database refuses
// UPDATE, DELETE and TRUNCATE), so the only write is an insert; a `dedupeKey` makes a
// retried write a no-op (ON CONFLICT DO NOTHING), without aborting the transaction.
import type { Prisma, PrismaClient } from '../prisma/client';
import type { AuditEventInput } from '../domain/audit-event';

export type { AuditEventInput } from '../domain/audit-event';

/** A PrismaClient or the client of an interactive transaction (`prisma.$transaction(async (tx) => …)`). */
export type AuditWriter = Pick<PrismaClient, 'auditEvent'> | Pick<Prisma.TransactionClient, 'auditEvent'>;

/**
 * A dedupe key from the parts that identify one action, e.g.
 * `auditDedupeKey('plan', planId, 'transition', 7)` → `plan:<id>:transition:7`.
 * Keys must be unique across the whole table, so start with the entity kind.
 */
export function auditDedupeKey(...parts: Array<string | number>): string {
  return parts.map(String).join(':');
}

// JSON columns get plain JSON: BigInt (line item amounts in rows) as a decimal string,
// Dates as ISO strings, undefined fields dropped. Null or undefined leave the column NULL.
export function toJson(value: unknown): Prisma.InputJsonValue | undefined {
  if (value === undefined || value === null) return undefined;
  const json = JSON.stringify(value, (_key, inner: unknown) => (typeof inner === 'bigint' ? inner.toString() : inner));
  return json === undefined ? undefined : (JSON.parse(json) as Prisma.InputJsonValue);
}

export function toAuditEventRow(event: AuditEventInput): Prisma.AuditEventCreateManyInput {
  return {
    occurredAt: event.occurredAt ?? new Date(),
    actorId: event.actorId,
    actorName: event.actorName,
    actorRole: event.actorRole ?? null,
    action: event.action,
    planId: event.planId ?? null,
    entity: event.entity,
    entityId: event.entityId ?? null,
    fromStage: event.fromStage ?? null,
    toStage: event.toStage ?? null,
    before: toJson(event.before),
    after: toJson(event.after),
    details: toJson(event.details),
    dedupeKey: event.dedupeKey ?? null,
  };
}

/** Records several events at once; returns how many were stored (duplicates by `dedupeKey` are skipped). */
export async function appendAuditEvents(db: AuditWriter, events: readonly AuditEventInput[]): Promise<number> {
  if (events.length === 0) return 0;
  const { count } = await db.auditEvent.createMany({ data: events.map(toAuditEventRow), skipDuplicates: true });
  return count;
}

/** Records one event; false when an event with the same `dedupeKey` was already there. */
export async function appendAuditEvent(db: AuditWriter, event: AuditEventInput): Promise<boolean> {
  return (await appendAuditEvents(db, [event])) === 1;
}
