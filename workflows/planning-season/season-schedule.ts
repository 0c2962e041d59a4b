// When the planning season tells whom what: pure and deterministic, so the workflow
// drives it and unit tests check it with hand-worked dates.
//
// - Reminders: at each offset H-n of the policy, at 07:00 in the region's zone on the
//   date n days before the mapping deadline (H-0 on the deadline day itself). Only while
//   the deadline is still ahead.
// - Catching up: when several reminders are due at once (the season starts late, the
//   deadline moves earlier, the workers were down), only the one nearest the deadline
//   goes out, at once; the older ones are skipped for good, as telling an agency "30 days
//   left" when 7 are left helps nobody. Each offset is sent or skipped at most once per
//   season, whatever the deadline does later (its key says H-n, not the date). Offsets
//   still unsent when the deadline passes lapse: they count as skipped.
// - Digests: number n at 07:00 on the season's start date + n × digestEveryDays, up to
//   the season's end; after a gap only the latest goes out, the missed numbers are skipped.
// - The season ends at the end of the APBD enactment day.
import { addDays, daysBetween, localDateAtOffset, localInstant, type LocalDate } from '../../domain/local-date';
import { utcOffsetOfZone } from '../../domain/region-time-zone';
import { REMINDER_HOUR } from '../../domain/reminder-schedule';
import { timelineDelayMs, timelineNow } from '../../domain/timeline-policy';
import type { SeasonCarryOver, SeasonStatus, SeasonTimeline } from './definitions';

export type SeasonAction =
  | { kind: 'reminder'; offsetDays: number; dueAt: Date; skippedOffsets: number[] }
  | { kind: 'lapse'; offsets: number[] }
  | { kind: 'digest'; number: number; dueAt: Date; skippedNumbers: number[] };

interface SeasonStart {
  seasonStartDate: LocalDate;
  anchorAt: string;
  anchorClockMs: number;
}

export class SeasonSchedule {
  private timeline?: SeasonTimeline;
  private start?: SeasonStart;
  private readonly remindersSent: number[];
  private readonly remindersSkipped: number[];
  private lastDigest: number;
  private digestsSent: number;
  private sentKeys: number;
  private calendarChanges: number;
  private readonly runs: number;

  constructor(
    readonly regionCode: string,
    readonly budgetYear: number,
    carried?: SeasonCarryOver,
  ) {
    if (carried) this.start = { seasonStartDate: carried.seasonStartDate, anchorAt: carried.anchorAt, anchorClockMs: carried.anchorClockMs };
    this.remindersSent = [...(carried?.remindersSent ?? [])];
    this.remindersSkipped = [...(carried?.remindersSkipped ?? [])];
    this.lastDigest = carried?.lastDigest ?? 0;
    this.digestsSent = carried?.digestsSent ?? 0;
    this.sentKeys = carried?.sentKeys ?? 0;
    this.calendarChanges = carried?.calendarChanges ?? 0;
    this.runs = (carried?.runs ?? 0) + 1;
  }

  get loaded(): boolean {
    return this.timeline !== undefined;
  }

  /**
   * Takes the calendar as just loaded. The first load anchors the timeline: later loads
   * change the dates, never the anchor, so a test's fast timeline does not jump back.
   */
  setTimeline(timeline: SeasonTimeline, clockMs: number): void {
    this.timeline = timeline;
    this.start ??= {
      seasonStartDate: localDateAtOffset(new Date(timeline.now), utcOffsetOfZone(timeline.timeZone)),
      anchorAt: timeline.now,
      anchorClockMs: clockMs,
    };
  }

  /** The real instant the timeline has reached at workflow clock `clockMs`. */
  now(clockMs: number): Date {
    const { timeline, start } = this.loadedState();
    return timelineNow(timeline.policy, new Date(start.anchorAt), start.anchorClockMs, clockMs);
  }

  /** Workflow-clock milliseconds from `now` until the real instant `at` (0 if passed). */
  delayUntil(at: Date, now: Date): number {
    return timelineDelayMs(this.loadedState().timeline.policy, at.getTime() - now.getTime());
  }

  reminderAt(offsetDays: number): Date {
    const { timeline } = this.loadedState();
    return localInstant(addDays(timeline.mappingDeadline, -offsetDays), REMINDER_HOUR, 0, utcOffsetOfZone(timeline.timeZone));
  }

  digestAt(digestNumber: number): Date {
    const { timeline, start } = this.loadedState();
    return localInstant(addDays(start.seasonStartDate, digestNumber * timeline.policy.digestEveryDays), REMINDER_HOUR, 0, utcOffsetOfZone(timeline.timeZone));
  }

  isOver(now: Date): boolean {
    return now.getTime() >= Date.parse(this.loadedState().timeline.seasonEndsAt);
  }

  /** What is due at `now`, reminder first. */
  due(now: Date): SeasonAction[] {
    const actions: SeasonAction[] = [];
    if (this.isOver(now)) return actions;
    const passed = this.pendingOffsets().filter((offset) => this.reminderAt(offset).getTime() <= now.getTime());
    if (passed.length && this.deadlineAhead(now)) {
      const nearest = Math.min(...passed);
      actions.push({ kind: 'reminder', offsetDays: nearest, dueAt: this.reminderAt(nearest), skippedOffsets: passed.filter((o) => o !== nearest) });
    } else if (!this.deadlineAhead(now) && this.pendingOffsets().length) {
      actions.push({ kind: 'lapse', offsets: this.pendingOffsets() });
    }
    let latest = this.lastDigest;
    while (this.digestInSeason(latest + 1) && this.digestAt(latest + 1).getTime() <= now.getTime()) latest += 1;
    if (latest > this.lastDigest) {
      const skippedNumbers = Array.from({ length: latest - this.lastDigest - 1 }, (_, i) => this.lastDigest + 1 + i);
      actions.push({ kind: 'digest', number: latest, dueAt: this.digestAt(latest), skippedNumbers });
    }
    return actions;
  }

