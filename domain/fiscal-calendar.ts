// The planning and budget calendar of budget year N+1, worked on during year N: the
// milestones with their default dates, each with its rule and source (regulation and
// article, or practice), the settings for the readings the regulation leaves open, and
// how national and regional overrides (e.g. from that year's ministerial APBD
// guideline) replace them.
import { addDays, endOfMonth, isoWeekday, localDate, type LocalDate } from './local-date';
import { text, type BilingualText } from './message';
import { holidaySet, isWorkingDay, type HolidaySet } from './working-days';

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
 * How "by the second week of" a month (PP 12/2019 Pasal 90 for KUA-PPAS) is read. The
 * regulation does not define the week, so the reading is a setting (SECOND_WEEK_RULE):
 * - CALENDAR_WEEK (default): the month's second Monday–Sunday week, the week holding the
 *   1st being the first (days 2–8 when the 1st is a Sunday, 8–14 when it is a Monday). It
 *   is the earliest common reading, so a region that meets it is on time under any.
 * - DAYS_8_TO_14: the month's second run of seven days, days 8–14.
 * - SECOND_MONDAY_WEEK: the Monday–Sunday week that starts on the month's second Monday
 *   (ends as late as the 20th).
 * The deadline is the last Monday–Friday day of that week (then the day-off rule below).
 */
export type SecondWeekRule = 'CALENDAR_WEEK' | 'DAYS_8_TO_14' | 'SECOND_MONDAY_WEEK';
export const SECOND_WEEK_RULES: readonly SecondWeekRule[] = ['CALENDAR_WEEK', 'DAYS_8_TO_14', 'SECOND_MONDAY_WEEK'];

/**
 * How PP 12/2019 Pasal 104 ayat (1)'s "60 hari sebelum 1 bulan tahun anggaran berakhir" is
 * counted. Whether the regulation's "hari" means working or calendar days is not settled
 * from its text here, so it is a setting (APBD_DAY_COUNT); the default is the stricter,
 * earlier reading, working days (about the second week of September, as the ministry's
 * APBD schedules state it), against calendar days (2 October).
 */
export type DayCountRule = 'WORKING_DAYS' | 'CALENDAR_DAYS';
export const DAY_COUNT_RULES: readonly DayCountRule[] = ['WORKING_DAYS', 'CALENDAR_DAYS'];

export interface CalendarRules {
  secondWeek: SecondWeekRule;
  apbdDayCount: DayCountRule;
}

/** The stricter readings: nobody is late under any other. */
export const DEFAULT_CALENDAR_RULES: CalendarRules = { secondWeek: 'CALENDAR_WEEK', apbdDayCount: 'WORKING_DAYS' };

/** The deadline "by the second week of" `month` of `year` under `rule` (before the day-off rule). */
export function secondWeekDeadline(year: number, month: number, rule: SecondWeekRule = 'CALENDAR_WEEK'): LocalDate {
  const first = localDate(year, month, 1);
  const firstWeekday = isoWeekday(first);
  if (rule === 'DAYS_8_TO_14') {
    const fourteenth = localDate(year, month, 14);
    const weekday = isoWeekday(fourteenth);
    return weekday <= 5 ? fourteenth : addDays(fourteenth, 5 - weekday);
  }
  if (rule === 'SECOND_MONDAY_WEEK') {
    const firstMonday = addDays(first, (8 - firstWeekday) % 7);
    return addDays(firstMonday, 7 + 4);
  }
  // The first week ends on the Sunday on or after the 1st; the second week's Friday is 5 days later.
  return addDays(first, 7 - firstWeekday + 5);
}

/**
 * A milestone the rules put on a day off moves to the working day before it: the
 * stricter choice (a deadline is "at the latest"), so nobody who meets it is late. Only
 * the rules' dates move; a date an admin sets by hand is kept as set and flagged.
 */
export function previousWorkingDayOnOrBefore(date: LocalDate, holidays: HolidaySet): LocalDate {
  let day = date;
  while (!isWorkingDay(day, holidays)) day = addDays(day, -1);
  return day;
}

/** The `n`th working day before `date` (not counting `date` itself). */
export function workingDaysBefore(date: LocalDate, n: number, holidays: HolidaySet): LocalDate {
  let day = date;
  for (let left = n; left > 0;) {
    day = addDays(day, -1);
    if (isWorkingDay(day, holidays)) left -= 1;
  }
  return day;
}

