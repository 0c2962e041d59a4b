// A planning document's lines as an Excel workbook in the column order an operator needs
// to enter them into SIPD: the nomenclature code split into its levels, names, location,
// target, pagu, funding source, agency, the source plan and revision, and the status.
import { Workbook, type Fill } from 'exceljs';
import { FUNDING_SOURCE_LABELS, type FundingSource } from '../../../../domain/funding-source';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATE_LABELS,
  LINE_FLAG_LABELS,
  nomenclatureParts,
  type DocumentKind,
  type DocumentState,
  type LineFlag,
} from '../../../../domain/planning-document';
import { formatIndonesianDateTime } from './mapping-text';
import { RUPIAH_FORMAT } from './mapping-xlsx';

export interface DocumentExportLine {
  nomenclatureCode: string;
  description: string;
  amount: bigint;
  ceiling: bigint | null;
  fundingSource: string | null;
  agency: string;
  planId: string;
  planTitle: string | null;
  planRevision: number;
  status: string;
  flag: string | null;
}

export interface DocumentExport {
  kind: DocumentKind;
  regionCode: string;
  regionName: string | null;
  budgetYear: number;
  agency: string;
  state: DocumentState;
  generatedAt: Date;
  /** Names of the bidang urusan by code (U.BB). */
  affairNames: Map<string, string>;
  lines: DocumentExportLine[];
}

interface Column {
  header: string;
  width: number;
  value: (line: DocumentExportLine, doc: DocumentExport) => string | number | null;
  rupiah?: boolean;
}

export const DOCUMENT_COLUMNS: readonly Column[] = [
  { header: 'Kode Urusan', width: 11, value: (l) => nomenclatureParts(l.nomenclatureCode).urusan },
  { header: 'Kode Bidang Urusan', width: 12, value: (l) => nomenclatureParts(l.nomenclatureCode).bidang },
  { header: 'Bidang Urusan', width: 30, value: (l, d) => d.affairNames.get(nomenclatureParts(l.nomenclatureCode).bidang) ?? null },
  { header: 'Kode Program', width: 12, value: (l) => nomenclatureParts(l.nomenclatureCode).program || null },
  { header: 'Kode Kegiatan', width: 14, value: (l) => nomenclatureParts(l.nomenclatureCode).kegiatan || null },
  { header: 'Kode Sub Kegiatan', width: 19, value: (l) => nomenclatureParts(l.nomenclatureCode).subKegiatan || null },
  { header: 'Nomenklatur / Uraian', width: 40, value: (l) => l.description },
  { header: 'Lokasi', width: 18, value: (_l, d) => d.regionName ?? d.regionCode },
  // Not yet captured by plans: left for the operator.
  { header: 'Target / Indikator', width: 18, value: () => null },
  { header: 'Pagu (Rp)', width: 18, value: (l) => Number(l.amount), rupiah: true },
  { header: 'Plafon KUA-PPAS Rencana (Rp)', width: 18, value: (l) => (l.ceiling === null ? null : Number(l.ceiling)), rupiah: true },
  {
    header: 'Sumber Dana',
    width: 24,
    value: (l) => (l.fundingSource ? (FUNDING_SOURCE_LABELS[l.fundingSource as FundingSource]?.id ?? l.fundingSource) : null),
  },
  { header: 'Perangkat Daerah', width: 26, value: (l) => l.agency },
  { header: 'Rencana Asal', width: 36, value: (l) => l.planTitle },
  { header: 'ID Rencana', width: 38, value: (l) => l.planId },
  { header: 'Revisi', width: 8, value: (l) => l.planRevision },
  { header: 'Status', width: 12, value: (l) => (l.status === 'ACTIVE' ? 'Aktif' : 'Ditarik') },
  { header: 'Catatan', width: 50, value: (l) => (l.flag ? LINE_FLAG_LABELS[l.flag as LineFlag].id : null) },
];

export const DOCUMENT_HEADER_ROW = 6;
const HEADER_FILL: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };

export function documentTitle(doc: Pick<DocumentExport, 'kind' | 'regionName' | 'regionCode' | 'budgetYear'>): string {
  return `${DOCUMENT_KIND_LABELS[doc.kind]} ${doc.regionName ?? doc.regionCode} Tahun Anggaran ${doc.budgetYear}`;
}

/** `rkpd-32.71-2027.xlsx`; a per-agency document adds nothing of the agency's free text to the header. */
export function documentFileName(doc: Pick<DocumentExport, 'kind' | 'regionCode' | 'budgetYear'>, id: string): string {
  return `${doc.kind.toLowerCase().replace('_', '-')}-${doc.regionCode}-${doc.budgetYear}-${id.slice(0, 8)}.xlsx`;
}

export async function renderDocumentXlsx(doc: DocumentExport): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Jalin';
  workbook.created = doc.generatedAt;
  const sheet = workbook.addWorksheet('Baris');
  [
    documentTitle(doc),
    `Perangkat Daerah: ${doc.agency || '(seluruh perangkat daerah)'}`,
    `Status dokumen: ${DOCUMENT_STATE_LABELS[doc.state]}`,
    `Tanggal dibuat: ${formatIndonesianDateTime(doc.generatedAt, doc.regionCode)}`,
  ].forEach((line, index) => {
    sheet.getCell(index + 1, 1).value = line;
    if (index === 0) sheet.getCell(1, 1).font = { bold: true, size: 13 };
  });
  DOCUMENT_COLUMNS.forEach((column, index) => {
    const cell = sheet.getCell(DOCUMENT_HEADER_ROW, index + 1);
    cell.value = column.header;
    cell.font = { bold: true };
    cell.fill = HEADER_FILL;
    cell.alignment = { wrapText: true, vertical: 'middle' };
    sheet.getColumn(index + 1).width = column.width;
  });
  doc.lines.forEach((line, rowIndex) => {
    DOCUMENT_COLUMNS.forEach((column, index) => {
      const cell = sheet.getCell(DOCUMENT_HEADER_ROW + 1 + rowIndex, index + 1);
      cell.value = column.value(line, doc);
      if (column.rupiah) cell.numFmt = RUPIAH_FORMAT;
    });
  });
  sheet.views = [{ state: 'frozen', ySplit: DOCUMENT_HEADER_ROW }];
  sheet.autoFilter = { from: { row: DOCUMENT_HEADER_ROW, column: 1 }, to: { row: DOCUMENT_HEADER_ROW, column: DOCUMENT_COLUMNS.length } };
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
