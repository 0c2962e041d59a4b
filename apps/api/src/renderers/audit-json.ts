// A plan's audit trail as a JSON file: the entries as the API shows them, with who
// exported them and when, so a file handed on says where it came from.
import { toAuditEventResponse } from '../dtos/audit.dto';
import type { AuditEventRecord } from '../../../../persistence/audit.repository';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface AuditJsonExport {
  planId: string;
  exportedAt: Date;
  exportedBy: string;
  events: readonly AuditEventRecord[];
}

export function renderAuditJson({ planId, exportedAt, exportedBy, events }: AuditJsonExport): Buffer {
  const document = { planId, exportedAt: exportedAt.toISOString(), exportedBy, events: events.map(toAuditEventResponse) };
  return Buffer.from(`${JSON.stringify(document, null, 2)}\n`, 'utf8');
}
