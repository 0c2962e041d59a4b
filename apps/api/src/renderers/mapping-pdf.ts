// The mapping as a printable PDF (A4 landscape) that a regional secretariat signs and
// sends upward: title block, the matrix, the totals, and the signature block.
// PDFKit with its built-in Helvetica: no font file or download is needed at run time.
import PDFDocument from 'pdfkit';
import type { MappingMatrix, MappingRow, MappingTotal } from '../services/mapping-matrix';
import { drawTable, measureTable, pageBottom, type PdfTable, type PdfTableColumn, type PdfTableRow } from './pdf-table';
import { toWinAnsi } from './pdf-text';
import { affairLabel, formatIndonesianDate, formatIndonesianDateTime, formatRupiah, MAPPING_TITLE, regionLine, scopeNote, yesNo } from './mapping-text';
import { collectPdf } from './pdf-buffer';

export const PDF_CONTENT_TYPE = 'application/pdf';

const MARGIN = 36;
// Room under the content for the footer with the page number.
const BOTTOM_MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const OBLIQUE = 'Helvetica-Oblique';

const MATRIX_COLUMNS: readonly PdfTableColumn[] = [
  { header: 'No.', width: 22, align: 'center' },
  { header: 'Perangkat Daerah Pengusul', width: 88 },
  { header: 'Judul Rencana Kerja Sama', width: 145 },
  { header: 'Urusan Pemerintahan', width: 105 },
  { header: 'Jenis Kerja Sama', width: 100 },
  { header: 'Mitra', width: 100 },
  { header: 'Tahap', width: 70 },
  { header: 'Perkiraan Biaya', width: 85, align: 'right' },
  { header: 'Perlu Persetujuan DPRD', width: 54, align: 'center' },
];
const COLUMNS_BEFORE_COST = 7;
// The signature block (date, office, room to sign, name, NIP) and the space above it.
const SIGNATURE_HEIGHT = 110;
const SIGNATURE_GAP = 24;

function matrixRow(row: MappingRow): PdfTableRow {
  // A rejected plan listed on request is greyed, so nobody adds it in by eye.
  const style = row.countedInTotals ? 'body' : 'muted';
  if (row.continuesPlan) {
    // A further object of the plan above: only what differs, and where its cost is.
    return {
      style,
      cells: ['', '', `Objek ke-${row.objectNumber} dari rencana no. ${row.planNumber}`, affairLabel(row), '', '', '', '(termasuk di atas)', ''],
    };
  }
  const cost = formatRupiah(row.estimatedCost ?? 0n);
  return {
    style,
    cells: [
      String(row.planNumber),
      row.proposingAgency,
      row.title,
      affairLabel(row) || '(belum ada objek)',
      row.cooperationTypeName ?? '(belum diisi)',
      row.partners || '-',
      row.stageName,
      row.countedInTotals ? cost : `${cost}\n(tidak dihitung)`,
      yesNo(row.requiresDprdApproval),
    ],
  };
}

function matrixRows(matrix: MappingMatrix): PdfTableRow[] {
  const counted = matrix.rows.filter((row) => row.countedInTotals);
  const rejected = matrix.rows.filter((row) => !row.countedInTotals);
  const { grandTotal } = matrix.summary;
  const rows: PdfTableRow[] = counted.map(matrixRow);
  if (counted.length === 0) {
    rows.push({ cells: [{ text: 'Belum ada rencana kerja sama untuk wilayah dan tahun anggaran ini.', span: MATRIX_COLUMNS.length, align: 'center' }] });
  }
  rows.push({
    style: 'total',
    cells: [
      { text: `Jumlah (${grandTotal.planCount} rencana, ${grandTotal.objectCount} objek kerja sama)`, span: COLUMNS_BEFORE_COST, align: 'right' },
      formatRupiah(grandTotal.estimatedCost),
      '',
    ],
  });
  if (rejected.length > 0) {
    rows.push({
      style: 'muted',
      cells: [{ text: 'Rencana yang ditolak (dicantumkan untuk diketahui, tidak dihitung dalam jumlah):', span: MATRIX_COLUMNS.length }],
    });
    rows.push(...rejected.map(matrixRow));
  }
  return rows;
}

const SUMMARY_COLUMNS = (label: string): PdfTableColumn[] => [
  { header: label, width: 215 },
  { header: 'Jumlah Rencana', width: 55, align: 'right' },
  { header: 'Perkiraan Biaya', width: 100, align: 'right' },
];

function summaryRows(lines: ReadonlyArray<{ label: string; total: MappingTotal }>, grandTotal: MappingTotal): PdfTableRow[] {
  return [
    ...lines.map(({ label, total }) => ({ cells: [label, String(total.planCount), formatRupiah(total.estimatedCost)] })),
    { style: 'total' as const, cells: ['Jumlah', String(grandTotal.planCount), formatRupiah(grandTotal.estimatedCost)] },
  ];
}

