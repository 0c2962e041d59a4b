// A remark on a plan: the rule on its text, shared by whoever accepts one.
import { text } from './message';
import type { Violation } from './violation';

export const COMMENT_MAX_CHARS = 4000;

/** Counts characters as people do (code points), so an emoji is one, not two. */
export function checkCommentBody(body: string): Violation[] {
  if (body.trim().length === 0) {
    return [{ field: 'body', reason: 'REQUIRED', message: text('Isi komentar wajib diisi.', 'The comment must not be empty.') }];
  }
  if ([...body].length > COMMENT_MAX_CHARS) {
    return [
      {
        field: 'body',
        reason: 'LENGTH',
        message: text(`Komentar paling banyak ${COMMENT_MAX_CHARS} karakter.`, `A comment may have at most ${COMMENT_MAX_CHARS} characters.`),
      },
    ];
  }
  return [];
}
