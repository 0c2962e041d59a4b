// When an agreement in force tells people its end nears: at 07:00 in the region's zone on
// each of the configured days before its end date (AGREEMENT_EXPIRY_REMINDER_DAYS, default
// 90, 60, 30, 7 and 0), then, on the end date, the evaluation opens. Pure: the workflow
// keeps which reminders went out, so a restart or a replay sends none twice.
import { addDays, localInstant, type LocalDate } from '../../domain/local-date';

export interface ExpiryReminder {
  daysBefore: number;
  /** ISO instant (real time). */
  at: string;
}

/** The reminders still to come after `from` (a reminder whose instant passed before signing is skipped). */
export function expiryReminders(endsOn: LocalDate, daysBefore: readonly number[], utcOffsetMinutes: number, hour: number, from: Date): ExpiryReminder[] {
  return [...new Set(daysBefore)]
    .sort((a, b) => b - a)
    .map((days) => ({ daysBefore: days, at: localInstant(addDays(endsOn, -days), hour, 0, utcOffsetMinutes) }))
    .filter(({ at, daysBefore: days }) => at.getTime() >= from.getTime() || days === 0)
    .map(({ daysBefore: days, at }) => ({ daysBefore: days, at: at.toISOString() }));
}
