// The agreement workflow's writes to the read model: each move (with the inbox tasks it
// closes and opens) and each assignment change, in the order the workflow made them.
// Ordinary activities, idempotent in persistence/.
import type { AgreementRepository, RecordAgreementTransitionInput } from '../persistence/agreement.repository';
import type { PlanRepository } from '../persistence/plan.repository';
import type { RecordAgreementTaskEventInput, ReviewTaskRepository } from '../persistence/review-task.repository';
import type { AgreementPolicy } from '../workflows/cooperation-agreement/definitions';

export interface AgreementProjectionDependencies {
  agreements: AgreementRepository;
  reviewTasks: ReviewTaskRepository;
  plans: PlanRepository;
  policy: AgreementPolicy;
}

export function createAgreementProjection({ agreements, reviewTasks, plans, policy }: AgreementProjectionDependencies) {
  return {
    /** Read once by each agreement, so its timers stay the same through replays. */
    loadAgreementPolicy: async (): Promise<AgreementPolicy> => policy,
    /** CONTINUE or EXPAND: the next year's plan draft, pre-filled from this one and linked, for the next budget cycle. Idempotent. */
    async createNextYearPlan({ planId, evaluation }: { planId: string; evaluation: string }): Promise<string> {
      return (await plans.createContinuation(planId, `AGREEMENT_EVALUATION_${evaluation}`)).id;
    },
    recordAgreementTransition: (input: RecordAgreementTransitionInput): Promise<void> => agreements.recordTransition(input),
    recordAgreementTaskEvent: (input: RecordAgreementTaskEventInput): Promise<void> => reviewTasks.recordAgreementAssignment(input),
  };
}
