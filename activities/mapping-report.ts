// The mapping report workflow's projections (issue 18): a compiled revision (its immutable
// snapshot, read from the plans and planning documents as they stand) and the other steps,
// each with the report's due date from the reporting deadline of its budget year. Both
// idempotent: a retried attempt finds what the first one stored.
import { reportingDeadline, type ReportSnapshot } from '../domain/mapping-report';
import { regionTimeZone, type IndonesianTimeZone } from '../domain/region-time-zone';
import { Role } from '../domain/role';
import type { TimelinePolicy } from '../domain/timeline-policy';
import type { MappingReportRepository, ReportStepInput } from '../persistence/mapping-report.repository';
import type { ReportingLevel, ReportingTimeline, UnreportedRegion } from '../workflows/reporting-deadline/definitions';

export interface ReportingSettings {
  /** MM-DD of the year before the budget year (REPORTING_DEADLINE). */
  monthDay: string;
  provinceAfterDays: number;
}

/** The due date of a region's report for a budget year: the keeper's date for the year, else the setting. */
export async function reportDueDate(
  reports: MappingReportRepository,
  settings: ReportingSettings,
  budgetYear: number,
  level: 'PROVINCE' | 'REGENCY',
): Promise<string> {
  const stored = await reports.findDeadline(budgetYear);
  return reportingDeadline(budgetYear, level, { ...settings, override: stored?.date });
}

export function createMappingReportActivities(
  reports: MappingReportRepository,
  settings: ReportingSettings,
  policy: Pick<TimelinePolicy, 'dayMs' | 'reminderOffsetsDays' | 'overdueEveryDays' | 'escalateAfterOverdueDays'>,
) {
  return {
    /** The year's deadlines per level, the reminder cadence, and the real now. */
    async loadReportingTimeline({ budgetYear }: { budgetYear: number }): Promise<ReportingTimeline> {
      const [REGENCY, PROVINCE] = await Promise.all([
        reportDueDate(reports, settings, budgetYear, 'REGENCY'),
        reportDueDate(reports, settings, budgetYear, 'PROVINCE'),
      ]);
      return { deadlines: { REGENCY, PROVINCE }, policy, now: new Date().toISOString() };
    },
    /** Regions of a level that have not reported and have someone to tell (their compiler, head or Sekda). */
    /** With `timeZone` (WIB, WITA, WIT), only the regions keeping that zone (domain/region-time-zone.ts). */
    async listUnreportedRegions({
      budgetYear,
      level,
      timeZone,
    }: {
      budgetYear: number;
      level: ReportingLevel;
      timeZone?: IndonesianTimeZone['abbreviation'];
    }): Promise<UnreportedRegion[]> {
      const roles = [level === 'PROVINCE' ? Role.PROVINCE_REVIEWER : Role.SECRETARIAT, Role.HEAD_OF_REGION, Role.SEKDA];
      return (await reports.regionsNotReported(budgetYear, level, roles))
        .filter((region) => !timeZone || regionTimeZone(region.code).abbreviation === timeZone)
        .map((region) => ({ regionCode: region.code, provinceCode: region.provinceCode }));
    },
    async recordReportingNotices(input: { budgetYear: number; regionCodes: string[]; kind: string; at: string }): Promise<void> {
      await reports.recordNotices(input.budgetYear, input.regionCodes, input.kind, new Date(input.at));
    },
    async compileReportRevision(step: ReportStepInput): Promise<ReportSnapshot> {
      return reports.compileRevision(step, await reportDueDate(reports, settings, step.budgetYear, step.level));
    },
    async recordReportStep(step: ReportStepInput): Promise<void> {
      await reports.recordStep(step, await reportDueDate(reports, settings, step.budgetYear, step.level));
    },
  };
}
