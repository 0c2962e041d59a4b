import { text, type BilingualText } from './message';

/** Why a file is attached to a plan: the rules ask for some purposes by name. */
export const AttachmentPurpose = {
  FEASIBILITY_STUDY: 'FEASIBILITY_STUDY',
  TERMS_OF_REFERENCE: 'TERMS_OF_REFERENCE',
  SUPPORTING_DOCUMENT: 'SUPPORTING_DOCUMENT',
  /** A reviewer's file on the current review task, not part of the draft. */
  REVIEW_NOTE: 'REVIEW_NOTE',
} as const;
export type AttachmentPurpose = (typeof AttachmentPurpose)[keyof typeof AttachmentPurpose];

export const ATTACHMENT_PURPOSES: readonly AttachmentPurpose[] = Object.values(AttachmentPurpose);

/** How users read each purpose. */
export const ATTACHMENT_PURPOSE_LABELS: Record<AttachmentPurpose, BilingualText> = {
  [AttachmentPurpose.FEASIBILITY_STUDY]: text('Kajian kelayakan', 'Feasibility study'),
  [AttachmentPurpose.TERMS_OF_REFERENCE]: text('Kerangka acuan kerja (KAK)', 'Terms of reference'),
  [AttachmentPurpose.SUPPORTING_DOCUMENT]: text('Dokumen pendukung', 'Supporting document'),
  [AttachmentPurpose.REVIEW_NOTE]: text('Catatan telaah', 'Review note'),
};

/** Review notes belong to a review stage and its reviewers; every other purpose to the draft and its officers. */
export function isReviewNote(purpose: string): boolean {
  return purpose === AttachmentPurpose.REVIEW_NOTE;
}

export function isAttachmentPurpose(value: string): value is AttachmentPurpose {
  return (ATTACHMENT_PURPOSES as readonly string[]).includes(value);
}
