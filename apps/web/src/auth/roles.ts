// What the screens offer a user, read from their grants. The API decides; this only
// hides what would be refused anyway.
import type { CurrentUser } from '../api/types';

export const hasRole = (user: CurrentUser, role: string, regionCode?: string) =>
  user.grants.some((g) => g.role === role && (regionCode === undefined || g.regionCode === regionCode));

export const isOfficer = (user: CurrentUser) => hasRole(user, 'OFFICER');
export const isAdmin = (user: CurrentUser) => hasRole(user, 'ADMIN');
/** The national calendar keeper: a national role, granted on the national scope "00". */
export const isCalendarKeeper = (user: CurrentUser) => hasRole(user, 'CALENDAR_KEEPER');
/** Who keeps the region's planning documents: Bappeda the plans, TAPD the budget documents, admins all. */
export const keepsDocuments = (user: CurrentUser) => isAdmin(user) || hasRole(user, 'BAPPEDA') || hasRole(user, 'TAPD');
/** Seats above a Pemda: they read and review mapping reports, never a plan's tasks. */
const ABOVE_PEMDA = ['CALENDAR_KEEPER', 'PROVINCE_REVIEWER', 'MINISTRY_REVIEWER'];
/** A seat above any Pemda only (province bureau, ministry, national keeper): no plan of its own, no region calendar at "00". */
export const isAbovePemda = (user: CurrentUser) => user.grants.length > 0 && user.grants.every((g) => ABOVE_PEMDA.includes(g.role));
export const isReviewer = (user: CurrentUser) => user.grants.some((g) => g.role !== 'OFFICER' && g.role !== 'ADMIN' && !ABOVE_PEMDA.includes(g.role));
/** Who sees the reporting view (mapping reports of the regions under them). */
export const seesReporting = (user: CurrentUser) => user.grants.some((g) => g.role !== 'OFFICER' && g.role !== 'CALENDAR_KEEPER');

/** An officer of the plan's agency in its region: who drafts it and attaches its files. */
export const draftsFor = (user: CurrentUser, plan: { regionCode: string; proposingAgency: string }) =>
  user.grants.some((g) => g.role === 'OFFICER' && g.regionCode === plan.regionCode && g.agency === plan.proposingAgency);

/** The user's home region: the first grant's. */
export const homeRegion = (user: CurrentUser) => user.grants[0]?.regionCode ?? '';

/** Work on budget year N+1 happens in year N. */
export const currentBudgetYear = () => new Date().getFullYear() + 1;
