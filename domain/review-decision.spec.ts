import { PLAN_STAGE_LABELS } from './plan-stage-label';
import { PLAN_STAGES, PlanStage, REVIEW_STAGES, isFinalStage, isReviewStage, type ReviewStage } from './plan-stage';
import { REVIEW_OUTCOMES, ReviewOutcome, refuseDecision, stageAfterDecision, type ReviewDecision } from './review-decision';

const decision = (stage: ReviewStage, outcome: ReviewOutcome, comment?: string): ReviewDecision => ({
  stage,
  outcome,
  comment,
  decidedBy: 'reviewer.satu',
  ...(stage === PlanStage.BUDGET_SIGNOFF && outcome === ReviewOutcome.APPROVE && { placement: { ceiling: 1000, fundingSource: 'APBD_BUDGETED' as const } }),
});

const NOT_REVIEW_STAGES = [PlanStage.DRAFT, PlanStage.DOCUMENT_SYNC, PlanStage.COMPLETED, PlanStage.REJECTED];

describe('plan stages', () => {
  it('has exactly seven review stages and two final stages', () => {
    expect(PLAN_STAGES.filter(isReviewStage)).toEqual([
      PlanStage.VERIFICATION,
      PlanStage.BAPPEDA_REVIEW,
      PlanStage.TKKSD_DELIBERATION,
      PlanStage.HEAD_OF_REGION_APPROVAL,
      PlanStage.BUDGET_SIGNOFF,
      PlanStage.DPRD_APPROVAL,
      PlanStage.RKA_CONFIRMATION,
    ]);
    expect(PLAN_STAGES.filter(isFinalStage)).toEqual([PlanStage.COMPLETED, PlanStage.REJECTED]);
  });
});

describe('refuseDecision', () => {
  describe.each(NOT_REVIEW_STAGES)('on a plan at %s', (currentStage) => {
    it.each(REVIEW_STAGES.flatMap((stage) => REVIEW_OUTCOMES.map((outcome) => [stage, outcome] as const)))(
      'refuses a %s/%s decision with NOT_UNDER_REVIEW',
      (stage, outcome) => {
        expect(refuseDecision(currentStage, decision(stage, outcome, 'alasan'))).toEqual({
          field: 'stage',
          reason: 'NOT_UNDER_REVIEW',
          message: {
            id: `Rencana sedang pada tahap ${PLAN_STAGE_LABELS[currentStage].id}, bukan tahap peninjauan.`,
            en: `The plan is at stage ${PLAN_STAGE_LABELS[currentStage].en}, which takes no review decision.`,
          },
        });
      },
    );
  });

  describe.each(REVIEW_STAGES)('on a plan at %s', (currentStage) => {
    const otherStages = REVIEW_STAGES.filter((s) => s !== currentStage);

    it.each(otherStages.flatMap((stage) => REVIEW_OUTCOMES.map((outcome) => [stage, outcome] as const)))(
      'refuses a decision made for %s (%s) with STAGE_MISMATCH',
      (stage, outcome) => {
        const refusal = refuseDecision(currentStage, decision(stage, outcome, 'alasan'));
        expect(refusal).toEqual({
          field: 'stage',
          reason: 'STAGE_MISMATCH',
          message: {
            id: `Keputusan untuk tahap ${PLAN_STAGE_LABELS[stage].id} tidak berlaku: rencana sekarang pada tahap ${PLAN_STAGE_LABELS[currentStage].id}.`,
            en: `A decision for stage ${PLAN_STAGE_LABELS[stage].en} no longer applies: the plan is now at stage ${PLAN_STAGE_LABELS[currentStage].en}.`,
          },
        });
      },
    );

    it('reports STAGE_MISMATCH before a missing comment', () => {
      expect(refuseDecision(currentStage, decision(otherStages[0], ReviewOutcome.REJECT))?.reason).toBe('STAGE_MISMATCH');
    });

    it.each([ReviewOutcome.RETURN_FOR_REVISION, ReviewOutcome.REJECT])('refuses %s without a comment', (outcome) => {
      for (const comment of [undefined, '', '   ', '\n\t ']) {
        expect(refuseDecision(currentStage, decision(currentStage, outcome, comment))).toEqual({
          field: 'comment',
          reason: 'COMMENT_REQUIRED',
          message: {
            id: 'Alasan wajib diisi untuk pengembalian atau penolakan.',
            en: 'A comment is required to return or reject a plan.',
          },
        });
      }
    });

    it.each([ReviewOutcome.RETURN_FOR_REVISION, ReviewOutcome.REJECT])('accepts %s with a comment', (outcome) => {
      expect(refuseDecision(currentStage, decision(currentStage, outcome, ' Lengkapi rincian '))).toBeUndefined();
    });

    it('accepts an approval with or without a comment', () => {
      expect(refuseDecision(currentStage, decision(currentStage, ReviewOutcome.APPROVE))).toBeUndefined();
      expect(refuseDecision(currentStage, decision(currentStage, ReviewOutcome.APPROVE, '   '))).toBeUndefined();
      expect(refuseDecision(currentStage, decision(currentStage, ReviewOutcome.APPROVE, 'Setuju'))).toBeUndefined();
    });
  });
});

