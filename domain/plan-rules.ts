// The rules a cooperation plan must meet before it is submitted (PP 28/2018,
// Permendagri 22/2020 and 25/2020), and what they derive. Pure: the API gathers the
// reference facts from the database and sends them with the submission, so the
// workflow's validator runs this same code on the same facts.
import { AttachmentPurpose } from './attachment-purpose';
import { hasAuthority, levelDigit, AffairGroup, type AffairFacts, type RegionLevel } from './affair';
import { CooperationType, Initiator, PartnerKind, cooperationTypeInfo } from './cooperation-type';
import { FundingSource } from './funding-source';
import { isAutonomousRegion, isProvinceAndOwnRegency } from './region-autonomy';
import { text, type BilingualText } from './message';
import { checkDraftFields, collector, estimatedCost, TERMS_OF_REFERENCE_FIELDS, type Add, type PlanContent } from './plan-content';
import type { Violation } from './violation';

/** What the reference data says about the codes a plan uses, at the time it is checked. */
export interface ReferenceFacts {
  /** The plan's own region, or null when the code is unknown. */
  region: { code: string; level: RegionLevel } | null;
  /** By `code@version`; null when unknown. */
  affairs: Record<string, AffairFacts | null>;
  /** Partner region codes that exist. */
  knownRegionCodes: string[];
  /** Regions that border the plan's region. */
  neighbourCodes: string[];
  /** Attachments of the plan, counted by purpose. */
  attachmentCounts: Record<string, number>;
}

export function affairKey(code: string, version: string): string {
  return `${code}@${version}`;
}

export const DprdApprovalReason = {
  BURDENS_COMMUNITY: 'BURDENS_COMMUNITY',
  NOT_YET_BUDGETED: 'NOT_YET_BUDGETED',
  ABROAD: 'ABROAD',
} as const;
export type DprdApprovalReason = (typeof DprdApprovalReason)[keyof typeof DprdApprovalReason];

export const DPRD_APPROVAL_REASON_LABELS: Record<DprdApprovalReason, BilingualText> = {
  BURDENS_COMMUNITY: text('Membebani masyarakat dan daerah', 'Burdens the community and the region'),
  NOT_YET_BUDGETED: text('Pendanaan belum dianggarkan dalam APBD', 'Funding not yet budgeted in the APBD'),
  ABROAD: text('Kerja sama dengan pihak luar negeri', 'Cooperation with a foreign party'),
};

/** Why the cooperation needs the DPRD's approval (none: it does not). */
export function dprdApprovalReasons(content: Pick<PlanContent, 'burdensCommunity' | 'fundingSource' | 'cooperationType'>): DprdApprovalReason[] {
  const reasons: DprdApprovalReason[] = [];
  if (content.burdensCommunity) reasons.push(DprdApprovalReason.BURDENS_COMMUNITY);
  if (content.fundingSource === FundingSource.APBD_NOT_YET_BUDGETED) reasons.push(DprdApprovalReason.NOT_YET_BUDGETED);
  if (content.cooperationType && cooperationTypeInfo(content.cooperationType).abroad) reasons.push(DprdApprovalReason.ABROAD);
  return reasons;
}

export interface PlanCheck {
  /** What keeps the plan from being submitted. */
  violations: Violation[];
  /** What a reviewer will ask about, but does not block. */
  warnings: Violation[];
  estimatedCost: number;
  requiresDprdApproval: boolean;
  dprdApprovalReasons: DprdApprovalReason[];
}

/** Checks a whole plan against every rule; a plan with violations cannot be submitted. */
export function checkPlan(content: PlanContent, facts: ReferenceFacts): PlanCheck {
  const { violations, add } = collector();
  const warnings = collector();
  violations.push(...checkDraftFields(content));
  checkRequiredFields(add, content);
  checkRegion(add, content, facts);
  checkPartners(add, content, facts);
  checkObjects(add, warnings.add, content, facts);
  checkTermsOfReference(add, content);
  checkFeasibility(add, warnings.add, content, facts);
  if (content.lineItems.length === 0) {
    add('lineItems', 'REQUIRED', 'Rencana harus memuat paling sedikit satu rincian anggaran.', 'The plan needs at least one budget line item.');
  }
  const reasons = dprdApprovalReasons(content);
  return {
    violations,
    warnings: warnings.violations,
    estimatedCost: estimatedCost(content),
    requiresDprdApproval: reasons.length > 0,
    dprdApprovalReasons: reasons,
  };
}

