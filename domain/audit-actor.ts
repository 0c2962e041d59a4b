// Who an audit entry names: the caller, with the roles they hold where they acted.
import type { AuditEventInput } from './audit-event';
import type { AuthContext } from './auth-context';

export type AuditActor = Pick<AuditEventInput, 'actorId' | 'actorName' | 'actorRole'>;

/**
 * The caller as an audit actor. With `regionCode` (the plan's region) the role is the
 * roles held there, e.g. `OFFICER` or `BAPPEDA,TAPD`; without it, every role held.
 */
export function auditActor(auth: AuthContext, regionCode?: string): AuditActor {
  const grants = regionCode === undefined ? auth.grants : auth.grants.filter((grant) => grant.regionCode === regionCode);
  const roles = [...new Set(grants.map((grant) => grant.role))].sort();
  return { actorId: auth.userId, actorName: auth.displayName, ...(roles.length > 0 && { actorRole: roles.join(',') }) };
}