describe('stageAfterDecision', () => {
  it.each([
    [PlanStage.VERIFICATION, ReviewOutcome.APPROVE, PlanStage.BAPPEDA_REVIEW],
    [PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE, PlanStage.TKKSD_DELIBERATION],
    [PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE, PlanStage.HEAD_OF_REGION_APPROVAL],
    [PlanStage.HEAD_OF_REGION_APPROVAL, ReviewOutcome.APPROVE, PlanStage.DOCUMENT_SYNC],
    [PlanStage.BUDGET_SIGNOFF, ReviewOutcome.APPROVE, PlanStage.RKA_CONFIRMATION],
    [PlanStage.DPRD_APPROVAL, ReviewOutcome.APPROVE, PlanStage.RKA_CONFIRMATION],
    [PlanStage.DPRD_APPROVAL, ReviewOutcome.RETURN_FOR_REVISION, PlanStage.DRAFT],
    [PlanStage.RKA_CONFIRMATION, ReviewOutcome.APPROVE, PlanStage.COMPLETED],
    [PlanStage.VERIFICATION, ReviewOutcome.RETURN_FOR_REVISION, PlanStage.DRAFT],
    [PlanStage.BAPPEDA_REVIEW, ReviewOutcome.RETURN_FOR_REVISION, PlanStage.DRAFT],
    [PlanStage.BUDGET_SIGNOFF, ReviewOutcome.RETURN_FOR_REVISION, PlanStage.DRAFT],
    [PlanStage.VERIFICATION, ReviewOutcome.REJECT, PlanStage.REJECTED],
    [PlanStage.BAPPEDA_REVIEW, ReviewOutcome.REJECT, PlanStage.REJECTED],
    [PlanStage.BUDGET_SIGNOFF, ReviewOutcome.REJECT, PlanStage.REJECTED],
  ] as const)('%s + %s leads to %s', (stage, outcome, expected) => {
    expect(stageAfterDecision(stage, outcome)).toBe(expected);
  });
});

describe('the KUA-PPAS placement', () => {
  const approve = (placement?: unknown): ReviewDecision =>
    ({ stage: PlanStage.BUDGET_SIGNOFF, outcome: ReviewOutcome.APPROVE, decidedBy: 'tapd', placement }) as ReviewDecision;

  it("is required with TAPD's approval and checked field by field", () => {
    expect(refuseDecision(PlanStage.BUDGET_SIGNOFF, approve())).toMatchObject({ field: 'placement', reason: 'REQUIRED' });
    expect(refuseDecision(PlanStage.BUDGET_SIGNOFF, approve({ ceiling: -1, fundingSource: 'APBN' }))).toMatchObject({
      field: 'placement.ceiling',
      reason: 'INVALID',
    });
    expect(refuseDecision(PlanStage.BUDGET_SIGNOFF, approve({ ceiling: 1.5, fundingSource: 'APBN' }))).toMatchObject({ field: 'placement.ceiling' });
    expect(refuseDecision(PlanStage.BUDGET_SIGNOFF, approve({ ceiling: 10, fundingSource: 'HIBAH' }))).toMatchObject({
      field: 'placement.fundingSource',
      reason: 'INVALID',
    });
    expect(refuseDecision(PlanStage.BUDGET_SIGNOFF, approve({ ceiling: 10, fundingSource: 'APBN' }))).toBeUndefined();
  });

  it('applies to nothing else', () => {
    const misplaced = { ...decision(PlanStage.RKA_CONFIRMATION, ReviewOutcome.APPROVE), placement: { ceiling: 1, fundingSource: 'APBN' as const } };
    expect(refuseDecision(PlanStage.RKA_CONFIRMATION, misplaced)).toMatchObject({ field: 'placement', reason: 'NOT_APPLICABLE' });
  });
});
