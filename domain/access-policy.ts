// May this user act? One place for every permission, called by the services (early
// refusal) and, for decisions, by the workflow's update validators (authoritative).
import { hasRole, type AuthContext } from './auth-context';
import { Forbidden, NotFound } from './errors';
import { text } from './message';
import type { PlanStage } from './plan-stage';
import { PLAN_STAGE_LABELS } from './plan-stage-label';
import { Role, type RoleGrant } from './role';

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
 * National calendar entries (overrides for every region, collective leave days) change
 * the deadlines of all regions at once, so a kabupaten/kota admin may not set them. Until
 * a national role exists, an administrator of a province (two-digit code) may: the tier
 * that passes the ministry's APBD guideline on to its kabupaten/kota.
 */
/**
 * The national days off and national milestone dates: the calendar keeper (a national
 * role). A province admin keeps the right it had before the role existed, so existing
 * deployments keep working until they grant a keeper.
 */
export function canManageNationalCalendar(auth: AuthContext): boolean {
  return auth.grants.some((grant) => grant.role === Role.CALENDAR_KEEPER || (grant.role === Role.ADMIN && /^\d{2}$/.test(grant.regionCode)));
}

export function requireNationalCalendarRights(auth: AuthContext): void {
  if (!canManageNationalCalendar(auth)) {
    throw new Forbidden(
      text(
        'Hanya pengelola kalender nasional (atau admin provinsi) yang dapat mengubah kalender nasional dan hari libur nasional.',
        'Only the national calendar keeper (or a province administrator) may change the national calendar and the national days off.',
      ),
    );
  }
}
