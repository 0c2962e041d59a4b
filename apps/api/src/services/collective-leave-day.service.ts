// Collective leave days (cuti bersama): set each year by joint ministerial decree, not
// in the holiday library, so entered by hand. They are days off in every region.
import { Injectable } from '@nestjs/common';
import { requireNationalCalendarRights } from '../../../../domain/access-policy';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import type { AuthContext } from '../../../../domain/auth-context';
import { Conflict, NotFound, ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import { AuditRepository } from '../../../../persistence/audit.repository';
import { CalendarRepository, type CollectiveLeaveDayRecord } from '../../../../persistence/calendar.repository';
import { budgetYearViolations, dateViolations } from './calendar-input';
import { TimelineNotifier } from './timeline-notifier';

const LEAVE_DAY = { id: 'Hari cuti bersama', en: 'Collective leave day' };

function snapshot(day: CollectiveLeaveDayRecord | null) {
  return day && { date: day.date, description: day.description };
}

@Injectable()
export class CollectiveLeaveDayService {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly audit: AuditRepository,
    private readonly timelines: TimelineNotifier,
  ) {}

  /** Every logged-in user may read them: they move everyone's deadlines. */
  list(year?: string) {
    if (year === undefined) return this.calendars.leaveDays();
    const violations = budgetYearViolations(year).map((v) => ({ ...v, field: 'year' }));
    if (violations.length) throw new ValidationFailed(violations);
    return this.calendars.leaveDays({ from: `${year}-01-01`, to: `${year}-12-31` });
  }

  async add(auth: AuthContext, input: { date: string; description: string }): Promise<CollectiveLeaveDayRecord> {
    requireNationalCalendarRights(auth);
    const violations = dateViolations(input.date);
    const description = input.description.trim();
    if (!description) {
      violations.push({ field: 'description', reason: 'REQUIRED', message: text('Keterangan wajib diisi.', 'A description is required.') });
    }
    if (violations.length) throw new ValidationFailed(violations);
    const created = await this.calendars.addLeaveDay({ date: input.date, description, createdBy: auth.username }, (db, before, after) =>
      this.audit.record(
        auth,
        {
          action: AuditAction.COLLECTIVE_LEAVE_DAY_ADDED,
          entity: AuditEntity.COLLECTIVE_LEAVE_DAY,
          entityId: input.date,
          before: snapshot(before),
          after: snapshot(after),
        },
        db,
      ),
    );
    if (!created) {
      throw new Conflict(
        'COLLECTIVE_LEAVE_DAY_EXISTS',
        text(`Tanggal ${input.date} sudah tercatat sebagai cuti bersama.`, `${input.date} is already a collective leave day.`),
      );
    }
    await this.timelines.leaveDayChanged(input.date);
    return created;
  }

  async remove(auth: AuthContext, date: string): Promise<void> {
    requireNationalCalendarRights(auth);
    const violations = dateViolations(date);
    if (violations.length) throw new ValidationFailed(violations);
    const removed = await this.calendars.removeLeaveDay(date, (db, before) =>
      this.audit.record(
        auth,
        { action: AuditAction.COLLECTIVE_LEAVE_DAY_REMOVED, entity: AuditEntity.COLLECTIVE_LEAVE_DAY, entityId: date, before: snapshot(before) },
        db,
      ),
    );
    if (!removed) throw new NotFound(LEAVE_DAY, date);
    await this.timelines.leaveDayChanged(date);
  }
}
