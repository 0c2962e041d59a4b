// May this user act? One place for every permission, called by the services (early
// refusal) and, for decisions, by the workflow's update validators (authoritative).
import { hasRole, type AuthContext } from './auth-context';
import { Forbidden, NotFound } from './errors';
import { text } from './message';
import type { PlanStage } from './plan-stage';
import { PLAN_STAGE_LABELS } from './plan-stage-label';
import { NATIONAL_SCOPE, Role, type RoleGrant } from './role';

/** The role that acts at each human stage of a plan. */
export const STAGE_ROLE: Partial<Record<PlanStage, Role>> = {
  VERIFICATION: Role.SECRETARIAT,
  BAPPEDA_REVIEW: Role.BAPPEDA,
  TKKSD_DELIBERATION: Role.SEKDA,
  HEAD_OF_REGION_APPROVAL: Role.HEAD_OF_REGION,
  BUDGET_SIGNOFF: Role.TAPD,
  DPRD_APPROVAL: Role.DPRD_LIAISON,
  // BPKAD's budget officers hold the TAPD role.
  RKA_CONFIRMATION: Role.TAPD,
};

/** Roles that see every plan of their region (officers see their own agency's). */
const REGION_WIDE_ROLES: readonly Role[] = [
  Role.SECRETARIAT,
  Role.BAPPEDA,
  Role.TKKSD_MEMBER,
  Role.TAPD,
  Role.SEKDA,
  Role.HEAD_OF_REGION,
  Role.DPRD_LIAISON,
  Role.LEGAL_BUREAU,
  Role.ADMIN,
];

export interface PlanScope {
  regionCode: string;
  proposingAgency: string;
}

const PLAN = { id: 'Rencana kerja sama', en: 'Cooperation plan' };

export function canViewPlan(auth: AuthContext, plan: PlanScope): boolean {
  return auth.grants.some(
    (grant) =>
      grant.regionCode === plan.regionCode &&
      (REGION_WIDE_ROLES.includes(grant.role) || (grant.role === Role.OFFICER && grant.agency === plan.proposingAgency)),
  );
}

/** What a user may list: whole regions, and single agencies where they are only an officer. */
export function visibleScopes(grants: readonly RoleGrant[]): { regions: string[]; agencies: PlanScope[] } {
  const regions = [...new Set(grants.filter((g) => REGION_WIDE_ROLES.includes(g.role)).map((g) => g.regionCode))];
  const agencies = grants
    .filter((g) => g.role === Role.OFFICER && g.agency && !regions.includes(g.regionCode))
    .map((g) => ({ regionCode: g.regionCode, proposingAgency: g.agency! }));
  return { regions, agencies };
}

/** Drafting for an agency: only its officers, in their region. */
export function canDraftFor(auth: AuthContext, plan: PlanScope): boolean {
  return auth.grants.some((grant) => grant.role === Role.OFFICER && grant.regionCode === plan.regionCode && grant.agency === plan.proposingAgency);
}

export function canActAtStage(auth: AuthContext, plan: PlanScope, stage: PlanStage): boolean {
  const role = STAGE_ROLE[stage];
  return role !== undefined && hasRole(auth, role, plan.regionCode);
}

/** Which region-wide roles may read a region's mapping and reports. */
export function canViewRegion(auth: AuthContext, regionCode: string): boolean {
  return auth.grants.some((grant) => grant.regionCode === regionCode && REGION_WIDE_ROLES.includes(grant.role));
}

export function canAdminister(auth: AuthContext, regionCode: string): boolean {
  return hasRole(auth, Role.ADMIN, regionCode);
}

/**
 * Who may change an account (reset its password, grant it roles, deactivate it): an
 * admin of its home region, or of that region's province. No national role exists yet;
 * the province is the tier above a kabupaten/kota. An account without a home region
 * belongs to no region's admin.
 */
export function canAdministerAccount(auth: AuthContext, homeRegionCode: string | null): boolean {
  if (homeRegionCode === null) return false;
  const province = homeRegionCode.split('.')[0];
  return canAdminister(auth, homeRegionCode) || (province !== homeRegionCode && canAdminister(auth, province));
}

/** The regions the user is an admin of. */
export function administeredRegions(auth: AuthContext): string[] {
  return [...new Set(auth.grants.filter((grant) => grant.role === Role.ADMIN).map((grant) => grant.regionCode))];
}

/**
 * A plan the user may not see is answered as not found, so its existence does not leak
 * across regions; an action on a visible plan that the user may not take is forbidden.
 */
export function requirePlanVisible(auth: AuthContext, plan: PlanScope, id: string): void {
  if (!canViewPlan(auth, plan)) throw new NotFound(PLAN, id);
}

export function requireDraftRights(auth: AuthContext, plan: PlanScope, id: string): void {
  requirePlanVisible(auth, plan, id);
  if (!canDraftFor(auth, plan)) {
    throw new Forbidden(
      text(
        'Hanya petugas perangkat daerah pengusul yang dapat menyusun atau mengajukan rencana ini.',
        'Only officers of the proposing agency may draft or submit this plan.',
      ),
    );
  }
}

export function requireStageRights(auth: AuthContext, plan: PlanScope, id: string, stage: PlanStage): void {
  requirePlanVisible(auth, plan, id);
  if (!canActAtStage(auth, plan, stage)) {
    throw new Forbidden(
      text(`Anda tidak berwenang memutus tahap ${PLAN_STAGE_LABELS[stage].id}.`, `You may not decide at stage ${PLAN_STAGE_LABELS[stage].en}.`),
    );
  }
}