  /** The reminder that goes out next: one already due (caught up at once), else the first upcoming. */
  nextReminder(now: Date): { offsetDays: number; at: Date } | undefined {
    if (!this.deadlineAhead(now)) return undefined;
    const pending = this.pendingOffsets().map((offsetDays) => ({ offsetDays, at: this.reminderAt(offsetDays) }));
    const passed = pending.filter(({ at }) => at.getTime() <= now.getTime()).sort((a, b) => a.offsetDays - b.offsetDays);
    if (passed.length) return passed[0];
    return pending.sort((a, b) => a.at.getTime() - b.at.getTime())[0];
  }

  nextDigest(now: Date): { number: number; at: Date } | undefined {
    let next = this.lastDigest + 1;
    while (this.digestInSeason(next) && this.digestAt(next).getTime() <= now.getTime()) next += 1;
    return this.digestInSeason(next) ? { number: next, at: this.digestAt(next) } : undefined;
  }

  /** When the workflow must look again: the next reminder, digest, or the season's end. */
  nextWakeAt(now: Date): Date {
    const candidates = [this.nextReminder(now)?.at, this.nextDigest(now)?.at, new Date(this.loadedState().timeline.seasonEndsAt)];
    return new Date(Math.min(...candidates.filter((at): at is Date => at !== undefined).map((at) => at.getTime())));
  }

  /** Whole days from `now`'s date to the deadline's, in the region's zone. */
  daysLeft(now: Date): number {
    const { timeline } = this.loadedState();
    return daysBetween(localDateAtOffset(now, utcOffsetOfZone(timeline.timeZone)), timeline.mappingDeadline);
  }

  recordReminder(action: Extract<SeasonAction, { kind: 'reminder' }>, dispatched: number): void {
    this.remindersSent.push(action.offsetDays);
    this.remindersSkipped.push(...action.skippedOffsets);
    this.sentKeys += dispatched;
  }

  recordLapse(action: Extract<SeasonAction, { kind: 'lapse' }>): void {
    this.remindersSkipped.push(...action.offsets);
  }

  recordDigest(action: Extract<SeasonAction, { kind: 'digest' }>): void {
    this.lastDigest = action.number;
    this.digestsSent += 1;
    this.sentKeys += 1;
  }

  recordCalendarChange(): void {
    this.calendarChanges += 1;
  }

  get currentTimeline(): SeasonTimeline {
    return this.loadedState().timeline;
  }

  status(clockMs: number, finished: boolean): SeasonStatus {
    const base = {
      regionCode: this.regionCode,
      budgetYear: this.budgetYear,
      finished,
      remindersSent: [...this.remindersSent],
      remindersSkipped: [...this.remindersSkipped].sort((a, b) => b - a),
      digestsSent: this.digestsSent,
      sentKeys: this.sentKeys,
      calendarChanges: this.calendarChanges,
      runs: this.runs,
    };
    if (!this.timeline || !this.start) return { ...base, loaded: false, nextReminder: null, nextDigest: null };
    const now = this.now(clockMs);
    const reminder = finished ? undefined : this.nextReminder(now);
    const digest = finished ? undefined : this.nextDigest(now);
    return {
      ...base,
      loaded: true,
      timeZone: this.timeline.timeZone,
      mappingDeadline: this.timeline.mappingDeadline,
      mappingDeadlineAt: this.timeline.mappingDeadlineAt,
      seasonEndsAt: this.timeline.seasonEndsAt,
      timelineNow: now.toISOString(),
      nextReminder: reminder ? { offsetDays: reminder.offsetDays, at: reminder.at.toISOString() } : null,
      nextDigest: digest ? { number: digest.number, at: digest.at.toISOString() } : null,
    };
  }

  carryOver(): SeasonCarryOver {
    const { start } = this.loadedState();
    return {
      ...start,
      remindersSent: [...this.remindersSent],
      remindersSkipped: [...this.remindersSkipped],
      lastDigest: this.lastDigest,
      digestsSent: this.digestsSent,
      sentKeys: this.sentKeys,
      calendarChanges: this.calendarChanges,
      runs: this.runs,
    };
  }

  private pendingOffsets(): number[] {
    const done = new Set([...this.remindersSent, ...this.remindersSkipped]);
    return [...new Set(this.loadedState().timeline.policy.seasonReminderOffsetsDays)].filter((offset) => !done.has(offset));
  }

  private deadlineAhead(now: Date): boolean {
    return now.getTime() < Date.parse(this.loadedState().timeline.mappingDeadlineAt);
  }

  private digestInSeason(digestNumber: number): boolean {
    return this.digestAt(digestNumber).getTime() <= Date.parse(this.loadedState().timeline.seasonEndsAt);
  }

  private loadedState(): { timeline: SeasonTimeline; start: SeasonStart } {
    if (!this.timeline || !this.start) throw new Error('The season calendar has not been loaded yet');
    return { timeline: this.timeline, start: this.start };
  }
}
