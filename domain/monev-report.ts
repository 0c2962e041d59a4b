// Monitoring and evaluation (monev) of an agreement in force (Permendagri 22/2020:
// pemantauan dan evaluasi): the owning agency reports each period on its progress, the
// realisation of the budget against the plan's lines and its problems; the secretariat
// accepts the report or returns it with a comment. A report is never changed once
// submitted: a returned one is answered by a new report for the same period.
import type { Person } from './actor';
import { text } from './message';
import type { Violation } from './violation';

export interface BudgetRealisation {
  /** The plan's line item. */
  lineId: string;
  /** What the plan budgeted on the line (rupiah), copied from the plan when the report is filed. */
  planned: number;
  /** What was spent so far (rupiah). */
  realised: number;
}

export interface MonevReportContent {
  /** Physical progress of the cooperation, 0–100 %. */
  progressPercent: number;
  budgetLines: BudgetRealisation[];
  problems?: string;
}

export const ReportStatus = { SUBMITTED: 'SUBMITTED', ACCEPTED: 'ACCEPTED', RETURNED: 'RETURNED' } as const;
export type ReportStatus = (typeof ReportStatus)[keyof typeof ReportStatus];

export const ReportReviewOutcome = { ACCEPT: 'ACCEPT', RETURN: 'RETURN' } as const;
export type ReportReviewOutcome = (typeof ReportReviewOutcome)[keyof typeof ReportReviewOutcome];
export const REPORT_REVIEW_OUTCOMES: readonly ReportReviewOutcome[] = Object.values(ReportReviewOutcome);

export interface MonevReport extends MonevReportContent {
  /** 1, 2, … in the order filed (the report's number within the agreement). */
  sequence: number;
  /** The reporting period it covers (domain/reporting-period.ts). */
  period: number;
  submittedBy: Person;
  submittedAt: string;
  status: ReportStatus;
  review?: { by: Person; outcome: ReportReviewOutcome; comment?: string; at: string };
}

const refusal = (field: string, reason: string, id: string, en: string): Violation => ({ field, reason, message: text(id, en) });

export function refuseReportContent(content: MonevReportContent | undefined): Violation | undefined {
  if (!content) return refusal('report', 'REQUIRED', 'Isi laporan wajib diisi.', 'The report is required.');
  const progress = content.progressPercent;
  if (typeof progress !== 'number' || !Number.isFinite(progress) || progress < 0 || progress > 100) {
    return refusal('progressPercent', 'RANGE', 'Kemajuan harus antara 0 dan 100 persen.', 'Progress must be between 0 and 100 per cent.');
  }
  if (!Array.isArray(content.budgetLines)) return refusal('budgetLines', 'REQUIRED', 'Realisasi anggaran wajib diisi.', 'The budget realisation is required.');
  const seen = new Set<string>();
  for (const [index, line] of content.budgetLines.entries()) {
    if (!line?.lineId || seen.has(line.lineId)) {
      return refusal(`budgetLines[${index}].lineId`, 'DUPLICATE', 'Setiap baris anggaran dilaporkan sekali.', 'Each budget line is reported once.');
    }
    seen.add(line.lineId);
    if (typeof line.realised !== 'number' || !Number.isFinite(line.realised) || line.realised < 0) {
      return refusal(`budgetLines[${index}].realised`, 'RANGE', 'Realisasi tidak boleh negatif.', 'The realisation cannot be negative.');
    }
  }
  return undefined;
}
