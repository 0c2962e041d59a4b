// The planning document register of a region and budget year: who may read it, who moves
// a document's state (forward only, audited), the lines a plan placed, and the exports.
import { Injectable } from '@nestjs/common';
import { canViewRegion, requirePlanVisible, requireRegionView } from '../../../../domain/access-policy';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import { hasRole, type AuthContext } from '../../../../domain/auth-context';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import {
  DOCUMENT_KIND_LABELS,
  documentStateRoles,
  isPerAgency,
  refuseStateChange,
  type DocumentKind,
  type DocumentState,
} from '../../../../domain/planning-document';
import { AuditRepository } from '../../../../persistence/audit.repository';
import { DocumentChangeDispatcher } from '../repositories/document-change-dispatcher';
import { PlanRepository } from '../../../../persistence/plan.repository';
import { PlanningDocumentRepository, type DocumentKey } from '../../../../persistence/planning-document.repository';
import { documentFileName, renderDocumentXlsx } from '../renderers/document-xlsx';
import { planSummaryFileName, renderPlanDocumentsPdf } from '../renderers/plan-documents-pdf';
import { XLSX_CONTENT_TYPE } from '../renderers/mapping-xlsx';
import { PDF_CONTENT_TYPE } from '../renderers/mapping-pdf';
import type { PlanStage } from '../../../../domain/plan-stage';
import { nomenclatureParts } from '../../../../domain/planning-document';
import { budgetYearViolations, regionCodeViolations } from './calendar-input';

export interface FileExport {
  fileName: string;
  contentType: string;
  content: Buffer;
}

const DOCUMENT = { id: 'Dokumen perencanaan', en: 'Planning document' };
const PLAN = { id: 'Rencana kerja sama', en: 'Cooperation plan' };

export interface RegisterDocumentInput {
  kind: DocumentKind;
  regionCode: string;
  budgetYear: number;
  agency?: string;
}

function requireStateRights(auth: AuthContext, kind: DocumentKind, regionCode: string): void {
  const roles = documentStateRoles(kind);
  if (!roles.some((role) => hasRole(auth, role, regionCode))) {
    throw new Forbidden(
      text(
        `Hanya ${roles.join(' atau ')} wilayah ${regionCode} yang dapat mengelola ${DOCUMENT_KIND_LABELS[kind]}.`,
        `Only ${roles.join(' or ')} of region ${regionCode} may manage the ${DOCUMENT_KIND_LABELS[kind]}.`,
      ),
    );
  }
}

@Injectable()
export class PlanningDocumentService {
  constructor(
    private readonly documents: PlanningDocumentRepository,
    private readonly plans: PlanRepository,
    private readonly audit: AuditRepository,
    private readonly changes: DocumentChangeDispatcher,
  ) {}

  async list(auth: AuthContext, regionCode: string, rawBudgetYear: string) {
    const violations = [...regionCodeViolations(regionCode), ...budgetYearViolations(rawBudgetYear)];
    if (violations.length) throw new ValidationFailed(violations);
    requireRegionView(auth, regionCode);
    return this.documents.list(regionCode, Number(rawBudgetYear));
  }

  /** The document with its lines; a document of a region the caller has no view of is not found. */
  async get(auth: AuthContext, id: string) {
    const document = await this.documents.findById(id);
    if (!document || !canViewRegion(auth, document.regionCode)) throw new NotFound(DOCUMENT, id);
    const plans = new Map((await this.documents.plansByIds([...new Set(document.lines.map((l) => l.planId))])).map((p) => [p.id, p]));
    return { document, plans };
  }

