// The audit trail for the API: records what a signed-in caller did, and reads a plan's
// entries back. Writing goes through the same appendAuditEvent the activities use.
import type { PrismaClient } from '../prisma/client';
import { appendAuditEvent, type AuditWriter } from './audit-trail';
import type { AuditEventInput } from '../domain/audit-event';
import { auditActor } from '../domain/audit-actor';
import type { AuthContext } from '../domain/auth-context';

/** An action as a service describes it; the actor comes from the caller's AuthContext. */
export interface AuditedAction extends Omit<AuditEventInput, 'actorId' | 'actorName' | 'actorRole'> {
  /** The plan's region: the caller's roles there are recorded. Not stored itself. */
  regionCode?: string;
  /** Overrides the roles derived from the grants, e.g. the one role a decision was taken in. */
  actorRole?: string;
}

export type AuditEventRecord = Awaited<ReturnType<AuditRepository['listByPlan']>>[number];

const OLDEST_FIRST = [{ occurredAt: 'asc' }, { id: 'asc' }] as const;

export class AuditRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /**
   * Records what `auth` did. Pass a transaction client as `db` to record it atomically
   * with the change itself (an action without its entry, or the reverse, is then impossible).
   * Returns false when the `dedupeKey` was already recorded.
   */
  record(auth: AuthContext, action: AuditedAction, db: AuditWriter = this.prisma): Promise<boolean> {
    const { regionCode, actorRole, ...event } = action;
    const actor = auditActor(auth, regionCode);
    return appendAuditEvent(db, { ...event, ...actor, ...(actorRole !== undefined && { actorRole }) });
  }

  /** Records what the system did on its own (e.g. locking an account after wrong passwords): no caller to name. */
  recordSystem(action: Omit<AuditEventInput, 'actorId' | 'actorName' | 'actorRole'>): Promise<boolean> {
    return appendAuditEvent(this.prisma, { ...action, actorId: null, actorName: 'system' });
  }

  /** A page of the plan's entries, oldest first. */
  async pageByPlan(planId: string, page: number, pageSize: number) {
    const [items, total] = await Promise.all([
      this.prisma.auditEvent.findMany({ where: { planId }, orderBy: [...OLDEST_FIRST], skip: (page - 1) * pageSize, take: pageSize }),
      this.prisma.auditEvent.count({ where: { planId } }),
    ]);
    return { items, total };
  }

  /** Every entry of the plan, oldest first: for the export (a plan gathers hundreds, not millions). */
  listByPlan(planId: string) {
    return this.prisma.auditEvent.findMany({ where: { planId }, orderBy: [...OLDEST_FIRST] });
  }
}
