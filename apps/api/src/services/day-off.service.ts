// Days off: each year's national holidays and collective leave, from the year's decree
// (SKB) as shipped, or computed by the holiday library until the decree is entered; the
// calendar keeper adds and removes national days of any year, a region's admins its own
// days. Every change is audited and reschedules the running plans it may move.
import { Injectable } from '@nestjs/common';
import { requireAdmin, requireNationalCalendarRights } from '../../../../domain/access-policy';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import type { AuthContext } from '../../../../domain/auth-context';
import { DAY_OFF_KINDS, DayOffKind, NATIONAL_DAY_OFF_KINDS, type DayOff, type DayOffDecree, type YearDaysOff } from '../../../../domain/day-off';
import { Conflict, NotFound, ValidationFailed } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import type { Violation } from '../../../../domain/violation';
import { AuditRepository } from '../../../../persistence/audit.repository';
import { CalendarRepository, NATIONAL } from '../../../../persistence/calendar.repository';
import { RegionRepository } from '../../../../persistence/region.repository';
import { budgetYearViolations, dateViolations, regionCodeViolations } from './calendar-input';
import { TimelineNotifier } from './timeline-notifier';

const DAY_OFF = { id: 'Hari libur', en: 'Day off' };
const REGION = { id: 'Wilayah', en: 'Region' };
const DECREE = { id: 'SKB hari libur tahun', en: 'Days-off decree of the year' };

export interface DecreeInput {
  number: string;
  verified: boolean;
  note?: string;
}

export interface DayOffInput {
  date: string;
  kind: string;
  description: string;
  regionCode?: string;
}

function snapshot(day: DayOff | null) {
  return day && { date: day.date, kind: day.kind, description: day.description, source: day.source, decree: day.decree, regionCode: day.regionCode };
}

function throwIfAny(violations: Violation[]): void {
  if (violations.length) throw new ValidationFailed(violations);
}

@Injectable()
export class DayOffService {
  constructor(
    private readonly calendars: CalendarRepository,
    private readonly regions: RegionRepository,
    private readonly audit: AuditRepository,
    private readonly timelines: TimelineNotifier,
  ) {}

  /** Every logged-in user may read them: they move everyone's deadlines. */
  async year(rawYear: string, regionCode?: string): Promise<YearDaysOff> {
    throwIfAny([...budgetYearViolations(rawYear).map((v) => ({ ...v, field: 'year' })), ...(regionCode ? regionCodeViolations(regionCode) : [])]);
    return this.calendars.yearDaysOff(Number(rawYear), regionCode || undefined);
  }

  async add(auth: AuthContext, input: DayOffInput): Promise<DayOff> {
    const regionCode = input.regionCode?.trim() || NATIONAL;
    const description = input.description.trim();
    const violations = [...dateViolations(input.date), ...(regionCode ? regionCodeViolations(regionCode) : [])];
    if (!(DAY_OFF_KINDS as readonly string[]).includes(input.kind)) {
      violations.push({
        field: 'kind',
        reason: 'UNKNOWN_KIND',
        message: text(`Jenis hari libur '${input.kind}' tidak dikenal.`, `Unknown kind of day off '${input.kind}'.`),
      });
    } else if (regionCode && input.kind !== DayOffKind.LIBUR_DAERAH) {
      violations.push({
        field: 'kind',
        reason: 'NOT_ALLOWED',
        message: text('Hari libur sebuah wilayah berjenis LIBUR_DAERAH.', "A region's own day off is of kind LIBUR_DAERAH."),
      });
    } else if (!regionCode && !NATIONAL_DAY_OFF_KINDS.includes(input.kind as DayOffKind)) {
      violations.push({
        field: 'kind',
        reason: 'NOT_ALLOWED',
        message: text('Hari libur nasional berjenis LIBUR_NASIONAL atau CUTI_BERSAMA.', 'A national day off is LIBUR_NASIONAL or CUTI_BERSAMA.'),
      });
    }
    if (!description) violations.push({ field: 'description', reason: 'REQUIRED', message: text('Keterangan wajib diisi.', 'A description is required.') });
    throwIfAny(violations);
    await this.requireRights(auth, regionCode);
    const created = await this.calendars.addDayOff(
      { regionCode, date: input.date, kind: input.kind as DayOffKind, description, decree: null, verified: false, createdBy: auth.username },
      (db, before, after) => this.record(auth, AuditAction.DAY_OFF_ADDED, regionCode, input.date, before, after, db),
    );
    if (!created) {
      throw new Conflict('DAY_OFF_EXISTS', text(`Tanggal ${input.date} sudah tercatat sebagai hari libur.`, `${input.date} is already a day off.`));
    }
    await this.timelines.dayOffChanged(input.date, regionCode || undefined);
    return created;
  }

