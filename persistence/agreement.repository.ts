// Cooperation agreements in the read model: the row opened when the secretariat starts one
// from a COMPLETED plan, each move the agreement's workflow projects (with the inbox tasks
// it closes and opens), and the register (GET /agreements). The only writer of the
// Agreement and AgreementTransition tables; every projection is idempotent.
import type { Prisma, PrismaClient } from '../prisma/client';
import { AuditEntity } from '../domain/audit-action';
import { AGREEMENT_STAGE_INFO, type AgreementStage } from '../domain/agreement-stage';
import { Conflict } from '../domain/errors';
import { text } from '../domain/message';
import type { TaskAssignmentOf } from '../domain/review-task';
import type { RoleGrant } from '../domain/role';
import type { AgreementTransition } from '../domain/agreement-transition';
import type { MonevReport } from '../domain/monev-report';
import { appendAuditEvent, auditDedupeKey } from './audit-trail';
import { COUNT_LIMIT, afterCursor, encodeCursor, type Keyset } from './keyset';
import { decodeCursorOrRefuse } from './keyset-cursor';
import { closeOpenAgreementTasks, openAgreementTask } from './review-task.repository';

export interface NewAgreement {
  id: string;
  planId: string;
  regionCode: string;
  budgetYear: number;
  title: string;
  owningAgency: string;
  partnerInitiated: boolean;
  dprdApprovalOwed: boolean;
  startedBy: string;
  createdAt: Date;
}

export interface RecordAgreementTransitionInput {
  agreementId: string;
  transition: AgreementTransition;
  /** The task the move opened, if the stage it entered has one. */
  task?: TaskAssignmentOf<AgreementStage>;
}

export interface RecordAgreementReportInput {
  agreementId: string;
  report: MonevReport;
}

/** Register filters: active (being prepared or in force), expiring (in force, ending within the window), expired, ended. */
export type AgreementStatusFilter = 'active' | 'expiring' | 'expired' | 'ended';

export interface AgreementFilter {
  regionCode?: string;
  /** The agreement of one plan (the plan page's link to it). */
  planId?: string;
  status?: AgreementStatusFilter;
  /** Today in the region's zone (YYYY-MM-DD) and the last day counted as "expiring". */
  today: string;
  expiringUntil: string;
  pageSize: number;
  cursor?: string;
}

const NEWEST_FIRST: Keyset = {
  name: 'agreements-newest',
  keys: [
    { field: 'createdAt', direction: 'desc', type: 'date' },
    { field: 'id', direction: 'desc', type: 'string' },
  ],
};

const ENDED: AgreementStage[] = ['TERMINATED', 'EXPIRED', 'CONCLUDED'];

function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { code?: string }).code === 'P2002';
}

export class AgreementRepository {
  constructor(private readonly prisma: PrismaClient) {}

  /** The plan's agreement, if one was started. */
  findByPlan(planId: string) {
    return this.prisma.agreement.findUnique({ where: { planId } });
  }

  /** The facts a deadline needs (the region), for the workflow's activities. */
  findByIdOrThrow(id: string) {
    return this.prisma.agreement.findUniqueOrThrow({ where: { id }, select: { id: true, regionCode: true, planId: true } });
  }

  findById(id: string) {
    return this.prisma.agreement.findUnique({
      where: { id },
      include: {
        transitions: { orderBy: { sequence: 'asc' } },
        tasks: { where: { status: 'OPEN' }, orderBy: { openSequence: 'desc' }, take: 1 },
        reports: { orderBy: { sequence: 'asc' } },
      },
    });
  }

  /** The plan's budget lines, which a monev report realises. */
  planBudgetLines(planId: string) {
    return this.prisma.planLineItem.findMany({
      where: { planId },
      orderBy: { position: 'asc' },
      select: { id: true, nomenclatureCode: true, amount: true, description: true },
    });
  }

  /** Opens the agreement's row; a second start of the same plan finds the first (planId is unique). */
  async create(agreement: NewAgreement): Promise<{ id: string; created: boolean }> {
    const { count } = await this.prisma.agreement.createMany({ data: [{ ...agreement, updatedAt: agreement.createdAt }], skipDuplicates: true });
    const row = await this.prisma.agreement.findUniqueOrThrow({ where: { planId: agreement.planId }, select: { id: true } });
    return { id: row.id, created: count === 1 };
  }

