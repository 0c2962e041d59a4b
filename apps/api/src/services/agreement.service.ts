// Agreements (KB, PKS) after a COMPLETED plan: started by the secretariat of the plan's
// region, each step an Update of the agreement's workflow, read from the read model.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { canDraftFor, canViewRegion, requirePlanVisible } from '../../../../domain/access-policy';
import { hasRole } from '../../../../domain/auth-context';
import type { Actor } from '../../../../domain/actor';
import type { AuthContext } from '../../../../domain/auth-context';
import { Conflict, Forbidden, NotFound } from '../../../../domain/errors';
import { addDays, localDateOf } from '../../../../domain/local-date';
import { text } from '../../../../domain/message';
import { regionTimeZone } from '../../../../domain/region-time-zone';
import { TaskEventKind } from '../../../../domain/review-task';
import { Role } from '../../../../domain/role';
import { documentSignedAt } from '../../../../domain/agreement-document';
import type { Signing } from '../../../../domain/agreement-transition';
import { AgreementDocumentRepository } from '../../../../persistence/agreement-document.repository';
import type { ReportReviewOutcome } from '../../../../domain/monev-report';
import { AgreementRepository, numberConflict, type AgreementStatusFilter } from '../../../../persistence/agreement.repository';
import { PlanRepository } from '../../../../persistence/plan.repository';
import { UserRepository } from '../../../../persistence/user.repository';
import {
  StepOutcome,
  claimAgreementTaskUpdate,
  decideStepUpdate,
  delegateAgreementTaskUpdate,
  reassignAgreementTaskUpdate,
  releaseAgreementTaskUpdate,
  requestEvaluationUpdate,
  reviewReportUpdate,
  submitReportUpdate,
  takeBackAgreementTaskUpdate,
  terminateAgreementUpdate,
  type StepDecision,
} from '../../../../workflows/cooperation-agreement/definitions';
import { AgreementProcessRepository } from '../repositories/agreement-process.repository';
import { renderAgreementRegisterXlsx } from '../renderers/agreement-register-xlsx';
import { actorOf } from './plan.service';

const AGREEMENT = { id: 'Perjanjian kerja sama', en: 'Cooperation agreement' };
const PLAN = { id: 'Rencana kerja sama', en: 'Cooperation plan' };
/** How far ahead the register's "expiring" filter looks: the first expiry reminder (90 days). */
export const EXPIRING_WITHIN_DAYS = 90;
/** The register export's limit, far above any region's count of agreements. */
export const REGISTER_EXPORT_MAX = 10_000;

const TASK_UPDATES = {
  [TaskEventKind.CLAIMED]: claimAgreementTaskUpdate,
  [TaskEventKind.RELEASED]: releaseAgreementTaskUpdate,
  [TaskEventKind.REASSIGNED]: reassignAgreementTaskUpdate,
  [TaskEventKind.DELEGATED]: delegateAgreementTaskUpdate,
  [TaskEventKind.TAKEN_BACK]: takeBackAgreementTaskUpdate,
} as const;

export type AgreementRecord = NonNullable<Awaited<ReturnType<AgreementRepository['findById']>>>;

@Injectable()
export class AgreementService {
  constructor(
    private readonly agreements: AgreementRepository,
    private readonly plans: PlanRepository,
    private readonly users: UserRepository,
    private readonly processes: AgreementProcessRepository,
    private readonly documents: AgreementDocumentRepository,
  ) {}

  /** Starts the plan's agreement (or answers the one already started). */
  async startFromPlan(auth: AuthContext, planId: string): Promise<{ agreement: AgreementRecord; created: boolean }> {
    const plan = await this.plans.findById(planId);
    if (!plan) throw new NotFound(PLAN, planId);
    requirePlanVisible(auth, plan, planId);
    if (!hasRole(auth, Role.SECRETARIAT, plan.regionCode)) {
      throw new Forbidden(
        text('Hanya sekretariat kerja sama daerah ini yang dapat memulai perjanjian.', "Only the region's cooperation secretariat may start an agreement."),
      );
    }
    const existing = await this.agreements.findByPlan(planId);
    if (!existing && plan.stage !== 'COMPLETED') {
      throw new Conflict(
        'PLAN_NOT_COMPLETED',
        text('Perjanjian dimulai dari rencana yang sudah selesai (masuk anggaran).', 'An agreement starts from a COMPLETED plan (in the budget).'),
      );
    }
    const dprdGiven = plan.transitions.some((t) => t.fromStage === 'DPRD_APPROVAL' && t.action === 'APPROVE');
    const input = {
      agreementId: existing?.id ?? randomUUID(),
      planId,
      regionCode: plan.regionCode,
      budgetYear: plan.budgetYear,
      dprdApprovalOwed: plan.requiresDprdApproval && !dprdGiven,
      partnerInitiated: plan.cooperationType === 'KSDPK' && plan.initiator === 'PARTNER',
      startedBy: { userId: auth.userId, name: auth.displayName },
      title: plan.title,
      owningAgency: plan.proposingAgency,
    };
    const { id, created } = await this.agreements.create({
      id: input.agreementId,
      planId,
      regionCode: plan.regionCode,
      budgetYear: plan.budgetYear,
      title: plan.title,
      owningAgency: plan.proposingAgency,
      partnerInitiated: input.partnerInitiated,
      dprdApprovalOwed: input.dprdApprovalOwed,
      startedBy: auth.username,
      createdAt: new Date(),
    });
    // Started again on a repeat too: a start lost between the row and Temporal is made good.
    await this.processes.start({ ...input, agreementId: id });
    return { agreement: await this.waitForFirstMove(id), created };
  }

