// Reporting upward (issue 18): a region's mapping report (compile, sign off, submit,
// accept or return, each an Update of the report's workflow), its revisions, the reports
// waiting on a reviewer, the reporting deadline per budget year, and the national and
// provincial summary with its exports. Reads come from the read model only.
import { Inject, Injectable } from '@nestjs/common';
import {
  canManageNationalCalendar,
  reportingScope,
  requireNationalCalendarRights,
  requireReportsVisible,
  type ReportingRegion,
} from '../../../../domain/access-policy';
import type { AuthContext } from '../../../../domain/auth-context';
import { Forbidden, NotFound, ValidationFailed } from '../../../../domain/errors';
import { isLocalDate, localDateOf } from '../../../../domain/local-date';
import {
  REPORTING_DEADLINE_SOURCE,
  ReportAction,
  refuseReportStep,
  reportingDeadline,
  summaryStatus,
  type ReportActor,
  type ReportSnapshot,
  type ReportStatus,
  type SummaryStatus,
} from '../../../../domain/mapping-report';
import { text, type BilingualText } from '../../../../domain/message';
import { IndonesianTimeZone, regionTimeZone } from '../../../../domain/region-time-zone';
import { Role } from '../../../../domain/role';
import type { AppConfig } from '../../../../platform/config';
import { AuditRepository } from '../../../../persistence/audit.repository';
import { MappingReportRepository, type ReportingDeadlineRecord, type ReportingRegionRecord } from '../../../../persistence/mapping-report.repository';
import { NotificationRepository } from '../../../../persistence/notification.repository';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import {
  acceptReportUpdate,
  returnReportUpdate,
  signOffReportUpdate,
  submitReportUpdate,
  type MappingReportState,
} from '../../../../workflows/mapping-report/definitions';
import { ReportProcessRepository } from '../repositories/report-process.repository';
import { APP_CONFIG } from '../tokens';
import { buildReportingSummary, type ReportingSummary } from './reporting-summary';

const REGION = { id: 'Wilayah', en: 'Region' };
const REVISION = { id: 'Revisi laporan', en: 'Report revision' };
/** The summary's "as of" date: the ministry's own zone (WIB); each region is late by its own zone's date. */
const SUMMARY_ZONE = 'Asia/Jakarta';

const STEP_UPDATES = {
  [ReportAction.SIGN_OFF]: signOffReportUpdate,
  [ReportAction.SUBMIT]: submitReportUpdate,
  [ReportAction.ACCEPT]: acceptReportUpdate,
  [ReportAction.RETURN]: returnReportUpdate,
} as const;

export interface ReportView {
  regionCode: string;
  regionName: string;
  level: 'PROVINCE' | 'REGENCY';
  provinceCode: string;
  budgetYear: number;
  status: ReportStatus | null;
  /** As the view above shows it: late once the due date passed (in the region's own zone) with nothing submitted. */
  standing: SummaryStatus;
  revision: number;
  dueDate: string;
  /** Where the due date comes from: the keeper's date of the year (with its note) or the setting, and the rule behind it. */
  deadline: { origin: 'KEEPER' | 'SETTING'; note: string | null; source: BilingualText };
  /** The steps the caller may take now (the workflow's validator still decides). */
  allowedActions: ReportAction[];
  signedBy: string | null;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decidedBy: string | null;
  comment: string | null;
  steps: Array<{ sequence: number; action: string; revision: number; actor: string; comment: string | null; occurredAt: Date }>;
  revisions: Array<{ revision: number; compiledAt: Date; compiledBy: string; plans: number; planIds: string[] }>;
  /** Reminders (H-7, OVERDUE-3…) and the Sekda escalation (ESCALATED) sent about this report. */
  notices: Array<{ kind: string; sentAt: Date; recipients: Array<{ name: string; role: string | null; read: boolean }> }>;
}

/**
 * The notification keys the reporting deadline's workflow sends under about one region
 * (workflows/reporting-deadline/reporting-deadline.workflow.ts): a reminder per round, one
 * escalation to the Sekda.
 */
const noticeKey = (scope: string, budgetYear: number, regionCode: string, kind: string) =>
  kind === 'ESCALATED' ? `${scope}reporting-escalated:${budgetYear}:${regionCode}` : `${scope}reporting-due:${budgetYear}:${regionCode}:${kind}`;

@Injectable()
export class ReportingService {
  constructor(
    private readonly reports: MappingReportRepository,
    private readonly process: ReportProcessRepository,
    private readonly audit: AuditRepository,
    private readonly notifications: NotificationRepository,
    @Inject(APP_CONFIG) private readonly config: Pick<AppConfig, 'REPORTING_DEADLINE' | 'PROVINCE_REPORTING_AFTER_DAYS' | 'TEMPORAL_WORKFLOW_ID_SCOPE'>,
  ) {}