  /** Registers a document so its state can be set before any plan reaches it; idempotent. */
  async register(auth: AuthContext, input: RegisterDocumentInput) {
    const agency = input.agency?.trim() ?? '';
    const violations = [...regionCodeViolations(input.regionCode), ...budgetYearViolations(String(input.budgetYear))];
    if (isPerAgency(input.kind) && !agency) {
      violations.push({
        field: 'agency',
        reason: 'REQUIRED',
        message: text('Perangkat daerah wajib diisi untuk Renja dan RKA.', 'The agency is required for Renja and RKA.'),
      });
    }
    if (!isPerAgency(input.kind) && agency) {
      violations.push({
        field: 'agency',
        reason: 'NOT_APPLICABLE',
        message: text('Dokumen ini milik daerah, bukan perangkat daerah.', 'This document is the region’s, not an agency’s.'),
      });
    }
    if (violations.length) throw new ValidationFailed(violations);
    requireStateRights(auth, input.kind, input.regionCode);
    const key: DocumentKey = { kind: input.kind, regionCode: input.regionCode, budgetYear: input.budgetYear, agency };
    return this.documents.register(key, (db, id) =>
      this.audit.record(
        auth,
        { action: AuditAction.DOCUMENT_REGISTERED, entity: AuditEntity.PLANNING_DOCUMENT, entityId: id, after: key, regionCode: key.regionCode },
        db,
      ),
    );
  }

  async changeState(auth: AuthContext, id: string, to: DocumentState) {
    const document = await this.documents.findById(id);
    if (!document || !canViewRegion(auth, document.regionCode)) throw new NotFound(DOCUMENT, id);
    requireStateRights(auth, document.kind, document.regionCode);
    await this.documents.changeState(
      id,
      to,
      (from) => {
        const refusal = refuseStateChange(from, to);
        if (refusal) throw new Conflict(refusal.reason, refusal.message, [refusal]);
      },
      (db, from) =>
        this.audit.record(
          auth,
          {
            action: AuditAction.DOCUMENT_STATE_CHANGED,
            entity: AuditEntity.PLANNING_DOCUMENT,
            entityId: id,
            before: { state: from },
            after: { state: to },
            details: { kind: document.kind, budgetYear: document.budgetYear, agency: document.agency || null },
            regionCode: document.regionCode,
          },
          db,
        ),
    );
    await this.changes.dispatch();
    return this.get(auth, id);
  }

  /** The lines a plan placed in its region's documents, with any amendment flag. */
  async linesOfPlan(auth: AuthContext, planId: string) {
    const scope = await this.plans.scope(planId);
    if (!scope) throw new NotFound(PLAN, planId);
    requirePlanVisible(auth, scope, planId);
    return this.documents.linesOfPlan(planId);
  }

  /** The document's lines as the workbook an operator enters into SIPD. */
  async xlsx(auth: AuthContext, id: string): Promise<FileExport> {
    const { document, plans } = await this.get(auth, id);
    const bidangCodes = [...new Set(document.lines.map((l) => nomenclatureParts(l.nomenclatureCode).bidang))];
    const content = await renderDocumentXlsx({
      kind: document.kind,
      regionCode: document.regionCode,
      regionName: await this.documents.regionName(document.regionCode),
      budgetYear: document.budgetYear,
      agency: document.agency,
      state: document.state,
      generatedAt: new Date(),
      affairNames: await this.documents.affairNames(bidangCodes),
      lines: document.lines.map((l) => ({ ...l, planTitle: plans.get(l.planId)?.title ?? null })),
    });
    return { fileName: documentFileName(document, document.id), contentType: XLSX_CONTENT_TYPE, content };
  }

  /** One plan's summary: what was agreed, by whom, when, and which lines went where. */
  async planPdf(auth: AuthContext, planId: string): Promise<FileExport> {
    const lines = await this.linesOfPlan(auth, planId);
    const plan = (await this.documents.planWithTransitions(planId))!;
    const content = await renderPlanDocumentsPdf({
      planId,
      title: plan.title,
      regionCode: plan.regionCode,
      regionName: await this.documents.regionName(plan.regionCode),
      budgetYear: plan.budgetYear,
      proposingAgency: plan.proposingAgency,
      stage: plan.stage as PlanStage,
      revision: plan.revision,
      generatedAt: new Date(),
      decisions: plan.transitions.map((t) => ({ ...t, fromStage: t.fromStage as PlanStage, toStage: t.toStage as PlanStage })),
      lines: lines.map((l) => ({ ...l, documentKind: l.document.kind, documentState: l.document.state })),
    });
    return { fileName: planSummaryFileName(planId), contentType: PDF_CONTENT_TYPE, content };
  }
}
