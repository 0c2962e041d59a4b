// The PDF uses the 14 standard fonts (Helvetica), which need no font file at run time
// but only know the Windows-1252 ("WinAnsi") characters: anything else would print as a
// wrong glyph. Text is brought into that set first, without losing what it can keep.

// The characters of Windows-1252 in 0x80–0x9F, by their Unicode code points.
const WIN_ANSI_EXTRAS = new Set([
  0x20ac, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0x017d, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013,
  0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0x017e, 0x0178,
]);

const COMBINING_MARKS = /\p{M}/gu;

function isWinAnsi(codePoint: number): boolean {
  return (codePoint >= 0x20 && codePoint <= 0x7e) || (codePoint >= 0xa0 && codePoint <= 0xff) || WIN_ANSI_EXTRAS.has(codePoint);
}

/**
 * `Sekolah Tinggi Ilmu Ekonomi` stays as it is; `Hà Nội` becomes `Hà Noi` (the accent
 * Windows-1252 lacks is dropped); a character with no Latin form becomes `?`; tabs and
 * line breaks become spaces.
 */
export function toWinAnsi(value: string): string {
  let result = '';
  for (const character of value.normalize('NFC')) {
    const codePoint = character.codePointAt(0)!;
    if (isWinAnsi(codePoint)) {
      result += character;
    } else if (/\s/u.test(character)) {
      result += ' ';
    } else {
      const base = character.normalize('NFKD').replace(COMBINING_MARKS, '');
      result += base !== '' && [...base].every((c) => isWinAnsi(c.codePointAt(0)!)) ? base : '?';
    }
  }
  return result;
}
