// The region's planning and budget documents for a budget year, their states and the
// rules for placing a plan's lines in them. Pure: the sync activity and the API share it.
import { PlanStage } from './plan-stage';
import { text, type BilingualText } from './message';
import { Role } from './role';
import type { Violation } from './violation';
import type { PlanSubmission } from './plan-transition';
import type { BudgetPlacement } from './review-decision';

export const DocumentKind = {
  RKPD: 'RKPD',
  RENJA: 'RENJA',
  KUA_PPAS: 'KUA_PPAS',
  RKA: 'RKA',
  APBD: 'APBD',
  DPA: 'DPA',
} as const;
export type DocumentKind = (typeof DocumentKind)[keyof typeof DocumentKind];
export const DOCUMENT_KINDS: readonly DocumentKind[] = Object.values(DocumentKind);

export const DOCUMENT_KIND_LABELS: Record<DocumentKind, string> = {
  RKPD: 'RKPD',
  RENJA: 'Renja PD',
  KUA_PPAS: 'KUA-PPAS',
  RKA: 'RKA-PD',
  APBD: 'APBD',
  DPA: 'DPA-PD',
};

/** Renja and RKA are kept per Perangkat Daerah; the others per region. */
export function isPerAgency(kind: DocumentKind): boolean {
  return kind === DocumentKind.RENJA || kind === DocumentKind.RKA;
}

/** Which agency a document of `kind` belongs to for a plan of `proposingAgency` ("" for region-wide ones). */
export function documentAgency(kind: DocumentKind, proposingAgency: string): string {
  return isPerAgency(kind) ? proposingAgency : '';
}

/** States in the order a document goes through them (SIPD's Rancangan Awal … Final). */
export const DocumentState = {
  RANCANGAN_AWAL: 'RANCANGAN_AWAL',
  RANCANGAN: 'RANCANGAN',
  RANCANGAN_AKHIR: 'RANCANGAN_AKHIR',
  FINAL: 'FINAL',
} as const;
export type DocumentState = (typeof DocumentState)[keyof typeof DocumentState];
export const DOCUMENT_STATES: readonly DocumentState[] = Object.values(DocumentState);

export const DOCUMENT_STATE_LABELS: Record<DocumentState, string> = {
  RANCANGAN_AWAL: 'Rancangan Awal',
  RANCANGAN: 'Rancangan',
  RANCANGAN_AKHIR: 'Rancangan Akhir',
  FINAL: 'Final (ditetapkan)',
};

/** A document only moves forward: a Final document changes through an amendment, never by reopening it. */
export function refuseStateChange(from: DocumentState, to: DocumentState): Violation | undefined {
  if (DOCUMENT_STATES.indexOf(to) > DOCUMENT_STATES.indexOf(from)) return undefined;
  return {
    field: 'state',
    reason: 'STATE_NOT_FORWARD',
    message: text(
      `Status dokumen hanya dapat maju: dari ${DOCUMENT_STATE_LABELS[from]} tidak dapat ke ${DOCUMENT_STATE_LABELS[to]}.`,
      `A document's state only moves forward: ${from} cannot become ${to}.`,
    ),
  };
}

/** Who keeps each document's state: Bappeda the plans, TAPD the budget documents; admins all. */
export function documentStateRoles(kind: DocumentKind): Role[] {
  const owner = kind === DocumentKind.RKPD || kind === DocumentKind.RENJA ? Role.BAPPEDA : Role.TAPD;
  return [owner, Role.ADMIN];
}

export const LineFlag = {
  RKPD_AMENDMENT: 'RKPD_AMENDMENT',
  DOCUMENT_AMENDMENT: 'DOCUMENT_AMENDMENT',
  DPRD_AGREEMENT_RECORD: 'DPRD_AGREEMENT_RECORD',
} as const;
export type LineFlag = (typeof LineFlag)[keyof typeof LineFlag];

export const LINE_FLAG_LABELS: Record<LineFlag, BilingualText> = {
  RKPD_AMENDMENT: text('Perlu perubahan RKPD (dokumen sudah final)', 'Needs an RKPD amendment (the document is final)'),
  DOCUMENT_AMENDMENT: text('Perlu perubahan dokumen (dokumen sudah final)', 'Needs an amendment of the document (it is final)'),
  DPRD_AGREEMENT_RECORD: text(
    'Kegiatan belum ada di RKPD: perlu berita acara kesepakatan kepala daerah dan pimpinan DPRD',
    'The activity has no RKPD line: needs the agreement record (berita acara) of the head of region and the DPRD chair',
  ),
};

