import { diffRevisionContents, formatChangePath } from './revision-diff';

describe('formatChangePath', () => {
  it('writes list positions in brackets and fields after dots', () => {
    expect(formatChangePath(['lineItems', 0, 'amount'])).toBe('lineItems[0].amount');
    expect(formatChangePath(['termsOfReference', 'legalBasis'])).toBe('termsOfReference.legalBasis');
    expect(formatChangePath(['objects', 2])).toBe('objects[2]');
    expect(formatChangePath(['title'])).toBe('title');
  });

  it('quotes keys that are not identifiers', () => {
    expect(formatChangePath(['notes', 'dasar hukum', 0])).toBe('notes["dasar hukum"][0]');
    expect(formatChangePath(['1.02'])).toBe('["1.02"]');
  });
});

describe('diffRevisionContents', () => {
  const revision1 = {
    title: 'Kerja sama pengelolaan sampah',
    lineItems: [
      { nomenclatureCode: '1.03', description: 'Operasional TPA', amount: 1_000_000 },
      { nomenclatureCode: '1.03', description: 'Angkutan', amount: 500_000 },
    ],
    termsOfReference: { background: 'Latar' },
  };

  it('names each changed, added and removed field with its path and both values', () => {
    const revision2 = {
      title: 'Kerja sama pengelolaan sampah regional',
      lineItems: [{ nomenclatureCode: '1.03', description: 'Operasional TPA', amount: 1_250_000 }],
      termsOfReference: { background: 'Latar', legalBasis: 'UU 23/2014' },
    };
    expect(diffRevisionContents(revision1, revision2)).toEqual(
      expect.arrayContaining([
        { path: 'title', kind: 'CHANGED', before: 'Kerja sama pengelolaan sampah', after: 'Kerja sama pengelolaan sampah regional' },
        { path: 'lineItems[0].amount', kind: 'CHANGED', before: 1_000_000, after: 1_250_000 },
        { path: 'lineItems[1]', kind: 'REMOVED', before: revision1.lineItems[1], after: null },
        { path: 'termsOfReference.legalBasis', kind: 'ADDED', before: null, after: 'UU 23/2014' },
      ]),
    );
    expect(diffRevisionContents(revision1, revision2)).toHaveLength(4);
  });

  it('finds nothing between equal contents', () => {
    expect(diffRevisionContents(revision1, structuredClone(revision1))).toEqual([]);
  });

  it('reports a whole value that changed kind', () => {
    expect(diffRevisionContents({ feasibilityStudy: null }, { feasibilityStudy: { summary: 'Layak' } })).toEqual([
      { path: 'feasibilityStudy', kind: 'CHANGED', before: null, after: { summary: 'Layak' } },
    ]);
  });
});