/** Starts a new page unless `height` points still fit on this one. */
function keepTogether(doc: PDFKit.PDFDocument, height: number): void {
  if (doc.y + height > pageBottom(doc)) doc.addPage();
}

function heading(doc: PDFKit.PDFDocument, text: string, left = MARGIN): void {
  doc.font(BOLD).fontSize(10).text(toWinAnsi(text), left, doc.y);
  doc.moveDown(0.3);
}

function writeTitleBlock(doc: PDFKit.PDFDocument, matrix: MappingMatrix): void {
  const width = doc.page.width - 2 * MARGIN;
  doc.font(BOLD).fontSize(15).text(MAPPING_TITLE.toUpperCase(), MARGIN, MARGIN, { width, align: 'center' });
  doc
    .font(FONT)
    .fontSize(11)
    .text(toWinAnsi(`${regionLine(matrix)}, Tahun Anggaran ${matrix.budgetYear}`), { width, align: 'center' });
  doc.moveDown(0.8);
  const facts: Array<[string, string]> = [
    ['Disampaikan kepada', matrix.reportedTo],
    ['Tanggal dibuat', formatIndonesianDateTime(matrix.generatedAt, matrix.region.code)],
    ['Cakupan', scopeNote(matrix)],
  ];
  doc.fontSize(9);
  for (const [label, value] of facts) {
    const y = doc.y;
    doc.font(BOLD).text(label, MARGIN, y, { width: 110 });
    doc.font(FONT).text(`: ${toWinAnsi(value)}`, MARGIN + 110, y, { width: width - 110 });
  }
  doc.moveDown(0.8);
  doc.x = MARGIN;
}

// Where the summary's right-hand column starts: beside the 370pt-wide left-hand tables.
const RIGHT_COLUMN = MARGIN + 395;
// A heading above a summary table: its line and the gap below it.
const HEADING_HEIGHT = 20;

function summaryTable(label: string, lines: ReadonlyArray<{ label: string; total: MappingTotal }>, grandTotal: MappingTotal, left = MARGIN): PdfTable {
  return { columns: SUMMARY_COLUMNS(label), rows: summaryRows(lines, grandTotal), left };
}

/** The breakdowns by type and by stage, side by side (each has at most eight rows). */
function writeBreakdowns(doc: PDFKit.PDFDocument, matrix: MappingMatrix): void {
  const { summary } = matrix;
  const byType = summaryTable(
    'Jenis Kerja Sama',
    summary.byCooperationType.map((t) => ({ label: t.name, total: t })),
    summary.grandTotal,
  );
  const byStage = summaryTable(
    'Tahap',
    summary.byStage.map((s) => ({ label: s.name, total: s })),
    summary.grandTotal,
    RIGHT_COLUMN,
  );
  doc.moveDown(1);
  keepTogether(doc, 30 + HEADING_HEIGHT + Math.max(measureTable(doc, byType), measureTable(doc, byStage)));
  doc.font(BOLD).fontSize(12).text('Ringkasan', MARGIN, doc.y);
  doc.moveDown(0.4);

  const top = doc.y;
  heading(doc, 'Menurut Jenis Kerja Sama');
  drawTable(doc, byType);
  const leftBottom = doc.y;
  doc.y = top;
  heading(doc, 'Menurut Tahap', RIGHT_COLUMN);
  drawTable(doc, byStage);
  doc.y = Math.max(leftBottom, doc.y);
  doc.moveDown(1);
}

/** Who signs: the head of the cooperation secretariat (a Bagian of a kabupaten/kota Setda, a Biro of a province's). */
function signatory(matrix: MappingMatrix): [string, string] {
  return matrix.region.level === 'PROVINCE'
    ? ['Kepala Biro Pemerintahan dan Kerja Sama', `Sekretariat Daerah Provinsi ${matrix.region.name}`]
    : ['Kepala Bagian Kerja Sama', `Sekretariat Daerah ${matrix.region.name}`];
}

// The grand total in words (a heading and up to four lines) and the signature block below it.
const CLOSING_HEIGHT = 55 + SIGNATURE_GAP + SIGNATURE_HEIGHT;

// In running text an amount must not break after "Rp": a no-break space (in WinAnsi) keeps it whole.
const rupiahInText = (amount: bigint) => formatRupiah(amount).replace(' ', '\u00a0');