/** How each milestone is computed, and on what basis: the regulation and article, or practice. */
export interface MilestoneBasis {
  /** The regulation and article, e.g. "PP 12/2019 Pasal 90 ayat (1)"; null for a practice default. */
  legalBasis: string | null;
  /** True when the deadline is the regulation's; false for a configurable practice default. */
  verified: boolean;
  rule: BilingualText;
}

const SECOND_WEEK_TEXT: Record<SecondWeekRule, BilingualText> = {
  CALENDAR_WEEK: text(
    'minggu kalender kedua (Senin–Minggu; minggu yang memuat tanggal 1 adalah minggu pertama)',
    'the second calendar week (Monday–Sunday; the week holding the 1st is the first)',
  ),
  DAYS_8_TO_14: text('tanggal 8–14', 'days 8–14'),
  SECOND_MONDAY_WEEK: text('minggu yang dimulai Senin kedua', 'the week starting on the second Monday'),
};

const ON_DAY_OFF = text('; bila jatuh pada hari libur atau akhir pekan, hari kerja sebelumnya', '; on a weekend or day off, the working day before');

function join(a: BilingualText, b: BilingualText): BilingualText {
  return text(a.id + b.id, a.en + b.en);
}

/** The rule and source of every milestone under `rules`, as shown beside its date. */
export function milestoneBases(level: CalendarRegionLevel, rules: CalendarRules = DEFAULT_CALENDAR_RULES): Record<Milestone, MilestoneBasis> {
  const week = SECOND_WEEK_TEXT[rules.secondWeek];
  const practice = (id: string, en: string): MilestoneBasis => ({ legalBasis: null, verified: false, rule: join(text(id, en), ON_DAY_OFF) });
  const regulation = (legalBasis: string, rule: BilingualText): MilestoneBasis => ({ legalBasis, verified: true, rule: join(rule, ON_DAY_OFF) });
  return {
    MAPPING_DEADLINE: practice(
      'Praktik (bawaan yang dapat diubah): akhir Januari, sebelum rancangan awal RKPD',
      'Practice (a configurable default): end of January, before the initial RKPD draft',
    ),
    MUSRENBANG:
      level === 'PROVINCE'
        ? practice('Praktik (bawaan yang dapat diubah): akhir April untuk provinsi', 'Practice (a configurable default): end of April for a province')
        : practice(
            'Praktik (bawaan yang dapat diubah): akhir Maret untuk kabupaten/kota',
            'Practice (a configurable default): end of March for a kabupaten/kota',
          ),
    RKPD_SET: practice('Praktik (bawaan yang dapat diubah): akhir Juni', 'Practice (a configurable default): end of June'),
    KUA_PPAS_SUBMISSION: regulation(
      'PP 12/2019 Pasal 90 ayat (1)',
      join(
        text('Paling lambat minggu kedua Juli, dibaca sebagai ', 'By the second week of July, read as '),
        join(week, text(' (SECOND_WEEK_RULE), hari kerja terakhirnya', ' (SECOND_WEEK_RULE), its last working day')),
      ),
    ),
    KUA_PPAS_AGREEMENT: regulation(
      'PP 12/2019 Pasal 90 ayat (2)',
      join(
        text('Paling lambat minggu kedua Agustus, dibaca sebagai ', 'By the second week of August, read as '),
        join(week, text(' (SECOND_WEEK_RULE), hari kerja terakhirnya', ' (SECOND_WEEK_RULE), its last working day')),
      ),
    ),
    DRAFT_APBD_SUBMISSION: regulation(
      'PP 12/2019 Pasal 104 ayat (1)',
      rules.apbdDayCount === 'WORKING_DAYS'
        ? text(
            '60 hari kerja sebelum 1 Desember ("hari" dibaca hari kerja, APBD_DAY_COUNT)',
            '60 working days before 1 December ("hari" read as working days, APBD_DAY_COUNT)',
          )
        : text(
            '60 hari kalender sebelum 1 Desember ("hari" dibaca hari kalender, APBD_DAY_COUNT)',
            '60 calendar days before 1 December ("hari" read as calendar days, APBD_DAY_COUNT)',
          ),
    ),
    APBD_JOINT_APPROVAL: regulation(
      'PP 12/2019 Pasal 106 ayat (1)',
      text('Paling lambat 1 bulan sebelum tahun anggaran: 30 November', 'At the latest one month before the budget year: 30 November'),
    ),
    // The 31 December deadline is the ministry's schedule; the article of PP 12/2019 that
    // sets it was not confirmed against the regulation's text, so it is not called verified.
    APBD_ENACTMENT: {
      legalBasis: 'PP 12/2019 (pasal belum dikonfirmasi)',
      verified: false,
      rule: join(
        text(
          'Perda APBD ditetapkan paling lambat 31 Desember (pasal PP 12/2019 belum dikonfirmasi terhadap teksnya)',
          'The APBD regulation enacted by 31 December (the article of PP 12/2019 not yet confirmed against its text)',
        ),
        ON_DAY_OFF,
      ),
    },
  };
}