  /** Removes a national day (regionCode unset) of any year, the decree's and the library's too, or a region's own. */
  async remove(auth: AuthContext, date: string, rawRegionCode?: string): Promise<DayOff> {
    const regionCode = rawRegionCode?.trim() || NATIONAL;
    throwIfAny([...dateViolations(date), ...(regionCode ? regionCodeViolations(regionCode) : [])]);
    await this.requireRights(auth, regionCode);
    let libraryDay: { description: string; createdBy: string } | null = null;
    if (!regionCode) {
      const effective = await this.calendars.yearDaysOff(Number(date.slice(0, 4)));
      const day = effective.days.find((d) => d.date === date && d.source === 'LIBRARY');
      if (day) libraryDay = { description: day.description, createdBy: auth.username };
    }
    const removed = await this.calendars.removeDayOff({ regionCode, date }, libraryDay, (db, before, after) =>
      this.record(auth, AuditAction.DAY_OFF_REMOVED, regionCode, date, before, after, db),
    );
    if (!removed) throw new NotFound(DAY_OFF, regionCode ? `${regionCode}/${date}` : date);
    await this.timelines.dayOffChanged(date, regionCode || undefined);
    return removed;
  }

  /**
   * Enters or corrects a year's decree (number, whether checked against the published
   * copy): the year becomes OFFICIAL, its days only the stored ones. The keeper's only.
   */
  async setDecree(auth: AuthContext, rawYear: string, input: DecreeInput): Promise<DayOffDecree> {
    const number = input.number.trim();
    throwIfAny([
      ...budgetYearViolations(rawYear).map((v) => ({ ...v, field: 'year' })),
      ...(number ? [] : [{ field: 'number', reason: 'REQUIRED', message: text('Nomor SKB wajib diisi.', 'The decree number is required.') }]),
    ]);
    requireNationalCalendarRights(auth);
    const year = Number(rawYear);
    const decree = await this.calendars.setDecree({ year, number, verified: input.verified, note: input.note?.trim() || null }, (db, before, after) =>
      this.audit.record(auth, { action: AuditAction.DAY_OFF_DECREE_SET, entity: AuditEntity.DAY_OFF_DECREE, entityId: rawYear, before, after }, db),
    );
    await this.timelines.dayOffChanged(`${rawYear}-01-01`);
    return decree;
  }

  /** Takes a year's decree away: the year is PROVISIONAL again (library dates and the keeper's days). */
  async removeDecree(auth: AuthContext, rawYear: string): Promise<void> {
    throwIfAny(budgetYearViolations(rawYear).map((v) => ({ ...v, field: 'year' })));
    requireNationalCalendarRights(auth);
    const removed = await this.calendars.removeDecree(Number(rawYear), (db, before) =>
      this.audit.record(auth, { action: AuditAction.DAY_OFF_DECREE_REMOVED, entity: AuditEntity.DAY_OFF_DECREE, entityId: rawYear, before }, db),
    );
    if (!removed) throw new NotFound(DECREE, rawYear);
    await this.timelines.dayOffChanged(`${rawYear}-01-01`);
  }

  private async requireRights(auth: AuthContext, regionCode: string): Promise<void> {
    if (!regionCode) return requireNationalCalendarRights(auth);
    requireAdmin(auth, regionCode);
    if (!(await this.regions.findByCode(regionCode))) throw new NotFound(REGION, regionCode);
  }

  private record(
    auth: AuthContext,
    action: AuditAction,
    regionCode: string,
    date: string,
    before: DayOff | null,
    after: DayOff | null,
    db: Parameters<AuditRepository['record']>[2],
  ) {
    return this.audit.record(
      auth,
      {
        action,
        entity: AuditEntity.DAY_OFF,
        entityId: regionCode ? `${regionCode}/${date}` : date,
        before: snapshot(before),
        after: snapshot(after),
        ...(regionCode && { regionCode }),
      },
      db,
    );
  }
}