  private settings() {
    return { monthDay: this.config.REPORTING_DEADLINE, provinceAfterDays: this.config.PROVINCE_REPORTING_AFTER_DAYS };
  }

  private async region(auth: AuthContext, code: string): Promise<ReportingRegionRecord> {
    const region = await this.reports.findRegion(code);
    if (!region) throw new NotFound(REGION, code);
    requireReportsVisible(auth, region);
    return region;
  }

  async deadlines(budgetYear: number) {
    const stored = await this.reports.findDeadline(budgetYear);
    const settings = { ...this.settings(), override: stored?.date };
    return {
      budgetYear,
      REGENCY: reportingDeadline(budgetYear, 'REGENCY', settings),
      PROVINCE: reportingDeadline(budgetYear, 'PROVINCE', settings),
      origin: stored ? ('KEEPER' as const) : ('SETTING' as const),
      note: stored?.note ?? null,
    };
  }

  /** The national calendar keeper sets the kabupaten/kota date of a year; provinces follow it by the setting's days. */
  async setDeadline(auth: AuthContext, budgetYear: number, date: string, note: string | undefined) {
    requireNationalCalendarRights(auth);
    if (!isLocalDate(date)) {
      throw new ValidationFailed([{ field: 'date', reason: 'INVALID', message: text('Tanggal harus berbentuk YYYY-MM-DD.', 'The date must be YYYY-MM-DD.') }]);
    }
    const snapshot = (record: ReportingDeadlineRecord | null) => record && { date: record.date, note: record.note, createdBy: record.createdBy };
    await this.reports.setDeadline(budgetYear, date, note?.trim() || null, auth.username, (db, before, after) =>
      this.audit.record(
        auth,
        {
          action: AuditAction.REPORTING_DEADLINE_SET,
          entity: AuditEntity.REPORTING_DEADLINE,
          entityId: String(budgetYear),
          before: snapshot(before),
          after: snapshot(after),
          details: { budgetYear },
        },
        db,
      ),
    );
    await this.process.startDeadlineCheck(budgetYear);
  }

  /** Starts the year's deadline check (reminders, then the Sekda): the calendar keeper or the ministry. */
  async startDeadlineCheck(auth: AuthContext, budgetYear: number) {
    if (!auth.grants.some((grant) => grant.role === Role.MINISTRY_REVIEWER) && !canManageNationalCalendar(auth)) {
      throw new Forbidden(
        text(
          'Hanya pengelola kalender nasional atau penelaah Kemendagri yang memulai pemantauan tenggat laporan.',
          'Only the national calendar keeper or the ministry reviewer starts the reporting deadline check.',
        ),
      );
    }
    return this.process.startDeadlineCheck(budgetYear);
  }

  async report(auth: AuthContext, regionCode: string, budgetYear: number, now: Date = new Date()): Promise<ReportView> {
    const region = await this.region(auth, regionCode);
    const scope = this.config.TEMPORAL_WORKFLOW_ID_SCOPE;
    const [report, steps, revisions, deadlines, notices, told] = await Promise.all([
      this.reports.findReport(regionCode, budgetYear),
      this.reports.listSteps(regionCode, budgetYear),
      this.reports.listRevisions(regionCode, budgetYear),
      this.deadlines(budgetYear),
      this.reports.listNotices(budgetYear, regionCode),
      this.notifications.sentUnder(noticeKey(scope, budgetYear, regionCode, ''), [noticeKey(scope, budgetYear, regionCode, 'ESCALATED')]),
    ]);
    const status = (report?.status as ReportStatus | undefined) ?? null;
    const dueDate = report?.dueDate ?? deadlines[region.level];
    const actor: ReportActor = { userId: auth.userId, name: auth.displayName, grants: auth.grants };
    const state = { status, revision: report?.revision ?? 0 };
    // A return needs its comment, which the page asks for: the step is open all the same.
    const allowedActions = Object.values(ReportAction).filter((action) => {
      const refusal = refuseReportStep(action, state, region, actor, 'comment');
      return refusal === undefined;
    });
    const recipientsOf = (kind: string) =>
      told
        .filter((notice) => notice.key === noticeKey(scope, budgetYear, regionCode, kind))
        .map((notice) => ({
          name: notice.user.displayName,
          role: notice.user.grants.find((grant) => grant.regionCode === regionCode)?.role ?? null,
          read: notice.readAt !== null,
        }));
    return {
      regionCode,
      regionName: region.name,
      level: region.level,
      provinceCode: region.provinceCode,
      budgetYear,
      status,
      // Late by the region's own date, as the summary counts it.
      standing: summaryStatus(status, dueDate, localDateOf(now, regionTimeZone(regionCode).iana)),
      revision: report?.revision ?? 0,
      dueDate,
      deadline: { origin: deadlines.origin, note: deadlines.note, source: REPORTING_DEADLINE_SOURCE },
      allowedActions,
      signedBy: report?.signedBy ?? null,
      submittedAt: report?.submittedAt ?? null,
      decidedAt: report?.decidedAt ?? null,
      decidedBy: report?.decidedBy ?? null,
      comment: report?.comment ?? null,
      steps: steps.map((step) => ({
        sequence: step.sequence,
        action: step.action,
        revision: step.revision,
        actor: step.actor,
        comment: step.comment,
        occurredAt: step.occurredAt,
      })),
      revisions: revisions.map((revision) => {
        const snapshot = revision.snapshot as unknown as ReportSnapshot;
        return {
          revision: revision.revision,
          compiledAt: revision.compiledAt,
          compiledBy: revision.compiledBy,
          plans: snapshot.totals.plans,
          planIds: snapshot.plans.map((plan) => plan.id),
        };
      }),
      notices: notices.map((notice) => ({ kind: notice.kind, sentAt: notice.sentAt, recipients: recipientsOf(notice.kind) })),
    };
  }

