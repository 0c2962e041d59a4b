// The mapping report that travels upward (issue 18): a kabupaten/kota's mapping goes to
// its province (the governor), a province's to Kemendagri (Ditjen Bina Administrasi
// Kewilayahan). "Mappings are reported upward" is the rule (PP 28/2018 on Kerja Sama
// Daerah and Permendagri 22/2020, as the domain brief summarises them); neither fixes a
// date for it, so the reporting deadline is a setting per budget year (see
// reportingDeadline below). Pure: the snapshot, the steps' rules, the statuses above.
import { canCompileReport, canReviewReport, canSignOffReport, type ReportingRegion } from './access-policy';
import type { AuthContext } from './auth-context';
import type { CooperationType } from './cooperation-type';
import { addDays, type LocalDate } from './local-date';
import { text, type BilingualText } from './message';
import type { PlanStage } from './plan-stage';
import type { RoleGrant } from './role';
import type { Violation } from './violation';

export const ReportStatus = {
  DRAFTING: 'DRAFTING',
  SIGNED: 'SIGNED',
  SUBMITTED: 'SUBMITTED',
  RETURNED: 'RETURNED',
  ACCEPTED: 'ACCEPTED',
} as const;
export type ReportStatus = (typeof ReportStatus)[keyof typeof ReportStatus];

/** What the view above shows of a region: its report's status, or that it has none, or is late. */
export const SummaryStatus = {
  NOT_STARTED: 'NOT_STARTED',
  DRAFTING: 'DRAFTING',
  SUBMITTED: 'SUBMITTED',
  RETURNED: 'RETURNED',
  ACCEPTED: 'ACCEPTED',
  LATE: 'LATE',
} as const;
export type SummaryStatus = (typeof SummaryStatus)[keyof typeof SummaryStatus];
export const SUMMARY_STATUSES: readonly SummaryStatus[] = Object.values(SummaryStatus);

export const SUMMARY_STATUS_LABELS: Record<SummaryStatus, BilingualText> = {
  NOT_STARTED: text('Belum mulai', 'Not started'),
  DRAFTING: text('Sedang disusun', 'Drafting'),
  SUBMITTED: text('Sudah disampaikan', 'Submitted'),
  RETURNED: text('Dikembalikan', 'Returned'),
  ACCEPTED: text('Diterima', 'Accepted'),
  LATE: text('Terlambat', 'Late'),
};

export const ReportAction = {
  COMPILE: 'COMPILE',
  SIGN_OFF: 'SIGN_OFF',
  SUBMIT: 'SUBMIT',
  ACCEPT: 'ACCEPT',
  RETURN: 'RETURN',
} as const;
export type ReportAction = (typeof ReportAction)[keyof typeof ReportAction];

/** Who acts on a report, with all their grants: the rules decide from the region's place in the line. */
export interface ReportActor {
  userId: string;
  name: string;
  grants: RoleGrant[];
}

/** One plan as the report shows it. */
export interface ReportPlan {
  id: string;
  title: string;
  proposingAgency: string;
  cooperationType: CooperationType | null;
  stage: PlanStage;
  /** The bidang urusan of its objects (e.g. 2.11). */
  affairCodes: string[];
  /** An active line of the plan stands in the region's RKPD, or KUA-PPAS, of the budget year. */
  inRkpd: boolean;
  inKuaPpas: boolean;
}

export interface ReportTotals {
  plans: number;
  byType: Record<string, number>;
  byAffair: Record<string, number>;
  reachedRkpd: number;
  reachedKuaPpas: number;
}

/** A kabupaten/kota's accepted report, as its province's report includes it. */
export interface IncludedReport {
  regionCode: string;
  regionName: string;
  revision: number;
  totals: ReportTotals;
}

/** One revision's content, stored once and never altered. */
export interface ReportSnapshot {
  regionCode: string;
  regionName: string;
  level: 'PROVINCE' | 'REGENCY';
  provinceCode: string;
  budgetYear: number;
  revision: number;
  compiledAt: string;
  compiledBy: string;
  /** Every plan of the region and year but the rejected ones, in id order. */
  plans: ReportPlan[];
  totals: ReportTotals;
  /** A province's: its kabupaten/kota's accepted reports, and those it still lacks. */
  included?: IncludedReport[];
  missing?: string[];
}

