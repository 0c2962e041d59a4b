// What an officer writes in a cooperation plan, and the checks on each field's form.
// Rules that need the whole plan or the reference data live in plan-rules.ts.
import type { CooperationType, Initiator, KsdpkKind, PartnerKind } from './cooperation-type';
import type { FundingSource } from './funding-source';
import { text } from './message';
import type { PlanningException } from './planning-exception';
import type { Violation } from './violation';

/** A budget line a plan asks to place in the region's planning documents. */
export interface PlanLineItem {
  /** Nomenclature code `U.BB[.PP[.L[.KK[.SSSS]]]]` (Permendagri 90/2019), kept as a string. */
  nomenclatureCode: string;
  description: string;
  /** Estimated amount in whole rupiah. */
  amount: number;
}

/** A party the region cooperates with. */
export interface PlanPartner {
  kind: PartnerKind;
  name: string;
  /** Kemendagri area code, for a partner region. */
  regionCode?: string;
  /** Legal form of a third party (PT, CV, yayasan, perguruan tinggi...). */
  legalForm?: string;
  country?: string;
}

/** A government affair the plan cooperates on, mapped to the nomenclature. */
export interface MappedObject {
  /** Bidang urusan, `U.BB`. */
  affairCode: string;
  programCode?: string;
  kegiatanCode?: string;
  subKegiatanCode?: string;
  nomenclatureVersion: string;
  /** Potensi: what the region has to offer or gain. */
  potential: string;
  /** Karakteristik of the affair in this region. */
  characteristics: string;
  /** Whether the object already appears in the RPJMD/RKPD. */
  inPlanningDocuments: boolean;
  exceptionReason?: PlanningException;
}

/** Kerangka acuan kerja (KAK). */
export interface TermsOfReference {
  background: string;
  purpose: string;
  legalBasis: string;
  object: string;
  activities: string;
  expectedResults: string;
  rolesOfParties: string;
}
export const TERMS_OF_REFERENCE_FIELDS: readonly (keyof TermsOfReference)[] = [
  'background',
  'purpose',
  'legalBasis',
  'object',
  'activities',
  'expectedResults',
  'rolesOfParties',
];

/** The structured part of a feasibility study; its files are attachments. */
export interface FeasibilityStudy {
  preparedBy: Initiator;
  summary: string;
  conclusion: string;
  /** `YYYY-MM-DD`. */
  studyDate?: string;
}

export interface PlanContent {
  title: string;
  summary: string;
  /** Kemendagri area code of the region: `32` (province) or `32.71` (kabupaten/kota). */
  regionCode: string;
  /** The budget year the plan is for (planned during the year before). */
  budgetYear: number;
  /** The regional agency (Perangkat Daerah) proposing it. */
  proposingAgency: string;
  cooperationType?: CooperationType;
  ksdpkKind?: KsdpkKind;
  initiator?: Initiator;
  partners: PlanPartner[];
  objects: MappedObject[];
  termsOfReference?: Partial<TermsOfReference>;
  feasibilityStudy?: Partial<FeasibilityStudy>;
  plannedDurationMonths?: number;
  fundingSource?: FundingSource;
  burdensCommunity?: boolean;
  multiYear: boolean;
  lineItems: PlanLineItem[];
}

export const PLAN_LIMITS = {
  titleMin: 5,
  titleMax: 200,
  summaryMax: 4000,
  agencyMax: 200,
  nameMax: 200,
  descriptionMax: 500,
  narrativeMax: 10_000,
  lineItemsMax: 200,
  partnersMax: 20,
  objectsMax: 50,
  budgetYearMin: 2000,
  budgetYearMax: 2100,
  durationMonthsMax: 600,
  /** A thousand trillion rupiah: far above any regional budget, and exact as a JS number. */
  amountMax: 1_000_000_000_000_000,
} as const;

export const REGION_CODE_PATTERN = /^\d{2}(\.\d{2})?$/;
export const NOMENCLATURE_CODE_PATTERN = /^\d\.\d{2}(\.\d{2}(\.\d(\.\d{2}(\.\d{4})?)?)?)?$/;
export const AFFAIR_CODE_PATTERN = /^\d\.\d{2}$/;
const PROGRAM_PATTERN = /^\d\.\d{2}\.\d{2}$/;
const KEGIATAN_PATTERN = /^\d\.\d{2}\.\d{2}\.\d\.\d{2}$/;
const SUB_KEGIATAN_PATTERN = /^\d\.\d{2}\.\d{2}\.\d\.\d{2}\.\d{4}$/;
const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

export type Add = (field: string, reason: string, id: string, en: string) => void;

export function collector(): { violations: Violation[]; add: Add } {
  const violations: Violation[] = [];
  return { violations, add: (field, reason, id, en) => violations.push({ field, reason, message: text(id, en) }) };
}

function checkText(add: Add, field: string, value: string | undefined, max: number, required: boolean): void {
  if (value === undefined) return;
  const trimmed = value.trim();
  if (required && !trimmed) add(field, 'REQUIRED', 'Wajib diisi.', 'Is required.');
  else if (value.length > max) add(field, 'LENGTH', `Paling banyak ${max} karakter.`, `At most ${max} characters.`);
}

