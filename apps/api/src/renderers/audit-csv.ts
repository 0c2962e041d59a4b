// A plan's audit trail as CSV: one row per entry, oldest first. UTF-8 with a byte order
// mark, because without it Excel reads the file as the local code page and garbles
// Indonesian names; JSON columns are written as compact JSON text.
import { stringify } from 'csv-stringify/sync';
import type { AuditEventRecord } from '../../../../persistence/audit.repository';

export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8';

type Cell = string | null;

const json = (value: unknown): Cell => (value === null || value === undefined ? null : JSON.stringify(value));

export const AUDIT_CSV_COLUMNS: ReadonlyArray<{ key: string; value: (event: AuditEventRecord) => Cell }> = [
  { key: 'id', value: (event) => event.id.toString() },
  { key: 'occurredAt', value: (event) => event.occurredAt.toISOString() },
  { key: 'actorName', value: (event) => event.actorName },
  { key: 'actorRole', value: (event) => event.actorRole },
  { key: 'actorId', value: (event) => event.actorId },
  { key: 'action', value: (event) => event.action },
  { key: 'entity', value: (event) => event.entity },
  { key: 'entityId', value: (event) => event.entityId },
  { key: 'fromStage', value: (event) => event.fromStage },
  { key: 'toStage', value: (event) => event.toStage },
  { key: 'before', value: (event) => json(event.before) },
  { key: 'after', value: (event) => json(event.after) },
  { key: 'details', value: (event) => json(event.details) },
];

export function auditCsvRow(event: AuditEventRecord): Cell[] {
  return AUDIT_CSV_COLUMNS.map((column) => column.value(event));
}

export function renderAuditCsv(events: readonly AuditEventRecord[]): Buffer {
  const csv = stringify(events.map(auditCsvRow), {
    header: true,
    columns: AUDIT_CSV_COLUMNS.map((column) => column.key),
    bom: true,
    // RFC 4180 line ends, which Excel expects.
    record_delimiter: 'windows',
    // A cell starting with = + - @ would run as a formula in a spreadsheet: user text
    // (comments, titles) reaches these cells, so such cells are prefixed with a quote.
    escape_formulas: true,
  });
  return Buffer.from(csv, 'utf8');
}
