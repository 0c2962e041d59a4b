// Input no rule of ours may see: strings PostgreSQL cannot store (NUL, a lone UTF-16
// surrogate) and JSON nested deeper than any of our shapes. Checked before validation,
// so such a request is a 400 naming the field rather than a database or stack failure.
import { Injectable, type ArgumentMetadata, type PipeTransform } from '@nestjs/common';
import { ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import type { Violation } from '../../../../domain/violation';

/** Deeper than any request shape of the API (a plan's content is about 5 levels). */
export const MAX_INPUT_DEPTH = 32;
/** Enough to name the problem; a hostile body could otherwise produce thousands. */
const MAX_VIOLATIONS = 20;

const INVALID_CHARACTERS = text(
  'Teks memuat karakter yang tidak diizinkan (NUL atau surrogate UTF-16 tunggal).',
  'The text contains a character that is not allowed (NUL or a lone UTF-16 surrogate).',
);
const TOO_DEEP = text(`Data bersarang lebih dari ${MAX_INPUT_DEPTH} tingkat.`, `The data is nested more than ${MAX_INPUT_DEPTH} levels deep.`);

// Matched per UTF-16 unit (no `u` flag): a high surrogate without its low half, or a low one alone.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !LONE_SURROGATE.test(value);
}

function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  return parent ? `${parent}.${key}` : key;
}

/** Every field of `value` holding text that cannot be stored, or nesting too deep. */
export function unsafeInputViolations(value: unknown, field = ''): Violation[] {
  const found: Violation[] = [];
  const visit = (node: unknown, path: string, depth: number): void => {
    if (found.length >= MAX_VIOLATIONS) return;
    if (typeof node === 'string') {
      if (!isStorableText(node)) found.push({ field: path || 'body', reason: 'INVALID_CHARACTERS', message: INVALID_CHARACTERS });
      return;
    }
    if (typeof node !== 'object' || node === null) return;
    if (depth >= MAX_INPUT_DEPTH) {
      found.push({ field: path || 'body', reason: 'TOO_DEEP', message: TOO_DEEP });
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, childPath(path, index), depth + 1));
      return;
    }
    for (const [key, item] of Object.entries(node)) {
      const itemPath = childPath(path, key);
      // A key is stored too where the value is free JSON.
      if (!isStorableText(key)) found.push({ field: itemPath, reason: 'INVALID_CHARACTERS', message: INVALID_CHARACTERS });
      visit(item, itemPath, depth + 1);
    }
  };
  visit(value, field, 0);
  return found;
}

/** A global pipe, before the validation pipe: request bodies, queries and path parameters. */
@Injectable()
export class SafeInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const violations = unsafeInputViolations(value, metadata.data ?? '');
    if (violations.length > 0) throw new ValidationFailed(violations);
    return value;
  }
}
