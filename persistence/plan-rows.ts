// The mapping between a plan's content and its rows: the plan's own columns, and its
// line items, partners and mapped objects in tables of their own, kept in order.
import { randomUUID } from 'node:crypto';
import type { Prisma } from '../prisma/client';
import type { FeasibilityStudy, MappedObject, PlanContent, PlanLineItem, PlanPartner, TermsOfReference } from '../domain/plan-content';

export const planWithDetails = {
  lineItems: { orderBy: { position: 'asc' } },
  objects: { orderBy: { position: 'asc' } },
  partners: { orderBy: { position: 'asc' } },
  transitions: { orderBy: { sequence: 'asc' } },
} as const;

/** A plan with its lists, as the plan page reads it. */
export type PlanRecord = Prisma.CooperationPlanGetPayload<{ include: typeof planWithDetails }>;

/** Values the plan rules derive, stored so later stages and lists can use them. */
export interface DerivedPlanFields {
  requiresDprdApproval: boolean;
  dprdApprovalReasons: string[];
}

const undefinedIfNull = <T>(value: T | null): T | undefined => (value === null ? undefined : value);

/** The content of a plan as its officer wrote it. */
export function toPlanContent(plan: PlanRecord): PlanContent {
  return {
    title: plan.title,
    summary: plan.summary,
    regionCode: plan.regionCode,
    budgetYear: plan.budgetYear,
    proposingAgency: plan.proposingAgency,
    cooperationType: undefinedIfNull(plan.cooperationType),
    ksdpkKind: undefinedIfNull(plan.ksdpkKind),
    initiator: undefinedIfNull(plan.initiator),
    partners: plan.partners.map((p) => ({
      kind: p.kind,
      name: p.name,
      regionCode: undefinedIfNull(p.regionCode),
      legalForm: undefinedIfNull(p.legalForm),
      country: undefinedIfNull(p.country),
    })),
    objects: plan.objects.map((o) => ({
      affairCode: o.affairCode,
      programCode: undefinedIfNull(o.programCode),
      kegiatanCode: undefinedIfNull(o.kegiatanCode),
      subKegiatanCode: undefinedIfNull(o.subKegiatanCode),
      nomenclatureVersion: o.nomenclatureVersion,
      potential: o.potential,
      characteristics: o.characteristics,
      inPlanningDocuments: o.inPlanningDocuments,
      exceptionReason: undefinedIfNull(o.exceptionReason),
    })),
    termsOfReference: undefinedIfNull(plan.termsOfReference as Partial<TermsOfReference> | null),
    feasibilityStudy: undefinedIfNull(plan.feasibilityStudy as Partial<FeasibilityStudy> | null),
    plannedDurationMonths: undefinedIfNull(plan.plannedDurationMonths),
    fundingSource: undefinedIfNull(plan.fundingSource),
    burdensCommunity: undefinedIfNull(plan.burdensCommunity),
    multiYear: plan.multiYear,
    lineItems: plan.lineItems.map((item) => ({
      nomenclatureCode: item.nomenclatureCode,
      description: item.description,
      amount: Number(item.amount),
    })),
  };
}

export const lineItemRows = (items: PlanLineItem[]) =>
  items.map((item, position) => ({
    id: randomUUID(),
    position,
    nomenclatureCode: item.nomenclatureCode,
    description: item.description,
    amount: BigInt(item.amount),
  }));

export const partnerRows = (partners: PlanPartner[]) =>
  partners.map((partner, position) => ({
    id: randomUUID(),
    position,
    kind: partner.kind,
    name: partner.name,
    regionCode: partner.regionCode ?? null,
    legalForm: partner.legalForm ?? null,
    country: partner.country ?? null,
  }));

export const objectRows = (objects: MappedObject[]) =>
  objects.map((object, position) => ({
    id: randomUUID(),
    position,
    affairCode: object.affairCode,
    programCode: object.programCode ?? null,
    kegiatanCode: object.kegiatanCode ?? null,
    subKegiatanCode: object.subKegiatanCode ?? null,
    nomenclatureVersion: object.nomenclatureVersion,
    potential: object.potential,
    characteristics: object.characteristics,
    inPlanningDocuments: object.inPlanningDocuments,
    exceptionReason: object.exceptionReason ?? null,
  }));

/** The plan's own columns from (part of) its content; lists go to their tables. */
export function planColumns<T extends Partial<PlanContent & DerivedPlanFields>>(fields: T) {
  const { lineItems: _l, partners: _p, objects: _o, termsOfReference, feasibilityStudy, ...columns } = fields;
  return {
    ...columns,
    ...(termsOfReference !== undefined && { termsOfReference: termsOfReference as Prisma.InputJsonObject }),
    ...(feasibilityStudy !== undefined && { feasibilityStudy: feasibilityStudy as Prisma.InputJsonObject }),
  };
}