export interface LinePlacement {
  documentKind: DocumentKind;
  documentState: DocumentState;
  /** Whether the line is new or its content changed by this sync (an unchanged line keeps its flag). */
  changed: boolean;
  previousFlag: LineFlag | null;
  /** For KUA-PPAS: whether the RKPD holds the same activity as a line that needs no amendment. */
  inRkpd?: boolean;
}

/**
 * The flag a placed line carries. A Final document takes a new or changed line only
 * through its amendment; a KUA-PPAS activity missing from the RKPD needs the berita acara.
 */
export function lineFlag(placement: LinePlacement): LineFlag | null {
  if (!placement.changed) return placement.previousFlag;
  if (placement.documentState === DocumentState.FINAL) {
    const planning = placement.documentKind === DocumentKind.RKPD || placement.documentKind === DocumentKind.RENJA;
    return planning ? LineFlag.RKPD_AMENDMENT : LineFlag.DOCUMENT_AMENDMENT;
  }
  if (placement.documentKind === DocumentKind.KUA_PPAS && placement.inRkpd === false) return LineFlag.DPRD_AGREEMENT_RECORD;
  return null;
}

/** The documents each step of the calendar writes: RKPD and Renja after the head of region, KUA-PPAS and RKA at sign-off. */
export const DOCUMENTS_AT_PLANNING: readonly DocumentKind[] = [DocumentKind.RKPD, DocumentKind.RENJA];
export const DOCUMENTS_AT_PLACEMENT: readonly DocumentKind[] = [DocumentKind.KUA_PPAS];
export const DOCUMENTS_AT_RKA_CONFIRMATION: readonly DocumentKind[] = [DocumentKind.RKA];

/** The parts of a nomenclature code `U.BB.PP.L.KK.SSSS`, as SIPD asks for them. */
export interface NomenclatureParts {
  urusan: string;
  bidang: string;
  program: string;
  kegiatan: string;
  subKegiatan: string;
}

export function nomenclatureParts(code: string): NomenclatureParts {
  const p = code.split('.');
  const upTo = (n: number) => (p.length >= n ? p.slice(0, n).join('.') : '');
  return { urusan: upTo(1), bidang: upTo(2), program: upTo(3), kegiatan: upTo(5), subKegiatan: upTo(6) };
}

/** What one sync wrote into one planning document. */
export interface DocumentSyncSummary {
  documentKind: DocumentKind;
  documentId: string;
  revision: number;
  activeLines: number;
  withdrawnLines: number;
  /** Lines that need an amendment or a DPRD agreement record (none after a withdrawal). */
  flaggedLines?: number;
}

/** One document the plan's lines still have to be written into, with what to write. */
export interface PendingDocumentSync {
  kind: DocumentKind;
  submission: PlanSubmission;
  placement?: BudgetPlacement;
}

/**
 * Whether a plan's document lines are all written for the stage it is at: the syncs run
 * just after the move they follow (RKPD and Renja before the budget sign-off, KUA-PPAS
 * after TAPD's placement, RKA after its confirmation), so a page that read the lines at
 * the move reads them again until this holds. A rejected plan's lines end withdrawn.
 */
export function documentLinesSettled(
  stage: PlanStage,
  revision: number,
  lines: readonly { documentKind: DocumentKind; status: string; planRevision: number }[],
): boolean {
  if (stage === PlanStage.REJECTED) return lines.every((l) => l.status !== 'ACTIVE');
  const expected = [
    ...(LINES_FROM_STAGE[stage] >= 1 ? DOCUMENTS_AT_PLANNING : []),
    ...(LINES_FROM_STAGE[stage] >= 2 ? DOCUMENTS_AT_PLACEMENT : []),
    ...(LINES_FROM_STAGE[stage] >= 3 ? DOCUMENTS_AT_RKA_CONFIRMATION : []),
  ];
  return expected.every((kind) => lines.some((l) => l.documentKind === kind && l.planRevision === revision));
}

/** How many of the three syncs have run once a plan is at a stage (0 before the RKPD sync). */
const LINES_FROM_STAGE: Record<PlanStage, number> = {
  [PlanStage.DRAFT]: 0,
  [PlanStage.VERIFICATION]: 0,
  [PlanStage.BAPPEDA_REVIEW]: 0,
  [PlanStage.TKKSD_DELIBERATION]: 0,
  [PlanStage.HEAD_OF_REGION_APPROVAL]: 0,
  [PlanStage.DOCUMENT_SYNC]: 0,
  [PlanStage.BUDGET_SIGNOFF]: 1,
  [PlanStage.DPRD_APPROVAL]: 2,
  [PlanStage.RKA_CONFIRMATION]: 2,
  [PlanStage.COMPLETED]: 3,
  [PlanStage.REJECTED]: 0,
};
