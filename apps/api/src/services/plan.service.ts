// What officers and reviewers do with plans. Rules come from domain/; side effects go
// through repositories, so this class is tested with fakes.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Conflict, NotFound, ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { CURRENT_NOMENCLATURE_VERSION } from '../../../../domain/nomenclature';
import { checkDraftFields, type MappedObject, type PlanContent } from '../../../../domain/plan-content';
import { checkPlan, dprdApprovalReasons, type PlanCheck } from '../../../../domain/plan-rules';
import { PlanStage, isFinalStage } from '../../../../domain/plan-stage';
import { checkDecisionInput, refuseDecisionAtStage, type ReviewDecision } from '../../../../domain/review-decision';
import type { Violation } from '../../../../domain/violation';
import type { PlanStatus } from '../../../../workflows/cooperation-plan/definitions';
import { PlanProcessRepository } from '../repositories/plan-process.repository';
import { PlanRepository, toPlanContent, type DerivedPlanFields, type PlanFilter, type PlanRecord } from '../repositories/plan.repository';
import { ReferenceFactsRepository } from '../repositories/reference-facts.repository';

const PLAN = { id: 'Rencana kerja sama', en: 'Cooperation plan' };
const IDEMPOTENCY_KEY_MAX = 200;

export interface PlanView {
  plan: PlanRecord;
  live: PlanStatus | null;
}

/** A mapped object as an officer may send it: the nomenclature version defaults to the current one. */
export type MappedObjectInput = Omit<MappedObject, 'nomenclatureVersion' | 'potential' | 'characteristics'> &
  Partial<Pick<MappedObject, 'nomenclatureVersion' | 'potential' | 'characteristics'>>;

export type PlanDraftInput = Omit<Partial<PlanContent>, 'objects'> & { objects?: MappedObjectInput[] };

export interface NewPlanInput extends PlanDraftInput {
  title: string;
  regionCode: string;
  budgetYear: number;
  proposingAgency: string;
  createdBy: string;
}

export function decisionRequestId(idempotencyKey: string | undefined): string {
  if (idempotencyKey !== undefined && (idempotencyKey.trim().length === 0 || idempotencyKey.length > IDEMPOTENCY_KEY_MAX)) {
    throw new ValidationFailed([
      {
        field: 'Idempotency-Key',
        reason: 'LENGTH',
        message: text(
          `Idempotency-Key harus 1 sampai ${IDEMPOTENCY_KEY_MAX} karakter.`,
          `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX} characters.`,
        ),
      },
    ]);
  }
  return `decide-${idempotencyKey ?? randomUUID()}`;
}

function normalise(input: PlanDraftInput): Partial<PlanContent> {
  const { objects, ...rest } = input;
  return {
    ...rest,
    ...(objects && {
      objects: objects.map((object) => ({
        ...object,
        nomenclatureVersion: object.nomenclatureVersion ?? CURRENT_NOMENCLATURE_VERSION,
        potential: object.potential ?? '',
        characteristics: object.characteristics ?? '',
      })),
    }),
  };
}

function derived(content: Pick<PlanContent, 'burdensCommunity' | 'fundingSource' | 'cooperationType'>): DerivedPlanFields {
  const reasons = dprdApprovalReasons(content);
  return { requiresDprdApproval: reasons.length > 0, dprdApprovalReasons: reasons };
}

function rejectInvalid(violations: Violation[]): void {
  if (violations.length > 0) throw new ValidationFailed(violations);
}

function notADraft(): Conflict {
  return new Conflict('NOT_A_DRAFT', text('Hanya rencana berstatus draf yang dapat diubah.', 'Only a plan in DRAFT can be edited.'));
}

@Injectable()
export class PlanService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly processes: PlanProcessRepository,
    private readonly references: ReferenceFactsRepository,
  ) {}

  async create(input: NewPlanInput): Promise<PlanView> {
    const { createdBy, ...fields } = input;
    const content: PlanContent = { summary: '', partners: [], objects: [], lineItems: [], multiYear: false, ...normalise(fields) } as PlanContent;
    rejectInvalid(checkDraftFields(content));
    return { plan: await this.plans.create({ ...content, ...derived(content), createdBy }), live: null };
  }

  async updateDraft(id: string, input: PlanDraftInput): Promise<PlanView> {
    const plan = await this.requirePlan(id);
    if (plan.stage !== PlanStage.DRAFT) throw notADraft();
    const changes = normalise(input);
    rejectInvalid(checkDraftFields(changes));
    const merged = { ...toPlanContent(plan), ...changes };
    // The repository re-checks the stage in its transaction: a submission may have won meanwhile.
    if (!(await this.plans.updateDraft(id, { ...changes, ...derived(merged) }))) throw notADraft();
    return this.get(id);
  }

  /** Every rule the plan meets or breaks now, as the officer drafts it. */
  async check(id: string): Promise<PlanCheck> {
    const plan = await this.requirePlan(id);
    const content = toPlanContent(plan);
    return checkPlan(content, await this.references.factsFor(content, id));
  }

  async submit(id: string, submittedBy: string): Promise<PlanView> {
    const plan = await this.requirePlan(id);
    if (isFinalStage(plan.stage)) {
      throw new Conflict('PROCESS_FINISHED', text(`Rencana sudah ${plan.stage}.`, `The plan is already ${plan.stage}.`));
    }
    const content = toPlanContent(plan);
    const facts = await this.references.factsFor(content, id);
    // Past DRAFT the same revision was submitted already: the process answers the
    // retry from its first result, so only a draft's content is checked here.
    if (plan.stage === PlanStage.DRAFT) rejectInvalid(checkPlan(content, facts).violations);
    await this.processes.submit(id, { revision: plan.revision, draftVersion: plan.draftVersion, content, facts, submittedBy });
    return this.get(id);
  }

  /** With a caller's idempotency key, a retried decision returns the plan as it is now. */
  async decide(id: string, decision: ReviewDecision, idempotencyKey?: string): Promise<PlanView> {
    const plan = await this.requirePlan(id);
    const requestId = decisionRequestId(idempotencyKey);
    if (plan.transitions.some((t) => t.requestId === requestId)) return this.get(id);
    const incomplete = checkDecisionInput(decision);
    if (incomplete) throw new ValidationFailed([incomplete]);
    // Early refusal from the read model; the workflow's update validator is the authority.
    const misfit = refuseDecisionAtStage(plan.stage, decision);
    if (misfit) throw new Conflict(misfit.reason, misfit.message, [misfit]);
    await this.processes.decide(id, decision, requestId);
    return this.get(id);
  }

  async get(id: string): Promise<PlanView> {
    const plan = await this.requirePlan(id);
    const live = plan.stage === PlanStage.DRAFT && plan.lastSequence === 0 ? null : await this.processes.status(id);
    return { plan, live };
  }

  list(filter: PlanFilter) {
    return this.plans.list(filter);
  }

  private async requirePlan(id: string): Promise<PlanRecord> {
    const plan = await this.plans.findById(id);
    if (!plan) throw new NotFound(PLAN, id);
    return plan;
  }
}
