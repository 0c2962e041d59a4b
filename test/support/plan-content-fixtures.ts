// A complete, valid cooperation plan and the reference facts that make it so: Kota
// Bogor and its neighbour Kabupaten Bogor sharing a regional landfill.
import type { PlanContent } from '../../domain/plan-content';
import type { ReferenceFacts } from '../../domain/plan-rules';
import { CURRENT_NOMENCLATURE_VERSION } from '../../domain/nomenclature';

export function completePlanContent(overrides: Partial<PlanContent> = {}): PlanContent {
  return {
    title: 'Kerja sama pengelolaan sampah regional',
    summary: 'TPA regional bersama Kabupaten Bogor',
    regionCode: '32.71',
    budgetYear: 2027,
    proposingAgency: 'Dinas Lingkungan Hidup',
    cooperationType: 'KSDD_WAJIB',
    initiator: 'REGION',
    partners: [{ kind: 'REGION', name: 'Pemerintah Kabupaten Bogor', regionCode: '32.01' }],
    objects: [
      {
        affairCode: '2.11',
        programCode: '2.11.03',
        kegiatanCode: '2.11.03.2.01',
        nomenclatureVersion: CURRENT_NOMENCLATURE_VERSION,
        potential: 'Lahan TPA regional dan armada angkut bersama',
        characteristics: 'Timbulan sampah lintas batas kota dan kabupaten',
        inPlanningDocuments: true,
      },
    ],
    termsOfReference: {
      background: 'Kapasitas TPA kota hampir habis.',
      purpose: 'Pengelolaan sampah regional yang berkelanjutan.',
      legalBasis: 'UU 23/2014; PP 28/2018; Permendagri 22/2020.',
      object: 'Pengelolaan sampah (urusan lingkungan hidup).',
      activities: 'Kajian, kesepakatan bersama, pembangunan sarana.',
      expectedResults: 'Sampah terkelola di TPA regional.',
      rolesOfParties: 'Kota menyediakan armada; kabupaten menyediakan lahan.',
    },
    plannedDurationMonths: 36,
    fundingSource: 'APBD_BUDGETED',
    burdensCommunity: false,
    multiYear: true,
    lineItems: [
      { nomenclatureCode: '2.11.03.2.01.0001', description: 'Kajian kelayakan TPA regional', amount: 350_000_000 },
      { nomenclatureCode: '2.11.03.2.01.0002', description: 'Fasilitasi kesepakatan bersama', amount: 75_000_000 },
    ],
    ...overrides,
  };
}

export function factsForCompletePlan(overrides: Partial<ReferenceFacts> = {}): ReferenceFacts {
  return {
    region: { code: '32.71', level: 'REGENCY' },
    affairs: { [`2.11@${CURRENT_NOMENCLATURE_VERSION}`]: { group: 'NON_BASIC', level: 'BOTH' } },
    knownRegionCodes: ['32.01'],
    neighbourCodes: ['32.01'],
    attachmentCounts: {},
    ...overrides,
  };
}
