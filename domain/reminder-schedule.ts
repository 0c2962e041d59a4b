// When the people holding a review task hear about its due date: at 07:00 local time on
// each configured day before it (H-14 … H-0), then every few days once it is overdue;
// from the escalation threshold on, the Sekda is told too (once, by the caller).
import { addDays, localInstant, type LocalDate } from './local-date';
import type { TimelinePolicy } from './timeline-policy';

/** The hour of day reminders go out, as the existing regional system sends them. */
export const REMINDER_HOUR = 7;

export type ReminderKind = 'DUE_SOON' | 'OVERDUE';

export interface Reminder {
  /** Stable within one due date: `H-7`, `H-0`, `OVERDUE-1`… (part of the notification key). */
  id: string;
  kind: ReminderKind;
  at: Date;
  /** Days before the due date (DUE_SOON) or after it (OVERDUE). */
  days: number;
  /** True on overdue reminders at or past the escalation threshold (the caller escalates once). */
  escalate: boolean;
}

type SchedulePolicy = Pick<TimelinePolicy, 'reminderOffsetsDays' | 'overdueEveryDays' | 'escalateAfterOverdueDays'>;

/** The first reminder strictly after `after` for a task due on `dueDate` (overdue reminders never run out). */
export function nextReminder(dueDate: LocalDate, policy: SchedulePolicy, utcOffsetMinutes: number, after: Date): Reminder {
  const at = (date: LocalDate) => localInstant(date, REMINDER_HOUR, 0, utcOffsetMinutes);
  const before = [...policy.reminderOffsetsDays].sort((a, b) => b - a);
  for (const days of before) {
    const when = at(addDays(dueDate, -days));
    if (when > after) return { id: `H-${days}`, kind: 'DUE_SOON', at: when, days, escalate: false };
  }
  const every = Math.max(1, policy.overdueEveryDays);
  // The first overdue reminder strictly after `after`, found arithmetically rather than by walking.
  const dueAt = at(dueDate).getTime();
  const stepMs = every * 86_400_000;
  let step = Math.max(1, Math.floor((after.getTime() - dueAt) / stepMs));
  while (at(addDays(dueDate, step * every)) <= after) step += 1;
  const days = step * every;
  const escalateAt = Math.max(every, Math.ceil(policy.escalateAfterOverdueDays / every) * every);
  return { id: `OVERDUE-${days}`, kind: 'OVERDUE', at: at(addDays(dueDate, days)), days, escalate: days >= escalateAt };
}
