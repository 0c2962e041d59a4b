// The kinds of cooperation a region maps (PP 28/2018; Permendagri 22/2020 and 25/2020),
// with who may be the partner and what each requires. Codes are kept as the law names them.
import { text, type BilingualText } from './message';

export const CooperationType = {
  KSDD_WAJIB: 'KSDD_WAJIB',
  KSDD_SUKARELA: 'KSDD_SUKARELA',
  KSDPK: 'KSDPK',
  KSDPL: 'KSDPL',
  KSDLL: 'KSDLL',
  SINERGI: 'SINERGI',
} as const;
export type CooperationType = (typeof CooperationType)[keyof typeof CooperationType];
export const COOPERATION_TYPE_CODES: readonly CooperationType[] = Object.values(CooperationType);

export const PartnerKind = {
  REGION: 'REGION',
  THIRD_PARTY: 'THIRD_PARTY',
  FOREIGN_GOVERNMENT: 'FOREIGN_GOVERNMENT',
  FOREIGN_INSTITUTION: 'FOREIGN_INSTITUTION',
  MINISTRY: 'MINISTRY',
} as const;
export type PartnerKind = (typeof PartnerKind)[keyof typeof PartnerKind];
export const PARTNER_KINDS: readonly PartnerKind[] = Object.values(PartnerKind);

export const PARTNER_KIND_LABELS: Record<PartnerKind, BilingualText> = {
  REGION: text('Daerah lain', 'Another region'),
  THIRD_PARTY: text('Pihak ketiga (orang, badan usaha, organisasi)', 'Third party (person, company, organisation)'),
  FOREIGN_GOVERNMENT: text('Pemerintah daerah di luar negeri', 'Foreign regional government'),
  FOREIGN_INSTITUTION: text('Lembaga di luar negeri', 'Foreign institution'),
  MINISTRY: text('Kementerian/lembaga pemerintah pusat', 'Central ministry or agency'),
};

/** Who proposed the cooperation: it decides who writes a third-party feasibility study. */
export const Initiator = { REGION: 'REGION', PARTNER: 'PARTNER' } as const;
export type Initiator = (typeof Initiator)[keyof typeof Initiator];
export const INITIATORS: readonly Initiator[] = Object.values(Initiator);
export const INITIATOR_LABELS: Record<Initiator, BilingualText> = {
  REGION: text('Daerah', 'The region'),
  PARTNER: text('Mitra', 'The partner'),
};

/** The purposes of cooperation with a third party (KSDPK). */
export const KsdpkKind = {
  PUBLIC_SERVICE: 'PUBLIC_SERVICE',
  ASSET_MANAGEMENT: 'ASSET_MANAGEMENT',
  INVESTMENT: 'INVESTMENT',
  OTHER: 'OTHER',
} as const;
export type KsdpkKind = (typeof KsdpkKind)[keyof typeof KsdpkKind];
export const KSDPK_KINDS: readonly KsdpkKind[] = Object.values(KsdpkKind);
export const KSDPK_KIND_LABELS: Record<KsdpkKind, BilingualText> = {
  PUBLIC_SERVICE: text('Penyediaan pelayanan publik', 'Public service provision'),
  ASSET_MANAGEMENT: text('Pengelolaan aset untuk meningkatkan nilai tambah', 'Asset management'),
  INVESTMENT: text('Investasi', 'Investment'),
  OTHER: text('Kerja sama lainnya', 'Other'),
};

export interface CooperationTypeInfo {
  code: CooperationType;
  name: BilingualText;
  /** The partner kinds this type admits. */
  partnerKinds: readonly PartnerKind[];
  /** Cooperation with a foreign party (DPRD approval always; 45 working days to answer). */
  abroad: boolean;
  /** A KSD type by law (SINERGI is mapped in the same exercise but is not one). */
  ksdByLaw: boolean;
  requirements: readonly BilingualText[];
}

export const COOPERATION_TYPES: readonly CooperationTypeInfo[] = [
  {
    code: CooperationType.KSDD_WAJIB,
    name: text('Kerja sama daerah dengan daerah lain (wajib)', 'Region with region (mandatory)'),
    partnerKinds: [PartnerKind.REGION],
    abroad: false,
    ksdByLaw: true,
    requirements: [
      text(
        'Mitra adalah daerah yang berbatasan, atau urusan berdampak lintas daerah.',
        'The partner is a bordering region, or the affair has cross-border effects.',
      ),
      text('Paling sedikit satu mitra harus daerah yang berbatasan.', 'At least one partner must be a bordering region.'),
    ],
  },
  {
    code: CooperationType.KSDD_SUKARELA,
    name: text('Kerja sama daerah dengan daerah lain (sukarela)', 'Region with region (voluntary)'),
    partnerKinds: [PartnerKind.REGION],
    abroad: false,
    ksdByLaw: true,
    requirements: [text('Mitra adalah daerah lain.', 'The partner is another region.')],
  },
  {
    code: CooperationType.KSDPK,
    name: text('Kerja sama daerah dengan pihak ketiga', 'Region with a third party'),
    partnerKinds: [PartnerKind.THIRD_PARTY],
    abroad: false,
    ksdByLaw: true,
    requirements: [
      text(
        'Jenis wajib dipilih: penyediaan pelayanan publik, pengelolaan aset, investasi, atau lainnya.',
        'Choose its kind: public service provision, asset management, investment, or other.',
      ),
      text('Bentuk badan hukum mitra wajib diisi.', "The partner's legal form is required."),
      text(
        'Bila diprakarsai daerah, wajib ada studi kelayakan (isian dan berkas); bila diprakarsai pihak ketiga, pihak ketiga menyusunnya.',
        'When the region initiates it, a feasibility study (fields and file) is required; when the third party initiates it, the third party writes it.',
      ),
    ],
  },
  {
    code: CooperationType.KSDPL,
    name: text('Kerja sama daerah dengan pemerintah daerah di luar negeri', 'Region with a foreign regional government'),
    partnerKinds: [PartnerKind.FOREIGN_GOVERNMENT],
    abroad: true,
    ksdByLaw: true,
    requirements: [text('Negara mitra wajib diisi.', "The partner's country is required."), text('Memerlukan persetujuan DPRD.', 'Requires DPRD approval.')],
  },
  {
    code: CooperationType.KSDLL,
    name: text('Kerja sama daerah dengan lembaga di luar negeri', 'Region with a foreign institution'),
    partnerKinds: [PartnerKind.FOREIGN_INSTITUTION],
    abroad: true,
    ksdByLaw: true,
    requirements: [text('Negara mitra wajib diisi.', "The partner's country is required."), text('Memerlukan persetujuan DPRD.', 'Requires DPRD approval.')],
  },
  {
    code: CooperationType.SINERGI,
    name: text('Sinergi dengan kementerian/lembaga', 'Synergy with a central ministry or agency'),
    partnerKinds: [PartnerKind.MINISTRY],
    abroad: false,
    ksdByLaw: false,
    requirements: [
      text('Bukan jenis KSD menurut peraturan, tetapi dipetakan dalam kegiatan yang sama.', 'Not a KSD type by law, but mapped in the same exercise.'),
    ],
  },
];

export function cooperationTypeInfo(code: CooperationType): CooperationTypeInfo {
  return COOPERATION_TYPES.find((type) => type.code === code)!;
}