  async revision(auth: AuthContext, regionCode: string, budgetYear: number, revision: number): Promise<ReportSnapshot> {
    await this.region(auth, regionCode);
    const stored = (await this.reports.listRevisions(regionCode, budgetYear)).find((row) => row.revision === revision);
    if (!stored) throw new NotFound(REVISION, `${regionCode}/${budgetYear}/${revision}`);
    return stored.snapshot as unknown as ReportSnapshot;
  }

  /** One step of the report's process; the workflow's validator decides, after an early refusal here. */
  async act(
    auth: AuthContext,
    action: ReportAction,
    regionCode: string,
    budgetYear: number,
    comment: string | undefined,
    requestId?: string,
  ): Promise<MappingReportState> {
    const region = await this.region(auth, regionCode);
    const report = await this.reports.findReport(regionCode, budgetYear);
    const actor: ReportActor = { userId: auth.userId, name: auth.displayName, grants: auth.grants };
    const refusal = refuseReportStep(
      action,
      { status: (report?.status as ReportStatus | undefined) ?? null, revision: report?.revision ?? 0 },
      region,
      actor,
      comment,
    );
    if (refusal?.reason === 'NOT_ALLOWED') throw new Forbidden(refusal.message, refusal.reason, [refusal]);
    if (refusal?.reason === 'REQUIRED') throw new ValidationFailed([refusal]);
    const command = { actor, ...(comment?.trim() && { comment: comment.trim() }) };
    const place: ReportingRegion & { level: 'PROVINCE' | 'REGENCY' } = { code: region.code, provinceCode: region.provinceCode, level: region.level };
    if (action === ReportAction.COMPILE) return this.process.compile({ region: place, budgetYear }, command, requestId);
    return this.process.step(regionCode, budgetYear, STEP_UPDATES[action], command, requestId);
  }

  /** The reports waiting on the caller's review: a province reviewer's kabupaten/kota, the ministry's provinces. */
  async inbox(auth: AuthContext) {
    const reviewers = auth.grants.flatMap((grant) =>
      grant.role === Role.PROVINCE_REVIEWER || grant.role === Role.MINISTRY_REVIEWER ? [{ role: grant.role, regionCode: grant.regionCode }] : [],
    );
    return this.reports.awaitingReview(reviewers);
  }

  async summary(auth: AuthContext, budgetYear: number, now: Date = new Date()): Promise<ReportingSummary> {
    const scope = reportingScope(auth.grants);
    if (!scope.national && scope.provinces.length === 0 && scope.regions.length === 0) {
      throw new Forbidden(text('Anda tidak memiliki peran yang melihat laporan pemetaan.', 'You hold no role that reads mapping reports.'));
    }
    const [{ regions, byAffair }, deadlines] = await Promise.all([this.reports.summary(budgetYear, scope), this.deadlines(budgetYear)]);
    const todayByZone = new Map(Object.values(IndonesianTimeZone).map((zone) => [zone.abbreviation, localDateOf(now, zone.iana)]));
    return buildReportingSummary({
      budgetYear,
      today: localDateOf(now, SUMMARY_ZONE),
      todayIn: (regionCode) => todayByZone.get(regionTimeZone(regionCode).abbreviation)!,
      deadlines,
      rows: regions,
      byAffair,
    });
  }
}
