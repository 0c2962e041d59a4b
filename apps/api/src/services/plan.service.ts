// What officers and reviewers do with plans. Rules come from domain/; side effects go
// through repositories, so this class is tested with fakes.
import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { Conflict, NotFound, ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { checkDraftFields, checkPlanForSubmission, type PlanContent } from '../../../../domain/plan-content';
import { PlanStage, isFinalStage } from '../../../../domain/plan-stage';
import { checkDecisionInput, refuseDecisionAtStage, type ReviewDecision } from '../../../../domain/review-decision';
import type { PlanStatus } from '../../../../workflows/cooperation-plan/definitions';
import { PlanProcessRepository } from '../repositories/plan-process.repository';
import { PlanRepository, type NewPlan, type PlanFilter, type PlanRecord } from '../repositories/plan.repository';

const PLAN = { id: 'Rencana kerja sama', en: 'Cooperation plan' };

export interface PlanView {
  plan: PlanRecord;
  live: PlanStatus | null;
}

function contentOf(plan: PlanRecord): PlanContent {
  return {
    title: plan.title,
    summary: plan.summary,
    regionCode: plan.regionCode,
    budgetYear: plan.budgetYear,
    proposingAgency: plan.proposingAgency,
    lineItems: plan.lineItems.map((item) => ({
      nomenclatureCode: item.nomenclatureCode,
      description: item.description,
      amount: Number(item.amount),
    })),
  };
}

const IDEMPOTENCY_KEY_MAX = 200;

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

function notADraft(): Conflict {
  return new Conflict('NOT_A_DRAFT', text('Hanya rencana berstatus draf yang dapat diubah.', 'Only a plan in DRAFT can be edited.'));
}

function rejectInvalid(violations: ReturnType<typeof checkDraftFields>): void {
  if (violations.length > 0) throw new ValidationFailed(violations);
}

@Injectable()
export class PlanService {
  constructor(
    private readonly plans: PlanRepository,
    private readonly processes: PlanProcessRepository,
  ) {}

  async create(draft: NewPlan): Promise<PlanView> {
    rejectInvalid(checkDraftFields(draft));
    return { plan: await this.plans.create(draft), live: null };
  }

  async updateDraft(id: string, changes: Partial<PlanContent>): Promise<PlanView> {
    const plan = await this.requirePlan(id);
    if (plan.stage !== PlanStage.DRAFT) throw notADraft();
    rejectInvalid(checkDraftFields(changes));
    // The repository re-checks the stage in its transaction: a submission may have won meanwhile.
    if (!(await this.plans.updateDraft(id, changes))) throw notADraft();
    return this.get(id);
  }

  async submit(id: string, submittedBy: string): Promise<PlanView> {
    const plan = await this.requirePlan(id);
    if (isFinalStage(plan.stage)) {
      throw new Conflict('PROCESS_FINISHED', text(`Rencana sudah ${plan.stage}.`, `The plan is already ${plan.stage}.`));
    }
    const content = contentOf(plan);
    // Past DRAFT the same revision was submitted already: the process answers the
    // retry from its first result, so only a draft's content is checked here.
    if (plan.stage === PlanStage.DRAFT) rejectInvalid(checkPlanForSubmission(content));
    await this.processes.submit(id, { revision: plan.revision, draftVersion: plan.draftVersion, content, submittedBy });
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