function writeClosing(doc: PDFKit.PDFDocument, matrix: MappingMatrix, left: number, width: number): void {
  const { grandTotal, rejected } = matrix.summary;
  heading(doc, 'Jumlah Keseluruhan', left);
  doc.font(FONT).fontSize(9);
  doc.text(
    `Rencana yang dihitung: ${grandTotal.planCount} rencana dengan ${grandTotal.objectCount} objek kerja sama, perkiraan biaya ${rupiahInText(grandTotal.estimatedCost)}.`,
    left,
    doc.y,
    { width },
  );
  doc.text(`Rencana yang ditolak (tidak dihitung): ${rejected.planCount} rencana, perkiraan biaya ${rupiahInText(rejected.estimatedCost)}.`, left, doc.y, {
    width,
  });

  doc.y += SIGNATURE_GAP;
  const signatureWidth = 280;
  const signatureLeft = left + width - signatureWidth;
  const [office, secretariat] = signatory(matrix);
  const line = (text: string) => doc.text(toWinAnsi(text), signatureLeft, doc.y, { width: signatureWidth, align: 'center' });
  doc.font(FONT).fontSize(10);
  // The place is left for the signer to write: a regency's seat is not always its name.
  line(`.............................., ${formatIndonesianDate(matrix.generatedAt, matrix.region.code)}`);
  line(office);
  line(secretariat);
  doc.moveDown(4);
  line('( ______________________________________ )');
  line('NIP. ..............................................');
  doc.x = MARGIN;
}

/**
 * The totals by agency, then the grand total and the signature. When both fit on this
 * page they sit side by side (the usual short mapping fits on one page); otherwise one
 * after the other, the grand total always on the signed page.
 */
function writeAgenciesAndClosing(doc: PDFKit.PDFDocument, matrix: MappingMatrix): void {
  const { summary } = matrix;
  const byAgency = summaryTable(
    'Perangkat Daerah Pengusul',
    summary.byAgency.map((a) => ({ label: a.proposingAgency, total: a })),
    summary.grandTotal,
  );
  const agencyHeight = HEADING_HEIGHT + measureTable(doc, byAgency);
  const sideBySideFits = () => doc.y + Math.max(agencyHeight, CLOSING_HEIGHT) <= pageBottom(doc);
  // The agency table starts where at least its heading and a few rows fit; on a fresh page
  // the two may then fit side by side after all.
  if (!sideBySideFits()) keepTogether(doc, HEADING_HEIGHT + 60);
  if (sideBySideFits()) {
    const top = doc.y;
    heading(doc, 'Menurut Perangkat Daerah Pengusul');
    drawTable(doc, byAgency);
    const leftBottom = doc.y;
    doc.y = top;
    writeClosing(doc, matrix, RIGHT_COLUMN, doc.page.width - MARGIN - RIGHT_COLUMN);
    doc.y = Math.max(leftBottom, doc.y);
    return;
  }
  heading(doc, 'Menurut Perangkat Daerah Pengusul');
  drawTable(doc, byAgency);
  doc.moveDown(1);
  keepTogether(doc, CLOSING_HEIGHT);
  writeClosing(doc, matrix, MARGIN, doc.page.width - 2 * MARGIN);
}

/** `Halaman x dari y` on every page, written once the number of pages is known. */
function writeFooters(doc: PDFKit.PDFDocument, matrix: MappingMatrix): void {
  const { start, count } = doc.bufferedPageRange();
  const footerLeft = toWinAnsi(`${MAPPING_TITLE} · ${regionLine(matrix)} · Tahun Anggaran ${matrix.budgetYear}`);
  for (let index = start; index < start + count; index += 1) {
    doc.switchToPage(index);
    // Writing inside the bottom margin would otherwise make PDFKit start a new page.
    const bottomMargin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = doc.page.height - BOTTOM_MARGIN + 18;
    const width = doc.page.width - 2 * MARGIN;
    doc
      .lineWidth(0.5)
      .strokeColor('#808080')
      .moveTo(MARGIN, y - 5)
      .lineTo(MARGIN + width, y - 5)
      .stroke();
    doc
      .font(OBLIQUE)
      .fontSize(8)
      .fillColor('#404040')
      .text(footerLeft, MARGIN, y, { width: width - 120, lineBreak: false });
    doc
      .font(FONT)
      .fontSize(8)
      .text(`Halaman ${index - start + 1} dari ${count}`, MARGIN + width - 120, y, { width: 120, align: 'right', lineBreak: false });
    doc.fillColor('#000000');
    doc.page.margins.bottom = bottomMargin;
  }
}

export function renderMappingPdf(matrix: MappingMatrix): Promise<Buffer> {
  const title = `${MAPPING_TITLE} ${matrix.region.name} Tahun Anggaran ${matrix.budgetYear}`;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: MARGIN, left: MARGIN, right: MARGIN, bottom: BOTTOM_MARGIN },
    bufferPages: true,
    lang: 'id-ID',
    displayTitle: true,
    info: { Title: toWinAnsi(title), Author: 'Jalin', Creator: 'Jalin', CreationDate: matrix.generatedAt, ModDate: matrix.generatedAt },
  });
  const done = collectPdf(doc);
  writeTitleBlock(doc, matrix);
  drawTable(doc, { columns: MATRIX_COLUMNS, rows: matrixRows(matrix) });
  writeBreakdowns(doc, matrix);
  writeAgenciesAndClosing(doc, matrix);
  writeFooters(doc, matrix);
  doc.end();
  return done;
}
