import {
  STAGE_ROLE,
  canActAtStage,
  canAdminister,
  canDraftFor,
  canCompileReport,
  canManageNationalCalendar,
  canReviewReport,
  canSignOffReport,
  canViewReports,
  reportingScope,
  requireReportsVisible,
  canReadRegionCalendar,
  canViewPlan,
  canViewRegion,
  requireAdmin,
  requireDraftRights,
  requirePlanVisible,
  requireRegionView,
  requireStageRights,
  visibleScopes,
  type PlanScope,
} from './access-policy';
import type { AuthContext } from './auth-context';
import { Forbidden, NotFound } from './errors';
import { PLAN_STAGES, PlanStage } from './plan-stage';
import { ROLES, Role, type RoleGrant } from './role';

const OWN_REGION = '32.71';
const OTHER_REGION = '32.01';
const AGENCY = 'Dinas Lingkungan Hidup';
const OTHER_AGENCY = 'Dinas Pariwisata';

const PLAN: PlanScope = { regionCode: OWN_REGION, proposingAgency: AGENCY };

const grant = (role: Role, regionCode = OWN_REGION, agency?: string): RoleGrant =>
  role === Role.OFFICER ? { role, regionCode, agency: agency ?? AGENCY } : { role, regionCode };

const auth = (...grants: RoleGrant[]): AuthContext => ({ userId: 'u-1', username: 'budi', displayName: 'Budi Santoso', grants });

/** Every role but the officer (one agency) and the seats above a Pemda (no plans at all: they read reports). */
const ABOVE_PEMDA: Role[] = [Role.CALENDAR_KEEPER, Role.PROVINCE_REVIEWER, Role.MINISTRY_REVIEWER];
const REGION_WIDE: Role[] = ROLES.filter((role) => role !== Role.OFFICER && !ABOVE_PEMDA.includes(role));

