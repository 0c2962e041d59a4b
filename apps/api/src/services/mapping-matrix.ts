// A region's mapping for a budget year as a whole: the matrix of its plans (agency ×
// urusan × cooperation type × stage × estimated cost) and the totals it reports upward.
// Pure: plain data in, plain data out, so the counting rules are tested without a database.
import { COOPERATION_TYPES, cooperationTypeInfo, type CooperationType } from '../../../../domain/cooperation-type';
import { PLAN_STAGES, PlanStage } from '../../../../domain/plan-stage';
import { PLAN_STAGE_LABELS } from '../../../../domain/plan-stage-label';

export interface MappingRegion {
  code: string;
  name: string;
  level: 'PROVINCE' | 'REGENCY';
}

export interface MappingPlanInput {
  id: string;
  title: string;
  proposingAgency: string;
  cooperationType: CooperationType | null;
  stage: PlanStage;
  requiresDprdApproval: boolean;
  /** In the plan's order. */
  partners: ReadonlyArray<{ name: string }>;
  /** In the plan's order. */
  objects: ReadonlyArray<{ affairCode: string; nomenclatureVersion: string }>;
  lineItemAmounts: readonly bigint[];
}

export interface AffairName {
  code: string;
  nomenclatureVersion: string;
  name: string;
}

export interface MappingInput {
  region: MappingRegion;
  /** The province of a kabupaten/kota, whose governor receives the mapping. */
  province?: MappingRegion;
  budgetYear: number;
  generatedAt: Date;
  plans: readonly MappingPlanInput[];
  affairs: readonly AffairName[];
  includeRejected: boolean;
}

export interface MappingRow {
  /** 1-based number of the plan in the mapping; the rows of one plan share it. */
  planNumber: number;
  planId: string;
  title: string;
  proposingAgency: string;
  /** 1-based position of the object in its plan; null for a plan without objects. */
  objectNumber: number | null;
  objectCount: number;
  affairCode: string | null;
  affairName: string | null;
  cooperationType: CooperationType | null;
  cooperationTypeName: string | null;
  partners: string;
  stage: PlanStage;
  stageName: string;
  /** The plan's cost on its first row only; null on the rows of its further objects. */
  estimatedCost: bigint | null;
  /** A further object of the plan above: its cost is already on the plan's first row. */
  continuesPlan: boolean;
  /** False for a rejected plan listed on request: shown, never added up. */
  countedInTotals: boolean;
  requiresDprdApproval: boolean;
}

export interface MappingTotal {
  planCount: number;
  estimatedCost: bigint;
}

export interface MappingTypeTotal extends MappingTotal {
  cooperationType: CooperationType | null;
  name: string;
}

export interface MappingStageTotal extends MappingTotal {
  stage: PlanStage;
  name: string;
}

export interface MappingAgencyTotal extends MappingTotal {
  proposingAgency: string;
}

export interface MappingSummary {
  /** Every cooperation type, in the order of the law, zeros included, so mappings compare. */
  byCooperationType: MappingTypeTotal[];
  /** Every stage a counted plan can be at, in process order, zeros included. */
  byStage: MappingStageTotal[];
  /** The proposing agencies that have plans, by name. */
  byAgency: MappingAgencyTotal[];
  grandTotal: MappingTotal & { objectCount: number };
  /** Rejected plans: never in the totals, whether listed or not. */
  rejected: MappingTotal;
}

export interface MappingMatrix {
  region: MappingRegion;
  /** Who the mapping is reported to: the governor for a kabupaten/kota, the ministry for a province. */
  reportedTo: string;
  budgetYear: number;
  generatedAt: Date;
  includeRejected: boolean;
  rows: MappingRow[];
  summary: MappingSummary;
}

export const MINISTRY_ADDRESSEE = 'Menteri Dalam Negeri c.q. Direktur Jenderal Bina Administrasi Kewilayahan';
export const UNTYPED_PLANS_NAME = 'Jenis belum diisi';

const collator = new Intl.Collator('id', { sensitivity: 'base', numeric: true });

/** Agencies are typed by hand: the same agency with other spacing or case is one agency. */
const agencyKey = (agency: string) => agency.trim().replace(/\s+/g, ' ').toLocaleLowerCase('id');

const planCost = (plan: MappingPlanInput) => plan.lineItemAmounts.reduce((sum, amount) => sum + amount, 0n);

export function reportedTo(region: MappingRegion, province: MappingRegion | undefined): string {
  if (region.level === 'PROVINCE') return MINISTRY_ADDRESSEE;
  return `Gubernur ${province?.name ?? `provinsi ${region.code.slice(0, 2)}`}`;
}

function byMappingOrder(a: MappingPlanInput, b: MappingPlanInput): number {
  return collator.compare(a.proposingAgency, b.proposingAgency) || collator.compare(a.title, b.title) || a.id.localeCompare(b.id);
}

