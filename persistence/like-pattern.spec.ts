import { escapeLikePattern } from './like-pattern';

describe('escapeLikePattern', () => {
  it('escapes the LIKE wildcards and the escape character, and nothing else', () => {
    expect(escapeLikePattern('32.71')).toBe('32.71');
    expect(escapeLikePattern('Kota Bogor')).toBe('Kota Bogor');
    expect(escapeLikePattern('100%_\\')).toBe('100\\%\\_\\\\');
  });
});
