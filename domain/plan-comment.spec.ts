import { checkCommentBody, COMMENT_MAX_CHARS } from './plan-comment';

describe('checkCommentBody', () => {
  it('accepts 1 to 4000 characters, counting an emoji as one', () => {
    expect(checkCommentBody('x')).toEqual([]);
    expect(checkCommentBody('🙏'.repeat(COMMENT_MAX_CHARS))).toEqual([]);
  });

  it('refuses an empty or blank comment and one that is too long', () => {
    expect(checkCommentBody('  \n ').map((v) => v.reason)).toEqual(['REQUIRED']);
    expect(checkCommentBody('a'.repeat(COMMENT_MAX_CHARS + 1)).map((v) => v.reason)).toEqual(['LENGTH']);
  });
});
