// Mapping reports in the read model (issue 18): the report per region and budget year as
// its workflow projects it, its immutable revisions (snapshots compiled from the plans and
// the planning documents), its steps, the reporting deadline per budget year, the notices
// of the deadline check, and the national/provincial summary. The only writer of the
// MappingReport, MappingReportRevision, MappingReportStep, ReportingDeadline and
// ReportingNotice tables; every write from a workflow is idempotent.
import { Prisma, type PrismaClient } from '../prisma/client';
import { buildSnapshot, type ReportPlan, type ReportSnapshot, type ReportStatus } from '../domain/mapping-report';
import type { ReportingScope } from '../domain/access-policy';
import type { CooperationType } from '../domain/cooperation-type';
import type { PlanStage } from '../domain/plan-stage';
import type { ReportStepRecord } from '../domain/mapping-report';
import { toJson } from './audit-trail';
import type { AuditChange } from './calendar.repository';

export type ReportingDeadlineRecord = Prisma.ReportingDeadlineGetPayload<object>;

/** One step as the report workflow hands it over. */
export type ReportStepInput = ReportStepRecord;

export interface ReportingRegionRecord {
  code: string;
  name: string;
  level: 'PROVINCE' | 'REGENCY';
  provinceCode: string;
}

/** One region's row of the summary, before the deadline makes its status. */
export interface RegionSummaryRow {
  code: string;
  name: string;
  level: 'PROVINCE' | 'REGENCY';
  provinceCode: string;
  reportStatus: ReportStatus | null;
  revision: number | null;
  plans: number;
  reachedRkpd: number;
  reachedKuaPpas: number;
  /** Plans whose process completed (agreed into the budget) while the region's report is neither submitted nor accepted. */
  completed: number;
  byType: Record<string, number>;
  reminders: number;
  escalated: boolean;
}

type Tx = Prisma.TransactionClient;

/** One region's row of ReportingTally (or of its recount from the plans). */
export interface TallyRow {
  regionCode: string;
  plans: number;
  completed: number;
  reachedRkpd: number;
  reachedKuaPpas: number;
  byType: Record<string, number>;
  byAffair: Record<string, number>;
}