export function requireRegionView(auth: AuthContext, regionCode: string): void {
  if (!canViewRegion(auth, regionCode)) {
    throw new Forbidden(text(`Anda tidak berwenang atas wilayah ${regionCode}.`, `You have no authority in region ${regionCode}.`));
  }
}

export function requireAdmin(auth: AuthContext, regionCode: string): void {
  if (!canAdminister(auth, regionCode)) {
    throw new Forbidden(text(`Hanya admin wilayah ${regionCode} yang dapat melakukan ini.`, `Only an administrator of region ${regionCode} may do this.`));
  }
}

/** Any role in the region, officers included: the planning calendar concerns everyone who works there. */
export function canReadRegionCalendar(auth: AuthContext, regionCode: string): boolean {
  return auth.grants.some((grant) => grant.regionCode === regionCode);
}

export function requireRegionCalendarRead(auth: AuthContext, regionCode: string): void {
  if (!canReadRegionCalendar(auth, regionCode)) {
    throw new Forbidden(text(`Anda tidak memiliki peran di wilayah ${regionCode}.`, `You hold no role in region ${regionCode}.`));
  }
}

/**
 * The national days off and national milestone dates change the deadlines of every region
 * at once: the national calendar keeper sets them (or a national admin, granted on
 * NATIONAL_SCOPE). The province admins who stood in before the keeper existed no longer
 * may; their keepers were moved to the national scope by the 20261203120000 migration.
 */
export function canManageNationalCalendar(auth: AuthContext): boolean {
  return auth.grants.some((grant) => grant.role === Role.CALENDAR_KEEPER || (grant.role === Role.ADMIN && grant.regionCode === NATIONAL_SCOPE));
}

export function requireNationalCalendarRights(auth: AuthContext): void {
  if (!canManageNationalCalendar(auth)) {
    throw new Forbidden(
      text(
        'Hanya pengelola kalender nasional yang dapat mengubah kalender nasional dan hari libur nasional.',
        'Only the national calendar keeper may change the national calendar and the national days off.',
      ),
    );
  }
}

// --- Reporting upward (mapping reports): kabupaten/kota → province → ministry -----------

/** A region on the reporting line: its code and its province (Region.provinceCode; a province's is its own code). */
export interface ReportingRegion {
  code: string;
  provinceCode: string;
}

const isProvince = (region: ReportingRegion) => region.code === region.provinceCode;

/**
 * Who reads a region's mapping reports: the region's own region-wide roles, the reviewer
 * of its province (a province reviewer sees its kabupaten/kota and the province itself),
 * and the ministry's reviewer (every region). Kemendagri's Bina Adwil sees all.
 */
export function canViewReports(auth: AuthContext, region: ReportingRegion): boolean {
  return auth.grants.some(
    (grant) =>
      (grant.regionCode === region.code && REGION_WIDE_ROLES.includes(grant.role)) ||
      (grant.role === Role.PROVINCE_REVIEWER && grant.regionCode === region.provinceCode) ||
      (grant.role === Role.MINISTRY_REVIEWER && grant.regionCode === NATIONAL_SCOPE),
  );
}

/**
 * Who compiles (and resubmits) a region's report: a kabupaten/kota's cooperation
 * secretariat (Bagian Kerja Sama, which "reports upward" per the domain brief); for a
 * province, its cooperation bureau, i.e. the province reviewer (or its secretariat).
 */
export function canCompileReport(auth: AuthContext, region: ReportingRegion): boolean {
  return hasRole(auth, Role.SECRETARIAT, region.code) || (isProvince(region) && hasRole(auth, Role.PROVINCE_REVIEWER, region.code));
}

/** The head of region signs the report off before it goes up (bupati/wali kota/gubernur). */
export function canSignOffReport(auth: AuthContext, region: ReportingRegion): boolean {
  return hasRole(auth, Role.HEAD_OF_REGION, region.code);
}

/** The role that reviews a region's report above it: the province for a kabupaten/kota, the ministry for a province. */
export function reviewerRoleOf(region: ReportingRegion): { role: Role; regionCode: string } {
  return isProvince(region) ? { role: Role.MINISTRY_REVIEWER, regionCode: NATIONAL_SCOPE } : { role: Role.PROVINCE_REVIEWER, regionCode: region.provinceCode };
}

export function canReviewReport(auth: AuthContext, region: ReportingRegion): boolean {
  const reviewer = reviewerRoleOf(region);
  return hasRole(auth, reviewer.role, reviewer.regionCode);
}

/** Which regions a viewer of the reporting summary sees: all (ministry), whole provinces, or single regions. */
export interface ReportingScope {
  national: boolean;
  provinces: string[];
  regions: string[];
}

export function reportingScope(grants: readonly RoleGrant[]): ReportingScope {
  return {
    national: grants.some((grant) => grant.role === Role.MINISTRY_REVIEWER && grant.regionCode === NATIONAL_SCOPE),
    provinces: [...new Set(grants.filter((grant) => grant.role === Role.PROVINCE_REVIEWER).map((grant) => grant.regionCode))],
    regions: [...new Set(grants.filter((grant) => REGION_WIDE_ROLES.includes(grant.role)).map((grant) => grant.regionCode))],
  };
}

const REPORT = { id: 'Laporan pemetaan', en: 'Mapping report' };

/** A region whose reports the user may not read answers as not found, as plans do. */
export function requireReportsVisible(auth: AuthContext, region: ReportingRegion): void {
  if (!canViewReports(auth, region)) throw new NotFound(REPORT, region.code);
}