/** What an error thrown by `call` is, or undefined when it throws nothing. */
function thrown(call: () => void): unknown {
  try {
    call();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('STAGE_ROLE', () => {
  it('names the one role acting at each human stage and none elsewhere', () => {
    expect(STAGE_ROLE).toEqual({
      VERIFICATION: 'SECRETARIAT',
      BAPPEDA_REVIEW: 'BAPPEDA',
      TKKSD_DELIBERATION: 'SEKDA',
      HEAD_OF_REGION_APPROVAL: 'HEAD_OF_REGION',
      BUDGET_SIGNOFF: 'TAPD',
      DPRD_APPROVAL: 'DPRD_LIAISON',
      RKA_CONFIRMATION: 'TAPD',
    });
  });
});

describe('canViewPlan', () => {
  it.each(REGION_WIDE)('lets %s see every plan of its own region, whatever the agency', (role) => {
    expect(canViewPlan(auth(grant(role)), PLAN)).toBe(true);
    expect(canViewPlan(auth(grant(role)), { regionCode: OWN_REGION, proposingAgency: OTHER_AGENCY })).toBe(true);
  });

  it.each(ROLES)('hides a plan of another region from %s', (role) => {
    expect(canViewPlan(auth(grant(role, OTHER_REGION)), PLAN)).toBe(false);
  });

  it('lets an officer see the plans of their own agency in their region only', () => {
    expect(canViewPlan(auth(grant(Role.OFFICER)), PLAN)).toBe(true);
    expect(canViewPlan(auth(grant(Role.OFFICER, OWN_REGION, OTHER_AGENCY)), PLAN)).toBe(false);
    expect(canViewPlan(auth(grant(Role.OFFICER, OTHER_REGION, AGENCY)), PLAN)).toBe(false);
  });

  it('compares the agency exactly', () => {
    expect(canViewPlan(auth(grant(Role.OFFICER, OWN_REGION, 'dinas lingkungan hidup')), PLAN)).toBe(false);
  });

  it('shows nothing to a user without grants', () => {
    expect(canViewPlan(auth(), PLAN)).toBe(false);
  });

  it('needs the region and the agency on the same grant', () => {
    // An officer of the agency elsewhere plus a region-wide role elsewhere: neither grant covers the plan.
    expect(canViewPlan(auth(grant(Role.OFFICER, OTHER_REGION, AGENCY), grant(Role.BAPPEDA, OTHER_REGION)), PLAN)).toBe(false);
    // An officer of another agency here who is also a reviewer here sees it through the reviewer grant.
    expect(canViewPlan(auth(grant(Role.OFFICER, OWN_REGION, OTHER_AGENCY), grant(Role.BAPPEDA)), PLAN)).toBe(true);
  });
});

describe('canDraftFor', () => {
  it('lets only an officer of the proposing agency in the plan region draft', () => {
    expect(canDraftFor(auth(grant(Role.OFFICER)), PLAN)).toBe(true);
    expect(canDraftFor(auth(grant(Role.OFFICER, OWN_REGION, OTHER_AGENCY)), PLAN)).toBe(false);
    expect(canDraftFor(auth(grant(Role.OFFICER, OTHER_REGION, AGENCY)), PLAN)).toBe(false);
  });

  it.each(REGION_WIDE)('does not let %s of the region draft', (role) => {
    expect(canDraftFor(auth(grant(role)), PLAN)).toBe(false);
  });

  it('does not count an officer grant without an agency', () => {
    expect(canDraftFor(auth({ role: Role.OFFICER, regionCode: OWN_REGION }), PLAN)).toBe(false);
  });
});

describe('canActAtStage', () => {
  const acting: [PlanStage, Role][] = [
    [PlanStage.VERIFICATION, Role.SECRETARIAT],
    [PlanStage.BAPPEDA_REVIEW, Role.BAPPEDA],
    [PlanStage.TKKSD_DELIBERATION, Role.SEKDA],
    [PlanStage.HEAD_OF_REGION_APPROVAL, Role.HEAD_OF_REGION],
    [PlanStage.BUDGET_SIGNOFF, Role.TAPD],
  ];

  it.each(acting)("at %s lets only the region's %s act", (stage, role) => {
    for (const other of ROLES) {
      expect([other, canActAtStage(auth(grant(other)), PLAN, stage)]).toEqual([other, other === role]);
    }
  });

  it.each(acting)('at %s refuses the %s of another region', (stage, role) => {
    expect(canActAtStage(auth(grant(role, OTHER_REGION)), PLAN, stage)).toBe(false);
  });

  it.each([PlanStage.DRAFT, PlanStage.DOCUMENT_SYNC, PlanStage.COMPLETED, PlanStage.REJECTED])(
    'lets nobody act at %s, even a user holding every role',
    (stage) => {
      expect(canActAtStage(auth(...ROLES.map((role) => grant(role))), PLAN, stage)).toBe(false);
    },
  );

  it('does not let a TKKSD member decide at any stage, nor the DPRD liaison but at DPRD approval', () => {
    for (const stage of PLAN_STAGES) {
      expect(canActAtStage(auth(grant(Role.TKKSD_MEMBER), grant(Role.ADMIN)), PLAN, stage)).toBe(false);
      expect(canActAtStage(auth(grant(Role.DPRD_LIAISON)), PLAN, stage)).toBe(stage === 'DPRD_APPROVAL');
    }
  });
});

describe('visibleScopes', () => {
  it('gives whole regions for region-wide roles, each once', () => {
    expect(visibleScopes([grant(Role.BAPPEDA), grant(Role.TAPD), grant(Role.SEKDA, OTHER_REGION)])).toEqual({
      regions: [OWN_REGION, OTHER_REGION],
      agencies: [],
    });
  });

  it('gives single agencies where the user is only an officer', () => {
    expect(visibleScopes([grant(Role.OFFICER), grant(Role.OFFICER, OTHER_REGION, OTHER_AGENCY)])).toEqual({
      regions: [],
      agencies: [
        { regionCode: OWN_REGION, proposingAgency: AGENCY },
        { regionCode: OTHER_REGION, proposingAgency: OTHER_AGENCY },
      ],
    });
  });

  it('drops an agency already covered by a region-wide grant in the same region', () => {
    expect(visibleScopes([grant(Role.OFFICER), grant(Role.SECRETARIAT), grant(Role.OFFICER, OTHER_REGION, OTHER_AGENCY)])).toEqual({
      regions: [OWN_REGION],
      agencies: [{ regionCode: OTHER_REGION, proposingAgency: OTHER_AGENCY }],
    });
  });

  it('ignores an officer grant without an agency and sees nothing without grants', () => {
    expect(visibleScopes([{ role: Role.OFFICER, regionCode: OWN_REGION }])).toEqual({ regions: [], agencies: [] });
    expect(visibleScopes([{ role: Role.OFFICER, regionCode: OWN_REGION, agency: '' }])).toEqual({ regions: [], agencies: [] });
    expect(visibleScopes([])).toEqual({ regions: [], agencies: [] });
  });

  it.each(REGION_WIDE)('counts %s as region-wide', (role) => {
    expect(visibleScopes([grant(role)])).toEqual({ regions: [OWN_REGION], agencies: [] });
  });

  it('agrees with canViewPlan for every role in the own region, another region and another agency', () => {
    const plans: PlanScope[] = [PLAN, { regionCode: OWN_REGION, proposingAgency: OTHER_AGENCY }, { regionCode: OTHER_REGION, proposingAgency: AGENCY }];
    for (const role of ROLES) {
      const grants = [grant(role)];
      const { regions, agencies } = visibleScopes(grants);
      for (const plan of plans) {
        const listed =
          regions.includes(plan.regionCode) || agencies.some((scope) => scope.regionCode === plan.regionCode && scope.proposingAgency === plan.proposingAgency);
        expect([role, plan, listed]).toEqual([role, plan, canViewPlan(auth(...grants), plan)]);
      }
    }
  });
});

describe('canViewRegion and canAdminister', () => {
  it.each(REGION_WIDE)('lets %s read its own region only', (role) => {
    expect(canViewRegion(auth(grant(role)), OWN_REGION)).toBe(true);
    expect(canViewRegion(auth(grant(role)), OTHER_REGION)).toBe(false);
  });

  it('does not let an officer read the region', () => {
    expect(canViewRegion(auth(grant(Role.OFFICER)), OWN_REGION)).toBe(false);
  });

  it('lets only an admin of the region administer it', () => {
    expect(canAdminister(auth(grant(Role.ADMIN)), OWN_REGION)).toBe(true);
    expect(canAdminister(auth(grant(Role.ADMIN, OTHER_REGION)), OWN_REGION)).toBe(false);
    expect(canAdminister(auth(...ROLES.filter((r) => r !== Role.ADMIN).map((role) => grant(role))), OWN_REGION)).toBe(false);
  });
});

describe('requirePlanVisible', () => {
  it('passes for a user who sees the plan', () => {
    expect(thrown(() => requirePlanVisible(auth(grant(Role.OFFICER)), PLAN, 'plan-1'))).toBeUndefined();
    expect(thrown(() => requirePlanVisible(auth(grant(Role.DPRD_LIAISON)), PLAN, 'plan-1'))).toBeUndefined();
  });

  it.each([
    ['a reviewer of another region', grant(Role.BAPPEDA, OTHER_REGION)],
    ['an officer of another agency', grant(Role.OFFICER, OWN_REGION, OTHER_AGENCY)],
    ['an officer of the agency in another region', grant(Role.OFFICER, OTHER_REGION, AGENCY)],
  ])('answers %s as if the plan did not exist', (_, g) => {
    const error = thrown(() => requirePlanVisible(auth(g), PLAN, 'plan-1'));
    expect(error).toBeInstanceOf(NotFound);
    expect(error).toMatchObject({
      code: 'NOT_FOUND',
      kind: 'NOT_FOUND',
      userMessage: { id: "Rencana kerja sama 'plan-1' tidak ditemukan.", en: "Cooperation plan 'plan-1' was not found." },
    });
  });
});

describe('requireDraftRights', () => {
  it('passes for an officer of the proposing agency', () => {
    expect(thrown(() => requireDraftRights(auth(grant(Role.OFFICER)), PLAN, 'plan-1'))).toBeUndefined();
  });

  it.each(REGION_WIDE)('forbids %s of the region, who sees the plan', (role) => {
    const error = thrown(() => requireDraftRights(auth(grant(role)), PLAN, 'plan-1'));
    expect(error).toBeInstanceOf(Forbidden);
    expect(error).toMatchObject({
      code: 'FORBIDDEN',
      userMessage: {
        id: 'Hanya petugas perangkat daerah pengusul yang dapat menyusun atau mengajukan rencana ini.',
        en: 'Only officers of the proposing agency may draft or submit this plan.',
      },
    });
  });

  it('answers NotFound, not Forbidden, to an officer of another agency or region', () => {
    expect(thrown(() => requireDraftRights(auth(grant(Role.OFFICER, OWN_REGION, OTHER_AGENCY)), PLAN, 'plan-1'))).toBeInstanceOf(NotFound);
    expect(thrown(() => requireDraftRights(auth(grant(Role.OFFICER, OTHER_REGION, AGENCY)), PLAN, 'plan-1'))).toBeInstanceOf(NotFound);
  });
});

describe('requireStageRights', () => {
  it('passes for the stage role of the region', () => {
    expect(thrown(() => requireStageRights(auth(grant(Role.HEAD_OF_REGION)), PLAN, 'plan-1', PlanStage.HEAD_OF_REGION_APPROVAL))).toBeUndefined();
    expect(thrown(() => requireStageRights(auth(grant(Role.SEKDA)), PLAN, 'plan-1', PlanStage.TKKSD_DELIBERATION))).toBeUndefined();
  });

  it('forbids a visible user without the stage role, naming the stage', () => {
    const error = thrown(() => requireStageRights(auth(grant(Role.TKKSD_MEMBER)), PLAN, 'plan-1', PlanStage.TKKSD_DELIBERATION));
    expect(error).toBeInstanceOf(Forbidden);
    expect((error as Forbidden).userMessage).toEqual({
      id: 'Anda tidak berwenang memutus tahap Pembahasan TKKSD.',
      en: 'You may not decide at stage TKKSD deliberation.',
    });
    expect(thrown(() => requireStageRights(auth(grant(Role.OFFICER)), PLAN, 'plan-1', PlanStage.VERIFICATION))).toBeInstanceOf(Forbidden);
  });

  it('answers NotFound to the stage role holder of another region', () => {
    expect(thrown(() => requireStageRights(auth(grant(Role.SECRETARIAT, OTHER_REGION)), PLAN, 'plan-1', PlanStage.VERIFICATION))).toBeInstanceOf(NotFound);
  });
});

describe('requireRegionView and requireAdmin', () => {
  it('passes within the region and forbids elsewhere, naming the region', () => {
    expect(thrown(() => requireRegionView(auth(grant(Role.TAPD)), OWN_REGION))).toBeUndefined();
    const view = thrown(() => requireRegionView(auth(grant(Role.TAPD)), OTHER_REGION));
    expect(view).toBeInstanceOf(Forbidden);
    expect((view as Forbidden).userMessage.en).toBe('You have no authority in region 32.01.');
    expect(thrown(() => requireRegionView(auth(grant(Role.OFFICER)), OWN_REGION))).toBeInstanceOf(Forbidden);
  });

  it('lets only an admin of the region through', () => {
    expect(thrown(() => requireAdmin(auth(grant(Role.ADMIN)), OWN_REGION))).toBeUndefined();
    const error = thrown(() => requireAdmin(auth(grant(Role.SEKDA)), OWN_REGION));
    expect(error).toBeInstanceOf(Forbidden);
    expect((error as Forbidden).userMessage).toEqual({
      id: 'Hanya admin wilayah 32.71 yang dapat melakukan ini.',
      en: 'Only an administrator of region 32.71 may do this.',
    });
    expect(thrown(() => requireAdmin(auth(grant(Role.ADMIN, OTHER_REGION)), OWN_REGION))).toBeInstanceOf(Forbidden);
  });
});

describe('the planning calendar', () => {
  it('is read by every role of the region, officers included', () => {
    for (const role of ROLES) expect(canReadRegionCalendar(auth(grant(role)), OWN_REGION)).toBe(true);
    expect(canReadRegionCalendar(auth(grant(Role.ADMIN, OTHER_REGION)), OWN_REGION)).toBe(false);
  });

  it('has national dates only the national calendar keeper (or a national admin) sets, no longer a province admin', () => {
    expect(canManageNationalCalendar(auth(grant(Role.CALENDAR_KEEPER, '00')))).toBe(true);
    expect(canManageNationalCalendar(auth(grant(Role.ADMIN, '00')))).toBe(true);
    expect(canManageNationalCalendar(auth(grant(Role.ADMIN, '32')))).toBe(false);
    expect(canManageNationalCalendar(auth(grant(Role.ADMIN, OWN_REGION)))).toBe(false);
    expect(canManageNationalCalendar(auth(grant(Role.BAPPEDA, '32')))).toBe(false);
  });
});

describe('reporting upward', () => {
  const KOTA_BOGOR = { code: '32.71', provinceCode: '32' };
  const JABAR = { code: '32', provinceCode: '32' };
  const KOTA_BANDUNG_JATENG = { code: '33.72', provinceCode: '33' };
  const JATENG = { code: '33', provinceCode: '33' };

  it('lets a province reviewer see its own kabupaten/kota and the province, nothing of another province', () => {
    const reviewer = auth(grant(Role.PROVINCE_REVIEWER, '32'));
    expect(canViewReports(reviewer, KOTA_BOGOR)).toBe(true);
    expect(canViewReports(reviewer, JABAR)).toBe(true);
    expect(canViewReports(reviewer, KOTA_BANDUNG_JATENG)).toBe(false);
    expect(canViewReports(reviewer, JATENG)).toBe(false);
    expect(thrown(() => requireReportsVisible(reviewer, KOTA_BANDUNG_JATENG))).toBeInstanceOf(NotFound);
  });

  it('lets the ministry reviewer see every region, and the calendar keeper none', () => {
    for (const region of [KOTA_BOGOR, JABAR, KOTA_BANDUNG_JATENG, JATENG]) {
      expect(canViewReports(auth(grant(Role.MINISTRY_REVIEWER, '00')), region)).toBe(true);
      expect(canViewReports(auth(grant(Role.CALENDAR_KEEPER, '00')), region)).toBe(false);
    }
  });

  it("lets a region's region-wide roles see its own reports only, and not an officer", () => {
    for (const role of REGION_WIDE) {
      expect(canViewReports(auth(grant(role)), KOTA_BOGOR)).toBe(true);
      expect(canViewReports(auth(grant(role)), { code: '32.01', provinceCode: '32' })).toBe(false);
    }
    expect(canViewReports(auth(grant(Role.OFFICER)), KOTA_BOGOR)).toBe(false);
    // A kabupaten/kota's admin does not see its province's report.
    expect(canViewReports(auth(grant(Role.ADMIN)), JABAR)).toBe(false);
  });

  it('has the secretariat compile, the head of region sign, and the tier above review', () => {
    for (const role of ROLES) {
      const a = auth(
        grant(role, role === Role.PROVINCE_REVIEWER ? '32' : role === Role.MINISTRY_REVIEWER || role === Role.CALENDAR_KEEPER ? '00' : OWN_REGION),
      );
      expect([role, canCompileReport(a, KOTA_BOGOR)]).toEqual([role, role === Role.SECRETARIAT]);
      expect([role, canSignOffReport(a, KOTA_BOGOR)]).toEqual([role, role === Role.HEAD_OF_REGION]);
      expect([role, canReviewReport(a, KOTA_BOGOR)]).toEqual([role, role === Role.PROVINCE_REVIEWER]);
      expect([role, canReviewReport(a, JABAR)]).toEqual([role, role === Role.MINISTRY_REVIEWER]);
    }
    expect(canCompileReport(auth(grant(Role.PROVINCE_REVIEWER, '32')), JABAR)).toBe(true);
    expect(canReviewReport(auth(grant(Role.PROVINCE_REVIEWER, '33')), KOTA_BOGOR)).toBe(false);
  });

  it('scopes the summary: national, whole provinces, or own regions', () => {
    expect(reportingScope([grant(Role.MINISTRY_REVIEWER, '00')])).toEqual({ national: true, provinces: [], regions: [] });
    expect(reportingScope([grant(Role.PROVINCE_REVIEWER, '32'), grant(Role.SECRETARIAT, '32.71')])).toEqual({
      national: false,
      provinces: ['32'],
      regions: ['32.71'],
    });
    expect(reportingScope([grant(Role.OFFICER), grant(Role.CALENDAR_KEEPER, '00')])).toEqual({ national: false, provinces: [], regions: [] });
  });
});