/** Plans by type and urusan, and how many reached the RKPD and the budget (KUA-PPAS). */
export function totalsOf(plans: readonly ReportPlan[]): ReportTotals {
  const byType: Record<string, number> = {};
  const byAffair: Record<string, number> = {};
  for (const plan of plans) {
    const type = plan.cooperationType ?? 'NONE';
    byType[type] = (byType[type] ?? 0) + 1;
    // A plan counts once under each urusan it touches.
    for (const affair of new Set(plan.affairCodes)) byAffair[affair] = (byAffair[affair] ?? 0) + 1;
  }
  return {
    plans: plans.length,
    byType,
    byAffair,
    reachedRkpd: plans.filter((plan) => plan.inRkpd).length,
    reachedKuaPpas: plans.filter((plan) => plan.inKuaPpas).length,
  };
}

export interface SnapshotInput {
  region: { code: string; name: string; level: 'PROVINCE' | 'REGENCY'; provinceCode: string };
  budgetYear: number;
  revision: number;
  compiledAt: string;
  compiledBy: string;
  plans: readonly ReportPlan[];
  /** For a province: its kabupaten/kota, each with its accepted report if it has one. */
  regencies?: ReadonlyArray<{ code: string; name: string; accepted?: { revision: number; snapshot: Pick<ReportSnapshot, 'totals'> } }>;
}

export function buildSnapshot(input: SnapshotInput): ReportSnapshot {
  const plans = input.plans.filter((plan) => plan.stage !== 'REJECTED').sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const snapshot: ReportSnapshot = {
    regionCode: input.region.code,
    regionName: input.region.name,
    level: input.region.level,
    provinceCode: input.region.provinceCode,
    budgetYear: input.budgetYear,
    revision: input.revision,
    compiledAt: input.compiledAt,
    compiledBy: input.compiledBy,
    plans,
    totals: totalsOf(plans),
  };
  if (input.region.level === 'PROVINCE' && input.regencies) {
    snapshot.included = input.regencies
      .filter((regency) => regency.accepted)
      .map((regency) => ({
        regionCode: regency.code,
        regionName: regency.name,
        revision: regency.accepted!.revision,
        totals: regency.accepted!.snapshot.totals,
      }));
    snapshot.missing = input.regencies.filter((regency) => !regency.accepted).map((regency) => regency.code);
  }
  return snapshot;
}

/**
 * The reporting deadline of a budget year N+1 (worked on in year N). No regulation fixes
 * it: the brief's practice puts the mapping itself before the initial RKPD draft (end of
 * January of year N). Default, stricter than any later date: a kabupaten/kota reports by
 * `monthDay` (setting REPORTING_DEADLINE, default 02-15, two weeks after the mapping
 * deadline, before the kabupaten/kota Musrenbang at the end of March); a province, which
 * compiles its kabupaten/kota's accepted reports, `provinceAfterDays` later (setting
 * PROVINCE_REPORTING_AFTER_DAYS, default 30, before the province Musrenbang at the end of
 * April). The calendar keeper may set the kabupaten/kota date of a year instead.
 */
export function reportingDeadline(
  budgetYear: number,
  level: 'PROVINCE' | 'REGENCY',
  settings: { monthDay: string; provinceAfterDays: number; override?: LocalDate },
): LocalDate {
  const base = settings.override ?? `${budgetYear - 1}-${settings.monthDay}`;
  return level === 'PROVINCE' ? addDays(base, settings.provinceAfterDays) : base;
}

/** The source shown beside the deadline. */
export const REPORTING_DEADLINE_SOURCE = text(
  'PP 28/2018 dan Permendagri 22/2020: pemetaan dilaporkan kepada gubernur (kabupaten/kota) dan Menteri Dalam Negeri (provinsi); tanggalnya tidak diatur, sehingga ditetapkan per tahun anggaran (bawaan: 15 Februari tahun sebelumnya, provinsi 30 hari kemudian).',
  'PP 28/2018 and Permendagri 22/2020: mappings are reported to the governor (kabupaten/kota) and the Minister of Home Affairs (province); no date is fixed, so it is set per budget year (default: 15 February of the year before, provinces 30 days later).',
);

