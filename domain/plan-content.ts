import { text } from './message';
import type { Violation } from './violation';

/** A budget line a plan asks to place in the region's planning documents. */
export interface PlanLineItem {
  /** Nomenclature code `U.BB[.PP[.L[.KK[.SSSS]]]]` (Permendagri 90/2019), kept as a string. */
  nomenclatureCode: string;
  description: string;
  /** Estimated amount in whole rupiah. */
  amount: number;
}

/** What an officer writes in a cooperation plan. */
export interface PlanContent {
  title: string;
  summary: string;
  /** Kemendagri area code of the region: `32` (province) or `32.71` (kabupaten/kota). */
  regionCode: string;
  /** The budget year the plan is for (planned during the year before). */
  budgetYear: number;
  /** The regional agency (Perangkat Daerah) proposing it. */
  proposingAgency: string;
  lineItems: PlanLineItem[];
}

export const PLAN_LIMITS = {
  titleMin: 5,
  titleMax: 200,
  summaryMax: 4000,
  agencyMax: 200,
  descriptionMax: 500,
  lineItemsMax: 200,
  budgetYearMin: 2000,
  budgetYearMax: 2100,
  /** A thousand trillion rupiah: far above any regional budget, and exact as a JS number. */
  amountMax: 1_000_000_000_000_000,
} as const;

export const REGION_CODE_PATTERN = /^\d{2}(\.\d{2})?$/;
export const NOMENCLATURE_CODE_PATTERN = /^\d\.\d{2}(\.\d{2}(\.\d(\.\d{2}(\.\d{4})?)?)?)?$/;

type Add = (field: string, reason: string, id: string, en: string) => void;

function collector(): { violations: Violation[]; add: Add } {
  const violations: Violation[] = [];
  return { violations, add: (field, reason, id, en) => violations.push({ field, reason, message: text(id, en) }) };
}

/**
 * Checks the fields a draft has, so a half-done draft can be saved while every value
 * it holds is already well-formed.
 */
export function checkDraftFields(fields: Partial<PlanContent>): Violation[] {
  const { violations, add } = collector();
  if (fields.title !== undefined) {
    const title = fields.title.trim();
    if (title.length < PLAN_LIMITS.titleMin || title.length > PLAN_LIMITS.titleMax) {
      add(
        'title',
        'LENGTH',
        `Judul harus ${PLAN_LIMITS.titleMin} sampai ${PLAN_LIMITS.titleMax} karakter.`,
        `The title must be ${PLAN_LIMITS.titleMin} to ${PLAN_LIMITS.titleMax} characters.`,
      );
    }
  }
  if (fields.summary !== undefined && fields.summary.length > PLAN_LIMITS.summaryMax) {
    add('summary', 'LENGTH', `Ringkasan paling banyak ${PLAN_LIMITS.summaryMax} karakter.`, `The summary may have at most ${PLAN_LIMITS.summaryMax} characters.`);
  }
  if (fields.regionCode !== undefined && !REGION_CODE_PATTERN.test(fields.regionCode)) {
    add('regionCode', 'FORMAT', 'Kode wilayah harus berformat Kemendagri, mis. 32 atau 32.71.', 'The region code must use the Kemendagri format, e.g. 32 or 32.71.');
  }
  if (
    fields.budgetYear !== undefined &&
    (!Number.isInteger(fields.budgetYear) || fields.budgetYear < PLAN_LIMITS.budgetYearMin || fields.budgetYear > PLAN_LIMITS.budgetYearMax)
  ) {
    add(
      'budgetYear',
      'RANGE',
      `Tahun anggaran harus bilangan bulat ${PLAN_LIMITS.budgetYearMin} sampai ${PLAN_LIMITS.budgetYearMax}.`,
      `The budget year must be a whole number from ${PLAN_LIMITS.budgetYearMin} to ${PLAN_LIMITS.budgetYearMax}.`,
    );
  }
  if (fields.proposingAgency !== undefined) {
    const agency = fields.proposingAgency.trim();
    if (!agency || agency.length > PLAN_LIMITS.agencyMax) {
      add(
        'proposingAgency',
        'LENGTH',
        `Perangkat daerah pengusul wajib diisi, paling banyak ${PLAN_LIMITS.agencyMax} karakter.`,
        `The proposing agency is required, at most ${PLAN_LIMITS.agencyMax} characters.`,
      );
    }
  }
  if (fields.lineItems !== undefined) {
    if (fields.lineItems.length > PLAN_LIMITS.lineItemsMax) {
      add('lineItems', 'TOO_MANY', `Paling banyak ${PLAN_LIMITS.lineItemsMax} rincian anggaran.`, `At most ${PLAN_LIMITS.lineItemsMax} budget line items.`);
    }
    fields.lineItems.forEach((item, index) => violations.push(...checkLineItem(item, `lineItems[${index}]`)));
  }
  return violations;
}

/** Everything that keeps a plan from being submitted: a submission must be complete. */
export function checkPlanForSubmission(content: PlanContent): Violation[] {
  const { violations, add } = collector();
  for (const field of ['title', 'regionCode', 'budgetYear', 'proposingAgency'] as const) {
    if (content[field] === undefined || content[field] === null) add(field, 'REQUIRED', 'Wajib diisi.', 'Is required.');
  }
  if ((content.lineItems ?? []).length === 0) {
    add('lineItems', 'REQUIRED', 'Rencana harus memuat paling sedikit satu rincian anggaran.', 'The plan needs at least one budget line item.');
  }
  return [...checkDraftFields(content), ...violations];
}

export function checkLineItem(item: PlanLineItem, path: string): Violation[] {
  const violations: Violation[] = [];
  if (!NOMENCLATURE_CODE_PATTERN.test(item.nomenclatureCode ?? '')) {
    violations.push({
      field: `${path}.nomenclatureCode`,
      reason: 'FORMAT',
      message: text(
        'Kode nomenklatur harus berformat U.BB.PP.L.KK.SSSS (paling sedikit U.BB), mis. 1.02 atau 1.02.02.2.01.0001.',
        'The nomenclature code must follow U.BB.PP.L.KK.SSSS (at least U.BB), e.g. 1.02 or 1.02.02.2.01.0001.',
      ),
    });
  }
  const description = item.description?.trim() ?? '';
  if (!description || description.length > PLAN_LIMITS.descriptionMax) {
    violations.push({
      field: `${path}.description`,
      reason: 'LENGTH',
      message: text(
        `Uraian wajib diisi, paling banyak ${PLAN_LIMITS.descriptionMax} karakter.`,
        `The description is required, at most ${PLAN_LIMITS.descriptionMax} characters.`,
      ),
    });
  }
  if (!Number.isInteger(item.amount) || item.amount < 0 || item.amount > PLAN_LIMITS.amountMax) {
    violations.push({
      field: `${path}.amount`,
      reason: 'RANGE',
      message: text('Nilai harus rupiah bulat dan tidak negatif.', 'The amount must be whole rupiah and not negative.'),
    });
  }
  return violations;
}
