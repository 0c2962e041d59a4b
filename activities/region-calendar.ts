// A region's calendar of one budget year as it stands in the database: the rules'
// defaults under the national and the region's own overrides. Shared by the API's
// calendar routes and the planning-season activities, so both read the same dates.
import { resolveCalendar, type CalendarRegionLevel, type Milestone, type ResolvedMilestone } from '../domain/fiscal-calendar';
import type { PrismaClient } from '../prisma/client';

/** The regionCode under which national overrides are stored. */
export const NATIONAL = '';

export type CalendarReader = Pick<PrismaClient, 'region' | 'calendarOverride'>;

export interface StoredRegionCalendar {
  region: { code: string; name: string; level: CalendarRegionLevel };
  milestones: ResolvedMilestone[];
}

/** Null when the region is unknown. */
export async function readRegionCalendar(db: CalendarReader, regionCode: string, budgetYear: number): Promise<StoredRegionCalendar | null> {
  const region = await db.region.findUnique({ where: { code: regionCode }, select: { code: true, name: true, level: true } });
  if (!region) return null;
  const rows = await db.calendarOverride.findMany({
    where: { budgetYear, regionCode: { in: [NATIONAL, regionCode] } },
    orderBy: [{ regionCode: 'asc' }, { milestone: 'asc' }],
  });
  const toOverride = (row: (typeof rows)[number]) => ({ milestone: row.milestone as Milestone, date: row.date, note: row.note });
  const milestones = resolveCalendar(budgetYear, region.level, {
    national: rows.filter((row) => row.regionCode === NATIONAL).map(toOverride),
    regional: rows.filter((row) => row.regionCode === regionCode).map(toOverride),
  });
  return { region, milestones };
}
