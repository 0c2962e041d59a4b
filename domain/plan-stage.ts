/** The stages a cooperation plan moves through, in order. */
export const PlanStage = {
  DRAFT: 'DRAFT',
  VERIFICATION: 'VERIFICATION',
  BAPPEDA_REVIEW: 'BAPPEDA_REVIEW',
  /** The coordination team (TKKSD) votes; its chair, the Sekda, records the recommendation. */
  TKKSD_DELIBERATION: 'TKKSD_DELIBERATION',
  HEAD_OF_REGION_APPROVAL: 'HEAD_OF_REGION_APPROVAL',
  DOCUMENT_SYNC: 'DOCUMENT_SYNC',
  /** TAPD confirms the placement in KUA-PPAS (line, ceiling, funding source). */
  BUDGET_SIGNOFF: 'BUDGET_SIGNOFF',
  /** Only where the plan rules require it: the DPRD liaison records the DPRD's decision. */
  DPRD_APPROVAL: 'DPRD_APPROVAL',
  /** BPKAD (the TAPD role) confirms the line in the agency's RKA. */
  RKA_CONFIRMATION: 'RKA_CONFIRMATION',
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
  PlanStage.DPRD_APPROVAL,
  PlanStage.RKA_CONFIRMATION,
] as const;
export type ReviewStage = (typeof REVIEW_STAGES)[number];

export const FINAL_STAGES: readonly PlanStage[] = [PlanStage.COMPLETED, PlanStage.REJECTED];

export function isReviewStage(stage: PlanStage): stage is ReviewStage {
  return (REVIEW_STAGES as readonly PlanStage[]).includes(stage);
}

export function isFinalStage(stage: PlanStage): boolean {
  return FINAL_STAGES.includes(stage);
}

/**
 * Where an approval leads from each review stage. The budget sign-off goes to the DPRD
 * first when the plan requires its approval (see stageAfterPlacement).
 */
export const NEXT_STAGE_ON_APPROVAL: Record<ReviewStage, PlanStage> = {
  [PlanStage.VERIFICATION]: PlanStage.BAPPEDA_REVIEW,
  [PlanStage.BAPPEDA_REVIEW]: PlanStage.TKKSD_DELIBERATION,
  [PlanStage.TKKSD_DELIBERATION]: PlanStage.HEAD_OF_REGION_APPROVAL,
  [PlanStage.HEAD_OF_REGION_APPROVAL]: PlanStage.DOCUMENT_SYNC,
  [PlanStage.BUDGET_SIGNOFF]: PlanStage.RKA_CONFIRMATION,
  [PlanStage.DPRD_APPROVAL]: PlanStage.RKA_CONFIRMATION,
  [PlanStage.RKA_CONFIRMATION]: PlanStage.COMPLETED,
};

/** After TAPD's placement: the DPRD decides first where the plan rules require its approval. */
export function stageAfterPlacement(requiresDprdApproval: boolean): PlanStage {
  return requiresDprdApproval ? PlanStage.DPRD_APPROVAL : PlanStage.RKA_CONFIRMATION;
}
