// When each review stage of a plan is due: the earlier of the calendar milestone the
// stage serves (the mapping feeds the RKPD; the budget sign-off feeds the KUA-PPAS) and
// its service period in working days. A milestone already behind the plan cannot be met
// any more: the plan then needs a remedy, and its stage falls back to the service period.
import type { Milestone, ResolvedMilestone } from './fiscal-calendar';
import { endOfLocalDay, localDateAtOffset, type LocalDate } from './local-date';
import { text, type BilingualText } from './message';
import { PlanStage, type ReviewStage } from './plan-stage';
import type { TimelinePolicy } from './timeline-policy';
import { addWorkingDays, type HolidaySet } from './working-days';

/** The milestone each review stage must finish before. */
export const STAGE_MILESTONE: Record<ReviewStage, Milestone> = {
  // The verified plan feeds the initial RKPD draft.
  [PlanStage.VERIFICATION]: 'MAPPING_DEADLINE',
  // Bappeda integrates the plan into the RKPD; the later steps must land before it is set.
  [PlanStage.BAPPEDA_REVIEW]: 'RKPD_SET',
  [PlanStage.TKKSD_DELIBERATION]: 'RKPD_SET',
  [PlanStage.HEAD_OF_REGION_APPROVAL]: 'RKPD_SET',
  // TAPD places the plan in the KUA-PPAS before it goes to the DPRD.
  [PlanStage.BUDGET_SIGNOFF]: 'KUA_PPAS_SUBMISSION',
  // Where the DPRD must approve, it does so with the KUA-PPAS agreement.
  [PlanStage.DPRD_APPROVAL]: 'KUA_PPAS_AGREEMENT',
  // BPKAD's RKA line must stand before the draft APBD goes to the DPRD.
  [PlanStage.RKA_CONFIRMATION]: 'DRAFT_APBD_SUBMISSION',
};

/**
 * What a plan needs when it misses a milestone it cannot wait for: a new activity that
 * is not in the set RKPD enters the KUA-PPAS only with an agreement record (berita
 * acara) between the head of region and the DPRD chair; once the KUA-PPAS is agreed, only
 * through the RKPD amendment (perubahan RKPD) of the year.
 */
export const Remedy = {
  DPRD_AGREEMENT_RECORD: 'DPRD_AGREEMENT_RECORD',
  RKPD_AMENDMENT: 'RKPD_AMENDMENT',
} as const;
export type Remedy = (typeof Remedy)[keyof typeof Remedy];

export const REMEDY_LABELS: Record<Remedy, BilingualText> = {
  DPRD_AGREEMENT_RECORD: text(
    'Berita acara kesepakatan kepala daerah dan pimpinan DPRD (kegiatan baru di KUA-PPAS yang tidak ada di RKPD)',
    'Agreement record of the head of region and the DPRD chair (a new KUA-PPAS activity not in the RKPD)',
  ),
  RKPD_AMENDMENT: text('Perubahan RKPD', 'RKPD amendment'),
};

export type DeadlineBasis = 'MILESTONE' | 'SERVICE_PERIOD';

export interface StageDeadline {
  stage: ReviewStage;
  /** ISO instant: the end of the due day in the region's time zone. */
  dueAt: string;
  dueDate: LocalDate;
  basis: DeadlineBasis;
  serviceWorkingDays: number;
  serviceDueDate: LocalDate;
  milestone: { code: Milestone; date: LocalDate; dueAt: string };
  /** Set when the milestone has passed (before the stage began, or by `at`). */
  missedMilestone?: { remedy?: Remedy };
  utcOffsetMinutes: number;
}

/** The remedy a plan needs when it reaches `milestone`'s step only at `at`, or none when there is still time. */
export function remedyFor(milestone: Milestone, at: Date, calendar: readonly ResolvedMilestone[], utcOffsetMinutes: number): Remedy | undefined {
  const dueAt = (code: Milestone) => {
    const date = calendar.find((m) => m.code === code)?.date;
    return date ? endOfLocalDay(date, utcOffsetMinutes) : undefined;
  };
  const missed = dueAt(milestone);
  if (!missed || at <= missed) return undefined;
  // Missing the mapping deadline only means the plan misses the initial RKPD draft: it can still enter before the RKPD is set.
  if (milestone === 'MAPPING_DEADLINE' || milestone === 'MUSRENBANG') return undefined;
  const agreed = dueAt('KUA_PPAS_AGREEMENT');
  return agreed && at <= agreed ? Remedy.DPRD_AGREEMENT_RECORD : Remedy.RKPD_AMENDMENT;
}

export interface StageDeadlineInput {
  stage: ReviewStage;
  enteredAt: Date;
  calendar: readonly ResolvedMilestone[];
  holidays: HolidaySet;
  policy: Pick<TimelinePolicy, 'serviceWorkingDays'>;
  utcOffsetMinutes: number;
  /** When the deadline is looked at again while the stage is still open (default: on entry). */
  at?: Date;
}

export function stageDeadline({ stage, enteredAt, calendar, holidays, policy, utcOffsetMinutes, at = enteredAt }: StageDeadlineInput): StageDeadline {
  const code = STAGE_MILESTONE[stage];
  const milestoneDate = calendar.find((m) => m.code === code)?.date;
  if (!milestoneDate) throw new RangeError(`The calendar has no ${code}`);
  const milestoneDueAt = endOfLocalDay(milestoneDate, utcOffsetMinutes);
  const serviceWorkingDays = policy.serviceWorkingDays[stage];
  const serviceDueDate = addWorkingDays(localDateAtOffset(enteredAt, utcOffsetMinutes), serviceWorkingDays, holidays);
  // A milestone behind the plan on entry no longer sets the due date; one passed while the stage is open still does.
  const basis: DeadlineBasis = enteredAt <= milestoneDueAt && milestoneDate < serviceDueDate ? 'MILESTONE' : 'SERVICE_PERIOD';
  const dueDate = basis === 'MILESTONE' ? milestoneDate : serviceDueDate;
  const missed = at > milestoneDueAt;
  const remedy = missed ? remedyFor(code, at, calendar, utcOffsetMinutes) : undefined;
  return {
    stage,
    dueAt: endOfLocalDay(dueDate, utcOffsetMinutes).toISOString(),
    dueDate,
    basis,
    serviceWorkingDays,
    serviceDueDate,
    milestone: { code, date: milestoneDate, dueAt: milestoneDueAt.toISOString() },
    ...(missed && { missedMilestone: remedy ? { remedy } : {} }),
    utcOffsetMinutes,
  };
}