export class MappingReportRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async findRegion(code: string): Promise<ReportingRegionRecord | null> {
    const region = await this.prisma.region.findUnique({ where: { code } });
    return region && { code: region.code, name: region.name, level: region.level, provinceCode: region.provinceCode };
  }

  findReport(regionCode: string, budgetYear: number) {
    return this.prisma.mappingReport.findUnique({ where: { regionCode_budgetYear: { regionCode, budgetYear } } });
  }

  listRevisions(regionCode: string, budgetYear: number) {
    return this.prisma.mappingReportRevision.findMany({ where: { regionCode, budgetYear }, orderBy: { revision: 'asc' } });
  }

  listSteps(regionCode: string, budgetYear: number) {
    return this.prisma.mappingReportStep.findMany({ where: { regionCode, budgetYear }, orderBy: { sequence: 'asc' } });
  }

  /** Reports waiting on a reviewer: a province reviewer's kabupaten/kota, or the ministry's provinces. */
  awaitingReview(reviewers: Array<{ role: 'PROVINCE_REVIEWER' | 'MINISTRY_REVIEWER'; regionCode: string }>) {
    if (reviewers.length === 0) return Promise.resolve([]);
    return this.prisma.mappingReport.findMany({
      where: { status: 'SUBMITTED', OR: reviewers.map((r) => ({ reviewerRole: r.role, reviewerRegion: r.regionCode })) },
      orderBy: [{ dueDate: 'asc' }, { submittedAt: 'asc' }],
    });
  }

  /** Compiles the revision the step names, from the plans as they stand now; a retry finds the stored one. */
  async compileRevision(step: ReportStepInput, dueDate: string): Promise<ReportSnapshot> {
    return this.prisma.$transaction(async (tx) => {
      const stored = await tx.mappingReportRevision.findUnique({
        where: { regionCode_budgetYear_revision: { regionCode: step.regionCode, budgetYear: step.budgetYear, revision: step.revision } },
      });
      if (stored) return stored.snapshot as unknown as ReportSnapshot;
      const region = await tx.region.findUniqueOrThrow({ where: { code: step.regionCode } });
      const plans = await this.reportPlans(tx, step.regionCode, step.budgetYear);
      const regencies = region.level === 'PROVINCE' ? await this.regenciesWithAcceptedReports(tx, region.code, step.budgetYear) : undefined;
      const snapshot = buildSnapshot({
        region: { code: region.code, name: region.name, level: region.level, provinceCode: region.provinceCode },
        budgetYear: step.budgetYear,
        revision: step.revision,
        compiledAt: step.occurredAt,
        compiledBy: step.actorName,
        plans,
        regencies,
      });
      await this.upsertReport(tx, step, dueDate);
      await tx.mappingReportRevision.create({
        data: {
          regionCode: step.regionCode,
          budgetYear: step.budgetYear,
          revision: step.revision,
          snapshot: toJson(snapshot)!,
          compiledBy: step.actorName,
          compiledAt: new Date(step.occurredAt),
        },
      });
      await this.insertStep(tx, step);
      return snapshot;
    });
  }

  /** Projects a step that is not a compilation (sign-off, submission, decision). */
  async recordStep(step: ReportStepInput, dueDate: string): Promise<void> {
    await this.prisma.$transaction(async (tx) => {
      await this.upsertReport(tx, step, dueDate);
      await this.insertStep(tx, step);
    });
  }

  private async insertStep(tx: Tx, step: ReportStepInput): Promise<void> {
    await tx.mappingReportStep.createMany({
      data: [
        {
          regionCode: step.regionCode,
          budgetYear: step.budgetYear,
          sequence: step.sequence,
          action: step.action,
          revision: step.revision,
          actor: step.actorName,
          actorId: step.actorId,
          comment: step.comment ?? null,
          occurredAt: new Date(step.occurredAt),
        },
      ],
      skipDuplicates: true,
    });
  }

  /** The report row, moved to the step's state unless a later step is already there. */
  private async upsertReport(tx: Tx, step: ReportStepInput, dueDate: string): Promise<void> {
    const at = new Date(step.occurredAt);
    const reviewer =
      step.level === 'PROVINCE'
        ? { reviewerRole: 'MINISTRY_REVIEWER' as const, reviewerRegion: '00' }
        : { reviewerRole: 'PROVINCE_REVIEWER' as const, reviewerRegion: step.provinceCode };
    const changes = {
      status: step.status,
      revision: step.revision,
      version: step.sequence,
      updatedAt: at,
      dueDate,
      ...(step.action === 'SIGN_OFF' && { signedBy: step.actorName }),
      ...(step.action === 'COMPILE' && { signedBy: null }),
      ...(step.action === 'SUBMIT' && { submittedAt: at, ...reviewer }),
      ...((step.action === 'ACCEPT' || step.action === 'RETURN') && { decidedAt: at, decidedBy: step.actorName, comment: step.comment ?? null }),
    };
    await tx.mappingReport.upsert({
      where: { regionCode_budgetYear: { regionCode: step.regionCode, budgetYear: step.budgetYear } },
      create: { regionCode: step.regionCode, budgetYear: step.budgetYear, provinceCode: step.provinceCode, ...changes },
      update: {},
    });
    await tx.mappingReport.updateMany({
      where: { regionCode: step.regionCode, budgetYear: step.budgetYear, version: { lt: step.sequence } },
      data: changes,
    });
  }

  /** The region's plans for the year, with their urusan and whether they stand in the RKPD and KUA-PPAS. */
  private async reportPlans(tx: Tx, regionCode: string, budgetYear: number): Promise<ReportPlan[]> {
    const plans = await tx.cooperationPlan.findMany({
      where: { regionCode, budgetYear },
      select: {
        id: true,
        title: true,
        proposingAgency: true,
        cooperationType: true,
        stage: true,
        objects: { select: { affairCode: true }, orderBy: { position: 'asc' } },
      },
      orderBy: { id: 'asc' },
    });
    const lines = await tx.documentLine.findMany({
      where: { status: 'ACTIVE', document: { regionCode, budgetYear, kind: { in: ['RKPD', 'KUA_PPAS'] } } },
      select: { planId: true, document: { select: { kind: true } } },
    });
    const inKind = (kind: string) => new Set(lines.filter((line) => line.document.kind === kind).map((line) => line.planId));
    const rkpd = inKind('RKPD');
    const kuaPpas = inKind('KUA_PPAS');
    return plans.map((plan) => ({
      id: plan.id,
      title: plan.title,
      proposingAgency: plan.proposingAgency,
      cooperationType: plan.cooperationType as CooperationType | null,
      stage: plan.stage as PlanStage,
      affairCodes: plan.objects.map((object) => object.affairCode),
      inRkpd: rkpd.has(plan.id),
      inKuaPpas: kuaPpas.has(plan.id),
    }));
  }

  private async regenciesWithAcceptedReports(tx: Tx, provinceCode: string, budgetYear: number) {
    const regencies = await tx.region.findMany({ where: { provinceCode, level: 'REGENCY' }, orderBy: { code: 'asc' } });
    const accepted = await tx.mappingReport.findMany({ where: { provinceCode, budgetYear, status: 'ACCEPTED', regionCode: { not: provinceCode } } });
    const revisions = accepted.length
      ? await tx.mappingReportRevision.findMany({
          where: { budgetYear, OR: accepted.map((report) => ({ regionCode: report.regionCode, revision: report.revision })) },
        })
      : [];
    const byRegion = new Map(revisions.map((revision) => [revision.regionCode, revision]));
    return regencies.map((regency) => {
      const revision = byRegion.get(regency.code);
      return {
        code: regency.code,
        name: regency.name,
        accepted: revision && { revision: revision.revision, snapshot: revision.snapshot as unknown as ReportSnapshot },
      };
    });
  }

  // --- The reporting deadline of a budget year -------------------------------------------------

  findDeadline(budgetYear: number) {
    return this.prisma.reportingDeadline.findUnique({ where: { budgetYear } });
  }

  /** Sets the year's date; `audit` records the change in the same transaction (before and after). */
  setDeadline(budgetYear: number, date: string, note: string | null, createdBy: string, audit: AuditChange<ReportingDeadlineRecord>) {
    return this.prisma.$transaction(async (tx) => {
      const before = await tx.reportingDeadline.findUnique({ where: { budgetYear } });
      const after = await tx.reportingDeadline.upsert({
        where: { budgetYear },
        create: { budgetYear, date, note, createdBy },
        update: { date, note, createdBy, createdAt: new Date() },
      });
      await audit(tx, before, after);
      return after;
    });
  }

  // --- The deadline check ----------------------------------------------------------------------

  /**
   * Regions (of the given level) whose report for the year is neither submitted nor
   * accepted, and that have an active holder of one of `roles` to tell (a region nobody
   * works in yet still shows as late above, but gets no notice).
   */
  async regionsNotReported(budgetYear: number, level: 'PROVINCE' | 'REGENCY', roles: readonly string[]): Promise<ReportingRegionRecord[]> {
    const rows = await this.prisma.$queryRaw<Array<{ code: string; name: string; provinceCode: string }>>`
      SELECT r."code", r."name", r."provinceCode"
        FROM "Region" r
        LEFT JOIN "MappingReport" m ON m."regionCode" = r."code" AND m."budgetYear" = ${budgetYear}
       WHERE r."level" = ${level}::"RegionLevel"
         AND (m."status" IS NULL OR m."status" NOT IN ('SUBMITTED', 'ACCEPTED'))
         AND EXISTS (
           SELECT 1 FROM "UserRoleGrant" g JOIN "User" u ON u."id" = g."userId"
            WHERE g."regionCode" = r."code" AND u."active" AND g."role"::text = ANY(${[...roles]}::text[])
         )
       ORDER BY r."code"`;
    return rows.map((row) => ({ ...row, level }));
  }

  /** Records notices once per region and kind; a repeat changes nothing. */
  async recordNotices(budgetYear: number, regionCodes: readonly string[], kind: string, at: Date): Promise<void> {
    if (regionCodes.length === 0) return;
    await this.prisma.reportingNotice.createMany({
      data: regionCodes.map((regionCode) => ({ budgetYear, regionCode, kind, sentAt: at })),
      skipDuplicates: true,
    });
  }

  listNotices(budgetYear: number, regionCode: string) {
    return this.prisma.reportingNotice.findMany({ where: { budgetYear, regionCode }, orderBy: { sentAt: 'asc' } });
  }

  // --- The summary above -----------------------------------------------------------------------

  /**
   * Every region the scope covers, with its report and its plans' counts. The counts come
   * from ReportingTally (a few dozen rows per region, kept exact by database triggers on every
   * write of the plans, their objects and the planning documents; see its migration), not
   * from counting the plans on every read; `tallyRecount` counts the same from the plans.
   */
  async summary(budgetYear: number, scope: ReportingScope): Promise<{ regions: RegionSummaryRow[]; byAffair: Record<string, number> }> {
    const filter = scope.national
      ? Prisma.sql`TRUE`
      : Prisma.sql`(r."provinceCode" = ANY(${scope.provinces}::text[]) OR r."code" = ANY(${scope.regions}::text[]))`;
    // One statement, one row per region: PGlite serves one connection, so each round trip counts.
    const regions = await this.prisma.$queryRaw<
      Array<{
        code: string;
        name: string;
        level: 'PROVINCE' | 'REGENCY';
        provinceCode: string;
        status: ReportStatus | null;
        revision: number | null;
        plans: number | null;
        completed: number | null;
        reachedRkpd: number | null;
        reachedKuaPpas: number | null;
        byType: Record<string, number> | null;
        byAffair: Record<string, number> | null;
        reminders: number | null;
        escalated: boolean | null;
      }>
    >`
      SELECT r."code", r."name", r."level"::text AS "level", r."provinceCode", m."status"::text AS "status", m."revision",
             t."plans", t."completed", t."reachedRkpd", t."reachedKuaPpas", t."byType", t."byAffair", n."reminders", n."escalated"
        FROM "Region" r
        LEFT JOIN "MappingReport" m ON m."regionCode" = r."code" AND m."budgetYear" = ${budgetYear}
        LEFT JOIN "ReportingTally" t ON t."regionCode" = r."code" AND t."budgetYear" = ${budgetYear}
        LEFT JOIN LATERAL (
              SELECT COUNT(*) FILTER (WHERE x."kind" <> 'ESCALATED')::int AS "reminders", BOOL_OR(x."kind" = 'ESCALATED') AS "escalated"
                FROM "ReportingNotice" x WHERE x."budgetYear" = ${budgetYear} AND x."regionCode" = r."code") n ON TRUE
       WHERE ${filter}
       ORDER BY r."code"`;
    const byAffair: Record<string, number> = {};
    const rows = regions.map((region): RegionSummaryRow => {
      for (const [affair, plans] of Object.entries(region.byAffair ?? {})) byAffair[affair] = (byAffair[affair] ?? 0) + plans;
      return {
        code: region.code,
        name: region.name,
        level: region.level,
        provinceCode: region.provinceCode,
        reportStatus: region.status,
        revision: region.revision,
        plans: region.plans ?? 0,
        reachedRkpd: region.reachedRkpd ?? 0,
        reachedKuaPpas: region.reachedKuaPpas ?? 0,
        completed: region.completed ?? 0,
        byType: region.byType ?? {},
        reminders: region.reminders ?? 0,
        escalated: region.escalated ?? false,
      };
    });
    return { regions: rows, byAffair };
  }

  /**
   * The tally of one budget year as the plans give it now (what the triggers should have
   * kept), counted here independently of the database function: for the bench and the
   * tests that check the stored tally against it. Regions in code order.
   */
  async tallyRecount(budgetYear: number): Promise<TallyRow[]> {
    const counts = await this.prisma.$queryRaw<Array<{ regionCode: string; measure: string; key: string; count: number }>>`
      SELECT p."regionCode", 'PLANS' AS "measure", COALESCE(p."cooperationType"::text, 'NONE') AS "key", COUNT(*)::int AS "count"
        FROM "CooperationPlan" p WHERE p."budgetYear" = ${budgetYear} AND p."stage" <> 'REJECTED' GROUP BY 1, 3
      UNION ALL
      SELECT p."regionCode", 'COMPLETED', '', COUNT(*)::int
        FROM "CooperationPlan" p WHERE p."budgetYear" = ${budgetYear} AND p."stage" = 'COMPLETED' GROUP BY 1
      UNION ALL
      SELECT x."regionCode", 'AFFAIR', x."affairCode", COUNT(*)::int
        FROM (SELECT DISTINCT p."regionCode", o."affairCode", o."planId" FROM "PlanObject" o JOIN "CooperationPlan" p ON p."id" = o."planId"
               WHERE p."budgetYear" = ${budgetYear} AND p."stage" <> 'REJECTED') x GROUP BY 1, 3
      UNION ALL
      SELECT x."regionCode", x."kind", '', COUNT(*)::int
        FROM (SELECT DISTINCT d."regionCode", d."kind"::text AS "kind", l."planId" FROM "PlanningDocument" d
                JOIN "DocumentLine" l ON l."documentId" = d."id" AND l."status" = 'ACTIVE'
               WHERE d."budgetYear" = ${budgetYear} AND d."kind" IN ('RKPD', 'KUA_PPAS')) x GROUP BY 1, 2`;
    const rows = new Map<string, TallyRow>();
    for (const { regionCode, measure, key, count } of counts) {
      let row = rows.get(regionCode);
      if (!row) rows.set(regionCode, (row = { regionCode, plans: 0, completed: 0, reachedRkpd: 0, reachedKuaPpas: 0, byType: {}, byAffair: {} }));
      if (measure === 'PLANS') {
        row.plans += count;
        row.byType[key] = count;
      } else if (measure === 'COMPLETED') row.completed = count;
      else if (measure === 'AFFAIR') row.byAffair[key] = count;
      else if (measure === 'RKPD') row.reachedRkpd = count;
      else row.reachedKuaPpas = count;
    }
    return [...rows.values()].sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1));
  }

  /** The stored tally of one budget year, regions in code order. */
  tally(budgetYear: number): Promise<TallyRow[]> {
    return this.prisma.$queryRaw<TallyRow[]>`
      SELECT t."regionCode", t."plans", t."completed", t."reachedRkpd", t."reachedKuaPpas", t."byType", t."byAffair"
        FROM "ReportingTally" t WHERE t."budgetYear" = ${budgetYear} ORDER BY t."regionCode" COLLATE "C"`;
  }
}