function rowsOf(plan: MappingPlanInput, planNumber: number, affairNames: ReadonlyMap<string, string>, counted: boolean): MappingRow[] {
  const cost = planCost(plan);
  const shared = {
    planNumber,
    planId: plan.id,
    title: plan.title,
    proposingAgency: plan.proposingAgency,
    objectCount: plan.objects.length,
    cooperationType: plan.cooperationType,
    cooperationTypeName: plan.cooperationType ? cooperationTypeInfo(plan.cooperationType).name.id : null,
    partners: plan.partners.map((partner) => partner.name).join('; '),
    stage: plan.stage,
    stageName: PLAN_STAGE_LABELS[plan.stage].id,
    countedInTotals: counted,
    requiresDprdApproval: plan.requiresDprdApproval,
  };
  // A plan without objects is still part of the mapping: one row, affair empty.
  if (plan.objects.length === 0) {
    return [{ ...shared, objectNumber: null, affairCode: null, affairName: null, estimatedCost: cost, continuesPlan: false }];
  }
  // The cost belongs to the plan, not to each object: it sits on the first row only, so
  // adding up the cost column (or any subset of whole plans) never counts a plan twice.
  return plan.objects.map((object, index) => ({
    ...shared,
    objectNumber: index + 1,
    affairCode: object.affairCode,
    affairName: affairNames.get(`${object.affairCode}@${object.nomenclatureVersion}`) ?? null,
    estimatedCost: index === 0 ? cost : null,
    continuesPlan: index > 0,
  }));
}

function addTo<K>(totals: Map<K, MappingTotal>, key: K, cost: bigint): void {
  const total = totals.get(key) ?? { planCount: 0, estimatedCost: 0n };
  totals.set(key, { planCount: total.planCount + 1, estimatedCost: total.estimatedCost + cost });
}

const zero = (): MappingTotal => ({ planCount: 0, estimatedCost: 0n });

function summarise(counted: readonly MappingPlanInput[], rejected: readonly MappingPlanInput[]): MappingSummary {
  const byType = new Map<CooperationType | null, MappingTotal>();
  const byStage = new Map<PlanStage, MappingTotal>();
  const byAgency = new Map<string, MappingTotal>();
  const agencyNames = new Map<string, string>();
  let grandTotal = { ...zero(), objectCount: 0 };

  // Totals are added per plan, never per row: a plan with several objects counts once.
  for (const plan of counted) {
    const cost = planCost(plan);
    addTo(byType, plan.cooperationType, cost);
    addTo(byStage, plan.stage, cost);
    const key = agencyKey(plan.proposingAgency);
    if (!agencyNames.has(key)) agencyNames.set(key, plan.proposingAgency.trim());
    addTo(byAgency, key, cost);
    grandTotal = {
      planCount: grandTotal.planCount + 1,
      estimatedCost: grandTotal.estimatedCost + cost,
      objectCount: grandTotal.objectCount + plan.objects.length,
    };
  }

  const typeTotals: MappingTypeTotal[] = COOPERATION_TYPES.map((type) => ({
    cooperationType: type.code,
    name: type.name.id,
    ...(byType.get(type.code) ?? zero()),
  }));
  const untyped = byType.get(null);
  if (untyped) typeTotals.push({ cooperationType: null, name: UNTYPED_PLANS_NAME, ...untyped });

  return {
    byCooperationType: typeTotals,
    byStage: PLAN_STAGES.filter((stage) => stage !== PlanStage.REJECTED).map((stage) => ({
      stage,
      name: PLAN_STAGE_LABELS[stage].id,
      ...(byStage.get(stage) ?? zero()),
    })),
    byAgency: [...byAgency.entries()]
      .map(([key, total]) => ({ proposingAgency: agencyNames.get(key)!, ...total }))
      .sort((a, b) => collator.compare(a.proposingAgency, b.proposingAgency)),
    grandTotal,
    rejected: rejected.reduce((total, plan) => ({ planCount: total.planCount + 1, estimatedCost: total.estimatedCost + planCost(plan) }), zero()),
  };
}

/**
 * What a regional secretariat sends upward: every plan that is not rejected, whatever
 * its stage (drafts included: the mapping is the identification exercise itself, and the
 * totals by stage show how far each plan got). Rejected plans are listed only when asked
 * for, after the others, and never counted.
 */
export function buildMappingMatrix(input: MappingInput): MappingMatrix {
  const affairNames = new Map(input.affairs.map((affair) => [`${affair.code}@${affair.nomenclatureVersion}`, affair.name]));
  const sorted = [...input.plans].sort(byMappingOrder);
  const counted = sorted.filter((plan) => plan.stage !== PlanStage.REJECTED);
  const rejected = sorted.filter((plan) => plan.stage === PlanStage.REJECTED);
  // Rejected plans come last, after every plan that counts, so the counted rows stay together.
  const listed = input.includeRejected ? [...counted, ...rejected] : counted;

  return {
    region: input.region,
    reportedTo: reportedTo(input.region, input.province),
    budgetYear: input.budgetYear,
    generatedAt: input.generatedAt,
    includeRejected: input.includeRejected,
    rows: listed.flatMap((plan, index) => rowsOf(plan, index + 1, affairNames, plan.stage !== PlanStage.REJECTED)),
    summary: summarise(counted, rejected),
  };
}
