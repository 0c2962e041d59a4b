// The mapping report workflow's projections (issue 18): a compiled revision (its immutable
// snapshot, read from the plans and planning documents as they stand) and the other steps,
// each with the report's due date from the reporting deadline of its budget year. Both
// idempotent: a retried attempt finds what the first one stored.
import { reportingDeadline, type ReportSnapshot } from '../domain/mapping-report';
import type { MappingReportRepository, ReportStepInput } from '../persistence/mapping-report.repository';

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

export function createMappingReportActivities(reports: MappingReportRepository, settings: ReportingSettings) {
  return {
    async compileReportRevision(step: ReportStepInput): Promise<ReportSnapshot> {
      return reports.compileRevision(step, await reportDueDate(reports, settings, step.budgetYear, step.level));
    },
    async recordReportStep(step: ReportStepInput): Promise<void> {
      await reports.recordStep(step, await reportDueDate(reports, settings, step.budgetYear, step.level));
    },
  };
}
