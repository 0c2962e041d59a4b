// The mapping as an Excel workbook: the matrix on "Pemetaan" (filterable, rupiah as
// numbers so a reader can add them up) and the totals on "Ringkasan".
import { Workbook, type Borders, type Fill, type Worksheet } from 'exceljs';
import type { MappingMatrix, MappingRow, MappingTotal } from '../services/mapping-matrix';
import { formatIndonesianDateTime, MAPPING_TITLE, regionLine, rowRemark, scopeNote, yesNo } from './mapping-text';

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const RUPIAH_FORMAT = '#,##0';

interface Column {
  header: string;
  width: number;
  value: (row: MappingRow) => string | number | null;
  rupiah?: boolean;
}

// Rupiah are written as numbers: Excel's doubles hold every amount below 9 quadrillion
// exactly, far above any regional budget.
const rupiah = (amount: bigint) => Number(amount);

export const MATRIX_COLUMNS: readonly Column[] = [
  { header: 'No.', width: 6, value: (row) => (row.continuesPlan ? null : row.planNumber) },
  { header: 'Perangkat Daerah Pengusul', width: 28, value: (row) => row.proposingAgency },
  { header: 'Judul Rencana Kerja Sama', width: 44, value: (row) => row.title },
  { header: 'Kode Urusan', width: 11, value: (row) => row.affairCode },
  { header: 'Urusan Pemerintahan', width: 30, value: (row) => row.affairName ?? (row.affairCode ? '(nama tidak ditemukan)' : null) },
  { header: 'Kode Jenis Kerja Sama', width: 16, value: (row) => row.cooperationType },
  { header: 'Jenis Kerja Sama', width: 36, value: (row) => row.cooperationTypeName },
  { header: 'Mitra', width: 32, value: (row) => row.partners },
  { header: 'Tahap', width: 24, value: (row) => row.stageName },
  { header: 'Perkiraan Biaya (Rp)', width: 20, value: (row) => (row.estimatedCost === null ? null : rupiah(row.estimatedCost)), rupiah: true },
  { header: 'Perlu Persetujuan DPRD', width: 13, value: (row) => yesNo(row.requiresDprdApproval) },
  { header: 'Keterangan', width: 40, value: rowRemark },
  { header: 'ID Rencana', width: 38, value: (row) => row.planId },
];

export const MATRIX_HEADER_ROW = 7;
const COST_COLUMN = MATRIX_COLUMNS.findIndex((column) => column.rupiah) + 1;

const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
const TOTAL_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const THIN: Partial<Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Rows 1–6: what the document is, whose, for which year, for whom, when, what it holds. */
function writeTitleBlock(sheet: Worksheet, matrix: MappingMatrix, title: string, width: number): void {
  const lines = [
    title,
    `Pemerintah Daerah: ${regionLine(matrix)}`,
    `Tahun Anggaran: ${matrix.budgetYear}`,
    `Disampaikan kepada: ${matrix.reportedTo}`,
    `Tanggal dibuat: ${formatIndonesianDateTime(matrix.generatedAt, matrix.region.code)}`,
    scopeNote(matrix),
  ];
  lines.forEach((line, index) => {
    const row = index + 1;
    sheet.mergeCells(row, 1, row, width);
    const cell = sheet.getCell(row, 1);
    cell.value = line;
    cell.font = index === 0 ? { bold: true, size: 14 } : { size: 11 };
  });
}

function styleHeader(sheet: Worksheet, rowNumber: number, headers: readonly string[]): void {
  const row = sheet.getRow(rowNumber);
  headers.forEach((header, index) => {
    const cell = row.getCell(index + 1);
    cell.value = header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.border = THIN;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
  });
  row.height = 30;
}

