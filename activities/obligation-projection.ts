// An obligation's reminder workflow's writes to the read model; idempotent in persistence/.
import type { ObligationRecordInput } from '../domain/agreement-obligation';
import type { AgreementObligationRepository } from '../persistence/agreement-obligation.repository';
import type { ObligationPolicy } from '../workflows/agreement-obligation/definitions';

export function createObligationProjection(obligations: AgreementObligationRepository, policy: ObligationPolicy) {
  return {
    loadObligationPolicy: async (): Promise<ObligationPolicy> => policy,
    recordObligation: (input: ObligationRecordInput): Promise<void> => obligations.record(input),
    markObligationOverdue: (input: { obligationId: string; at: string }): Promise<void> => obligations.markOverdue(input),
    markObligationFulfilled: (input: { obligationId: string; at: string; byName: string; note?: string }): Promise<void> => obligations.markFulfilled(input),
  };
}
