// The stages of a cooperation agreement, after its plan is COMPLETED (in the budget): the
// offer to the partner, the joint agreement (Kesepakatan Bersama, KB), DPRD approval where
// still owed, the cooperation agreement (Perjanjian Kerja Sama, PKS), its implementation and
// evaluation. PP 28/2018 (tahapan KSDD and KSDPK, Pasal 7 and Pasal 12) and the procedure
// of Permendagri 22/2020 (which implements PP 28/2018 Pasal 6(4), 7(5), 11(4) and 12(4)).
import { text, type BilingualText } from './message';
import { Role } from './role';

export const AgreementStage = {
  /** The secretariat prepares the offer (KAK, partner, object) from the completed plan. */
  PREPARATION: 'PREPARATION',
  /** The region's offer (surat penawaran) has gone out; the secretariat records the partner's answer. */
  OFFER: 'OFFER',
  KB_DRAFTING: 'KB_DRAFTING',
  KB_SIGNING: 'KB_SIGNING',
  /** Only where the plan rules require it and the plan's process did not already obtain it. */
  DPRD_APPROVAL: 'DPRD_APPROVAL',
  /** The secretariat drafts the PKS… */
  PKS_DRAFTING: 'PKS_DRAFTING',
  /** …and the legal bureau (Bagian Hukum) reviews it before it is signed. */
  PKS_LEGAL_REVIEW: 'PKS_LEGAL_REVIEW',
  /** The head of region signs, or an official holding a recorded power of attorney. */
  PKS_SIGNING: 'PKS_SIGNING',
  /** In force: the owning agency carries it out and reports (monev). */
  IMPLEMENTATION: 'IMPLEMENTATION',
  EVALUATION: 'EVALUATION',
  TERMINATED: 'TERMINATED',
  EXPIRED: 'EXPIRED',
  CONCLUDED: 'CONCLUDED',
} as const;
export type AgreementStage = (typeof AgreementStage)[keyof typeof AgreementStage];
export const AGREEMENT_STAGES: readonly AgreementStage[] = Object.values(AgreementStage);

export const ENDED_AGREEMENT_STAGES: readonly AgreementStage[] = [AgreementStage.TERMINATED, AgreementStage.EXPIRED, AgreementStage.CONCLUDED];

export function isEndedAgreementStage(stage: AgreementStage): boolean {
  return ENDED_AGREEMENT_STAGES.includes(stage);
}

export interface AgreementStageInfo {
  label: BilingualText;
  /** The regulation (and article) the stage comes from, shown beside it. */
  basis: BilingualText;
  /** Who holds the stage's task in the review inbox; none while in force or ended. */
  role?: Role;
}

const PP28 = 'PP 28/2018 Pasal 7 (KSDD) dan Pasal 12 (KSDPK); Permendagri 22/2020';
const PP28_EN = 'PP 28/2018 Art. 7 (KSDD) and Art. 12 (KSDPK); Permendagri 22/2020';