  /** Whether a signed number is taken by another agreement of the region. */
  async numberTaken(regionCode: string, kind: 'KB' | 'PKS', number: string, exceptId: string): Promise<boolean> {
    const where = kind === 'KB' ? { regionCode, kbNumber: number } : { regionCode, pksNumber: number };
    return (await this.prisma.agreement.count({ where: { ...where, NOT: { id: exceptId } } })) > 0;
  }

  /**
   * Projects one move: the transition, its audit entry, the signed numbers and term, and the
   * inbox tasks it closes and opens, in one transaction. A retried projection finds its row and stops.
   */
  async recordTransition({ agreementId, transition, task }: RecordAgreementTransitionInput): Promise<void> {
    const occurredAt = new Date(transition.at);
    try {
      await this.prisma.$transaction(async (tx) => this.applyTransition(tx, agreementId, transition, task, occurredAt));
    } catch (error) {
      if (isUniqueViolation(error)) throw numberConflict(transition.signing?.number ?? '');
      throw error;
    }
  }

  private async applyTransition(
    tx: Prisma.TransactionClient,
    agreementId: string,
    transition: AgreementTransition,
    task: TaskAssignmentOf<AgreementStage> | undefined,
    occurredAt: Date,
  ): Promise<void> {
    const { count } = await tx.agreementTransition.createMany({
      data: [
        {
          agreementId,
          sequence: transition.sequence,
          fromStage: transition.from,
          toStage: transition.to,
          outcome: transition.outcome,
          actor: transition.actor,
          actorId: transition.actorId ?? null,
          comment: transition.comment ?? null,
          details: JSON.parse(JSON.stringify({ signing: transition.signing, term: transition.term, evaluation: transition.evaluation })) as object,
          occurredAt,
        },
      ],
      skipDuplicates: true,
    });
    if (count === 0) return;
    const signed = transition.outcome === 'APPROVE' && transition.signing;
    const agreement = await tx.agreement.update({
      where: { id: agreementId },
      data: {
        stage: transition.to,
        lastSequence: transition.sequence,
        updatedAt: occurredAt,
        ...(signed && transition.from === 'KB_SIGNING' && { kbNumber: transition.signing!.number.trim(), kbSignedOn: transition.signing!.signedOn }),
        ...(signed &&
          transition.from === 'PKS_SIGNING' && {
            pksNumber: transition.signing!.number.trim(),
            pksSignedOn: transition.signing!.signedOn,
            startsOn: transition.term?.startsOn,
            endsOn: transition.term?.endsOn,
          }),
      },
      select: { planId: true, regionCode: true, budgetYear: true },
    });
    await appendAuditEvent(tx, {
      actorId: transition.actorId ?? null,
      actorName: transition.actor,
      actorRole: AGREEMENT_STAGE_INFO[transition.from].role,
      action: `AGREEMENT_${transition.outcome}`,
      planId: agreement.planId,
      entity: AuditEntity.AGREEMENT,
      entityId: agreementId,
      details: {
        fromStage: transition.from,
        toStage: transition.to,
        comment: transition.comment,
        signing: transition.signing,
        term: transition.term,
        evaluation: transition.evaluation,
      },
      occurredAt,
      dedupeKey: auditDedupeKey('agreement', agreementId, 'transition', transition.sequence),
    });
    await closeOpenAgreementTasks(tx, agreementId, { closedAt: occurredAt, decision: transition.outcome, decidedBy: transition.actor });
    if (task) {
      await openAgreementTask(tx, {
        agreementId,
        planId: agreement.planId,
        agreementStage: task.stage,
        openSequence: task.openSequence,
        candidateRole: task.candidateRole,
        regionCode: agreement.regionCode,
        budgetYear: agreement.budgetYear,
        createdAt: occurredAt,
      });
    }
  }

