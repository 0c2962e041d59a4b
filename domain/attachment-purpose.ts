import { text, type BilingualText } from './message';

/** Why a file is attached to a plan: the rules ask for some purposes by name. */
export const AttachmentPurpose = {
  FEASIBILITY_STUDY: 'FEASIBILITY_STUDY',
  TERMS_OF_REFERENCE: 'TERMS_OF_REFERENCE',
  SUPPORTING_DOCUMENT: 'SUPPORTING_DOCUMENT',
} as const;
export type AttachmentPurpose = (typeof AttachmentPurpose)[keyof typeof AttachmentPurpose];

export const ATTACHMENT_PURPOSES: readonly AttachmentPurpose[] = Object.values(AttachmentPurpose);

/** How users read each purpose. */
export const ATTACHMENT_PURPOSE_LABELS: Record<AttachmentPurpose, BilingualText> = {
  [AttachmentPurpose.FEASIBILITY_STUDY]: text('Kajian kelayakan', 'Feasibility study'),
  [AttachmentPurpose.TERMS_OF_REFERENCE]: text('Kerangka acuan kerja (KAK)', 'Terms of reference'),
  [AttachmentPurpose.SUPPORTING_DOCUMENT]: text('Dokumen pendukung', 'Supporting document'),
};

export function isAttachmentPurpose(value: string): value is AttachmentPurpose {
  return (ATTACHMENT_PURPOSES as readonly string[]).includes(value);
}