export const AGREEMENT_STAGE_INFO: Record<AgreementStage, AgreementStageInfo> = {
  PREPARATION: { label: text('Persiapan', 'Preparation'), basis: text(`${PP28}: persiapan`, `${PP28_EN}: preparation`), role: Role.SECRETARIAT },
  OFFER: {
    label: text('Penawaran dan jawaban mitra', 'Offer and partner answer'),
    basis: text(`${PP28}: penawaran`, `${PP28_EN}: offer (penawaran)`),
    role: Role.SECRETARIAT,
  },
  KB_DRAFTING: {
    label: text('Penyusunan kesepakatan bersama (KB)', 'Drafting the joint agreement (KB)'),
    basis: text(`${PP28}: penyusunan kesepakatan bersama`, `${PP28_EN}: drafting the joint agreement`),
    role: Role.SECRETARIAT,
  },
  KB_SIGNING: {
    label: text('Penandatanganan KB', 'Signing the KB'),
    basis: text(`${PP28}: penandatanganan kesepakatan bersama oleh kepala daerah`, `${PP28_EN}: the head of region signs the joint agreement`),
    role: Role.HEAD_OF_REGION,
  },
  DPRD_APPROVAL: {
    label: text('Persetujuan DPRD', 'DPRD approval'),
    basis: text(
      `${PP28}: persetujuan DPRD bila membebani masyarakat dan daerah atau belum dianggarkan dalam APBD`,
      `${PP28_EN}: DPRD approval where it burdens the community and region or is not yet budgeted`,
    ),
    role: Role.DPRD_LIAISON,
  },
  PKS_DRAFTING: {
    label: text('Penyusunan perjanjian kerja sama (PKS)', 'Drafting the cooperation agreement (PKS)'),
    basis: text(`${PP28}: penyusunan perjanjian kerja sama`, `${PP28_EN}: drafting the cooperation agreement`),
    role: Role.SECRETARIAT,
  },
  PKS_LEGAL_REVIEW: {
    label: text('Telaah hukum PKS (Bagian Hukum)', 'Legal review of the PKS (Bagian Hukum)'),
    basis: text('Permendagri 22/2020: rancangan PKS dikaji oleh perangkat daerah di bidang hukum', 'Permendagri 22/2020: the legal unit reviews the draft PKS'),
    role: Role.LEGAL_BUREAU,
  },
  PKS_SIGNING: {
    label: text('Penandatanganan PKS', 'Signing the PKS'),
    basis: text(
      `${PP28}: ditandatangani kepala daerah atau pejabat yang diberi kuasa`,
      `${PP28_EN}: signed by the head of region or an official holding a power of attorney`,
    ),
    role: Role.HEAD_OF_REGION,
  },
  IMPLEMENTATION: {
    label: text('Pelaksanaan', 'Implementation'),
    basis: text(`${PP28}: pelaksanaan dan pelaporan`, `${PP28_EN}: implementation and reporting`),
  },
  EVALUATION: {
    label: text('Evaluasi', 'Evaluation'),
    basis: text('Permendagri 22/2020: pemantauan dan evaluasi', 'Permendagri 22/2020: monitoring and evaluation'),
    role: Role.SECRETARIAT,
  },
  TERMINATED: { label: text('Diakhiri sebelum waktunya', 'Terminated early'), basis: text(PP28, PP28_EN) },
  EXPIRED: { label: text('Berakhir (jangka waktu habis)', 'Expired'), basis: text(PP28, PP28_EN) },
  CONCLUDED: { label: text('Selesai', 'Concluded'), basis: text(PP28, PP28_EN) },
};

/** What the evaluation decides (Permendagri 22/2020: monitoring and evaluation). */
export const EvaluationOutcome = {
  CONTINUE: 'CONTINUE',
  EXPAND: 'EXPAND',
  AMEND: 'AMEND',
  STOP: 'STOP',
} as const;
export type EvaluationOutcome = (typeof EvaluationOutcome)[keyof typeof EvaluationOutcome];
export const EVALUATION_OUTCOMES: readonly EvaluationOutcome[] = Object.values(EvaluationOutcome);

/** Where a return sends a draft back to: the stages that may be returned. */
export const AGREEMENT_RETURNS_TO: Partial<Record<AgreementStage, AgreementStage>> = {
  KB_SIGNING: AgreementStage.KB_DRAFTING,
  PKS_LEGAL_REVIEW: AgreementStage.PKS_DRAFTING,
  PKS_SIGNING: AgreementStage.PKS_DRAFTING,
};
/** Where a partner's or the DPRD's refusal may be recorded. */
export const AGREEMENT_MAY_DECLINE: readonly AgreementStage[] = [AgreementStage.OFFER, AgreementStage.DPRD_APPROVAL];
/** The stages whose approval is a signing (number, date, signatories). */
export const AGREEMENT_SIGNING_STAGES: readonly AgreementStage[] = [AgreementStage.KB_SIGNING, AgreementStage.PKS_SIGNING];

/** How the inbox's counts by stage name an agreement stage (`AGREEMENT:KB_SIGNING`): both processes have a DPRD_APPROVAL. */
export const AGREEMENT_STAGE_KEY_PREFIX = 'AGREEMENT:';
