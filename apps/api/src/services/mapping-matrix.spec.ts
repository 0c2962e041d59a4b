import { buildMappingMatrix, MINISTRY_ADDRESSEE, type MappingInput, type MappingPlanInput, type MappingRow } from './mapping-matrix';

const VERSION = '2026.1';
const KOTA_BOGOR = { code: '32.71', name: 'Kota Bogor', level: 'REGENCY' as const };
const JAWA_BARAT = { code: '32', name: 'Jawa Barat', level: 'PROVINCE' as const };

let nextId = 0;
function plan(overrides: Partial<MappingPlanInput> = {}): MappingPlanInput {
  nextId += 1;
  return {
    id: `00000000-0000-4000-8000-${String(nextId).padStart(12, '0')}`,
    title: `Rencana ${nextId}`,
    proposingAgency: 'Dinas Lingkungan Hidup',
    cooperationType: 'KSDD_WAJIB',
    stage: 'VERIFICATION',
    requiresDprdApproval: false,
    partners: [{ name: 'Pemerintah Kabupaten Bogor' }],
    objects: [{ affairCode: '2.11', nomenclatureVersion: VERSION }],
    lineItemAmounts: [100n],
    ...overrides,
  };
}

function build(plans: MappingPlanInput[], overrides: Partial<MappingInput> = {}) {
  return buildMappingMatrix({
    region: KOTA_BOGOR,
    province: JAWA_BARAT,
    budgetYear: 2027,
    generatedAt: new Date('2026-11-28T03:00:00Z'),
    plans,
    affairs: [
      { code: '2.11', nomenclatureVersion: VERSION, name: 'Lingkungan Hidup' },
      { code: '1.03', nomenclatureVersion: VERSION, name: 'Pekerjaan Umum dan Penataan Ruang' },
      { code: '1.03', nomenclatureVersion: '2019.1', name: 'Pekerjaan Umum (lama)' },
    ],
    includeRejected: false,
    ...overrides,
  });
}

const sumOfCostColumn = (rows: MappingRow[]) => rows.filter((row) => row.countedInTotals).reduce((sum, row) => sum + (row.estimatedCost ?? 0n), 0n);

describe('the rows of the mapping', () => {
  it('gives a plan with several objects one row per object, its cost on the first row only', () => {
    const water = plan({
      title: 'Air minum lintas batas',
      objects: [
        { affairCode: '1.03', nomenclatureVersion: VERSION },
        { affairCode: '2.11', nomenclatureVersion: VERSION },
        { affairCode: '1.03', nomenclatureVersion: '2019.1' },
      ],
      lineItemAmounts: [300_000_000n, 50_000_000n],
    });
    const matrix = build([water]);

    expect(matrix.rows.map((row) => [row.objectNumber, row.affairCode, row.affairName, row.estimatedCost, row.continuesPlan])).toEqual([
      [1, '1.03', 'Pekerjaan Umum dan Penataan Ruang', 350_000_000n, false],
      [2, '2.11', 'Lingkungan Hidup', null, true],
      [3, '1.03', 'Pekerjaan Umum (lama)', null, true],
    ]);
    expect(matrix.rows.every((row) => row.planId === water.id && row.planNumber === 1 && row.objectCount === 3)).toBe(true);
    // Not 3 × 350 million: the plan counts once in every total.
    expect(matrix.summary.grandTotal).toEqual({ planCount: 1, objectCount: 3, estimatedCost: 350_000_000n });
    expect(matrix.summary.byCooperationType.find((t) => t.cooperationType === 'KSDD_WAJIB')).toMatchObject({ planCount: 1, estimatedCost: 350_000_000n });
    expect(sumOfCostColumn(matrix.rows)).toBe(matrix.summary.grandTotal.estimatedCost);
  });

  it('keeps a plan without objects as one row with the affair empty', () => {
    const matrix = build([plan({ objects: [], lineItemAmounts: [7n] })]);
    expect(matrix.rows).toEqual([
      expect.objectContaining({ objectNumber: null, objectCount: 0, affairCode: null, affairName: null, estimatedCost: 7n, continuesPlan: false }),
    ]);
    expect(matrix.summary.grandTotal).toEqual({ planCount: 1, objectCount: 0, estimatedCost: 7n });
  });

  it('names the cooperation type and stage in Indonesian and joins the partners', () => {
    const [row] = build([
      plan({
        cooperationType: 'SINERGI',
        stage: 'BAPPEDA_REVIEW',
        partners: [{ name: 'Kementerian PUPR' }, { name: 'BPPW Jawa Barat' }],
        requiresDprdApproval: true,
      }),
    ]).rows;
    expect(row).toMatchObject({
      cooperationType: 'SINERGI',
      cooperationTypeName: 'Sinergi dengan kementerian/lembaga',
      stageName: 'Telaah Bappeda',
      partners: 'Kementerian PUPR; BPPW Jawa Barat',
      requiresDprdApproval: true,
    });
  });

  it('leaves the affair name empty for a code the nomenclature version does not have', () => {
    const [row] = build([plan({ objects: [{ affairCode: '2.11', nomenclatureVersion: '1999.1' }] })]).rows;
    expect(row).toMatchObject({ affairCode: '2.11', affairName: null });
  });

  it('orders plans by agency then title, numbering plans rather than rows', () => {
    const matrix = build([
      plan({ proposingAgency: 'Dinas Pariwisata', title: 'B' }),
      plan({ proposingAgency: 'dinas kesehatan', title: 'Z' }),
      plan({
        proposingAgency: 'Dinas Pariwisata',
        title: 'A',
        objects: [
          { affairCode: '3.26', nomenclatureVersion: VERSION },
          { affairCode: '2.11', nomenclatureVersion: VERSION },
        ],
      }),
    ]);
    expect(matrix.rows.map((row) => [row.planNumber, row.proposingAgency, row.title])).toEqual([
      [1, 'dinas kesehatan', 'Z'],
      [2, 'Dinas Pariwisata', 'A'],
      [2, 'Dinas Pariwisata', 'A'],
      [3, 'Dinas Pariwisata', 'B'],
    ]);
  });
});