function writeMatrixSheet(workbook: Workbook, matrix: MappingMatrix): void {
  const sheet = workbook.addWorksheet('Pemetaan', {
    views: [{ state: 'frozen', ySplit: MATRIX_HEADER_ROW, xSplit: 0, activeCell: `A${MATRIX_HEADER_ROW + 1}` }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: `${MATRIX_HEADER_ROW}:${MATRIX_HEADER_ROW}`,
    },
  });
  MATRIX_COLUMNS.forEach((column, index) => {
    sheet.getColumn(index + 1).width = column.width;
  });
  writeTitleBlock(sheet, matrix, MAPPING_TITLE, MATRIX_COLUMNS.length);
  styleHeader(
    sheet,
    MATRIX_HEADER_ROW,
    MATRIX_COLUMNS.map((column) => column.header),
  );

  matrix.rows.forEach((matrixRow, index) => {
    const row = sheet.getRow(MATRIX_HEADER_ROW + 1 + index);
    MATRIX_COLUMNS.forEach((column, columnIndex) => {
      const cell = row.getCell(columnIndex + 1);
      cell.value = column.value(matrixRow);
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: !column.rupiah };
      if (column.rupiah) cell.numFmt = RUPIAH_FORMAT;
    });
    // A rejected plan is listed for the record: greyed so nobody adds it in by eye.
    if (!matrixRow.countedInTotals) row.font = { italic: true, color: { argb: 'FF808080' } };
  });

  const lastDataRow = MATRIX_HEADER_ROW + Math.max(matrix.rows.length, 1);
  sheet.autoFilter = { from: { row: MATRIX_HEADER_ROW, column: 1 }, to: { row: lastDataRow, column: MATRIX_COLUMNS.length } };

  // The total is written as a value from the matrix, not as a SUM formula: the cost column
  // of a listed rejected plan holds an amount that must not be added.
  const { grandTotal } = matrix.summary;
  const totalRow = sheet.getRow(lastDataRow + 1);
  sheet.mergeCells(totalRow.number, 1, totalRow.number, COST_COLUMN - 1);
  totalRow.getCell(1).value = `Jumlah (${grandTotal.planCount} rencana, ${grandTotal.objectCount} objek)`;
  totalRow.getCell(1).alignment = { horizontal: 'right' };
  totalRow.getCell(COST_COLUMN).value = rupiah(grandTotal.estimatedCost);
  totalRow.getCell(COST_COLUMN).numFmt = RUPIAH_FORMAT;
  for (let column = 1; column <= MATRIX_COLUMNS.length; column += 1) {
    const cell = totalRow.getCell(column);
    cell.font = { bold: true };
    cell.fill = TOTAL_FILL;
    cell.border = THIN;
  }
}

const SUMMARY_HEADERS = ['Kode', 'Uraian', 'Jumlah Rencana', 'Perkiraan Biaya (Rp)'] as const;

interface SummaryLine {
  code: string;
  label: string;
  total: MappingTotal;
}

function writeSummarySheet(workbook: Workbook, matrix: MappingMatrix): void {
  const sheet = workbook.addWorksheet('Ringkasan', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  [18, 50, 16, 22].forEach((width, index) => {
    sheet.getColumn(index + 1).width = width;
  });
  writeTitleBlock(sheet, matrix, `Ringkasan ${MAPPING_TITLE}`, SUMMARY_HEADERS.length);

  let next = 8;
  const section = (title: string, lines: SummaryLine[], withTotal: boolean) => {
    sheet.getCell(next, 1).value = title;
    sheet.getCell(next, 1).font = { bold: true, size: 12 };
    styleHeader(sheet, next + 1, SUMMARY_HEADERS);
    next += 2;
    const all = withTotal ? [...lines, { code: '', label: 'Jumlah', total: matrix.summary.grandTotal }] : lines;
    all.forEach((line, index) => {
      const row = sheet.getRow(next);
      row.values = [line.code, line.label, line.total.planCount, rupiah(line.total.estimatedCost)];
      row.getCell(4).numFmt = RUPIAH_FORMAT;
      row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
      for (let column = 1; column <= SUMMARY_HEADERS.length; column += 1) row.getCell(column).border = THIN;
      if (withTotal && index === all.length - 1) {
        row.font = { bold: true };
        for (let column = 1; column <= SUMMARY_HEADERS.length; column += 1) row.getCell(column).fill = TOTAL_FILL;
      }
      next += 1;
    });
    next += 1;
  };

  const { summary } = matrix;
  section(
    'Menurut Jenis Kerja Sama',
    summary.byCooperationType.map((t) => ({ code: t.cooperationType ?? '', label: t.name, total: t })),
    true,
  );
  section(
    'Menurut Tahap',
    summary.byStage.map((s) => ({ code: s.stage, label: s.name, total: s })),
    true,
  );
  section(
    'Menurut Perangkat Daerah Pengusul',
    summary.byAgency.map((a) => ({ code: '', label: a.proposingAgency, total: a })),
    true,
  );
  section(
    'Jumlah Keseluruhan',
    [
      { code: '', label: `Rencana yang dihitung (${summary.grandTotal.objectCount} objek kerja sama)`, total: summary.grandTotal },
      { code: 'REJECTED', label: 'Rencana ditolak (tidak dihitung)', total: summary.rejected },
    ],
    false,
  );
}

export async function renderMappingXlsx(matrix: MappingMatrix): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Jalin';
  workbook.title = `${MAPPING_TITLE} ${matrix.region.name} ${matrix.budgetYear}`;
  workbook.created = matrix.generatedAt;
  workbook.modified = matrix.generatedAt;
  writeMatrixSheet(workbook, matrix);
  writeSummarySheet(workbook, matrix);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}