function checkRequiredFields(add: Add, content: PlanContent): void {
  const required: Array<[keyof PlanContent, string, string]> = [
    ['title', 'Judul', 'The title'],
    ['regionCode', 'Kode wilayah', 'The region code'],
    ['budgetYear', 'Tahun anggaran', 'The budget year'],
    ['proposingAgency', 'Perangkat daerah pengusul', 'The proposing agency'],
    ['cooperationType', 'Jenis kerja sama', 'The cooperation type'],
    ['initiator', 'Pemrakarsa', 'The initiator'],
    ['fundingSource', 'Sumber pendanaan', 'The funding source'],
    ['burdensCommunity', 'Pernyataan membebani masyarakat', 'Whether it burdens the community'],
    ['plannedDurationMonths', 'Jangka waktu', 'The planned duration'],
  ];
  for (const [field, id, en] of required) {
    if (content[field] === undefined || content[field] === null) add(field, 'REQUIRED', `${id} wajib diisi.`, `${en} is required.`);
  }
  if (content.cooperationType === CooperationType.KSDPK && !content.ksdpkKind) {
    add('ksdpkKind', 'REQUIRED', 'Jenis kerja sama dengan pihak ketiga wajib dipilih.', 'The kind of third-party cooperation is required.');
  }
  if (content.cooperationType !== CooperationType.KSDPK && content.ksdpkKind) {
    add('ksdpkKind', 'NOT_APPLICABLE', 'Jenis ini hanya untuk kerja sama dengan pihak ketiga.', 'This kind applies to third-party cooperation only.');
  }
}

const NOT_AUTONOMOUS = (code: string) =>
  [
    `Wilayah ${code} adalah wilayah administratif, bukan daerah otonom, sehingga tidak dapat menjadi pihak kerja sama daerah (PP 28/2018).`,
    `Region ${code} is an administrative area, not an autonomous region, so it cannot be a party to a regional cooperation (PP 28/2018).`,
  ] as const;

function checkRegion(add: Add, content: PlanContent, facts: ReferenceFacts): void {
  if (content.regionCode && !facts.region) {
    add('regionCode', 'UNKNOWN_REGION', `Wilayah ${content.regionCode} tidak dikenal.`, `Region ${content.regionCode} is not known.`);
  } else if (content.regionCode && !isAutonomousRegion(content.regionCode)) {
    add('regionCode', 'NOT_AUTONOMOUS', ...NOT_AUTONOMOUS(content.regionCode));
  }
}

function checkPartners(add: Add, content: PlanContent, facts: ReferenceFacts): void {
  if (content.partners.length === 0) {
    add('partners', 'REQUIRED', 'Paling sedikit satu mitra wajib diisi.', 'At least one partner is required.');
    return;
  }
  const type = content.cooperationType ? cooperationTypeInfo(content.cooperationType) : undefined;
  content.partners.forEach((partner, index) => {
    const path = `partners[${index}]`;
    if (type && !type.partnerKinds.includes(partner.kind)) {
      add(
        `${path}.kind`,
        'PARTNER_KIND_MISMATCH',
        `Mitra jenis ${partner.kind} tidak sesuai dengan ${type.name.id}.`,
        `A ${partner.kind} partner does not fit ${type.name.en}.`,
      );
    }
    if (partner.kind === PartnerKind.REGION) {
      if (!partner.regionCode) {
        add(`${path}.regionCode`, 'REQUIRED', 'Kode wilayah mitra wajib diisi.', "The partner region's code is required.");
      } else if (partner.regionCode === content.regionCode) {
        add(`${path}.regionCode`, 'SELF_PARTNER', 'Daerah tidak dapat bermitra dengan dirinya sendiri.', 'A region cannot partner with itself.');
      } else if (!facts.knownRegionCodes.includes(partner.regionCode)) {
        add(`${path}.regionCode`, 'UNKNOWN_REGION', `Wilayah ${partner.regionCode} tidak dikenal.`, `Region ${partner.regionCode} is not known.`);
      } else if (!isAutonomousRegion(partner.regionCode)) {
        add(`${path}.regionCode`, 'NOT_AUTONOMOUS', ...NOT_AUTONOMOUS(partner.regionCode));
      }
    }
    if (partner.kind === PartnerKind.THIRD_PARTY && !partner.legalForm?.trim()) {
      add(`${path}.legalForm`, 'REQUIRED', 'Bentuk badan hukum pihak ketiga wajib diisi.', "The third party's legal form is required.");
    }
    if ((partner.kind === PartnerKind.FOREIGN_GOVERNMENT || partner.kind === PartnerKind.FOREIGN_INSTITUTION) && !partner.country?.trim()) {
      add(`${path}.country`, 'REQUIRED', 'Negara mitra wajib diisi.', "The partner's country is required.");
    }
  });
  if (content.cooperationType === CooperationType.KSDD_WAJIB) {
    // Mandatory: with a bordering region, or between a province and its own kabupaten/kota (Permendagri 22/2020).
    const mandatoryPartner = content.partners.some(
      (p) =>
        p.kind === PartnerKind.REGION &&
        p.regionCode &&
        (facts.neighbourCodes.includes(p.regionCode) || (content.regionCode && isProvinceAndOwnRegency(content.regionCode, p.regionCode))),
    );
    if (!mandatoryPartner) {
      add(
        'partners',
        'NOT_BORDERING',
        'Kerja sama wajib memerlukan paling sedikit satu mitra daerah yang berbatasan, atau antara provinsi dan kabupaten/kota di wilayahnya.',
        'Mandatory region-to-region cooperation needs at least one bordering partner region, or a province and a kabupaten/kota inside it.',
      );
    }
  }
}

