// The timeline's side of a plan's review stages: the due date of a stage as the calendar
// and the service period set it (written onto its review task), the remedy a late plan
// needs, and the escalation of an overdue task. All idempotent: a retry writes the same.
import { addDays, localDateAtOffset } from '../domain/local-date';
import { AuditEntity } from '../domain/audit-action';
import { regionTimeZone } from '../domain/region-time-zone';
import { stageDeadline, type Remedy, type StageDeadline } from '../domain/stage-deadline';
import type { ReviewStage } from '../domain/plan-stage';
import type { TimelinePolicy } from '../domain/timeline-policy';
import type { Milestone } from '../domain/fiscal-calendar';
import type { PrismaClient } from '../prisma/client';
import { appendAuditEvent, auditDedupeKey } from './audit-trail';
import { loadHolidays } from './holidays';
import { readRegionCalendar } from './region-calendar';

export interface StageDeadlineRequest {
  planId: string;
  stage: ReviewStage;
  /** The transition that opened the stage's task. */
  openSequence: number;
  /** ISO instant the stage began. */
  enteredAt: string;
  /** ISO instant the deadline is looked at again while the stage is open (default: on entry). */
  at?: string;
}

export interface StageTimeline {
  deadline: StageDeadline;
  policy: TimelinePolicy;
  regionCode: string;
  planTitle: string;
}

export interface RemedyRecord {
  planId: string;
  openSequence: number;
  milestone: Milestone;
  remedy: Remedy;
  /** ISO instant the plan was found late. */
  at: string;
}

export interface EscalationRecord {
  planId: string;
  openSequence: number;
  /** ISO instant of the escalation. */
  at: string;
  daysOverdue: number;
}

export const TimelineAuditAction = {
  STAGE_DEADLINE_SET: 'STAGE_DEADLINE_SET',
  MILESTONE_MISSED: 'MILESTONE_MISSED',
  TASK_ESCALATED: 'TASK_ESCALATED',
} as const;

const SYSTEM = 'system';

export function createStageTimeline(prisma: PrismaClient, policy: TimelinePolicy) {
  async function recordRemedy({ planId, openSequence, milestone, remedy, at }: RemedyRecord): Promise<void> {
    await prisma.$transaction(async (tx) => {
      const stored = await appendAuditEvent(tx, {
        actorId: null,
        actorName: SYSTEM,
        action: TimelineAuditAction.MILESTONE_MISSED,
        planId,
        entity: AuditEntity.PLAN,
        entityId: planId,
        details: { milestone, remedy, openSequence },
        occurredAt: new Date(at),
        dedupeKey: auditDedupeKey('plan', planId, 'remedy', milestone),
      });
      if (stored) await tx.cooperationPlan.update({ where: { id: planId }, data: { remedy, remedyMilestone: milestone, remedyRecordedAt: new Date(at) } });
    });
  }

  async function planStageDeadline({ planId, stage, openSequence, enteredAt, at }: StageDeadlineRequest): Promise<StageTimeline> {
    const plan = await prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId }, select: { regionCode: true, budgetYear: true, title: true } });
    const stored = await readRegionCalendar(prisma, plan.regionCode, plan.budgetYear);
    if (!stored) throw new Error(`Unknown region ${plan.regionCode}`);
    const calendar = stored.milestones;
    const entered = new Date(enteredAt);
    const utcOffsetMinutes = regionTimeZone(plan.regionCode).utcOffsetMinutes;
    // Working days never reach further than a few months; the holidays of the next year cover a stage opened in December.
    const firstDay = localDateAtOffset(entered, utcOffsetMinutes);
    const holidays = await loadHolidays(prisma, firstDay, addDays(firstDay, 366));
    const deadline = stageDeadline({ stage, enteredAt: entered, calendar, holidays, policy, utcOffsetMinutes, at: at ? new Date(at) : undefined });
    await prisma.reviewTask.updateMany({
      where: { planId, openSequence },
      data: { dueAt: new Date(deadline.dueAt), dueBasis: deadline.basis, milestone: deadline.milestone.code, milestoneDate: deadline.milestone.date },
    });
    const remedy = deadline.missedMilestone?.remedy;
    if (remedy) await recordRemedy({ planId, openSequence, milestone: deadline.milestone.code, remedy, at: at ?? enteredAt });
    return { deadline, policy, regionCode: plan.regionCode, planTitle: plan.title };
  }

  async function recordTaskEscalation({ planId, openSequence, at, daysOverdue }: EscalationRecord): Promise<void> {
    await prisma.$transaction(async (tx) => {
      const stored = await appendAuditEvent(tx, {
        actorId: null,
        actorName: SYSTEM,
        action: TimelineAuditAction.TASK_ESCALATED,
        planId,
        entity: AuditEntity.REVIEW_TASK,
        entityId: String(openSequence),
        details: { daysOverdue },
        occurredAt: new Date(at),
        dedupeKey: auditDedupeKey('plan', planId, 'escalation', openSequence, daysOverdue),
      });
      if (stored) await tx.reviewTask.updateMany({ where: { planId, openSequence, escalatedAt: null }, data: { escalatedAt: new Date(at) } });
    });
  }

  return { planStageDeadline, recordRemedy, recordTaskEscalation };
}