/** A region's status above: a report not accepted nor submitted by its due date is late. */
export function summaryStatus(status: ReportStatus | null, dueDate: LocalDate, today: LocalDate): SummaryStatus {
  if (status === ReportStatus.ACCEPTED) return SummaryStatus.ACCEPTED;
  if (status === ReportStatus.SUBMITTED) return SummaryStatus.SUBMITTED;
  if (today > dueDate) return SummaryStatus.LATE;
  if (status === null) return SummaryStatus.NOT_STARTED;
  if (status === ReportStatus.RETURNED) return SummaryStatus.RETURNED;
  return SummaryStatus.DRAFTING;
}

/** The rules of each step, for the workflow's validators (authoritative) and the API (early refusal). */
export function refuseReportStep(
  action: ReportAction,
  state: { status: ReportStatus | null; revision: number },
  region: ReportingRegion,
  actor: ReportActor,
  comment?: string,
): Violation | undefined {
  const auth: AuthContext = { userId: actor.userId, username: actor.name, displayName: actor.name, grants: actor.grants };
  const wrongState = (id: string, en: string): Violation => ({ field: 'status', reason: 'WRONG_STATE', message: text(id, en) });
  const forbidden = (id: string, en: string): Violation => ({ field: 'actor', reason: 'NOT_ALLOWED', message: text(id, en) });
  switch (action) {
    case ReportAction.COMPILE:
      if (!canCompileReport(auth, region))
        return forbidden('Hanya sekretariat kerja sama wilayah ini yang menyusun laporan.', "Only the region's cooperation secretariat compiles the report.");
      if (state.status === ReportStatus.SUBMITTED)
        return wrongState('Laporan sedang ditelaah; tunggu keputusannya.', 'The report is under review; wait for its decision.');
      return undefined;
    case ReportAction.SIGN_OFF:
      if (!canSignOffReport(auth, region))
        return forbidden('Hanya kepala daerah yang menandatangani laporan.', 'Only the head of region signs the report off.');
      if (state.status !== ReportStatus.DRAFTING)
        return wrongState('Hanya laporan yang baru disusun yang ditandatangani.', 'Only a freshly compiled report is signed off.');
      return undefined;
    case ReportAction.SUBMIT:
      if (!canCompileReport(auth, region))
        return forbidden(
          'Hanya sekretariat kerja sama wilayah ini yang menyampaikan laporan.',
          "Only the region's cooperation secretariat submits the report.",
        );
      if (state.status !== ReportStatus.SIGNED)
        return wrongState('Laporan harus ditandatangani kepala daerah sebelum disampaikan.', 'The head of region must sign the report before it is submitted.');
      return undefined;
    case ReportAction.ACCEPT:
    case ReportAction.RETURN:
      if (!canReviewReport(auth, region))
        return forbidden('Hanya penelaah tingkat di atasnya yang memutus laporan ini.', 'Only the reviewer of the tier above decides on this report.');
      if (state.status !== ReportStatus.SUBMITTED) return wrongState('Laporan ini tidak sedang ditelaah.', 'This report is not under review.');
      if (action === ReportAction.RETURN && !comment?.trim()) {
        return { field: 'comment', reason: 'REQUIRED', message: text('Sebutkan apa yang harus diperbaiki.', 'Say what has to be corrected.') };
      }
      return undefined;
  }
}

/** The status a step leaves the report in. */
export function statusAfter(action: ReportAction): ReportStatus {
  switch (action) {
    case ReportAction.COMPILE:
      return ReportStatus.DRAFTING;
    case ReportAction.SIGN_OFF:
      return ReportStatus.SIGNED;
    case ReportAction.SUBMIT:
      return ReportStatus.SUBMITTED;
    case ReportAction.ACCEPT:
      return ReportStatus.ACCEPTED;
    case ReportAction.RETURN:
      return ReportStatus.RETURNED;
  }
}

/** One step of a report as its workflow hands it to the read model: numbered, so it is projected once. */
export interface ReportStepRecord {
  regionCode: string;
  provinceCode: string;
  level: 'PROVINCE' | 'REGENCY';
  budgetYear: number;
  sequence: number;
  action: ReportAction;
  status: ReportStatus;
  revision: number;
  actorId: string;
  actorName: string;
  comment?: string;
  occurredAt: string;
}
