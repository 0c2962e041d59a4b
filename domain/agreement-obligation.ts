// What each party must do by a date under a signed PKS (a semester report to the partner, a
// payment, a handover), recorded by the secretariat from the PKS itself: the PKS is the
// source of every such date (PP 28/2018 and Permendagri 22/2020 leave them to the parties).
import { text, type BilingualText } from './message';

export const ObligationParty = { REGION: 'REGION', PARTNER: 'PARTNER' } as const;
export type ObligationParty = (typeof ObligationParty)[keyof typeof ObligationParty];

export const OBLIGATION_PARTY_LABELS: Record<ObligationParty, BilingualText> = {
  REGION: text('Pemerintah daerah', 'The region'),
  PARTNER: text('Mitra kerja sama', 'The partner'),
};

/** The hour, in the region's zone, at which an obligation's reminders go out (as the agreement's own). */
export const OBLIGATION_REMINDER_HOUR = 7;

/** An obligation as its reminder workflow carries it. */
export interface ObligationRecordInput {
  obligationId: string;
  agreementId: string;
  regionCode: string;
  owningAgency: string;
  agreementTitle: string;
  party: ObligationParty;
  description: string;
  /** Local date of the region (YYYY-MM-DD). */
  dueOn: string;
  /** E.g. "PKS 180/5/PKS/2027 Pasal 6". */
  source: string;
  createdBy: { userId: string; name: string };
  createdAt: string;
}
