import { toWinAnsi } from './pdf-text';

describe('text for the standard PDF fonts', () => {
  it('keeps Indonesian text, rupiah amounts and Windows-1252 punctuation as they are', () => {
    const text = 'Pemetaan Kerja Sama Daerah — Rp 1.234.567 · “Kota Bogor” • Café';
    expect(toWinAnsi(text)).toBe(text);
  });

  it('drops accents Windows-1252 lacks and keeps the letter', () => {
    expect(toWinAnsi('Hà Nội, Việt Nam')).toBe('Hà Noi, Viet Nam');
  });

  it('prints a character without a Latin form as a question mark', () => {
    expect(toWinAnsi('東京都 Tokyo')).toBe('??? Tokyo');
    expect(toWinAnsi('smile 😀')).toBe('smile ?');
  });

  it('turns line breaks and tabs into spaces and drops no visible text', () => {
    expect(toWinAnsi('Dinas\tPUPR\nKota')).toBe('Dinas PUPR Kota');
  });
});
