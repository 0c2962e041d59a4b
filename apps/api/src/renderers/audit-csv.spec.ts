import { parse } from 'csv-parse/sync';
import type { AuditEventRecord } from '../../../../persistence/audit.repository';
import { AUDIT_CSV_COLUMNS, auditCsvRow, renderAuditCsv } from './audit-csv';

function event(overrides: Partial<AuditEventRecord> = {}): AuditEventRecord {
  return {
    id: 7n,
    occurredAt: new Date('2026-03-02T03:04:05.678Z'),
    actorId: '5f0c1a52-8a4e-4d8f-9d38-0e6f3b0b2a11',
    actorName: 'Siti Rahmawati',
    actorRole: 'OFFICER',
    action: 'PLAN_EDITED',
    planId: '0b9f6a3e-55a4-4f3c-9d6c-1f1ad3b6a0c2',
    entity: 'PLAN',
    entityId: '0b9f6a3e-55a4-4f3c-9d6c-1f1ad3b6a0c2',
    fromStage: null,
    toStage: null,
    before: { title: 'Pengelolaan sampah' },
    after: { title: 'Pengelolaan sampah regional, “TPA Galuga”' },
    details: null,
    dedupeKey: null,
    ...overrides,
  };
}

describe('auditCsvRow', () => {
  it('writes one cell per column, JSON columns as JSON text and absent values as empty', () => {
    expect(auditCsvRow(event())).toEqual([
      '7',
      '2026-03-02T03:04:05.678Z',
      'Siti Rahmawati',
      'OFFICER',
      '5f0c1a52-8a4e-4d8f-9d38-0e6f3b0b2a11',
      'PLAN_EDITED',
      'PLAN',
      '0b9f6a3e-55a4-4f3c-9d6c-1f1ad3b6a0c2',
      null,
      null,
      '{"title":"Pengelolaan sampah"}',
      '{"title":"Pengelolaan sampah regional, “TPA Galuga”"}',
      null,
    ]);
  });

  it('writes stages of a transition', () => {
    const row = auditCsvRow(event({ action: 'PLAN_APPROVE', fromStage: 'VERIFICATION', toStage: 'BAPPEDA_REVIEW' }));
    expect(row.slice(8, 10)).toEqual(['VERIFICATION', 'BAPPEDA_REVIEW']);
  });
});

describe('renderAuditCsv', () => {
  it('starts with a UTF-8 byte order mark and parses back to the same cells', () => {
    const events = [event(), event({ id: 8n, action: 'COMMENT_ADDED', details: { body: 'Mohon lengkapi KAK;\nbaris kedua' } })];
    const content = renderAuditCsv(events);
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);

    const rows = parse(content, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual(AUDIT_CSV_COLUMNS.map((column) => column.key));
    expect(rows.map((row) => row.id)).toEqual(['7', '8']);
    expect(JSON.parse(rows[1].details)).toEqual({ body: 'Mohon lengkapi KAK;\nbaris kedua' });
    expect(rows[0].after).toBe('{"title":"Pengelolaan sampah regional, “TPA Galuga”"}');
    expect(rows[0].fromStage).toBe('');
  });

  it('defuses a cell a spreadsheet would run as a formula', () => {
    const rows = parse(renderAuditCsv([event({ actorName: '=HYPERLINK("http://x")' })]), { bom: true, columns: true }) as Record<string, string>[];
    expect(rows[0].actorName).toBe(`'=HYPERLINK("http://x")`);
  });

  it('writes only the header for a plan without entries', () => {
    expect(parse(renderAuditCsv([]), { bom: true }) as string[][]).toEqual([AUDIT_CSV_COLUMNS.map((column) => column.key)]);
  });
});
