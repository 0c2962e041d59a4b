import { appendAuditEvent, appendAuditEvents, auditDedupeKey, toAuditEventRow, type AuditWriter } from './audit-trail';

const event = { actorId: null, actorName: 'Sistem', action: 'PLAN_SYNC_DOCUMENTS', planId: 'p-1', entity: 'PLAN' };

describe('toAuditEventRow', () => {
  it('stores JSON values as plain JSON: bigint as text, dates as ISO, undefined fields dropped', () => {
    const row = toAuditEventRow({
      ...event,
      before: { amount: 12_000_000_000n, note: undefined },
      after: { at: new Date('2026-01-02T03:04:05.000Z') },
      occurredAt: new Date('2026-01-02T00:00:00.000Z'),
    });
    expect(row.before).toEqual({ amount: '12000000000' });
    expect(row.after).toEqual({ at: '2026-01-02T03:04:05.000Z' });
    expect(row.details).toBeUndefined();
    expect(row.occurredAt).toEqual(new Date('2026-01-02T00:00:00.000Z'));
    expect(row).toMatchObject({ actorRole: null, entityId: null, fromStage: null, toStage: null, dedupeKey: null });
  });

  it('leaves a JSON column NULL for null, rather than storing JSON null', () => {
    expect(toAuditEventRow({ ...event, before: null }).before).toBeUndefined();
  });
});

describe('appendAuditEvents', () => {
  function fakeWriter(stored: number) {
    const createMany = jest.fn().mockResolvedValue({ count: stored });
    return { writer: { auditEvent: { createMany } } as unknown as AuditWriter, createMany };
  }

  it('inserts skipping duplicates, and writes nothing for no events', async () => {
    const { writer, createMany } = fakeWriter(2);
    expect(await appendAuditEvents(writer, [event, { ...event, dedupeKey: 'k' }])).toBe(2);
    expect(createMany).toHaveBeenCalledWith(expect.objectContaining({ skipDuplicates: true }));
    expect(await appendAuditEvents(writer, [])).toBe(0);
    expect(createMany).toHaveBeenCalledTimes(1);
  });

  it('tells whether one event was stored', async () => {
    expect(await appendAuditEvent(fakeWriter(1).writer, event)).toBe(true);
    expect(await appendAuditEvent(fakeWriter(0).writer, event)).toBe(false);
  });
});

describe('auditDedupeKey', () => {
  it('joins the identifying parts', () => {
    expect(auditDedupeKey('plan', 'p-1', 'transition', 7)).toBe('plan:p-1:transition:7');
  });
});
