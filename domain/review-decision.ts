import { text } from './message';
import { PLAN_STAGE_LABELS } from './plan-stage-label';
import type { Violation } from './violation';
import { NEXT_STAGE_ON_APPROVAL, PlanStage, isReviewStage, type ReviewStage } from './plan-stage';
import type { RejectionReason } from './rejection-reason';
import { FUNDING_SOURCES, type FundingSource } from './funding-source';

export const ReviewOutcome = {
  APPROVE: 'APPROVE',
  RETURN_FOR_REVISION: 'RETURN_FOR_REVISION',
  REJECT: 'REJECT',
} as const;
export type ReviewOutcome = (typeof ReviewOutcome)[keyof typeof ReviewOutcome];
export const REVIEW_OUTCOMES: readonly ReviewOutcome[] = Object.values(ReviewOutcome);

export const MAX_COMMENT_LENGTH = 4000;

/** A reviewer's decision on the stage they were shown. */
export interface ReviewDecision {
  /** The stage the reviewer acted on: a decision made on a stale screen is refused. */
  stage: ReviewStage;
  outcome: ReviewOutcome;
  comment?: string;
  /** With a rejection: which eligibility screen (or other ground) it failed. */
  reasonCode?: RejectionReason;
  decidedBy: string;
  /** With TAPD's approval at the budget sign-off: where the plan goes in KUA-PPAS. */
  placement?: BudgetPlacement;
}

/** TAPD's placement of the plan in KUA-PPAS: its provisional ceiling (plafon) and funding source. */
export interface BudgetPlacement {
  /** Plafon anggaran sementara for the plan's activities, whole rupiah. */
  ceiling: number;
  fundingSource: FundingSource;
}

/** Why a decision cannot be taken on a plan at `currentStage`, or undefined when it can. */
export function refuseDecision(currentStage: PlanStage, decision: ReviewDecision): Violation | undefined {
  return refuseDecisionAtStage(currentStage, decision) ?? checkDecisionInput(decision);
}

/** Whether the decision fits the plan's stage: a misfit is a conflict with the plan's state. */
export function refuseDecisionAtStage(currentStage: PlanStage, decision: ReviewDecision): Violation | undefined {
  if (!isReviewStage(currentStage)) {
    return {
      field: 'stage',
      reason: 'NOT_UNDER_REVIEW',
      message: text(
        `Rencana sedang pada tahap ${PLAN_STAGE_LABELS[currentStage].id}, bukan tahap peninjauan.`,
        `The plan is at stage ${PLAN_STAGE_LABELS[currentStage].en}, which takes no review decision.`,
      ),
    };
  }
  if (decision.stage !== currentStage) {
    return {
      field: 'stage',
      reason: 'STAGE_MISMATCH',
      message: text(
        `Keputusan untuk tahap ${PLAN_STAGE_LABELS[decision.stage]?.id ?? decision.stage} tidak berlaku: rencana sekarang pada tahap ${PLAN_STAGE_LABELS[currentStage].id}.`,
        `A decision for stage ${PLAN_STAGE_LABELS[decision.stage]?.en ?? decision.stage} no longer applies: the plan is now at stage ${PLAN_STAGE_LABELS[currentStage].en}.`,
      ),
    };
  }
  return undefined;
}

/** Whether the decision is complete in itself: a missing reason is bad input, whatever the stage. */
export function checkDecisionInput(decision: ReviewDecision): Violation | undefined {
  if (decision.reasonCode && decision.outcome !== ReviewOutcome.REJECT) {
    return {
      field: 'reasonCode',
      reason: 'NOT_APPLICABLE',
      message: text('Alasan penolakan hanya untuk keputusan menolak.', 'A rejection reason applies only to a rejection.'),
    };
  }
  const placing = decision.stage === PlanStage.BUDGET_SIGNOFF && decision.outcome === ReviewOutcome.APPROVE;
  if (decision.placement && !placing) {
    return {
      field: 'placement',
      reason: 'NOT_APPLICABLE',
      message: text('Penempatan anggaran hanya untuk persetujuan TAPD.', "A budget placement applies only to TAPD's approval."),
    };
  }
  if (placing) {
    const placementMisfit = checkPlacement(decision.placement);
    if (placementMisfit) return placementMisfit;
  }
  if (decision.outcome !== ReviewOutcome.APPROVE && !decision.comment?.trim()) {
    return {
      field: 'comment',
      reason: 'COMMENT_REQUIRED',
      message: text('Alasan wajib diisi untuk pengembalian atau penolakan.', 'A comment is required to return or reject a plan.'),
    };
  }
  return undefined;
}

function checkPlacement(placement: BudgetPlacement | undefined): Violation | undefined {
  if (!placement) {
    return {
      field: 'placement',
      reason: 'REQUIRED',
      message: text(
        'Penempatan KUA-PPAS (plafon dan sumber dana) wajib diisi untuk menyetujui.',
        'The KUA-PPAS placement (ceiling and funding source) is required to approve.',
      ),
    };
  }
  if (!Number.isSafeInteger(placement.ceiling) || placement.ceiling < 0) {
    return {
      field: 'placement.ceiling',
      reason: 'INVALID',
      message: text('Plafon harus bilangan bulat rupiah, tidak negatif.', 'The ceiling must be a whole, non-negative number of rupiah.'),
    };
  }
  if (!FUNDING_SOURCES.includes(placement.fundingSource)) {
    return {
      field: 'placement.fundingSource',
      reason: 'INVALID',
      message: text(`Sumber dana harus salah satu dari ${FUNDING_SOURCES.join(', ')}.`, `The funding source must be one of ${FUNDING_SOURCES.join(', ')}.`),
    };
  }
  return undefined;
}

/** The stage a decision leads to. */
export function stageAfterDecision(stage: ReviewStage, outcome: ReviewOutcome): PlanStage {
  switch (outcome) {
    case ReviewOutcome.APPROVE:
      return NEXT_STAGE_ON_APPROVAL[stage];
    case ReviewOutcome.RETURN_FOR_REVISION:
      return PlanStage.DRAFT;
    case ReviewOutcome.REJECT:
      return PlanStage.REJECTED;
  }
}