  /**
   * Projects a monev report: its content once, as filed (never rewritten: a second write of
   * the same report finds its row), and then the secretariat's review beside it, once.
   */
  async recordReport({ agreementId, report }: RecordAgreementReportInput): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      const agreement = await tx.agreement.findUniqueOrThrow({ where: { id: agreementId }, select: { planId: true } });
      const submittedAt = new Date(report.submittedAt);
      const { count } = await tx.agreementReport.createMany({
        data: [
          {
            agreementId,
            sequence: report.sequence,
            period: report.period,
            progressPercent: report.progressPercent,
            budgetLines: JSON.parse(JSON.stringify(report.budgetLines)) as object,
            problems: report.problems ?? null,
            submittedById: report.submittedBy.userId || null,
            submittedByName: report.submittedBy.name,
            submittedAt,
            status: 'SUBMITTED',
          },
        ],
        skipDuplicates: true,
      });
      if (count === 1) {
        await appendAuditEvent(tx, {
          actorId: report.submittedBy.userId || null,
          actorName: report.submittedBy.name,
          actorRole: 'OFFICER',
          action: 'AGREEMENT_REPORT_SUBMITTED',
          planId: agreement.planId,
          entity: AuditEntity.AGREEMENT,
          entityId: agreementId,
          details: { sequence: report.sequence, period: report.period, progressPercent: report.progressPercent },
          occurredAt: submittedAt,
          dedupeKey: auditDedupeKey('agreement', agreementId, 'report', report.sequence),
        });
      }
      const review = report.review;
      if (!review) return;
      const reviewedAt = new Date(review.at);
      const { count: reviewed } = await tx.agreementReport.updateMany({
        where: { agreementId, sequence: report.sequence, status: 'SUBMITTED' },
        data: {
          status: report.status,
          reviewedById: review.by.userId || null,
          reviewedByName: review.by.name,
          reviewComment: review.comment ?? null,
          reviewedAt,
        },
      });
      if (reviewed === 1) {
        await appendAuditEvent(tx, {
          actorId: review.by.userId || null,
          actorName: review.by.name,
          actorRole: 'SECRETARIAT',
          action: `AGREEMENT_REPORT_${review.outcome}`,
          planId: agreement.planId,
          entity: AuditEntity.AGREEMENT,
          entityId: agreementId,
          details: { sequence: report.sequence, period: report.period, comment: review.comment },
          occurredAt: reviewedAt,
          dedupeKey: auditDedupeKey('agreement', agreementId, 'report-review', report.sequence),
        });
      }
    });
  }

  /** One page of the region's register, newest first, with a cursor for the next. */
  async list(filter: AgreementFilter, grants: readonly RoleGrant[]) {
    const regions = [...new Set(grants.map((grant) => grant.regionCode))];
    const where: Prisma.AgreementWhereInput = {
      regionCode: filter.regionCode ? (regions.includes(filter.regionCode) ? filter.regionCode : '__none__') : { in: regions },
      ...statusWhere(filter),
      ...(filter.planId && { planId: filter.planId }),
    };
    const after = filter.cursor ? afterCursor<Prisma.AgreementWhereInput>(NEWEST_FIRST, decodeCursorOrRefuse(NEWEST_FIRST, filter.cursor)) : undefined;
    const [rows, total] = await Promise.all([
      this.prisma.agreement.findMany({
        where: after ? { AND: [where, after] } : where,
        orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
        take: filter.pageSize + 1,
      }),
      this.prisma.agreement.count({ where, take: COUNT_LIMIT + 1 }),
    ]);
    const items = rows.slice(0, filter.pageSize);
    const nextCursor = rows.length > filter.pageSize ? encodeCursor(NEWEST_FIRST, items[items.length - 1]) : null;
    return { items, total: Math.min(total, COUNT_LIMIT), totalCapped: total > COUNT_LIMIT, nextCursor };
  }
}

function statusWhere(filter: AgreementFilter): Prisma.AgreementWhereInput {
  switch (filter.status) {
    case 'active':
      return { stage: { notIn: ENDED } };
    case 'expiring':
      return { stage: 'IMPLEMENTATION', endsOn: { gte: filter.today, lte: filter.expiringUntil } };
    case 'expired':
      return { OR: [{ stage: 'EXPIRED' }, { stage: { in: ['IMPLEMENTATION', 'EVALUATION'] }, endsOn: { lt: filter.today } }] };
    case 'ended':
      return { stage: { in: ENDED } };
    default:
      return {};
  }
}

export function numberConflict(number: string): Conflict {
  return new Conflict(
    'AGREEMENT_NUMBER_TAKEN',
    text(
      `Nomor naskah '${number}' sudah dipakai perjanjian lain di daerah ini.`,
      `The number '${number}' is already used by another agreement of this region.`,
    ),
    [
      {
        field: 'signing.number',
        reason: 'DUPLICATE',
        message: text('Nomor naskah harus unik di setiap daerah.', 'Agreement numbers are unique per region.'),
      },
    ],
  );
}
