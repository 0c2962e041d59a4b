// A table for a PDFKit document that a printed report can rely on: cells wrap within
// their column, a row that does not fit moves whole to the next page, the header row is
// repeated on every page, and no row is taller than half a page: longer cell text is cut
// with an ellipsis rather than running off the page or leaving a page nearly empty.
import { toWinAnsi } from './pdf-text';

export interface PdfTableColumn {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
}

export interface PdfTableCell {
  text: string;
  /** How many columns the cell covers (1 by default). */
  span?: number;
  align?: 'left' | 'center' | 'right';
}

export type PdfRowStyle = 'body' | 'muted' | 'total';

export interface PdfTableRow {
  cells: ReadonlyArray<string | PdfTableCell>;
  style?: PdfRowStyle;
}

export interface PdfTableStyle {
  fontSize: number;
  padding: number;
}

export const DEFAULT_TABLE_STYLE: PdfTableStyle = { fontSize: 7.5, padding: 3 };

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const HEADER_FILL = '#dde6f0';
const TOTAL_FILL = '#f2f2f2';
const BORDER = '#808080';
const TEXT = '#000000';
const MUTED_TEXT = '#6b6b6b';

interface PlacedCell {
  text: string;
  x: number;
  width: number;
  align: 'left' | 'center' | 'right';
}

/** The lowest y that content may reach on the current page. */
export function pageBottom(doc: PDFKit.PDFDocument): number {
  return doc.page.height - doc.page.margins.bottom;
}

// Line breaks the caller put in are kept; everything else is made printable.
const printable = (value: string) => value.split('\n').map(toWinAnsi).join('\n');

function place(columns: readonly PdfTableColumn[], cells: ReadonlyArray<string | PdfTableCell>, left: number): PlacedCell[] {
  const placed: PlacedCell[] = [];
  let column = 0;
  let x = left;
  for (const raw of cells) {
    const cell = typeof raw === 'string' ? { text: raw } : raw;
    const span = Math.max(1, Math.min(cell.span ?? 1, columns.length - column));
    const width = columns.slice(column, column + span).reduce((sum, c) => sum + c.width, 0);
    // A spanning cell is its own thing (a heading, a total's label): left unless told.
    const align = cell.align ?? (span > 1 ? 'left' : (columns[column].align ?? 'left'));
    placed.push({ text: printable(cell.text), x, width, align });
    x += width;
    column += span;
    if (column >= columns.length) break;
  }
  return placed;
}

function textHeight(doc: PDFKit.PDFDocument, cell: PlacedCell, style: PdfTableStyle): number {
  if (cell.text === '') return 0;
  return doc.heightOfString(cell.text, { width: cell.width - 2 * style.padding });
}

function drawRow(
  doc: PDFKit.PDFDocument,
  cells: PlacedCell[],
  y: number,
  height: number,
  look: { bold: boolean; fill?: string; color: string },
  style: PdfTableStyle,
): void {
  const totalWidth = cells.reduce((sum, cell) => sum + cell.width, 0);
  if (look.fill) doc.rect(cells[0].x, y, totalWidth, height).fill(look.fill);
  doc.lineWidth(0.5).strokeColor(BORDER);
  for (const cell of cells) doc.rect(cell.x, y, cell.width, height).stroke();
  doc
    .font(look.bold ? BOLD : FONT)
    .fontSize(style.fontSize)
    .fillColor(look.color);
  for (const cell of cells) {
    if (cell.text === '') continue;
    // `height` both clips a too-tall cell (with an ellipsis) and stops PDFKit from
    // breaking the page by itself in the middle of a row. PDFKit rounds its limit down to
    // single precision, so the exact height could drop a row's last line: allow 1pt.
    doc.text(cell.text, cell.x + style.padding, y + style.padding, {
      width: cell.width - 2 * style.padding,
      height: height - 2 * style.padding + 1,
      ellipsis: true,
      align: cell.align,
    });
  }
  doc.fillColor(TEXT);
}

function rowHeight(doc: PDFKit.PDFDocument, cells: PlacedCell[], bold: boolean, style: PdfTableStyle): number {
  doc.font(bold ? BOLD : FONT).fontSize(style.fontSize);
  return Math.max(style.fontSize, ...cells.map((cell) => textHeight(doc, cell, style))) + 2 * style.padding;
}

export interface PdfTable {
  columns: readonly PdfTableColumn[];
  rows: readonly PdfTableRow[];
  style?: PdfTableStyle;
  /** Where the table's left edge is (the left margin by default). */
  left?: number;
  /** Runs after each page the table adds (e.g. to print a running heading). */
  onNewPage?: () => void;
}

/** How tall the table is when drawn whole on one page (to decide where it goes). */
export function measureTable(doc: PDFKit.PDFDocument, table: PdfTable): number {
  const { columns, rows, style = DEFAULT_TABLE_STYLE, left = doc.page.margins.left } = table;
  const header = place(
    columns,
    columns.map((column) => ({ text: column.header })),
    left,
  );
  return rows.reduce(
    (height, row) => height + rowHeight(doc, place(columns, row.cells, left), row.style === 'total', style),
    rowHeight(doc, header, true, style),
  );
}

/** Draws the table from `doc.y` down, adding pages as needed, and leaves `doc.y` below it. */
export function drawTable(doc: PDFKit.PDFDocument, table: PdfTable): void {
  const { columns, rows, style = DEFAULT_TABLE_STYLE, left = doc.page.margins.left, onNewPage = () => undefined } = table;
  const header = place(
    columns,
    columns.map((column) => ({ text: column.header, align: 'center' as const })),
    left,
  );
  const headerHeight = rowHeight(doc, header, true, style);
  const drawHeader = (y: number) => drawRow(doc, header, y, headerHeight, { bold: true, fill: HEADER_FILL, color: TEXT }, style);
  const newPage = () => {
    doc.addPage();
    onNewPage();
    return doc.y;
  };

  let y = doc.y;
  rows.forEach((row, index) => {
    const cells = place(columns, row.cells, left);
    const bold = row.style === 'total';
    const needed = rowHeight(doc, cells, bold, style);
    // The tallest a row may be: half of a page below a header, so that moving a row to the
    // next page never leaves more than half a page empty. Taller rows are cut.
    const maxRowHeight = (pageBottom(doc) - doc.page.margins.top - headerHeight) / 2;
    const height = Math.min(needed, maxRowHeight);
    // A header is never left alone at the foot of a page: it goes down with its first row.
    const headerHere = index === 0 ? headerHeight : 0;
    if (y + headerHere + height > pageBottom(doc)) {
      y = newPage();
      drawHeader(y);
      y += headerHeight;
    } else if (index === 0) {
      drawHeader(y);
      y += headerHeight;
    }
    const look = {
      bold,
      fill: row.style === 'total' ? TOTAL_FILL : undefined,
      color: row.style === 'muted' ? MUTED_TEXT : TEXT,
    };
    drawRow(doc, cells, y, height, look, style);
    y += height;
  });
  if (rows.length === 0) {
    drawHeader(y);
    y += headerHeight;
  }
  doc.x = doc.page.margins.left;
  doc.y = y;
}