describe('the totals of the mapping', () => {
  const plans = () => [
    plan({ proposingAgency: 'Dinas Lingkungan Hidup', cooperationType: 'KSDD_WAJIB', stage: 'DRAFT', lineItemAmounts: [350_000_000n, 75_000_000n] }),
    plan({
      proposingAgency: 'Dinas Lingkungan Hidup ',
      cooperationType: 'KSDD_SUKARELA',
      stage: 'VERIFICATION',
      lineItemAmounts: [200_000_000n],
      objects: [
        { affairCode: '2.11', nomenclatureVersion: VERSION },
        { affairCode: '1.03', nomenclatureVersion: VERSION },
      ],
    }),
    plan({ proposingAgency: 'Dinas PUPR', cooperationType: 'SINERGI', stage: 'COMPLETED', lineItemAmounts: [1_000_000_000n] }),
    plan({ proposingAgency: 'Dinas PUPR', cooperationType: 'SINERGI', stage: 'VERIFICATION', lineItemAmounts: [] }),
    plan({ proposingAgency: 'Dinas Pariwisata', cooperationType: 'KSDPK', stage: 'REJECTED', lineItemAmounts: [999n] }),
  ];

  it('adds up by cooperation type (every type, zeros included), by stage and by agency', () => {
    const { summary } = build(plans());
    expect(summary.byCooperationType.map((t) => [t.cooperationType, t.planCount, t.estimatedCost])).toEqual([
      ['KSDD_WAJIB', 1, 425_000_000n],
      ['KSDD_SUKARELA', 1, 200_000_000n],
      ['KSDPK', 0, 0n],
      ['KSDPL', 0, 0n],
      ['KSDLL', 0, 0n],
      ['SINERGI', 2, 1_000_000_000n],
    ]);
    expect(summary.byStage.map((s) => [s.stage, s.planCount, s.estimatedCost])).toEqual([
      ['DRAFT', 1, 425_000_000n],
      ['VERIFICATION', 2, 200_000_000n],
      ['BAPPEDA_REVIEW', 0, 0n],
      ['TKKSD_DELIBERATION', 0, 0n],
      ['HEAD_OF_REGION_APPROVAL', 0, 0n],
      ['DOCUMENT_SYNC', 0, 0n],
      ['BUDGET_SIGNOFF', 0, 0n],
      ['DPRD_APPROVAL', 0, 0n],
      ['RKA_CONFIRMATION', 0, 0n],
      ['COMPLETED', 1, 1_000_000_000n],
    ]);
    // The same agency typed with a trailing space is one agency.
    expect(summary.byAgency).toEqual([
      { proposingAgency: 'Dinas Lingkungan Hidup', planCount: 2, estimatedCost: 625_000_000n },
      { proposingAgency: 'Dinas PUPR', planCount: 2, estimatedCost: 1_000_000_000n },
    ]);
    expect(summary.grandTotal).toEqual({ planCount: 4, objectCount: 5, estimatedCost: 1_625_000_000n });
  });

  it('counts plans at the TKKSD and head-of-region stages under their own names, in process order', () => {
    const { summary, rows } = build([
      plan({ stage: 'HEAD_OF_REGION_APPROVAL', title: 'B', lineItemAmounts: [30n] }),
      plan({ stage: 'TKKSD_DELIBERATION', title: 'A', lineItemAmounts: [20n, 5n] }),
      plan({ stage: 'TKKSD_DELIBERATION', title: 'C', lineItemAmounts: [1n] }),
    ]);
    expect(summary.byStage).toEqual([
      { stage: 'DRAFT', name: 'Draf', planCount: 0, estimatedCost: 0n },
      { stage: 'VERIFICATION', name: 'Verifikasi sekretariat kerja sama', planCount: 0, estimatedCost: 0n },
      { stage: 'BAPPEDA_REVIEW', name: 'Telaah Bappeda', planCount: 0, estimatedCost: 0n },
      { stage: 'TKKSD_DELIBERATION', name: 'Pembahasan TKKSD', planCount: 2, estimatedCost: 26n },
      { stage: 'HEAD_OF_REGION_APPROVAL', name: 'Persetujuan kepala daerah', planCount: 1, estimatedCost: 30n },
      { stage: 'DOCUMENT_SYNC', name: 'Sinkronisasi RKPD dan Renja', planCount: 0, estimatedCost: 0n },
      { stage: 'BUDGET_SIGNOFF', name: 'Penempatan KUA-PPAS oleh TAPD', planCount: 0, estimatedCost: 0n },
      { stage: 'DPRD_APPROVAL', name: 'Persetujuan DPRD', planCount: 0, estimatedCost: 0n },
      { stage: 'RKA_CONFIRMATION', name: 'Konfirmasi RKA oleh BPKAD', planCount: 0, estimatedCost: 0n },
      { stage: 'COMPLETED', name: 'Selesai', planCount: 0, estimatedCost: 0n },
    ]);
    expect(rows.map((row) => [row.title, row.stage, row.stageName])).toEqual([
      ['A', 'TKKSD_DELIBERATION', 'Pembahasan TKKSD'],
      ['B', 'HEAD_OF_REGION_APPROVAL', 'Persetujuan kepala daerah'],
      ['C', 'TKKSD_DELIBERATION', 'Pembahasan TKKSD'],
    ]);
    expect(summary.grandTotal).toEqual({ planCount: 3, objectCount: 3, estimatedCost: 56n });
  });

  it('every breakdown adds up to the grand total', () => {
    const { summary } = build(plans());
    for (const breakdown of [summary.byCooperationType, summary.byStage, summary.byAgency]) {
      expect(breakdown.reduce((sum, t) => sum + t.estimatedCost, 0n)).toBe(summary.grandTotal.estimatedCost);
      expect(breakdown.reduce((sum, t) => sum + t.planCount, 0)).toBe(summary.grandTotal.planCount);
    }
  });

  it('leaves rejected plans out of the rows and the totals by default, and reports how many there were', () => {
    const matrix = build(plans());
    expect(matrix.rows.some((row) => row.stage === 'REJECTED')).toBe(false);
    expect(matrix.summary.byAgency.map((a) => a.proposingAgency)).not.toContain('Dinas Pariwisata');
    expect(matrix.summary.rejected).toEqual({ planCount: 1, estimatedCost: 999n });
  });

  it('lists rejected plans last when asked, still outside every total', () => {
    const excluded = build(plans());
    const included = build(plans(), { includeRejected: true });
    const last = included.rows[included.rows.length - 1];
    expect(last).toMatchObject({ stage: 'REJECTED', stageName: 'Ditolak', countedInTotals: false, estimatedCost: 999n, planNumber: 5 });
    expect(included.rows.filter((row) => !row.countedInTotals)).toHaveLength(1);
    expect(included.summary).toEqual(excluded.summary);
    expect(sumOfCostColumn(included.rows)).toBe(included.summary.grandTotal.estimatedCost);
  });

  it('shows plans whose type is not chosen yet under their own heading', () => {
    const { summary } = build([plan({ cooperationType: null, lineItemAmounts: [5n] })]);
    expect(summary.byCooperationType[summary.byCooperationType.length - 1]).toEqual({
      cooperationType: null,
      name: 'Jenis belum diisi',
      planCount: 1,
      estimatedCost: 5n,
    });
  });

  it('adds rupiah exactly beyond the precision of a JavaScript number', () => {
    const { summary } = build([plan({ lineItemAmounts: [9_007_199_254_740_993n, 1n] })]);
    expect(summary.grandTotal.estimatedCost).toBe(9_007_199_254_740_994n);
  });

  it('is empty, with zero totals, for a region with no plans', () => {
    const matrix = build([]);
    expect(matrix.rows).toEqual([]);
    expect(matrix.summary.grandTotal).toEqual({ planCount: 0, objectCount: 0, estimatedCost: 0n });
    expect(matrix.summary.byAgency).toEqual([]);
  });
});

describe('who receives the mapping', () => {
  it('is the governor of the province for a kabupaten/kota, the ministry for a province', () => {
    expect(build([]).reportedTo).toBe('Gubernur Jawa Barat');
    expect(build([], { region: JAWA_BARAT, province: undefined }).reportedTo).toBe(MINISTRY_ADDRESSEE);
  });
});
