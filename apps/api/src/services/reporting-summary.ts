// The national and provincial view of the mapping reports for one budget year (issue 18):
// every region under the viewer with its status (late once its deadline passed without a
// submission), its plans by cooperation type, the share that reached the RKPD and the
// budget (KUA-PPAS), and the plans that cooperated without a mapping reported; and the
// same per province, for the bars. Pure: rows in, summary out.
import { summaryStatus, SUMMARY_STATUSES, type SummaryStatus } from '../../../../domain/mapping-report';
import type { LocalDate } from '../../../../domain/local-date';
import type { RegionSummaryRow } from '../../../../persistence/mapping-report.repository';

export interface RegionSummary {
  code: string;
  name: string;
  level: 'PROVINCE' | 'REGENCY';
  provinceCode: string;
  status: SummaryStatus;
  revision: number | null;
  dueDate: LocalDate;
  plans: number;
  byType: Record<string, number>;
  reachedRkpd: number;
  reachedKuaPpas: number;
  /** Plans whose process completed (cooperation going ahead) while the region has no submitted or accepted report. */
  withoutMapping: number;
  /** Deadline reminders sent about the region's report, and whether its Sekda was told. */
  reminders: number;
  escalated: boolean;
}

export interface ProvinceBar {
  code: string;
  name: string;
  regions: number;
  byStatus: Record<SummaryStatus, number>;
  plans: number;
  reachedRkpd: number;
  reachedKuaPpas: number;
  withoutMapping: number;
}

export interface ReportingSummary {
  budgetYear: number;
  asOf: LocalDate;
  deadlines: { REGENCY: LocalDate; PROVINCE: LocalDate };
  totals: { regions: number; byStatus: Record<SummaryStatus, number>; plans: number; reachedRkpd: number; reachedKuaPpas: number; withoutMapping: number };
  byAffair: Record<string, number>;
  provinces: ProvinceBar[];
  regions: RegionSummary[];
}

const zeroStatuses = (): Record<SummaryStatus, number> => Object.fromEntries(SUMMARY_STATUSES.map((s) => [s, 0])) as Record<SummaryStatus, number>;

export function buildReportingSummary(input: {
  budgetYear: number;
  today: LocalDate;
  deadlines: { REGENCY: LocalDate; PROVINCE: LocalDate };
  rows: readonly RegionSummaryRow[];
  byAffair: Record<string, number>;
  /** The date in the region's own time zone (WIB, WITA, WIT), which makes a report late; `today` when not given. */
  todayIn?: (regionCode: string) => LocalDate;
}): ReportingSummary {
  const regions: RegionSummary[] = input.rows.map((row) => {
    const dueDate = input.deadlines[row.level];
    const status = summaryStatus(row.reportStatus, dueDate, input.todayIn?.(row.code) ?? input.today);
    const reported = row.reportStatus === 'SUBMITTED' || row.reportStatus === 'ACCEPTED';
    return {
      code: row.code,
      name: row.name,
      level: row.level,
      provinceCode: row.provinceCode,
      status,
      revision: row.revision,
      dueDate,
      plans: row.plans,
      byType: row.byType,
      reachedRkpd: row.reachedRkpd,
      reachedKuaPpas: row.reachedKuaPpas,
      withoutMapping: reported ? 0 : row.completed,
      reminders: row.reminders,
      escalated: row.escalated,
    };
  });
  const provinces = new Map<string, ProvinceBar>();
  for (const region of regions) {
    let bar = provinces.get(region.provinceCode);
    if (!bar) {
      bar = {
        code: region.provinceCode,
        name: region.provinceCode,
        regions: 0,
        byStatus: zeroStatuses(),
        plans: 0,
        reachedRkpd: 0,
        reachedKuaPpas: 0,
        withoutMapping: 0,
      };
      provinces.set(region.provinceCode, bar);
    }
    if (region.level === 'PROVINCE') bar.name = region.name;
    bar.regions += 1;
    bar.byStatus[region.status] += 1;
    bar.plans += region.plans;
    bar.reachedRkpd += region.reachedRkpd;
    bar.reachedKuaPpas += region.reachedKuaPpas;
    bar.withoutMapping += region.withoutMapping;
  }
  const totals = { regions: regions.length, byStatus: zeroStatuses(), plans: 0, reachedRkpd: 0, reachedKuaPpas: 0, withoutMapping: 0 };
  for (const region of regions) {
    totals.byStatus[region.status] += 1;
    totals.plans += region.plans;
    totals.reachedRkpd += region.reachedRkpd;
    totals.reachedKuaPpas += region.reachedKuaPpas;
    totals.withoutMapping += region.withoutMapping;
  }
  return {
    budgetYear: input.budgetYear,
    asOf: input.today,
    deadlines: input.deadlines,
    totals,
    byAffair: input.byAffair,
    provinces: [...provinces.values()],
    regions,
  };
}