function checkObjects(add: Add, warn: Add, content: PlanContent, facts: ReferenceFacts): void {
  if (content.objects.length === 0) {
    add('objects', 'REQUIRED', 'Paling sedikit satu objek kerja sama wajib dipetakan.', 'At least one cooperation object must be mapped.');
    return;
  }
  content.objects.forEach((object, index) => {
    const path = `objects[${index}]`;
    const affair = facts.affairs[affairKey(object.affairCode, object.nomenclatureVersion)];
    if (!object.affairCode.trim()) {
      add(`${path}.affairCode`, 'REQUIRED', 'Bidang urusan objek ini wajib dipilih.', "This object's government affair is required.");
    } else if (!affair) {
      add(
        `${path}.affairCode`,
        'UNKNOWN_AFFAIR',
        `Bidang urusan ${object.affairCode} tidak ada pada nomenklatur versi ${object.nomenclatureVersion}.`,
        `Affair ${object.affairCode} is not in nomenclature version ${object.nomenclatureVersion}.`,
      );
    } else if (affair.group === AffairGroup.ABSOLUTE) {
      add(
        `${path}.affairCode`,
        'ABSOLUTE_AFFAIR',
        'Urusan pemerintahan absolut tidak dapat menjadi objek kerja sama daerah.',
        'An absolute government affair can never be an object of regional cooperation.',
      );
    } else {
      if (facts.region && !hasAuthority(facts.region.level, affair.level)) {
        add(
          `${path}.affairCode`,
          'NO_AUTHORITY',
          'Daerah ini tidak memiliki kewenangan atas bidang urusan tersebut.',
          'This region has no authority over that affair.',
        );
      }
      if (affair.group === AffairGroup.SUPPORT) {
        warn(
          `${path}.affairCode`,
          'SUPPORT_UNIT',
          'Unsur pendukung/penunjang biasanya bukan objek kerja sama; pastikan urusannya tepat.',
          'Support units are usually not cooperation objects; check the affair.',
        );
      }
    }
    if (object.kegiatanCode && facts.region) {
      const digit = object.kegiatanCode.split('.')[3];
      if (digit !== levelDigit(facts.region.level)) {
        add(
          `${path}.kegiatanCode`,
          'LEVEL_MISMATCH',
          'Digit tingkat pada kode kegiatan tidak sesuai dengan tingkat daerah (1 provinsi, 2 kabupaten/kota).',
          "The kegiatan code's level digit does not match the region (1 province, 2 kabupaten/kota).",
        );
      }
    }
    if (!object.inPlanningDocuments && !object.exceptionReason) {
      add(
        `${path}.exceptionReason`,
        'EXCEPTION_REQUIRED',
        'Objek yang belum ada dalam RPJMD/RKPD hanya boleh karena keadaan darurat, PSN, atau tugas pembantuan: pilih alasannya.',
        'An object not yet in the RPJMD/RKPD is allowed only for an emergency, a PSN or assistance tasks: choose the reason.',
      );
    }
    if (object.inPlanningDocuments && object.exceptionReason) {
      add(
        `${path}.exceptionReason`,
        'NOT_APPLICABLE',
        'Alasan pengecualian hanya untuk objek yang belum ada dalam dokumen perencanaan.',
        'An exception reason applies only to an object not yet in the planning documents.',
      );
    }
  });
}

function checkTermsOfReference(add: Add, content: PlanContent): void {
  for (const field of TERMS_OF_REFERENCE_FIELDS) {
    if (!content.termsOfReference?.[field]?.trim()) {
      add(`termsOfReference.${field}`, 'REQUIRED', 'Bagian KAK ini wajib diisi.', 'This part of the terms of reference is required.');
    }
  }
}

function checkFeasibility(add: Add, warn: Add, content: PlanContent, facts: ReferenceFacts): void {
  if (content.cooperationType !== CooperationType.KSDPK) return;
  const study = content.feasibilityStudy;
  const complete = Boolean(study?.summary?.trim() && study?.conclusion?.trim() && study?.preparedBy);
  const files = facts.attachmentCounts[AttachmentPurpose.FEASIBILITY_STUDY] ?? 0;
  if (content.initiator === Initiator.REGION) {
    if (!complete) {
      add(
        'feasibilityStudy',
        'FEASIBILITY_REQUIRED',
        'Kerja sama dengan pihak ketiga atas prakarsa daerah wajib dilengkapi studi kelayakan (ringkasan, kesimpulan, penyusun).',
        'Third-party cooperation initiated by the region needs a feasibility study (summary, conclusion, author).',
      );
    } else if (files === 0) {
      add('feasibilityStudy', 'FEASIBILITY_FILE_REQUIRED', 'Unggah berkas studi kelayakan.', 'Upload the feasibility study file.');
    }
  } else if (content.initiator === Initiator.PARTNER && (!complete || files === 0)) {
    warn(
      'feasibilityStudy',
      'FEASIBILITY_FROM_PARTNER',
      'Studi kelayakan disusun oleh pihak ketiga; lampirkan bila sudah diterima.',
      'The third party writes the feasibility study; attach it once received.',
    );
  }
}
