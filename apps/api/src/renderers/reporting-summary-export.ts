// The national/provincial reporting summary as the ministry's own files: an Excel
// workbook (one row per region, one per province) and an A4 landscape PDF table.
import { Workbook } from 'exceljs';
import PDFDocument from 'pdfkit';
import { REPORTING_DEADLINE_SOURCE, SUMMARY_STATUS_LABELS, SUMMARY_STATUSES, type SummaryStatus } from '../../../../domain/mapping-report';
import { COOPERATION_TYPE_CODES } from '../../../../domain/cooperation-type';
import type { ReportingSummary } from '../services/reporting-summary';
import { collectPdf } from './pdf-buffer';
import { drawTable, type PdfTableColumn } from './pdf-table';
import { toWinAnsi } from './pdf-text';

const TITLE = 'Rekapitulasi Laporan Pemetaan Kerja Sama Daerah';
const percent = (part: number, whole: number) => (whole === 0 ? '–' : `${Math.round((part * 100) / whole)}%`);
const status = (code: string) => SUMMARY_STATUS_LABELS[code as SummaryStatus]?.id ?? code;

export function summaryFileName(budgetYear: number, extension: 'xlsx' | 'pdf'): string {
  return `rekap-pemetaan-ksd-${budgetYear}.${extension}`;
}

export async function renderSummaryXlsx(summary: ReportingSummary): Promise<Buffer> {
  const workbook = new Workbook();
  workbook.creator = 'Jalin';
  workbook.title = `${TITLE} TA ${summary.budgetYear}`;
  const regions = workbook.addWorksheet('Wilayah');
  regions.columns = [
    { header: 'Kode', key: 'code', width: 9 },
    { header: 'Wilayah', key: 'name', width: 34 },
    { header: 'Tingkat', key: 'level', width: 12 },
    { header: 'Provinsi', key: 'provinceCode', width: 9 },
    { header: 'Status', key: 'status', width: 18 },
    { header: 'Revisi', key: 'revision', width: 8 },
    { header: 'Batas', key: 'dueDate', width: 12 },
    { header: 'Rencana', key: 'plans', width: 10 },
    ...COOPERATION_TYPE_CODES.map((type) => ({ header: type, key: `type_${type}`, width: 10 })),
    { header: 'Masuk RKPD', key: 'reachedRkpd', width: 12 },
    { header: 'Masuk KUA-PPAS', key: 'reachedKuaPpas', width: 14 },
    { header: 'Tanpa pemetaan', key: 'withoutMapping', width: 14 },
  ];
  for (const region of summary.regions) {
    regions.addRow({
      ...region,
      level: region.level === 'PROVINCE' ? 'Provinsi' : 'Kab/Kota',
      status: status(region.status),
      ...Object.fromEntries(COOPERATION_TYPE_CODES.map((type) => [`type_${type}`, region.byType[type] ?? 0])),
    });
  }
  regions.getRow(1).font = { bold: true };
  regions.autoFilter = { from: 'A1', to: { row: 1, column: regions.columnCount } };
  const provinces = workbook.addWorksheet('Provinsi');
  provinces.columns = [
    { header: 'Kode', key: 'code', width: 8 },
    { header: 'Provinsi', key: 'name', width: 30 },
    { header: 'Wilayah', key: 'regions', width: 9 },
    ...SUMMARY_STATUSES.map((s) => ({ header: SUMMARY_STATUS_LABELS[s].id, key: `s_${s}`, width: 14 })),
    { header: 'Rencana', key: 'plans', width: 10 },
    { header: 'Masuk RKPD', key: 'reachedRkpd', width: 12 },
    { header: 'Masuk KUA-PPAS', key: 'reachedKuaPpas', width: 14 },
    { header: 'Tanpa pemetaan', key: 'withoutMapping', width: 14 },
  ];
  for (const bar of summary.provinces) provinces.addRow({ ...bar, ...Object.fromEntries(SUMMARY_STATUSES.map((s) => [`s_${s}`, bar.byStatus[s]])) });
  provinces.getRow(1).font = { bold: true };
  const notes = workbook.addWorksheet('Keterangan');
  notes.addRows([
    [TITLE, `Tahun anggaran ${summary.budgetYear}`],
    ['Per tanggal (WIB)', summary.asOf],
    ['Batas kabupaten/kota', summary.deadlines.REGENCY],
    ['Batas provinsi', summary.deadlines.PROVINCE],
    ['Sumber batas', REPORTING_DEADLINE_SOURCE.id],
    ['Tanpa pemetaan', 'Rencana yang prosesnya selesai sementara laporan pemetaan wilayahnya belum disampaikan atau diterima.'],
  ]);
  const data = await workbook.xlsx.writeBuffer();
  return Buffer.isBuffer(data) ? data : Buffer.from(data);
}

const PDF_COLUMNS: readonly PdfTableColumn[] = [
  { header: 'Kode', width: 40 },
  { header: 'Wilayah', width: 190 },
  { header: 'Status', width: 80 },
  { header: 'Batas', width: 62 },
  { header: 'Rencana', width: 50, align: 'right' },
  { header: 'RKPD', width: 70, align: 'right' },
  { header: 'KUA-PPAS', width: 70, align: 'right' },
  { header: 'Tanpa pemetaan', width: 70, align: 'right' },
  { header: 'Revisi', width: 40, align: 'right' },
];

export function renderSummaryPdf(summary: ReportingSummary): Promise<Buffer> {
  const title = `${TITLE} Tahun Anggaran ${summary.budgetYear}`;
  const doc = new PDFDocument({
    size: 'A4',
    layout: 'landscape',
    margins: { top: 36, left: 36, right: 36, bottom: 50 },
    lang: 'id-ID',
    info: { Title: toWinAnsi(title), Author: 'Jalin' },
  });
  const done = collectPdf(doc);
  doc.font('Helvetica-Bold').fontSize(13).text(toWinAnsi(title));
  const t = summary.totals;
  doc
    .font('Helvetica')
    .fontSize(8.5)
    .text(
      toWinAnsi(
        `Per ${summary.asOf} (WIB). ${t.regions} wilayah: ` +
          SUMMARY_STATUSES.map((s) => `${SUMMARY_STATUS_LABELS[s].id} ${t.byStatus[s]}`).join(', ') +
          `. ${t.plans} rencana; masuk RKPD ${percent(t.reachedRkpd, t.plans)}, KUA-PPAS ${percent(t.reachedKuaPpas, t.plans)}; tanpa pemetaan ${t.withoutMapping}.`,
      ),
    )
    .text(toWinAnsi(`Batas: kabupaten/kota ${summary.deadlines.REGENCY}, provinsi ${summary.deadlines.PROVINCE}. ${REPORTING_DEADLINE_SOURCE.id}`))
    .moveDown(0.5);
  drawTable(doc, {
    columns: PDF_COLUMNS,
    rows: summary.regions.map((region) => ({
      style: region.level === 'PROVINCE' ? ('total' as const) : ('body' as const),
      cells: [
        region.code,
        toWinAnsi(region.name),
        status(region.status),
        region.dueDate,
        String(region.plans),
        `${region.reachedRkpd} (${percent(region.reachedRkpd, region.plans)})`,
        `${region.reachedKuaPpas} (${percent(region.reachedKuaPpas, region.plans)})`,
        String(region.withoutMapping),
        region.revision === null ? '–' : String(region.revision),
      ],
    })),
  });
  doc.end();
  return done;
}
