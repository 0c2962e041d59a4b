// The planning and budget calendar of budget year N+1, worked on during year N: the
// milestones with their default dates, and how national and regional overrides (e.g.
// from that year's ministerial APBD guideline) replace them.
import { addDays, endOfMonth, isoWeekday, localDate, type LocalDate } from './local-date';
import { text, type BilingualText } from './message';

export const Milestone = {
  MAPPING_DEADLINE: 'MAPPING_DEADLINE',
  MUSRENBANG: 'MUSRENBANG',
  RKPD_SET: 'RKPD_SET',
  KUA_PPAS_SUBMISSION: 'KUA_PPAS_SUBMISSION',
  KUA_PPAS_AGREEMENT: 'KUA_PPAS_AGREEMENT',
  DRAFT_APBD_SUBMISSION: 'DRAFT_APBD_SUBMISSION',
  APBD_JOINT_APPROVAL: 'APBD_JOINT_APPROVAL',
  APBD_ENACTMENT: 'APBD_ENACTMENT',
} as const;
export type Milestone = (typeof Milestone)[keyof typeof Milestone];
/** In the order they fall. */
export const MILESTONES: readonly Milestone[] = Object.values(Milestone);

export function isMilestone(value: string): value is Milestone {
  return (MILESTONES as readonly string[]).includes(value);
}

/** Where a default comes from: the regulation (verified) or practice (a configurable default). */
export type MilestoneSource = 'PP_12_2019' | 'PRACTICE';
/** Where a resolved date comes from: the rule's default, a national override or the region's own. */
export type DateOrigin = 'DEFAULT' | 'NATIONAL' | 'REGIONAL';
export type CalendarRegionLevel = 'PROVINCE' | 'REGENCY';

export const MILESTONE_LABELS: Record<Milestone, BilingualText> = {
  MAPPING_DEADLINE: text('Batas pemetaan kerja sama (sebelum rancangan awal RKPD)', 'Cooperation mapping deadline (before the initial RKPD draft)'),
  MUSRENBANG: text('Musrenbang RKPD', 'RKPD development planning forum (Musrenbang)'),
  RKPD_SET: text('Penetapan RKPD', 'RKPD enacted'),
  KUA_PPAS_SUBMISSION: text('Penyampaian rancangan KUA-PPAS kepada DPRD', 'Draft KUA-PPAS submitted to the DPRD'),
  KUA_PPAS_AGREEMENT: text('Kesepakatan KUA-PPAS', 'KUA-PPAS agreed'),
  DRAFT_APBD_SUBMISSION: text('Penyampaian rancangan Perda APBD kepada DPRD', 'Draft APBD regulation submitted to the DPRD'),
  APBD_JOINT_APPROVAL: text('Persetujuan bersama rancangan Perda APBD', 'Joint approval of the draft APBD regulation'),
  APBD_ENACTMENT: text('Penetapan Perda APBD', 'APBD regulation enacted'),
};

export const MILESTONE_SOURCES: Record<Milestone, MilestoneSource> = {
  MAPPING_DEADLINE: 'PRACTICE',
  MUSRENBANG: 'PRACTICE',
  RKPD_SET: 'PRACTICE',
  KUA_PPAS_SUBMISSION: 'PP_12_2019',
  KUA_PPAS_AGREEMENT: 'PP_12_2019',
  DRAFT_APBD_SUBMISSION: 'PP_12_2019',
  APBD_JOINT_APPROVAL: 'PP_12_2019',
  APBD_ENACTMENT: 'PP_12_2019',
};

/**
 * The deadline "by the second week of" a month (PP 12/2019 for KUA-PPAS). One rule: the
 * second week is the month's days 8–14, the second run of seven days, as "minggu kedua"
 * is read in practice; it does not depend on the weekday the month starts on, unlike
 * "the week of the second Monday", which ends as late as the 20th. The deadline is the
 * last Monday–Friday day of that span: the 14th, or the Friday before it (12th or 13th)
 * when the 14th is a weekend. It is the earliest common reading, so a region that meets
 * it complies under any reading. Holidays do not move it (the calendar stays the same
 * whatever holiday data is loaded); the API flags a milestone that falls on a day off.
 */
export function secondWeekDeadline(year: number, month: number): LocalDate {
  const fourteenth = localDate(year, month, 14);
  const weekday = isoWeekday(fourteenth);
  return weekday <= 5 ? fourteenth : addDays(fourteenth, 5 - weekday);
}

/** The default dates for budget year `budgetYear` (worked on in budgetYear − 1). */
export function defaultMilestoneDates(budgetYear: number, level: CalendarRegionLevel): Record<Milestone, LocalDate> {
  const n = budgetYear - 1;
  return {
    // Practice: the mapping feeds the initial RKPD draft, due early in the year.
    MAPPING_DEADLINE: endOfMonth(n, 1),
    // Practice: kabupaten/kota hold their Musrenbang first, so the province can take theirs in.
    MUSRENBANG: level === 'PROVINCE' ? endOfMonth(n, 4) : endOfMonth(n, 3),
    RKPD_SET: endOfMonth(n, 6),
    KUA_PPAS_SUBMISSION: secondWeekDeadline(n, 7),
    KUA_PPAS_AGREEMENT: secondWeekDeadline(n, 8),
    // PP 12/2019: 60 days before the last month of the year, i.e. before 1 December (2 October).
    DRAFT_APBD_SUBMISSION: addDays(localDate(n, 12, 1), -60),
    // PP 12/2019: at the latest one month before the budget year (1 January), i.e. by the
    // eve of the last month: 30 November.
    APBD_JOINT_APPROVAL: addDays(localDate(n, 12, 1), -1),
    APBD_ENACTMENT: localDate(n, 12, 31),
  };
}

/** A date set by hand for one milestone; `note` says why (e.g. the guideline it follows). */
export interface MilestoneOverride {
  milestone: Milestone;
  date: LocalDate;
  note?: string | null;
}

export interface ResolvedMilestone {
  code: Milestone;
  date: LocalDate;
  source: MilestoneSource;
  origin: DateOrigin;
  label: BilingualText;
  /** The default the date replaces, when overridden. */
  defaultDate: LocalDate;
  note: string | null;
}

/**
 * The calendar of one region and budget year: the region's own override beats a national
 * one, which beats the default.
 */
export function resolveCalendar(
  budgetYear: number,
  level: CalendarRegionLevel,
  overrides: { national: readonly MilestoneOverride[]; regional: readonly MilestoneOverride[] },
): ResolvedMilestone[] {
  const defaults = defaultMilestoneDates(budgetYear, level);
  const national = new Map(overrides.national.map((o) => [o.milestone, o]));
  const regional = new Map(overrides.regional.map((o) => [o.milestone, o]));
  return MILESTONES.map((code) => {
    const regionalOverride = regional.get(code);
    const nationalOverride = national.get(code);
    const chosen = regionalOverride ?? nationalOverride;
    return {
      code,
      date: chosen?.date ?? defaults[code],
      source: MILESTONE_SOURCES[code],
      origin: regionalOverride ? 'REGIONAL' : nationalOverride ? 'NATIONAL' : 'DEFAULT',
      label: MILESTONE_LABELS[code],
      defaultDate: defaults[code],
      note: chosen?.note ?? null,
    };
  });
}
