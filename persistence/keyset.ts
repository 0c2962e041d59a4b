// Keyset (cursor) paging: a page starts after the last row of the previous one, so the
// database reads the next rows in index order instead of reading and discarding every
// row before an OFFSET. The cursor names its ordering, so one from another sort is refused.

export interface KeysetKey {
  field: string;
  direction: 'asc' | 'desc';
  type: 'date' | 'number' | 'string';
  /** The column may be null; nulls sort last (only with `asc`). */
  nullsLast?: boolean;
}

export interface Keyset {
  /** Names the ordering inside the cursor. */
  name: string;
  keys: readonly KeysetKey[];
}

export type KeyValue = string | number | Date | null;

type Where = Record<string, unknown>;

export function encodeCursor(keyset: Keyset, row: Record<string, unknown>): string {
  const values = keyset.keys.map(({ field }) => {
    const value = row[field];
    return value instanceof Date ? value.toISOString() : (value ?? null);
  });
  return Buffer.from(JSON.stringify([keyset.name, ...values])).toString('base64url');
}

/** The key values a cursor carries, or null when it is not a cursor of this ordering. */
export function decodeCursor(keyset: Keyset, cursor: string): KeyValue[] | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || parsed.length !== keyset.keys.length + 1 || parsed[0] !== keyset.name) return null;
  const values: KeyValue[] = [];
  for (const [index, key] of keyset.keys.entries()) {
    const raw: unknown = parsed[index + 1];
    if (raw === null && key.nullsLast) values.push(null);
    else if (key.type === 'number' && Number.isSafeInteger(raw)) values.push(raw as number);
    else if (key.type === 'string' && typeof raw === 'string') values.push(raw);
    else if (key.type === 'date' && typeof raw === 'string' && !Number.isNaN(Date.parse(raw))) values.push(new Date(raw));
    else return null;
  }
  return values;
}

function after(key: KeysetKey, value: KeyValue): Where | null {
  if (value === null) return null; // nothing sorts after a null (nulls last)
  const beyond = { [key.field]: { [key.direction === 'asc' ? 'gt' : 'lt']: value } };
  return key.nullsLast ? { OR: [beyond, { [key.field]: null }] } : beyond;
}

/** The rows strictly after the cursor's row in the keyset's order, as a Prisma filter. */
export function afterCursor<Filter extends object = Where>(keyset: Keyset, values: readonly KeyValue[]): Filter {
  const branches: Where[] = [];
  keyset.keys.forEach((key, index) => {
    const next = after(key, values[index]);
    if (!next) return;
    const equal = keyset.keys.slice(0, index).map((earlier, at) => ({ [earlier.field]: values[at] }));
    branches.push(equal.length ? { AND: [...equal, next] } : next);
  });
  const [first] = keyset.keys;
  const leading = values[0];
  // A bound on the first key alone lets the index scan start at the cursor.
  const bound = first && !first.nullsLast && leading !== null ? [{ [first.field]: { [first.direction === 'asc' ? 'gte' : 'lte']: leading } }] : [];
  return { AND: [...bound, { OR: branches }] } as Filter;
}

/** Counts stop here: the total of a longer list is shown as "more than". */
export const COUNT_LIMIT = 10_000;
