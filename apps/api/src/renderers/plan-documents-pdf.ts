// One plan's passage into the planning and budget documents as a printable PDF: what was
// agreed, by whom and when (the decisions), the KUA-PPAS placement, and which lines were
// placed in which document, with any amendment the operator still has to take.
import PDFDocument from 'pdfkit';
import { FUNDING_SOURCE_LABELS, type FundingSource } from '../../../../domain/funding-source';
import { PLAN_STAGE_LABELS } from '../../../../domain/plan-stage-label';
import type { PlanStage } from '../../../../domain/plan-stage';
import {
  DOCUMENT_KIND_LABELS,
  DOCUMENT_STATE_LABELS,
  LINE_FLAG_LABELS,
  type DocumentKind,
  type DocumentState,
  type LineFlag,
} from '../../../../domain/planning-document';
import { formatIndonesianDateTime, formatRupiah } from './mapping-text';
import { drawTable, type PdfTableColumn } from './pdf-table';
import { toWinAnsi } from './pdf-text';
import { collectPdf } from './pdf-buffer';

export interface PlanDocumentsSummary {
  planId: string;
  title: string;
  regionCode: string;
  regionName: string | null;
  budgetYear: number;
  proposingAgency: string;
  stage: PlanStage;
  revision: number;
  generatedAt: Date;
  decisions: Array<{ occurredAt: Date; fromStage: PlanStage; toStage: PlanStage; action: string; actor: string; comment: string | null }>;
  lines: Array<{
    documentKind: DocumentKind;
    documentState: DocumentState;
    nomenclatureCode: string;
    description: string;
    amount: bigint;
    ceiling: bigint | null;
    fundingSource: string | null;
    planRevision: number;
    status: string;
    flag: string | null;
  }>;
}

const ACTIONS: Record<string, string> = {
  SUBMIT: 'Diajukan',
  APPROVE: 'Disetujui',
  RETURN_FOR_REVISION: 'Dikembalikan untuk revisi',
  REJECT: 'Ditolak',
  SYNC_DOCUMENTS: 'Dicatat dalam RKPD dan Renja',
  WITHDRAW: 'Ditarik pengaju',
};

const DECISION_COLUMNS: readonly PdfTableColumn[] = [
  { header: 'Waktu', width: 95 },
  { header: 'Tahap', width: 100 },
  { header: 'Keputusan', width: 80 },
  { header: 'Oleh', width: 90 },
  { header: 'Catatan', width: 158 },
];

const LINE_COLUMNS: readonly PdfTableColumn[] = [
  { header: 'Dokumen', width: 62 },
  { header: 'Kode', width: 78 },
  { header: 'Uraian', width: 110 },
  { header: 'Pagu', width: 72, align: 'right' },
  { header: 'Sumber Dana', width: 60 },
  { header: 'Rev.', width: 24, align: 'center' },
  { header: 'Status', width: 40 },
  { header: 'Tindak Lanjut', width: 77 },
];

export function planSummaryFileName(planId: string): string {
  return `ringkasan-dokumen-${planId}.pdf`;
}

export function renderPlanDocumentsPdf(summary: PlanDocumentsSummary): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 40, left: 40, right: 40, bottom: 50 },
    lang: 'id-ID',
    info: { Title: toWinAnsi(`Ringkasan dokumen: ${summary.title}`), Author: 'Jalin', Creator: 'Jalin', CreationDate: summary.generatedAt },
  });
  const done = collectPdf(doc);
  const write = (line: string, font = 'Helvetica', size = 9) => doc.font(font).fontSize(size).text(toWinAnsi(line));
  const when = (instant: Date) => formatIndonesianDateTime(instant, summary.regionCode);

  write('Ringkasan Penempatan dalam Dokumen Perencanaan dan Anggaran', 'Helvetica-Bold', 13);
  doc.moveDown(0.5);
  write(`Rencana kerja sama: ${summary.title}`);
  write(`ID rencana: ${summary.planId} (revisi ${summary.revision})`);
  write(`Pemerintah daerah: ${summary.regionName ?? summary.regionCode} (${summary.regionCode}), tahun anggaran ${summary.budgetYear}`);
  write(`Perangkat daerah pengusul: ${summary.proposingAgency}`);
  write(`Tahap saat ini: ${PLAN_STAGE_LABELS[summary.stage].id}`);
  write(`Dibuat: ${when(summary.generatedAt)}`);

  doc.moveDown();
  write('Yang disepakati, oleh siapa, kapan', 'Helvetica-Bold', 11);
  drawTable(doc, {
    columns: DECISION_COLUMNS,
    rows: summary.decisions.map((d) => ({
      cells: [
        when(d.occurredAt),
        `${PLAN_STAGE_LABELS[d.fromStage].id} > ${PLAN_STAGE_LABELS[d.toStage].id}`,
        ACTIONS[d.action] ?? d.action,
        d.actor,
        d.comment ?? '-',
      ],
    })),
  });

  const placement = summary.lines.find((l) => l.documentKind === 'KUA_PPAS' && l.ceiling !== null);
  doc.moveDown();
  write('Penempatan KUA-PPAS (TAPD)', 'Helvetica-Bold', 11);
  write(
    placement
      ? `Plafon anggaran sementara: ${formatRupiah(placement.ceiling!)}; sumber dana: ${FUNDING_SOURCE_LABELS[placement.fundingSource as FundingSource]?.id ?? placement.fundingSource ?? '-'}`
      : 'Belum ditempatkan dalam KUA-PPAS.',
  );

  doc.moveDown();
  write('Baris yang ditempatkan', 'Helvetica-Bold', 11);
  const rows = summary.lines.map((l) => ({
    style: l.status === 'ACTIVE' ? ('body' as const) : ('muted' as const),
    cells: [
      `${DOCUMENT_KIND_LABELS[l.documentKind]} (${DOCUMENT_STATE_LABELS[l.documentState]})`,
      l.nomenclatureCode,
      l.description,
      formatRupiah(l.amount),
      l.fundingSource ? (FUNDING_SOURCE_LABELS[l.fundingSource as FundingSource]?.id ?? l.fundingSource) : '-',
      String(l.planRevision),
      l.status === 'ACTIVE' ? 'Aktif' : 'Ditarik',
      l.flag ? LINE_FLAG_LABELS[l.flag as LineFlag].id : '-',
    ],
  }));
  if (rows.length === 0) rows.push({ style: 'body', cells: [{ text: 'Belum ada baris dalam dokumen mana pun.', span: LINE_COLUMNS.length } as never] });
  drawTable(doc, { columns: LINE_COLUMNS, rows });
  doc.end();
  return done;
}
