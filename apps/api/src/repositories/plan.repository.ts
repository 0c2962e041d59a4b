// Data access for plans in the read model: the only place the plans service reaches
// Prisma, and the one mapping between a plan's rows and its content.
import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Prisma, PrismaClient } from '../../../../prisma/client';
import type { CooperationType } from '../../../../domain/cooperation-type';
import type { FeasibilityStudy, MappedObject, PlanContent, PlanLineItem, PlanPartner, TermsOfReference } from '../../../../domain/plan-content';
import type { PlanStage } from '../../../../domain/plan-stage';
import { PRISMA } from '../tokens';
import { appendAuditEvent } from '../../../../activities/audit-trail';
import type { AuditEventInput } from '../../../../domain/audit-event';
import { visibleScopes } from '../../../../domain/access-policy';
import type { RoleGrant } from '../../../../domain/role';
import { escapeLikePattern } from '../utils/like-pattern';

const planWithDetails = {
  lineItems: { orderBy: { position: 'asc' } },
  objects: { orderBy: { position: 'asc' } },
  partners: { orderBy: { position: 'asc' } },
  transitions: { orderBy: { sequence: 'asc' } },
} as const;

export type PlanRecord = NonNullable<Awaited<ReturnType<PlanRepository['findById']>>>;
export type PlanSummaryRecord = Awaited<ReturnType<PlanRepository['list']>>['items'][number];

/** Values the plan rules derive, stored so later stages and lists can use them. */
export interface DerivedPlanFields {
  requiresDprdApproval: boolean;
  dprdApprovalReasons: string[];
}

export interface NewPlan extends PlanContent, DerivedPlanFields {
  createdBy: string;
}

export interface PlanFilter {
  stage?: PlanStage;
  regionCode?: string;
  budgetYear?: number;
  cooperationType?: CooperationType;
  q?: string;
  page: number;
  pageSize: number;
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

const lineItemRows = (items: PlanLineItem[]) =>
  items.map((item, position) => ({ id: randomUUID(), position, nomenclatureCode: item.nomenclatureCode, description: item.description, amount: BigInt(item.amount) }));

const partnerRows = (partners: PlanPartner[]) =>
  partners.map((partner, position) => ({
    id: randomUUID(),
    position,
    kind: partner.kind,
    name: partner.name,
    regionCode: partner.regionCode ?? null,
    legalForm: partner.legalForm ?? null,
    country: partner.country ?? null,
  }));

const objectRows = (objects: MappedObject[]) =>
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
function planColumns<T extends Partial<PlanContent & DerivedPlanFields>>(fields: T) {
  const { lineItems: _l, partners: _p, objects: _o, termsOfReference, feasibilityStudy, ...columns } = fields;
  return {
    ...columns,
    ...(termsOfReference !== undefined && { termsOfReference: termsOfReference as Prisma.InputJsonObject }),
    ...(feasibilityStudy !== undefined && { feasibilityStudy: feasibilityStudy as Prisma.InputJsonObject }),
  };
}

@Injectable()
export class PlanRepository {
  constructor(@Inject(PRISMA) private readonly prisma: PrismaClient) {}

  findById(id: string) {
    return this.prisma.cooperationPlan.findUnique({ where: { id }, include: planWithDetails });
  }

  /** Stores the draft and its audit entry in one transaction. */
  async create(plan: NewPlan, audit: AuditEventInput) {
    const id = randomUUID();
    return this.prisma.$transaction(async (tx) => {
      const created = await tx.cooperationPlan.create({
        data: {
          id,
          ...planColumns(plan),
          lineItems: { createMany: { data: lineItemRows(plan.lineItems) } },
          partners: { createMany: { data: partnerRows(plan.partners) } },
          objects: { createMany: { data: objectRows(plan.objects) } },
        },
        include: planWithDetails,
      });
      await appendAuditEvent(tx, { ...audit, planId: id, entityId: id });
      return created;
    });
  }

  /**
   * Applies an edit only while the plan is a draft, in one transaction: returns false
   * when the plan had left DRAFT (a concurrent submission wins). A list given replaces
   * the stored one.
   */
  async updateDraft(id: string, changes: Partial<PlanContent> & DerivedPlanFields, audit: AuditEventInput): Promise<boolean> {
    return this.prisma.$transaction(async (tx) => {
      const { count } = await tx.cooperationPlan.updateMany({
        where: { id, stage: 'DRAFT' },
        data: { ...planColumns(changes), draftVersion: { increment: 1 } },
      });
      if (count === 0) return false;
      await appendAuditEvent(tx, { ...audit, planId: id, entityId: id });
      if (changes.lineItems) {
        await tx.planLineItem.deleteMany({ where: { planId: id } });
        await tx.planLineItem.createMany({ data: lineItemRows(changes.lineItems).map((row) => ({ ...row, planId: id })) });
      }
      if (changes.partners) {
        await tx.planPartner.deleteMany({ where: { planId: id } });
        await tx.planPartner.createMany({ data: partnerRows(changes.partners).map((row) => ({ ...row, planId: id })) });
      }
      if (changes.objects) {
        await tx.planObject.deleteMany({ where: { planId: id } });
        await tx.planObject.createMany({ data: objectRows(changes.objects).map((row) => ({ ...row, planId: id })) });
      }
      return true;
    });
  }

  /** Plans matching the filter among those the grants may see. */
  async list(filter: PlanFilter, grants: readonly RoleGrant[]) {
    const { regions, agencies } = visibleScopes(grants);
    const where = {
      OR: [{ regionCode: { in: regions } }, ...agencies.map((scope) => ({ ...scope }))],
      stage: filter.stage,
      regionCode: filter.regionCode,
      budgetYear: filter.budgetYear,
      cooperationType: filter.cooperationType,
      ...(filter.q && { title: { contains: escapeLikePattern(filter.q), mode: 'insensitive' as const } }),
    };
    const [items, total] = await Promise.all([
      this.prisma.cooperationPlan.findMany({
        where,
        orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
        skip: (filter.page - 1) * filter.pageSize,
        take: filter.pageSize,
      }),
      this.prisma.cooperationPlan.count({ where }),
    ]);
    return { items, total };
  }
}
