// Request bodies a real officer might send.
export function newPlanBody(overrides: Record<string, unknown> = {}) {
  return {
    title: 'Kerja sama pengelolaan sampah regional',
    summary: 'TPA regional bersama Kabupaten Bogor',
    regionCode: '32.71',
    budgetYear: 2027,
    proposingAgency: 'Dinas Lingkungan Hidup',
    createdBy: 'siti.rahma',
    lineItems: [
      { nomenclatureCode: '2.11.03.2.01.0001', description: 'Kajian kelayakan TPA regional', amount: 350_000_000 },
      { nomenclatureCode: '2.11.03.2.01.0002', description: 'Fasilitasi kesepakatan bersama', amount: 75_000_000 },
    ],
    ...overrides,
  };
}
