import { completePlanContent, factsForCompletePlan } from '../test/support/plan-content-fixtures';
import { CURRENT_NOMENCLATURE_VERSION } from './nomenclature';
import type { MappedObject, PlanContent } from './plan-content';
import { checkPlan, dprdApprovalReasons, type ReferenceFacts } from './plan-rules';

const V = CURRENT_NOMENCLATURE_VERSION;
const object = (overrides: Partial<MappedObject> = {}): MappedObject => ({ ...completePlanContent().objects[0], ...overrides });

function findings(content: Partial<PlanContent> = {}, facts: Partial<ReferenceFacts> = {}) {
  const check = checkPlan(completePlanContent(content), factsForCompletePlan(facts));
  return {
    violations: check.violations.map((v) => `${v.field}:${v.reason}`),
    warnings: check.warnings.map((v) => `${v.field}:${v.reason}`),
    check,
  };
}

describe('checkPlan', () => {
  it('passes the complete plan of the fixtures, and derives its cost', () => {
    const { violations, warnings, check } = findings();
    expect(violations).toEqual([]);
    expect(warnings).toEqual([]);
    expect(check).toMatchObject({ estimatedCost: 425_000_000, requiresDprdApproval: false, dprdApprovalReasons: [] });
  });

  it('gives every violation a bilingual message', () => {
    const check = checkPlan(completePlanContent({ partners: [], objects: [], lineItems: [], termsOfReference: {} }), factsForCompletePlan({ region: null }));
    expect(check.violations.length).toBeGreaterThan(10);
    for (const violation of check.violations) {
      expect(violation.message.id.trim()).not.toBe('');
      expect(violation.message.en.trim()).not.toBe('');
    }
  });

  describe('required fields', () => {
    it.each(['cooperationType', 'initiator', 'fundingSource', 'burdensCommunity', 'plannedDurationMonths'] as const)('requires %s', (field) => {
      expect(findings({ [field]: undefined }).violations).toContain(`${field}:REQUIRED`);
    });

    it('requires at least one partner, one object and one budget line', () => {
      expect(findings({ partners: [], objects: [], lineItems: [] }).violations).toEqual(
        expect.arrayContaining(['partners:REQUIRED', 'objects:REQUIRED', 'lineItems:REQUIRED']),
      );
    });

    it('requires every part of the terms of reference (KAK)', () => {
      const { violations } = findings({ termsOfReference: { background: 'Ada', purpose: '   ' } });
      expect(violations).toEqual([
        'termsOfReference.purpose:REQUIRED',
        'termsOfReference.legalBasis:REQUIRED',
        'termsOfReference.object:REQUIRED',
        'termsOfReference.activities:REQUIRED',
        'termsOfReference.expectedResults:REQUIRED',
        'termsOfReference.rolesOfParties:REQUIRED',
      ]);
    });
  });

  describe('region and partners', () => {
    it('refuses an unknown region', () => {
      expect(findings({}, { region: null }).violations).toContain('regionCode:UNKNOWN_REGION');
    });

    it('refuses a partner region that is unknown, missing or the region itself', () => {
      const partners = [
        { kind: 'REGION' as const, name: 'Entah', regionCode: '99.99' },
        { kind: 'REGION' as const, name: 'Tanpa kode' },
        { kind: 'REGION' as const, name: 'Diri sendiri', regionCode: '32.71' },
        { kind: 'REGION' as const, name: 'Kabupaten Bogor', regionCode: '32.01' },
      ];
      expect(findings({ partners }).violations).toEqual([
        'partners[0].regionCode:UNKNOWN_REGION',
        'partners[1].regionCode:REQUIRED',
        'partners[2].regionCode:SELF_PARTNER',
      ]);
    });

    it('KSDD wajib needs a bordering partner region', () => {
      expect(findings({}, { neighbourCodes: ['32.02'] }).violations).toEqual(['partners:NOT_BORDERING']);
      expect(findings({ cooperationType: 'KSDD_SUKARELA' }, { neighbourCodes: [] }).violations).toEqual([]);
    });

    it('KSDD wajib between a province and a kabupaten/kota inside it needs no border, either way round', () => {
      const region = (code: string) => [{ kind: 'REGION' as const, name: code, regionCode: code }];
      const facts = { neighbourCodes: [], knownRegionCodes: ['32', '32.71', '33.01', '32.01'] };
      const partnerIssues = (content: Partial<PlanContent>, more: Partial<ReferenceFacts> = {}) =>
        findings(content, { ...facts, ...more }).violations.filter((v) => v.startsWith('partners'));
      const province = { region: { code: '32', level: 'PROVINCE' as const } };
      expect(partnerIssues({ regionCode: '32', partners: region('32.71') }, province)).toEqual([]);
      expect(partnerIssues({ regionCode: '32.01', partners: region('32') })).toEqual([]);
      // Not its own: a kabupaten of another province.
      expect(partnerIssues({ regionCode: '32', partners: region('33.01') }, province)).toEqual(['partners:NOT_BORDERING']);
    });

    it("refuses Jakarta's administrative cities and regency as parties, naming the field", () => {
      const check = checkPlan(
        completePlanContent({ partners: [{ kind: 'REGION', name: 'Kota Administrasi Jakarta Selatan', regionCode: '31.74' }] }),
        factsForCompletePlan({ knownRegionCodes: ['31.74'], neighbourCodes: ['31.74'] }),
      );
      expect(check.violations).toEqual([
        expect.objectContaining({
          field: 'partners[0].regionCode',
          reason: 'NOT_AUTONOMOUS',
          message: { id: expect.stringContaining('bukan daerah otonom'), en: expect.any(String) },
        }),
      ]);
      expect(findings({ regionCode: '31.01' }, { region: { code: '31.01', level: 'REGENCY' } }).violations).toContain('regionCode:NOT_AUTONOMOUS');
    });

    it('refuses a partner of the wrong kind for the cooperation type', () => {
      expect(findings({ cooperationType: 'SINERGI' }).violations).toEqual(['partners[0].kind:PARTNER_KIND_MISMATCH']);
    });

    it('needs the legal form of a third party and the country of a foreign partner', () => {
      const thirdParty = findings({
        cooperationType: 'KSDPK',
        ksdpkKind: 'INVESTMENT',
        initiator: 'PARTNER',
        partners: [{ kind: 'THIRD_PARTY', name: 'PT Bersih Lestari' }],
      });
      expect(thirdParty.violations).toEqual(['partners[0].legalForm:REQUIRED']);
      const abroad = findings({ cooperationType: 'KSDPL', partners: [{ kind: 'FOREIGN_GOVERNMENT', name: 'Kota Mitra' }] });
      expect(abroad.violations).toEqual(['partners[0].country:REQUIRED']);
    });
  });

  describe('mapped objects', () => {
    it('refuses an absolute affair as object, always', () => {
      const { violations } = findings(
        { objects: [object({ affairCode: '0.02', programCode: undefined, kegiatanCode: undefined })] },
        { affairs: { [`0.02@${V}`]: { group: 'ABSOLUTE', level: 'BOTH' } } },
      );
      expect(violations).toEqual(['objects[0].affairCode:ABSOLUTE_AFFAIR']);
    });

    it('refuses an affair unknown in its nomenclature version', () => {
      const { violations } = findings({ objects: [object({ nomenclatureVersion: '1999.1' })] });
      expect(violations).toEqual(['objects[0].affairCode:UNKNOWN_AFFAIR']);
    });

    it('refuses an affair the region has no authority over (a provincial affair for a kota)', () => {
      const { violations } = findings(
        { objects: [object({ affairCode: '3.28', programCode: undefined, kegiatanCode: undefined })] },
        { affairs: { [`3.28@${V}`]: { group: 'OPTIONAL', level: 'PROV' } } },
      );
      expect(violations).toEqual(['objects[0].affairCode:NO_AUTHORITY']);
      const province = findings(
        {
          regionCode: '32',
          partners: [{ kind: 'REGION', name: 'DKI Jakarta', regionCode: '31' }],
          objects: [object({ affairCode: '3.28', programCode: undefined, kegiatanCode: undefined })],
        },
        {
          region: { code: '32', level: 'PROVINCE' },
          knownRegionCodes: ['31'],
          neighbourCodes: ['31'],
          affairs: { [`3.28@${V}`]: { group: 'OPTIONAL', level: 'PROV' } },
        },
      );
      expect(province.violations).toEqual([]);
    });

    it('refuses a kegiatan code whose level digit does not fit the region', () => {
      const { violations } = findings({ objects: [object({ kegiatanCode: '2.11.03.1.01' })] });
      expect(violations).toEqual(['objects[0].kegiatanCode:LEVEL_MISMATCH']);
    });

    it('needs an exception reason for an object not in the planning documents, and only then', () => {
      expect(findings({ objects: [object({ inPlanningDocuments: false })] }).violations).toEqual(['objects[0].exceptionReason:EXCEPTION_REQUIRED']);
      for (const reason of ['EMERGENCY', 'NATIONAL_STRATEGIC_PROJECT', 'ASSISTANCE_TASK'] as const) {
        expect(findings({ objects: [object({ inPlanningDocuments: false, exceptionReason: reason })] }).violations).toEqual([]);
      }
      expect(findings({ objects: [object({ exceptionReason: 'EMERGENCY' })] }).violations).toEqual(['objects[0].exceptionReason:NOT_APPLICABLE']);
    });

    it('warns, without blocking, on a support unit as object', () => {
      const result = findings(
        { objects: [object({ affairCode: '4.01', programCode: undefined, kegiatanCode: undefined })] },
        { affairs: { [`4.01@${V}`]: { group: 'SUPPORT', level: 'BOTH' } } },
      );
      expect(result.violations).toEqual([]);
      expect(result.warnings).toEqual(['objects[0].affairCode:SUPPORT_UNIT']);
    });
  });

  describe('third-party cooperation (KSDPK)', () => {
    const ksdpk = (overrides: Partial<PlanContent> = {}): Partial<PlanContent> => ({
      cooperationType: 'KSDPK',
      ksdpkKind: 'PUBLIC_SERVICE',
      partners: [{ kind: 'THIRD_PARTY', name: 'PT Bersih Lestari', legalForm: 'Perseroan Terbatas' }],
      ...overrides,
    });
    const study = { preparedBy: 'REGION' as const, summary: 'Layak secara teknis dan finansial.', conclusion: 'Layak.' };

    it('needs its kind, and refuses a kind on other types', () => {
      expect(findings(ksdpk({ ksdpkKind: undefined, initiator: 'PARTNER' })).violations).toEqual(['ksdpkKind:REQUIRED']);
      expect(findings({ ksdpkKind: 'INVESTMENT' }).violations).toEqual(['ksdpkKind:NOT_APPLICABLE']);
    });

    it('initiated by the region, needs a complete feasibility study with its file', () => {
      expect(findings(ksdpk({ initiator: 'REGION' })).violations).toEqual(['feasibilityStudy:FEASIBILITY_REQUIRED']);
      expect(findings(ksdpk({ initiator: 'REGION', feasibilityStudy: { ...study, conclusion: ' ' } })).violations).toEqual([
        'feasibilityStudy:FEASIBILITY_REQUIRED',
      ]);
      expect(findings(ksdpk({ initiator: 'REGION', feasibilityStudy: study })).violations).toEqual(['feasibilityStudy:FEASIBILITY_FILE_REQUIRED']);
      expect(findings(ksdpk({ initiator: 'REGION', feasibilityStudy: study }), { attachmentCounts: { FEASIBILITY_STUDY: 1 } }).violations).toEqual([]);
    });

    it('initiated by the third party, only warns while its study has not arrived', () => {
      const result = findings(ksdpk({ initiator: 'PARTNER' }));
      expect(result.violations).toEqual([]);
      expect(result.warnings).toEqual(['feasibilityStudy:FEASIBILITY_FROM_PARTNER']);
    });
  });
});

describe('dprdApprovalReasons', () => {
  it.each([
    [{ burdensCommunity: false, fundingSource: 'APBD_BUDGETED', cooperationType: 'KSDD_WAJIB' }, []],
    [{ burdensCommunity: true, fundingSource: 'APBD_BUDGETED', cooperationType: 'KSDD_WAJIB' }, ['BURDENS_COMMUNITY']],
    [{ burdensCommunity: false, fundingSource: 'APBD_NOT_YET_BUDGETED', cooperationType: 'KSDPK' }, ['NOT_YET_BUDGETED']],
    [{ burdensCommunity: true, fundingSource: 'APBD_NOT_YET_BUDGETED', cooperationType: 'KSDLL' }, ['BURDENS_COMMUNITY', 'NOT_YET_BUDGETED', 'ABROAD']],
    [{ burdensCommunity: false, fundingSource: 'PARTNER', cooperationType: 'KSDPL' }, ['ABROAD']],
    [{ burdensCommunity: undefined, fundingSource: undefined, cooperationType: undefined }, []],
  ] as const)('%j needs DPRD approval for %j', (content, expected) => {
    expect(dprdApprovalReasons(content)).toEqual(expected);
  });
});
