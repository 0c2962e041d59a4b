// Checks of the calendar routes' path parameters and dates, as bilingual violations.
import { isMilestone } from '../../../../domain/fiscal-calendar';
import { isLocalDate, type LocalDate } from '../../../../domain/local-date';
import { text } from '../../../../domain/message';
import { REGION_CODE_PATTERN } from '../../../../domain/plan-content';
import type { Violation } from '../../../../domain/violation';

export const BUDGET_YEAR_MIN = 2000;
export const BUDGET_YEAR_MAX = 2100;

export function budgetYearViolations(raw: string): Violation[] {
  const year = Number(raw);
  if (/^\d{4}$/.test(raw) && year >= BUDGET_YEAR_MIN && year <= BUDGET_YEAR_MAX) return [];
  return [
    {
      field: 'budgetYear',
      reason: 'RANGE',
      message: text(
        `Tahun anggaran harus tahun ${BUDGET_YEAR_MIN}–${BUDGET_YEAR_MAX}.`,
        `The budget year must be a year from ${BUDGET_YEAR_MIN} to ${BUDGET_YEAR_MAX}.`,
      ),
    },
  ];
}

export function regionCodeViolations(regionCode: string): Violation[] {
  if (REGION_CODE_PATTERN.test(regionCode)) return [];
  return [
    {
      field: 'regionCode',
      reason: 'FORMAT',
      message: text('Kode wilayah harus berformat Kemendagri, mis. 32 atau 32.71.', 'The region code must use the Kemendagri format, e.g. 32 or 32.71.'),
    },
  ];
}

export function milestoneViolations(raw: string): Violation[] {
  if (isMilestone(raw)) return [];
  return [
    {
      field: 'milestone',
      reason: 'UNKNOWN_MILESTONE',
      message: text(`Tahapan kalender '${raw}' tidak dikenal.`, `Unknown calendar milestone '${raw}'.`),
    },
  ];
}

export function dateViolations(raw: string, field = 'date'): Violation[] {
  if (isLocalDate(raw)) return [];
  return [
    {
      field,
      reason: 'FORMAT',
      message: text('Tanggal harus tanggal yang ada, berformat YYYY-MM-DD.', 'The date must be a real date in the form YYYY-MM-DD.'),
    },
  ];
}

/** A milestone of budget year N+1 falls in year N, or (a late enactment) in N+1 itself. */
export function milestoneDateViolations(date: LocalDate, budgetYear: number): Violation[] {
  const year = Number(date.slice(0, 4));
  if (year === budgetYear - 1 || year === budgetYear) return [];
  return [
    {
      field: 'date',
      reason: 'OUT_OF_RANGE',
      message: text(
        `Tanggal tahapan tahun anggaran ${budgetYear} harus jatuh pada tahun ${budgetYear - 1} atau ${budgetYear}.`,
        `A milestone of budget year ${budgetYear} must fall in ${budgetYear - 1} or ${budgetYear}.`,
      ),
    },
  ];
}
