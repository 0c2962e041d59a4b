import { afterCursor, decodeCursor, encodeCursor, type Keyset } from './keyset';

const byDue: Keyset = {
  name: 'due',
  keys: [
    { field: 'dueAt', direction: 'asc', type: 'date', nullsLast: true },
    { field: 'createdAt', direction: 'asc', type: 'date' },
    { field: 'id', direction: 'asc', type: 'string' },
  ],
};
const newest: Keyset = {
  name: 'newest',
  keys: [
    { field: 'createdAt', direction: 'desc', type: 'date' },
    { field: 'id', direction: 'asc', type: 'string' },
  ],
};

describe('keyset cursors', () => {
  const createdAt = new Date('2027-01-02T03:04:05.678Z');

  it('round-trips the last row’s keys, nulls included', () => {
    const cursor = encodeCursor(byDue, { dueAt: null, createdAt, id: 'b', title: 'ignored' });
    expect(decodeCursor(byDue, cursor)).toEqual([null, createdAt, 'b']);
  });

  it('refuses a cursor of another ordering, or one that is not a cursor', () => {
    const cursor = encodeCursor(newest, { createdAt, id: 'b' });
    expect(decodeCursor(byDue, cursor)).toBeNull();
    expect(decodeCursor(newest, 'not-a-cursor')).toBeNull();
    expect(decodeCursor(newest, Buffer.from('["newest","soon","b"]').toString('base64url'))).toBeNull();
  });

  it('continues after the row, bounded on the first key for the index', () => {
    expect(afterCursor(newest, [createdAt, 'b'])).toEqual({
      AND: [{ createdAt: { lte: createdAt } }, { OR: [{ createdAt: { lt: createdAt } }, { AND: [{ createdAt }, { id: { gt: 'b' } }] }] }],
    });
  });

  it('after a row with no due date only rows with none follow', () => {
    expect(afterCursor(byDue, [null, createdAt, 'b'])).toEqual({
      AND: [{ OR: [{ AND: [{ dueAt: null }, { createdAt: { gt: createdAt } }] }, { AND: [{ dueAt: null }, { createdAt }, { id: { gt: 'b' } }] }] }],
    });
  });

  it('after a row with a due date, later dates and rows with none follow', () => {
    const dueAt = new Date('2027-02-01T00:00:00.000Z');
    const { AND } = afterCursor(byDue, [dueAt, createdAt, 'b']) as { AND: [{ OR: unknown[] }] };
    expect(AND[0].OR[0]).toEqual({ OR: [{ dueAt: { gt: dueAt } }, { dueAt: null }] });
  });
});
