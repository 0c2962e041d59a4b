// The documents of a cooperation agreement: the joint agreement (KB) and the cooperation
// agreement (PKS). Each is drafted as a sequence of uploaded versions that reviewers comment
// on, and ends in one signed copy carrying its number, date and signatories (PP 28/2018
// Pasal 7 and 12; Permendagri 22/2020: the draft PKS is reviewed by the legal unit before
// signing). Who may do what, and when, is decided here; nothing uploaded is ever replaced.
import { AgreementStage } from './agreement-stage';
import type { AuthContext } from './auth-context';
import { hasRole } from './auth-context';
import { text, type BilingualText } from './message';
import { Role } from './role';

export const AgreementDocument = { KB: 'KB', PKS: 'PKS' } as const;
export type AgreementDocument = (typeof AgreementDocument)[keyof typeof AgreementDocument];
export const AGREEMENT_DOCUMENTS: readonly AgreementDocument[] = Object.values(AgreementDocument);

export const DocumentVersionKind = { DRAFT: 'DRAFT', SIGNED: 'SIGNED' } as const;
export type DocumentVersionKind = (typeof DocumentVersionKind)[keyof typeof DocumentVersionKind];

export const AGREEMENT_DOCUMENT_LABELS: Record<AgreementDocument, BilingualText> = {
  KB: text('Kesepakatan Bersama (KB)', 'Joint agreement (KB)'),
  PKS: text('Perjanjian Kerja Sama (PKS)', 'Cooperation agreement (PKS)'),
};

/** The stage at which each document is signed (the signed copy is uploaded there). */
export const SIGNING_STAGE_OF: Record<AgreementDocument, AgreementStage> = {
  KB: AgreementStage.KB_SIGNING,
  PKS: AgreementStage.PKS_SIGNING,
};

/** The document a signing stage signs, if it is one. */
export function documentSignedAt(stage: AgreementStage): AgreementDocument | undefined {
  return AGREEMENT_DOCUMENTS.find((document) => SIGNING_STAGE_OF[document] === stage);
}

/**
 * Who uploads a draft version, and when: the secretariat while the document is drafted,
 * the legal bureau (its marked-up draft) while it reviews the PKS (Permendagri 22/2020).
 */
export const DRAFT_UPLOADERS: Record<AgreementDocument, Partial<Record<AgreementStage, Role>>> = {
  KB: { KB_DRAFTING: Role.SECRETARIAT },
  PKS: { PKS_DRAFTING: Role.SECRETARIAT, PKS_LEGAL_REVIEW: Role.LEGAL_BUREAU },
};

/** The reviewers who comment on a version: the secretariat, the legal bureau, the Sekda and the head of region. */
export const DOCUMENT_COMMENTERS: readonly Role[] = [Role.SECRETARIAT, Role.LEGAL_BUREAU, Role.SEKDA, Role.HEAD_OF_REGION];

export interface DocumentRefusal {
  status: 403 | 409;
  field: string;
  reason: string;
  message: BilingualText;
}

const refusal = (status: 403 | 409, field: string, reason: string, id: string, en: string): DocumentRefusal => ({
  status,
  field,
  reason,
  message: text(id, en),
});

/** Why this user may not upload a draft version of the document now, or undefined. */
export function refuseDraftUpload(auth: AuthContext, regionCode: string, stage: AgreementStage, document: AgreementDocument): DocumentRefusal | undefined {
  const role = DRAFT_UPLOADERS[document][stage];
  if (!role) {
    const stages = Object.keys(DRAFT_UPLOADERS[document]).join(', ');
    return refusal(
      409,
      'document',
      'NOT_DRAFTING',
      `Versi draf ${document} hanya dapat diunggah pada tahap ${stages}.`,
      `A draft version of the ${document} can only be uploaded at stage ${stages}.`,
    );
  }
  if (!hasRole(auth, role, regionCode)) {
    return refusal(
      403,
      'document',
      'ROLE_REQUIRED',
      `Pada tahap ini hanya ${role === Role.LEGAL_BUREAU ? 'Bagian Hukum' : 'sekretariat kerja sama'} daerah ini yang mengunggah versi draf.`,
      `At this stage only the region's ${role === Role.LEGAL_BUREAU ? 'legal bureau' : 'cooperation secretariat'} uploads draft versions.`,
    );
  }
  return undefined;
}

/** Why this user may not comment on a version, or undefined: the reviewers, until the document is signed. */
export function refuseComment(auth: AuthContext, regionCode: string, documentSigned: boolean): DocumentRefusal | undefined {
  if (!DOCUMENT_COMMENTERS.some((role) => hasRole(auth, role, regionCode))) {
    return refusal(
      403,
      'body',
      'ROLE_REQUIRED',
      'Hanya penelaah daerah ini (sekretariat, Bagian Hukum, Sekda, kepala daerah) yang dapat memberi komentar.',
      "Only the region's reviewers (secretariat, legal bureau, Sekda, head of region) may comment.",
    );
  }
  if (documentSigned) {
    return refusal(
      409,
      'document',
      'ALREADY_SIGNED',
      'Naskah ini sudah ditandatangani; versinya tidak lagi dikomentari.',
      'This document is signed; its versions take no more comments.',
    );
  }
  return undefined;
}

/**
 * Why this user may not upload the signed copy now, or undefined: at the document's signing
 * stage, by the secretariat or the holder of the signing task (the head of region, or whom it was passed to).
 */
export function refuseSignedCopy(
  auth: AuthContext,
  regionCode: string,
  stage: AgreementStage,
  document: AgreementDocument,
  taskAssigneeId: string | null | undefined,
): DocumentRefusal | undefined {
  if (SIGNING_STAGE_OF[document] !== stage) {
    return refusal(
      409,
      'document',
      'NOT_SIGNING',
      `Salinan bertanda tangan ${document} diunggah pada tahap ${SIGNING_STAGE_OF[document]}.`,
      `The signed copy of the ${document} is uploaded at stage ${SIGNING_STAGE_OF[document]}.`,
    );
  }
  if (hasRole(auth, Role.SECRETARIAT, regionCode) || hasRole(auth, Role.HEAD_OF_REGION, regionCode) || (taskAssigneeId && taskAssigneeId === auth.userId)) {
    return undefined;
  }
  return refusal(
    403,
    'document',
    'ROLE_REQUIRED',
    'Salinan bertanda tangan diunggah oleh sekretariat atau pemegang tugas penandatanganan.',
    'The signed copy is uploaded by the secretariat or the holder of the signing task.',
  );
}
