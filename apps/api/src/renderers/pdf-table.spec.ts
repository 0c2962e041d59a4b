import PDFDocument from 'pdfkit';
import { drawTable, pageBottom, type PdfTableColumn, type PdfTableRow } from './pdf-table';

const COLUMNS: PdfTableColumn[] = [
  { header: 'No.', width: 30, align: 'center' },
  { header: 'Judul', width: 200 },
  { header: 'Mitra', width: 120 },
];

interface Drawn {
  page: number;
  kind: 'rect' | 'text';
  y: number;
  height: number;
  text?: string;
}

/** A landscape A4 document that records where each cell border and cell text lands. */
function recordingDocument() {
  const doc = new PDFDocument({ size: 'A4', layout: 'landscape', margins: { top: 36, left: 36, right: 36, bottom: 50 }, bufferPages: true });
  const drawn: Drawn[] = [];
  const page = () => doc.bufferedPageRange().count;
  const rect = doc.rect.bind(doc);
  jest.spyOn(doc, 'rect').mockImplementation((x: number, y: number, w: number, h: number) => {
    drawn.push({ page: page(), kind: 'rect', y, height: h });
    return rect(x, y, w, h);
  });
  const text = doc.text.bind(doc) as (text: string, x?: number, y?: number, options?: PDFKit.Mixins.TextOptions) => PDFKit.PDFDocument;
  jest.spyOn(doc, 'text').mockImplementation(((value: string, x?: number, y?: number, options?: PDFKit.Mixins.TextOptions) => {
    drawn.push({ page: page(), kind: 'text', y: y ?? doc.y, height: options?.height ?? 0, text: value });
    return text(value, x, y, options);
  }) as typeof doc.text);
  return { doc, drawn };
}

const body = (count: number, title = 'Kerja sama'): PdfTableRow[] =>
  Array.from({ length: count }, (_, index) => ({ cells: [String(index + 1), `${title} ${index + 1}`, 'Kabupaten Bogor'] }));

describe('a PDF table', () => {
  it('moves rows that do not fit to a new page and repeats the header there', () => {
    const { doc, drawn } = recordingDocument();
    drawTable(doc, { columns: COLUMNS, rows: body(80) });
    const pages = doc.bufferedPageRange().count;
    expect(pages).toBeGreaterThan(1);
    const headers = drawn.filter((d) => d.kind === 'text' && d.text === 'Judul');
    expect(headers.map((d) => d.page)).toEqual(Array.from({ length: pages }, (_, index) => index + 1));
    // Every row is drawn, once, in order.
    const numbers = drawn.filter((d) => d.kind === 'text' && /^\d+$/.test(d.text ?? '')).map((d) => Number(d.text));
    expect(numbers).toEqual(Array.from({ length: 80 }, (_, index) => index + 1));
  });

  it('never draws below the bottom margin, and cuts a row taller than half a page', () => {
    const { doc, drawn } = recordingDocument();
    const partners = Array.from({ length: 60 }, (_, index) => `Pemerintah Kabupaten Contoh Nomor ${index}`).join('; ');
    drawTable(doc, { columns: COLUMNS, rows: [...body(30), { cells: ['31', 'Rencana dengan mitra sangat banyak', partners] }, ...body(30)] });
    const bottom = pageBottom(doc);
    for (const item of drawn) {
      expect(item.y).toBeGreaterThanOrEqual(doc.page.margins.top);
      // Text is clipped to its cell (1pt of slack for PDFKit's rounding, inside the padding).
      expect(item.y + item.height).toBeLessThanOrEqual(bottom + 1);
    }
    const tall = drawn.find((d) => d.kind === 'text' && d.text === partners)!;
    const halfPage = (bottom - doc.page.margins.top) / 2;
    expect(tall.height).toBeLessThanOrEqual(halfPage);
    expect(doc.heightOfString(partners, { width: 114 })).toBeGreaterThan(bottom);
    // It did not fit below the first 30 rows, so it opens the next page, below the repeated header.
    expect(tall.page).toBe(2);
    const secondPageHeader = drawn.find((d) => d.kind === 'text' && d.text === 'Judul' && d.page === 2)!;
    expect(tall.y).toBeGreaterThan(secondPageHeader.y);
  });

  it('wraps a long cell inside its column, making the row taller instead of wider', () => {
    const { doc, drawn } = recordingDocument();
    const long = 'Kerja sama pengelolaan sampah regional terpadu lintas batas antara Kota Bogor dan Kabupaten Bogor';
    drawTable(doc, { columns: COLUMNS, rows: [{ cells: ['1', 'Pendek', 'Mitra'] }, { cells: ['2', long, 'Mitra'] }] });
    // The header draws its fill and one border per cell; then each row one border per cell.
    const rects = drawn.filter((d) => d.kind === 'rect');
    const shortRow = rects[COLUMNS.length + 1];
    const longRow = rects[2 * COLUMNS.length + 1];
    // At least one more line of 7.5pt text.
    expect(longRow.height).toBeGreaterThanOrEqual(shortRow.height + 7.5);
  });

  it('keeps the header with the first row when only the header would fit', () => {
    const { doc, drawn } = recordingDocument();
    // Room for a one-line header (about 15pt) but not for it and a row.
    doc.y = pageBottom(doc) - 20;
    drawTable(doc, { columns: COLUMNS, rows: body(1) });
    expect(drawn.filter((d) => d.kind === 'text').every((d) => d.page === 2)).toBe(true);
  });
});
