// The planning season's reads: the region's dates and timeline policy, the agencies that
// have not proposed anything yet, and the region's digest figures. Reads only, so a
// retry or a replayed attempt changes nothing.
import { ApplicationFailure } from '@temporalio/common';
import { Milestone } from '../domain/fiscal-calendar';
import { addDays, localInstant } from '../domain/local-date';
import { PLAN_STAGES, type PlanStage } from '../domain/plan-stage';
import { regionTimeZone } from '../domain/region-time-zone';
import type { TimelinePolicy } from '../domain/timeline-policy';
import type { CalendarRepository } from '../persistence/calendar.repository';
import type { PlanRepository } from '../persistence/plan.repository';
import type { ReviewTaskRepository } from '../persistence/review-task.repository';
import type { UserRepository } from '../persistence/user.repository';
import type { AgenciesWithoutProposal, RegionSummary, SeasonTimeline } from '../workflows/planning-season/definitions';

/** When a day ends in a zone `utcOffsetMinutes` ahead of UTC: the next midnight. */
const endOfDay = (date: string, utcOffsetMinutes: number) => localInstant(addDays(date, 1), 0, 0, utcOffsetMinutes);

interface SeasonRef {
  regionCode: string;
  budgetYear: number;
}

export interface PlanningSeasonDependencies {
  calendars: CalendarRepository;
  plans: PlanRepository;
  reviewTasks: ReviewTaskRepository;
  users: UserRepository;
  policy: TimelinePolicy;
}

export function createPlanningSeasonActivities({ calendars, plans, reviewTasks, users, policy }: PlanningSeasonDependencies) {
  /** Agencies with an active officer in the region and no plan for the year (drafts count). */
  async function agenciesWithoutProposal({ regionCode, budgetYear }: SeasonRef): Promise<string[]> {
    const [officers, proposing] = await Promise.all([users.officerAgencies(regionCode), plans.proposingAgencies(regionCode, budgetYear)]);
    const proposed = new Set(proposing);
    return officers.filter((agency) => !proposed.has(agency)).sort((a, b) => a.localeCompare(b, 'id'));
  }

  return {
    async loadSeasonTimeline({ regionCode, budgetYear }: SeasonRef): Promise<SeasonTimeline> {
      const calendar = await calendars.regionCalendar(budgetYear, regionCode);
      if (!calendar) throw ApplicationFailure.nonRetryable(`Unknown region ${regionCode}`, 'UnknownRegion');
      const zone = regionTimeZone(regionCode);
      const dateOf = (code: Milestone) => calendar.milestones.find((m) => m.code === code)!.date;
      const mappingDeadline = dateOf(Milestone.MAPPING_DEADLINE);
      const seasonEnd = dateOf(Milestone.APBD_ENACTMENT);
      return {
        policy,
        timeZone: zone.iana,
        mappingDeadline,
        mappingDeadlineAt: endOfDay(mappingDeadline, zone.utcOffsetMinutes).toISOString(),
        seasonEnd,
        seasonEndsAt: endOfDay(seasonEnd, zone.utcOffsetMinutes).toISOString(),
        now: new Date().toISOString(),
      };
    },

    async listAgenciesWithoutProposal(season: SeasonRef): Promise<AgenciesWithoutProposal> {
      return { agencies: await agenciesWithoutProposal(season) };
    },

    /** `asOf`: the timeline's now (ISO), against which tasks count as overdue; the real now without it. */
    async summariseRegion(season: SeasonRef & { asOf?: string }): Promise<RegionSummary> {
      const { regionCode, budgetYear } = season;
      const asOf = season.asOf ? new Date(season.asOf) : new Date();
      const [counted, overdue, withoutProposal] = await Promise.all([
        plans.countByStage(regionCode, budgetYear),
        reviewTasks.overdueIn(regionCode, budgetYear, asOf),
        agenciesWithoutProposal(season),
      ]);
      const plansByStage = Object.fromEntries(PLAN_STAGES.map((stage) => [stage, counted[stage] ?? 0])) as Record<PlanStage, number>;
      return {
        plansByStage,
        plansTotal: Object.values(plansByStage).reduce((sum, n) => sum + n, 0),
        overdueTasks: overdue.count,
        oldestOverdueDueAt: overdue.oldestDueAt?.toISOString() ?? null,
        agenciesWithoutProposal: withoutProposal.length,
      };
    },
  };
}