/** The dates the rules give for budget year `budgetYear` (worked on in budgetYear − 1), before the day-off rule. */
export function computedMilestoneDates(
  budgetYear: number,
  level: CalendarRegionLevel,
  rules: CalendarRules = DEFAULT_CALENDAR_RULES,
  holidays: HolidaySet = holidaySet(),
): Record<Milestone, LocalDate> {
  const n = budgetYear - 1;
  const firstOfDecember = localDate(n, 12, 1);
  return {
    // Practice: the mapping feeds the initial RKPD draft, due early in the year.
    MAPPING_DEADLINE: endOfMonth(n, 1),
    // Practice: kabupaten/kota hold their Musrenbang first, so the province can take theirs in.
    MUSRENBANG: level === 'PROVINCE' ? endOfMonth(n, 4) : endOfMonth(n, 3),
    RKPD_SET: endOfMonth(n, 6),
    KUA_PPAS_SUBMISSION: secondWeekDeadline(n, 7, rules.secondWeek),
    KUA_PPAS_AGREEMENT: secondWeekDeadline(n, 8, rules.secondWeek),
    // PP 12/2019 Pasal 104 ayat (1): 60 "hari" before the last month of the year, i.e. before 1 December.
    DRAFT_APBD_SUBMISSION: rules.apbdDayCount === 'WORKING_DAYS' ? workingDaysBefore(firstOfDecember, 60, holidays) : addDays(firstOfDecember, -60),
    // PP 12/2019 Pasal 106 ayat (1): at the latest one month before the budget year (1 January), i.e. by the
    // eve of the last month: 30 November.
    APBD_JOINT_APPROVAL: addDays(firstOfDecember, -1),
    APBD_ENACTMENT: localDate(n, 12, 31),
  };
}

/** The default dates for budget year `budgetYear`: the rules' dates, moved off days off to the working day before. */
export function defaultMilestoneDates(
  budgetYear: number,
  level: CalendarRegionLevel,
  rules: CalendarRules = DEFAULT_CALENDAR_RULES,
  holidays: HolidaySet = holidaySet(),
): Record<Milestone, LocalDate> {
  const computed = computedMilestoneDates(budgetYear, level, rules, holidays);
  return Object.fromEntries(MILESTONES.map((code) => [code, previousWorkingDayOnOrBefore(computed[code], holidays)])) as Record<Milestone, LocalDate>;
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
  /** The rules' date before the day-off rule moved it, or null when it fell on a working day. */
  movedFrom: LocalDate | null;
  note: string | null;
  /** How the default is computed and on what basis. */
  basis: MilestoneBasis;
}

/**
 * The calendar of one region and budget year: the region's own override beats a national
 * one, which beats the default.
 */
export function resolveCalendar(
  budgetYear: number,
  level: CalendarRegionLevel,
  overrides: { national: readonly MilestoneOverride[]; regional: readonly MilestoneOverride[] },
  rules: CalendarRules = DEFAULT_CALENDAR_RULES,
  holidays: HolidaySet = holidaySet(),
): ResolvedMilestone[] {
  const computed = computedMilestoneDates(budgetYear, level, rules, holidays);
  const defaults = defaultMilestoneDates(budgetYear, level, rules, holidays);
  const bases = milestoneBases(level, rules);
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
      movedFrom: defaults[code] === computed[code] ? null : computed[code],
      note: chosen?.note ?? null,
      basis: bases[code],
    };
  });
}