  /** The first move is projected by the workflow; the answer shows it when it is there within a moment. */
  private async waitForFirstMove(id: string): Promise<AgreementRecord> {
    for (let attempt = 0; attempt < 50; attempt++) {
      const row = await this.agreements.findById(id);
      if (row && row.lastSequence > 0) return row;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return (await this.agreements.findById(id))!;
  }

  /** The next year's draft an evaluation opened (CONTINUE or EXPAND), if any. */
  nextPlanOf(agreement: AgreementRecord): Promise<string | null> {
    return this.plans.continuationOf(agreement.planId);
  }

  /** The plan's budget lines, which the monev report form lists with their amounts. */
  async planBudgetLines(agreement: AgreementRecord) {
    return (await this.agreements.planBudgetLines(agreement.planId)).map((line) => ({ ...line, amount: Number(line.amount) }));
  }

  async get(auth: AuthContext, id: string): Promise<AgreementRecord> {
    const agreement = await this.agreements.findById(id);
    if (!agreement) throw new NotFound(AGREEMENT, id);
    // Whoever sees the plan sees its agreement: the region's roles, and the owning agency's officers.
    requirePlanVisible(auth, { regionCode: agreement.regionCode, proposingAgency: agreement.owningAgency }, id);
    return agreement;
  }

  list(auth: AuthContext, query: { regionCode?: string; planId?: string; status?: AgreementStatusFilter; pageSize: number; cursor?: string }) {
    const grants = auth.grants.filter((grant) => canViewRegion(auth, grant.regionCode));
    const zone = regionTimeZone(query.regionCode ?? grants[0]?.regionCode ?? '').iana;
    const today = localDateOf(new Date(), zone);
    return this.agreements.list({ ...query, today, expiringUntil: addDays(today, EXPIRING_WITHIN_DAYS) }, grants);
  }

  /** The whole register under the same filters, as a workbook (at most REGISTER_EXPORT_MAX rows). */
  async registerXlsx(auth: AuthContext, query: { regionCode?: string; status?: AgreementStatusFilter }): Promise<{ content: Buffer; fileName: string }> {
    const rows = [];
    let cursor: string | undefined;
    do {
      const page = await this.list(auth, { ...query, pageSize: 100, cursor });
      rows.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor && rows.length < REGISTER_EXPORT_MAX);
    const scope = query.regionCode ?? 'semua';
    const content = await renderAgreementRegisterXlsx(rows, `Register Kerja Sama Daerah (${scope}${query.status ? `, ${query.status}` : ''})`);
    return { content, fileName: `register-kerja-sama-${scope}.xlsx` };
  }

  async decide(auth: AuthContext, id: string, requested: Omit<StepDecision, 'actor'>, idempotencyKey?: string): Promise<AgreementRecord> {
    const agreement = await this.get(auth, id);
    const decision = { ...requested, ...(requested.outcome === StepOutcome.APPROVE && { signing: await this.signingFromCopy(agreement, requested) }) };
    if (decision.outcome === StepOutcome.APPROVE && decision.signing?.number) {
      const kind = decision.stage === 'KB_SIGNING' ? 'KB' : decision.stage === 'PKS_SIGNING' ? 'PKS' : undefined;
      if (kind && (await this.agreements.numberTaken(agreement.regionCode, kind, decision.signing.number.trim(), id))) {
        throw numberConflict(decision.signing.number.trim());
      }
    }
    await this.processes.update(
      agreement.planId,
      decideStepUpdate,
      { ...decision, actor: actorOf(auth, agreement.regionCode) },
      idempotencyKey && `step-${idempotencyKey}`,
    );
    return this.get(auth, id);
  }

  /**
   * A signing rests on the signed copy uploaded in the current signing round: its number, date
   * and signatories are the signing's (any sent beside must agree), and it travels with the
   * decision so the process refuses a signing without one. Other steps pass through as sent.
   */
  private async signingFromCopy(agreement: AgreementRecord, requested: Omit<StepDecision, 'actor'>): Promise<Signing | undefined> {
    const document = documentSignedAt(requested.stage);
    if (!document || agreement.stage !== requested.stage) return requested.signing;
    const copy = await this.documents.findSignedCopy(agreement.id, document, agreement.lastSequence);
    if (!copy) {
      const message = text(
        `Unggah salinan ${document} yang sudah ditandatangani sebelum mencatat penandatanganan.`,
        `Upload the signed copy of the ${document} before recording the signing.`,
      );
      throw new Conflict('SIGNED_COPY_REQUIRED', message, [{ field: 'signing.signedCopy', reason: 'SIGNED_COPY_REQUIRED', message }]);
    }
    const sent = requested.signing;
    if (sent && (sent.number.trim() !== copy.number || sent.signedOn !== copy.signedOn)) {
      const message = text(
        `Nomor dan tanggal harus sama dengan salinan bertanda tangan (${copy.number}, ${copy.signedOn}).`,
        `The number and date must match the signed copy (${copy.number}, ${copy.signedOn}).`,
      );
      throw new Conflict('SIGNED_COPY_MISMATCH', message, [{ field: 'signing.number', reason: 'SIGNED_COPY_MISMATCH', message }]);
    }
    return {
      number: copy.number!,
      signedOn: copy.signedOn!,
      signatories: copy.signatories as string[],
      ...(copy.powerOfAttorney && { powerOfAttorney: copy.powerOfAttorney as unknown as NonNullable<Signing['powerOfAttorney']> }),
      signedCopy: { id: copy.id, sha256: copy.sha256 },
    };
  }

  async actOnTask(auth: AuthContext, id: string, kind: TaskEventKind, input: { toUserId?: string; reason?: string } = {}): Promise<AgreementRecord> {
    const agreement = await this.get(auth, id);
    let to: Actor | undefined;
    if (input.toUserId) {
      to = (await this.users.actorIn(input.toUserId, agreement.regionCode)) ?? undefined;
      if (!to) throw new NotFound({ id: 'Pengguna', en: 'User' }, input.toUserId);
    }
    await this.processes.update(agreement.planId, TASK_UPDATES[kind], { actor: actorOf(auth, agreement.regionCode), to, reason: input.reason });
    return this.get(auth, id);
  }

  async terminate(auth: AuthContext, id: string, reason: string): Promise<AgreementRecord> {
    const agreement = await this.get(auth, id);
    await this.processes.update(agreement.planId, terminateAgreementUpdate, { actor: actorOf(auth, agreement.regionCode), reason });
    return this.get(auth, id);
  }

  async requestEvaluation(auth: AuthContext, id: string, comment?: string): Promise<AgreementRecord> {
    const agreement = await this.get(auth, id);
    await this.processes.update(agreement.planId, requestEvaluationUpdate, { actor: actorOf(auth, agreement.regionCode), comment });
    return this.get(auth, id);
  }

  /**
   * The owning agency's officer files the period's monev report: progress, the realisation of
   * each of the plan's budget lines (the plan's amount copied beside it) and problems.
   */
  async submitReport(
    auth: AuthContext,
    id: string,
    input: { progressPercent: number; budgetLines: Array<{ lineId: string; realised: number }>; problems?: string },
  ): Promise<AgreementRecord> {
    const agreement = await this.get(auth, id);
    const officer = canDraftFor(auth, { regionCode: agreement.regionCode, proposingAgency: agreement.owningAgency });
    if (!officer) {
      throw new Forbidden(
        text(
          'Laporan pelaksanaan dikirim oleh perangkat daerah pemilik kerja sama.',
          'Implementation reports are filed by the agency that owns the cooperation.',
        ),
      );
    }
    const planned = new Map((await this.agreements.planBudgetLines(agreement.planId)).map((line) => [line.id, Number(line.amount)]));
    const unknown = input.budgetLines.findIndex((line) => !planned.has(line.lineId));
    if (unknown >= 0) {
      throw new Conflict('UNKNOWN_BUDGET_LINE', text('Baris anggaran tidak ada pada rencana kerja sama ini.', 'The budget line is not one of this plan’s.'), [
        {
          field: `budgetLines[${unknown}].lineId`,
          reason: 'UNKNOWN',
          message: text('Pilih baris anggaran dari rencana.', 'Choose a budget line of the plan.'),
        },
      ]);
    }
    const report = {
      progressPercent: input.progressPercent,
      budgetLines: input.budgetLines.map((line) => ({ lineId: line.lineId, planned: planned.get(line.lineId)!, realised: line.realised })),
      ...(input.problems?.trim() && { problems: input.problems.trim() }),
    };
    await this.processes.update(agreement.planId, submitReportUpdate, { actor: { ...actorOf(auth, agreement.regionCode), roles: [Role.OFFICER] }, report });
    return this.get(auth, id);
  }

  /** The secretariat accepts a filed report or returns it with a comment (the report itself stays as filed). */
  async reviewReport(auth: AuthContext, id: string, sequence: number, outcome: ReportReviewOutcome, comment?: string): Promise<AgreementRecord> {
    const agreement = await this.get(auth, id);
    await this.processes.update(agreement.planId, reviewReportUpdate, { actor: actorOf(auth, agreement.regionCode), sequence, outcome, comment });
    return this.get(auth, id);
  }
}
