// The planning season's reads: the region's dates and timeline policy, the agencies that
// have not proposed anything yet, and the region's digest figures. Reads only, so a
// retry or a replayed attempt changes nothing.
import { ApplicationFailure } from '@temporalio/common';
import { Milestone } from '../domain/fiscal-calendar';
import { addDays, localInstant } from '../domain/local-date';
import { PLAN_STAGES, type PlanStage } from '../domain/plan-stage';
import { regionTimeZone } from '../domain/region-time-zone';
import { Role } from '../domain/role';
import { timelinePolicyOf, type WorkerConfig } from '../platform/config';
import type { PrismaClient } from '../prisma/client';
import type { AgenciesWithoutProposal, RegionSummary, SeasonTimeline } from '../workflows/planning-season/definitions';
import { readRegionCalendar } from './region-calendar';

/** When a day ends in a zone `utcOffsetMinutes` ahead of UTC: the next midnight. */
const endOfDay = (date: string, utcOffsetMinutes: number) => localInstant(addDays(date, 1), 0, 0, utcOffsetMinutes);

interface SeasonRef {
  regionCode: string;
  budgetYear: number;
}

async function agenciesWithoutProposal(prisma: PrismaClient, { regionCode, budgetYear }: SeasonRef): Promise<string[]> {
  const officers = await prisma.userRoleGrant.findMany({
    where: { role: Role.OFFICER, regionCode, agency: { not: '' }, user: { active: true } },
    select: { agency: true },
    distinct: ['agency'],
  });
  const proposing = await prisma.cooperationPlan.findMany({
    where: { regionCode, budgetYear },
    select: { proposingAgency: true },
    distinct: ['proposingAgency'],
  });
  const proposed = new Set(proposing.map((plan) => plan.proposingAgency));
  return officers
    .map((grant) => grant.agency)
    .filter((agency) => !proposed.has(agency))
    .sort((a, b) => a.localeCompare(b, 'id'));
}

export function createPlanningSeasonActivities(prisma: PrismaClient, config: WorkerConfig) {
  return {
    async loadSeasonTimeline({ regionCode, budgetYear }: SeasonRef): Promise<SeasonTimeline> {
      const calendar = await readRegionCalendar(prisma, regionCode, budgetYear);
      if (!calendar) throw ApplicationFailure.nonRetryable(`Unknown region ${regionCode}`, 'UnknownRegion');
      const zone = regionTimeZone(regionCode);
      const timeZone = zone.iana;
      const dateOf = (code: Milestone) => calendar.milestones.find((m) => m.code === code)!.date;
      const mappingDeadline = dateOf(Milestone.MAPPING_DEADLINE);
      const seasonEnd = dateOf(Milestone.APBD_ENACTMENT);
      return {
        policy: timelinePolicyOf(config),
        timeZone,
        mappingDeadline,
        mappingDeadlineAt: endOfDay(mappingDeadline, zone.utcOffsetMinutes).toISOString(),
        seasonEnd,
        seasonEndsAt: endOfDay(seasonEnd, zone.utcOffsetMinutes).toISOString(),
        now: new Date().toISOString(),
      };
    },

    /** Agencies with an active officer in the region and no plan for the year (drafts count). */
    async listAgenciesWithoutProposal(season: SeasonRef): Promise<AgenciesWithoutProposal> {
      return { agencies: await agenciesWithoutProposal(prisma, season) };
    },

    /** `asOf`: the timeline's now (ISO), against which tasks count as overdue; the real now without it. */
    async summariseRegion(season: SeasonRef & { asOf?: string }): Promise<RegionSummary> {
      const { regionCode, budgetYear } = season;
      const asOf = season.asOf ? new Date(season.asOf) : new Date();
      const byStage = await prisma.cooperationPlan.groupBy({ by: ['stage'], where: { regionCode, budgetYear }, _count: { _all: true } });
      const plansByStage = Object.fromEntries(PLAN_STAGES.map((stage) => [stage, 0])) as Record<PlanStage, number>;
      for (const row of byStage) plansByStage[row.stage as PlanStage] = row._count._all;
      const overdue = { regionCode, budgetYear, status: 'OPEN' as const, dueAt: { lt: asOf } };
      const [overdueTasks, oldest] = await Promise.all([
        prisma.reviewTask.count({ where: overdue }),
        prisma.reviewTask.findFirst({ where: overdue, orderBy: { dueAt: 'asc' }, select: { dueAt: true } }),
      ]);
      return {
        plansByStage,
        plansTotal: byStage.reduce((sum, row) => sum + row._count._all, 0),
        overdueTasks,
        oldestOverdueDueAt: oldest?.dueAt?.toISOString() ?? null,
        agenciesWithoutProposal: (await agenciesWithoutProposal(prisma, season)).length,
      };
    },
  };
}