/**
 * Checks the form of the fields a draft has, so a half-done draft can be saved while
 * every value it holds is already well-formed.
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
    add(
      'summary',
      'LENGTH',
      `Ringkasan paling banyak ${PLAN_LIMITS.summaryMax} karakter.`,
      `The summary may have at most ${PLAN_LIMITS.summaryMax} characters.`,
    );
  }
  if (fields.regionCode !== undefined && !REGION_CODE_PATTERN.test(fields.regionCode)) {
    add(
      'regionCode',
      'FORMAT',
      'Kode wilayah harus berformat Kemendagri, mis. 32 atau 32.71.',
      'The region code must use the Kemendagri format, e.g. 32 or 32.71.',
    );
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
  if (
    fields.plannedDurationMonths !== undefined &&
    (!Number.isInteger(fields.plannedDurationMonths) || fields.plannedDurationMonths < 1 || fields.plannedDurationMonths > PLAN_LIMITS.durationMonthsMax)
  ) {
    add(
      'plannedDurationMonths',
      'RANGE',
      `Jangka waktu harus 1 sampai ${PLAN_LIMITS.durationMonthsMax} bulan.`,
      `The planned duration must be 1 to ${PLAN_LIMITS.durationMonthsMax} months.`,
    );
  }
  if (fields.partners !== undefined) {
    if (fields.partners.length > PLAN_LIMITS.partnersMax) {
      add('partners', 'TOO_MANY', `Paling banyak ${PLAN_LIMITS.partnersMax} mitra.`, `At most ${PLAN_LIMITS.partnersMax} partners.`);
    }
    fields.partners.forEach((partner, index) => checkPartnerForm(add, partner, `partners[${index}]`));
  }
  if (fields.objects !== undefined) {
    if (fields.objects.length > PLAN_LIMITS.objectsMax) {
      add('objects', 'TOO_MANY', `Paling banyak ${PLAN_LIMITS.objectsMax} objek.`, `At most ${PLAN_LIMITS.objectsMax} objects.`);
    }
    fields.objects.forEach((object, index) => checkObjectForm(add, object, `objects[${index}]`));
  }
  for (const field of TERMS_OF_REFERENCE_FIELDS) {
    checkText(add, `termsOfReference.${field}`, fields.termsOfReference?.[field], PLAN_LIMITS.narrativeMax, false);
  }
  const study = fields.feasibilityStudy;
  checkText(add, 'feasibilityStudy.summary', study?.summary, PLAN_LIMITS.narrativeMax, false);
  checkText(add, 'feasibilityStudy.conclusion', study?.conclusion, PLAN_LIMITS.narrativeMax, false);
  if (study?.studyDate !== undefined && (!DATE_PATTERN.test(study.studyDate) || Number.isNaN(Date.parse(study.studyDate)))) {
    add('feasibilityStudy.studyDate', 'FORMAT', 'Tanggal harus berformat YYYY-MM-DD.', 'The date must be YYYY-MM-DD.');
  }
  if (fields.lineItems !== undefined) {
    if (fields.lineItems.length > PLAN_LIMITS.lineItemsMax) {
      add('lineItems', 'TOO_MANY', `Paling banyak ${PLAN_LIMITS.lineItemsMax} rincian anggaran.`, `At most ${PLAN_LIMITS.lineItemsMax} budget line items.`);
    }
    fields.lineItems.forEach((item, index) => violations.push(...checkLineItem(item, `lineItems[${index}]`)));
  }
  return violations;
}

function checkPartnerForm(add: Add, partner: PlanPartner, path: string): void {
  checkText(add, `${path}.name`, partner.name, PLAN_LIMITS.nameMax, true);
  checkText(add, `${path}.legalForm`, partner.legalForm, PLAN_LIMITS.nameMax, false);
  checkText(add, `${path}.country`, partner.country, PLAN_LIMITS.nameMax, false);
  if (partner.regionCode !== undefined && !REGION_CODE_PATTERN.test(partner.regionCode)) {
    add(
      `${path}.regionCode`,
      'FORMAT',
      'Kode wilayah harus berformat Kemendagri, mis. 32 atau 32.71.',
      'The region code must use the Kemendagri format, e.g. 32 or 32.71.',
    );
  }
}

function checkObjectForm(add: Add, object: MappedObject, path: string): void {
  // A row just added and not yet filled is half-done work a draft may keep; submission requires the affair (plan-rules).
  if (object.affairCode !== '' && !AFFAIR_CODE_PATTERN.test(object.affairCode)) {
    add(`${path}.affairCode`, 'FORMAT', 'Kode bidang urusan harus berformat U.BB, mis. 1.02.', 'The affair code must be U.BB, e.g. 1.02.');
  }
  const chain: Array<[keyof MappedObject, RegExp, string | undefined, string]> = [
    ['programCode', PROGRAM_PATTERN, object.affairCode, 'U.BB.PP'],
    ['kegiatanCode', KEGIATAN_PATTERN, object.programCode, 'U.BB.PP.L.KK'],
    ['subKegiatanCode', SUB_KEGIATAN_PATTERN, object.kegiatanCode, 'U.BB.PP.L.KK.SSSS'],
  ];
  for (const [field, pattern, parent, format] of chain) {
    const code = object[field] as string | undefined;
    if (code === undefined) continue;
    if (!pattern.test(code)) {
      add(`${path}.${field}`, 'FORMAT', `Kode harus berformat ${format}.`, `The code must be ${format}.`);
    } else if (!parent || !code.startsWith(`${parent}.`)) {
      add(
        `${path}.${field}`,
        'NOT_NESTED',
        'Kode harus berada di bawah kode induknya (bidang → program → kegiatan → sub-kegiatan).',
        'The code must sit under its parent code (affair → program → kegiatan → sub-kegiatan).',
      );
    }
  }
  checkText(add, `${path}.potential`, object.potential, PLAN_LIMITS.narrativeMax, false);
  checkText(add, `${path}.characteristics`, object.characteristics, PLAN_LIMITS.narrativeMax, false);
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

/** The plan's estimated cost: the sum of its budget lines. */
export function estimatedCost(content: Pick<PlanContent, 'lineItems'>): number {
  return content.lineItems.reduce((sum, item) => sum + item.amount, 0);
}
