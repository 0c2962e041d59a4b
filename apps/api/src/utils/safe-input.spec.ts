import { MAX_INPUT_DEPTH, isStorableText, unsafeInputViolations } from './safe-input';

describe('safe input', () => {
  it('tells text PostgreSQL can store from text it cannot', () => {
    expect(isStorableText('Kerja sama 🤝 daerah')).toBe(true);
    expect(isStorableText('a\u0000b')).toBe(false);
    expect(isStorableText('a\ud800b')).toBe(false);
    expect(isStorableText('a\udc00')).toBe(false);
    expect(isStorableText('\ud83e\udd1d')).toBe(true);
  });

  it('names every field holding such text by its path, keys included', () => {
    const body = { title: 'ok', partners: [{ name: 'x\u0000' }], free: { 'k\u0000': 1 } };
    expect(unsafeInputViolations(body).map((v) => [v.field, v.reason])).toEqual([
      ['partners[0].name', 'INVALID_CHARACTERS'],
      ['free.k\u0000', 'INVALID_CHARACTERS'],
    ]);
    expect(unsafeInputViolations('a\u0000', 'q')).toEqual([expect.objectContaining({ field: 'q' })]);
  });

  it('refuses nesting deeper than any request shape, and accepts it up to there', () => {
    const nested = (depth: number): unknown => (depth === 0 ? 'x' : [nested(depth - 1)]);
    expect(unsafeInputViolations({ a: nested(MAX_INPUT_DEPTH - 1) })).toEqual([]);
    expect(unsafeInputViolations({ a: nested(MAX_INPUT_DEPTH + 5) })).toEqual([expect.objectContaining({ reason: 'TOO_DEEP' })]);
  });
});
