import { FILE_NAME_MAX_BYTES, attachmentContentDisposition, sanitiseFileName } from './attachment-file-name';

describe('sanitiseFileName', () => {
  it('keeps an ordinary name, Indonesian and non-Latin text included', () => {
    expect(sanitiseFileName('Kajian Kelayakan TPA (final).pdf')).toBe('Kajian Kelayakan TPA (final).pdf');
    expect(sanitiseFileName('Rencana – Kabupaten Bogor 2027.docx')).toBe('Rencana – Kabupaten Bogor 2027.docx');
    expect(sanitiseFileName('計画書.pdf')).toBe('計画書.pdf');
  });

  it.each([
    ['../../etc/passwd', 'passwd'],
    ['C:\\fakepath\\kajian.pdf', 'kajian.pdf'],
    ['/var/data/kajian.pdf', 'kajian.pdf'],
    ['a/b\\c.pdf', 'c.pdf'],
  ])('keeps only the last path segment of %s', (raw, expected) => {
    expect(sanitiseFileName(raw)).toBe(expected);
  });

  it('removes control characters, line breaks and bidirectional overrides', () => {
    expect(sanitiseFileName('kaji\u0000an\r\n.pdf')).toBe('kajian.pdf');
    expect(sanitiseFileName('tab\there\u007f\u0085.pdf')).toBe('tabhere.pdf');
    expect(sanitiseFileName('laporan\u202Efdp.exe')).toBe('laporanfdp.exe');
    expect(sanitiseFileName('a\u2028b\u2029c\u200b.pdf')).toBe('abc.pdf');
  });

  it('trims surrounding spaces and composes characters (NFC)', () => {
    expect(sanitiseFileName('  kajian.pdf  ')).toBe('kajian.pdf');
    expect(sanitiseFileName('cafe\u0301.pdf')).toBe('caf\u00e9.pdf');
  });

  it.each(['', '   ', '.', '..', '../', '\u0000\u0001', 'dir/'])('falls back to a neutral name for %j', (raw) => {
    expect(sanitiseFileName(raw)).toBe('berkas');
  });

  it('cuts a long name to 255 UTF-8 bytes, keeping the extension', () => {
    const name = sanitiseFileName(`${'a'.repeat(300)}.xlsx`);
    expect(Buffer.byteLength(name)).toBe(FILE_NAME_MAX_BYTES);
    expect(name.endsWith('a.xlsx')).toBe(true);
  });

  it('never splits a multi-byte character when cutting', () => {
    const name = sanitiseFileName(`${'é'.repeat(200)}.pdf`); // 2 bytes each
    expect(Buffer.byteLength(name)).toBeLessThanOrEqual(FILE_NAME_MAX_BYTES);
    expect(name).toBe(`${'é'.repeat(125)}.pdf`);
    const emoji = sanitiseFileName(`${'😀'.repeat(100)}.pdf`); // 4 bytes, a surrogate pair each
    expect(emoji).toBe(`${'😀'.repeat(62)}.pdf`);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });

  it('cuts a name whose "extension" is too long to be one without keeping it', () => {
    const name = sanitiseFileName(`kajian.${'x'.repeat(300)}`);
    expect(Buffer.byteLength(name)).toBe(FILE_NAME_MAX_BYTES);
    expect(name.startsWith('kajian.')).toBe(true);
  });
});

describe('attachmentContentDisposition', () => {
  it('gives an ASCII name as it is, in both forms', () => {
    expect(attachmentContentDisposition('kajian.pdf')).toBe(`attachment; filename="kajian.pdf"; filename*=UTF-8''kajian.pdf`);
  });

  it('percent-encodes the real name and replaces what an old client cannot read in the fallback', () => {
    expect(attachmentContentDisposition('Kajian “TPA” – 100%.pdf')).toBe(
      `attachment; filename="Kajian _TPA_ _ 100_.pdf"; filename*=UTF-8''Kajian%20%E2%80%9CTPA%E2%80%9D%20%E2%80%93%20100%25.pdf`,
    );
  });

  it('escapes quotes, backslashes and the characters RFC 8187 does not allow bare', () => {
    expect(attachmentContentDisposition(`a"b\\c'(d)*.pdf`)).toBe(`attachment; filename="a_b_c'(d)*.pdf"; filename*=UTF-8''a%22b%5Cc%27%28d%29%2A.pdf`);
  });
});
