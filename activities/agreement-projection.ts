// The agreement workflow's writes to the read model: each move (with the inbox tasks it
// closes and opens) and each assignment change, in the order the workflow made them.
// Ordinary activities, idempotent in persistence/.
import type { AgreementRepository, RecordAgreementTransitionInput } from '../persistence/agreement.repository';
import type { RecordAgreementTaskEventInput, ReviewTaskRepository } from '../persistence/review-task.repository';
import type { AgreementPolicy } from '../workflows/cooperation-agreement/definitions';

export interface AgreementProjectionDependencies {
  agreements: AgreementRepository;
  reviewTasks: ReviewTaskRepository;
  policy: AgreementPolicy;
}

export function createAgreementProjection({ agreements, reviewTasks, policy }: AgreementProjectionDependencies) {
  return {
    /** Read once by each agreement, so its timers stay the same through replays. */
    loadAgreementPolicy: async (): Promise<AgreementPolicy> => policy,
    recordAgreementTransition: (input: RecordAgreementTransitionInput): Promise<void> => agreements.recordTransition(input),
    recordAgreementTaskEvent: (input: RecordAgreementTaskEventInput): Promise<void> => reviewTasks.recordAgreementAssignment(input),
  };
}
