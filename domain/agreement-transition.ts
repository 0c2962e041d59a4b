// The moves of a cooperation agreement's process as the read model records them, and the
// particulars a signing carries (the KB's and the PKS's number, date and signatories).
import type { AgreementStage, EvaluationOutcome } from './agreement-stage';

/** A signed copy's particulars (the KB or the PKS). */
export interface Signing {
  number: string;
  /** YYYY-MM-DD. */
  signedOn: string;
  signatories: string[];
  /** When an official signs for the head of region: the power of attorney (surat kuasa). */
  powerOfAttorney?: { number: string; grantedOn: string; grantee: string };
  /**
   * The uploaded signed copy this signing rests on (AgreementDocumentVersion, kind SIGNED).
   * Required for a signing decided from 2026-12 on; older signings in history carry none.
   */
  signedCopy?: { id: string; sha256: string };
}

/** The agreement's term, set when the PKS is signed (YYYY-MM-DD, in the region's zone). */
export interface AgreementTerm {
  startsOn: string;
  endsOn: string;
}

export const StepOutcome = {
  /** Done: the agreement moves to its next stage. */
  APPROVE: 'APPROVE',
  /** Back to drafting (a KB or PKS that must change before it is signed). */
  RETURN: 'RETURN',
  /** The partner, or the DPRD, said no: the agreement ends. */
  DECLINE: 'DECLINE',
} as const;
export type StepOutcome = (typeof StepOutcome)[keyof typeof StepOutcome];

export interface AgreementTransition {
  sequence: number;
  from: AgreementStage;
  to: AgreementStage;
  outcome: StepOutcome | 'START' | 'TERMINATE' | 'REQUEST_EVALUATION' | 'TERM_ENDED';
  actor: string;
  actorId?: string;
  comment?: string;
  signing?: Signing;
  term?: AgreementTerm;
  evaluation?: EvaluationOutcome;
  at: string;
}
