// What changed between two submitted revisions of a plan, field by field, with paths
// written the way violations name fields (`lineItems[0].amount`), so a reviewer can
// read them and a client can point at the same field in its form.
import diff, { type Difference } from 'microdiff';

export type RevisionChangeKind = 'CHANGED' | 'ADDED' | 'REMOVED';

export interface RevisionChange {
  path: string;
  kind: RevisionChangeKind;
  /** The value in the earlier revision; null when the field was added. */
  before: unknown;
  /** The value in the later revision; null when the field was removed. */
  after: unknown;
}

const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** `['lineItems', 0, 'amount']` → `lineItems[0].amount`; keys that are not identifiers are quoted: `a["b c"]`. */
export function formatChangePath(path: ReadonlyArray<string | number>): string {
  return path.reduce<string>((written, segment) => {
    if (typeof segment === 'number') return `${written}[${segment}]`;
    if (!IDENTIFIER.test(segment)) return `${written}[${JSON.stringify(segment)}]`;
    return written ? `${written}.${segment}` : segment;
  }, '');
}

type Container = Record<string, unknown> | unknown[];

const isContainer = (value: unknown): value is Container => typeof value === 'object' && value !== null;

function toChange(difference: Difference): RevisionChange {
  const path = formatChangePath(difference.path);
  switch (difference.type) {
    case 'CREATE':
      return { path, kind: 'ADDED', before: null, after: difference.value as unknown };
    case 'REMOVE':
      return { path, kind: 'REMOVED', before: difference.oldValue as unknown, after: null };
    case 'CHANGE':
      return { path, kind: 'CHANGED', before: difference.oldValue as unknown, after: difference.value as unknown };
  }
}

/**
 * The changes from `before` to `after` (two JSON documents). Lists are compared by
 * position, as the plan numbers its lines: removing the first line shows as changes to
 * the lines after it and the removal of the last.
 */
export function diffRevisionContents(before: unknown, after: unknown): RevisionChange[] {
  if (!isContainer(before) || !isContainer(after)) {
    return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path: '', kind: 'CHANGED', before, after }];
  }
  return diff(before, after).map(toChange);
}
