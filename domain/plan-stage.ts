/** The stages a cooperation plan moves through, in order. */
export const PlanStage = {
  DRAFT: 'DRAFT',
  VERIFICATION: 'VERIFICATION',
  BAPPEDA_REVIEW: 'BAPPEDA_REVIEW',
  /** The coordination team (TKKSD) votes; its chair, the Sekda, records the recommendation. */
  TKKSD_DELIBERATION: 'TKKSD_DELIBERATION',
  HEAD_OF_REGION_APPROVAL: 'HEAD_OF_REGION_APPROVAL',
  DOCUMENT_SYNC: 'DOCUMENT_SYNC',
  BUDGET_SIGNOFF: 'BUDGET_SIGNOFF',
  COMPLETED: 'COMPLETED',
  REJECTED: 'REJECTED',
} as const;
export type PlanStage = (typeof PlanStage)[keyof typeof PlanStage];

export const PLAN_STAGES: readonly PlanStage[] = Object.values(PlanStage);

/** Stages where a person must decide; each has a review task in the inbox. */
export const REVIEW_STAGES = [
  PlanStage.VERIFICATION,
  PlanStage.BAPPEDA_REVIEW,
  PlanStage.TKKSD_DELIBERATION,
  PlanStage.HEAD_OF_REGION_APPROVAL,
  PlanStage.BUDGET_SIGNOFF,
] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const FINAL_STAGES: readonly PlanStage[] = [PlanStage.COMPLETED, PlanStage.REJECTED];

export function isReviewStage(stage: PlanStage): stage is ReviewStage {
  return (REVIEW_STAGES as readonly PlanStage[]).includes(stage);
}

export function isFinalStage(stage: PlanStage): boolean {
  return FINAL_STAGES.includes(stage);
}

/** Where an approval leads from each review stage. */
export const NEXT_STAGE_ON_APPROVAL: Record<ReviewStage, PlanStage> = {
  [PlanStage.VERIFICATION]: PlanStage.BAPPEDA_REVIEW,
  [PlanStage.BAPPEDA_REVIEW]: PlanStage.TKKSD_DELIBERATION,
  [PlanStage.TKKSD_DELIBERATION]: PlanStage.HEAD_OF_REGION_APPROVAL,
  [PlanStage.HEAD_OF_REGION_APPROVAL]: PlanStage.DOCUMENT_SYNC,
  [PlanStage.BUDGET_SIGNOFF]: PlanStage.COMPLETED,
};
