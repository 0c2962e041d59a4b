import { resolveCalendar } from './fiscal-calendar';
import { PlanStage } from './plan-stage';
import { Remedy, remedyFor, stageDeadline } from './stage-deadline';
import { DEFAULT_TIMELINE_POLICY } from './timeline-policy';
import { holidaySet } from './working-days';

// Budget year 2027 of a kota, worked on in 2026: mapping 31 Jan, RKPD set 30 Jun,
// KUA-PPAS submitted by Tue 14 Jul and agreed by Fri 14 Aug (all checked on a 2026 calendar).
const calendar = resolveCalendar(2027, 'REGENCY', { national: [], regional: [] });
const WIB = 420;
const WIT = 540;
// Pancasila day, a Monday in 2026, stands in for the holiday data.
const holidays = holidaySet(['2026-06-01']);
const policy = DEFAULT_TIMELINE_POLICY;

describe('stageDeadline', () => {
  it('takes the milestone when it comes before the service period ends', () => {
    // Thu 25 Jun 10:00 WIB + 10 working days = Thu 9 Jul, later than the RKPD on 30 Jun.
    const deadline = stageDeadline({
      stage: PlanStage.BAPPEDA_REVIEW,
      enteredAt: new Date('2026-06-25T03:00:00Z'),
      calendar,
      holidays,
      policy,
      utcOffsetMinutes: WIB,
    });
    expect(deadline).toMatchObject({
      basis: 'MILESTONE',
      dueDate: '2026-06-30',
      dueAt: '2026-06-30T16:59:59.999Z',
      serviceDueDate: '2026-07-09',
      milestone: { code: 'RKPD_SET', date: '2026-06-30' },
    });
    expect(deadline.missedMilestone).toBeUndefined();
  });

  it('takes the service period when it ends first, skipping holidays and weekends', () => {
    // From Mon 1 Jun (a holiday): 2,3,4,5,8,9,10,11,12,15 Jun.
    const deadline = stageDeadline({
      stage: PlanStage.BAPPEDA_REVIEW,
      enteredAt: new Date('2026-06-01T02:00:00Z'),
      calendar,
      holidays,
      policy,
      utcOffsetMinutes: WIB,
    });
    expect(deadline).toMatchObject({ basis: 'SERVICE_PERIOD', dueDate: '2026-06-15', serviceWorkingDays: 10 });
  });

  it('ends the due day in the region’s own time zone', () => {
    const deadline = stageDeadline({
      stage: PlanStage.BAPPEDA_REVIEW,
      enteredAt: new Date('2026-06-25T03:00:00Z'),
      calendar,
      holidays,
      policy,
      utcOffsetMinutes: WIT,
    });
    expect(deadline.dueAt).toBe('2026-06-30T14:59:59.999Z');
  });

  it('counts the service period from the local date of entry', () => {
    // 18:00Z on Fri 12 Jun is already Sat 13 Jun in WIB: counting starts from Saturday.
    const fridayEvening = stageDeadline({
      stage: PlanStage.VERIFICATION,
      enteredAt: new Date('2026-06-12T18:00:00Z'),
      calendar,
      holidays,
      policy,
      utcOffsetMinutes: WIB,
    });
    // 5 working days after Sat 13 Jun: 15,16,17,18,19 Jun.
    expect(fridayEvening.serviceDueDate).toBe('2026-06-19');
  });

  it('falls back to the service period and names the remedy when the RKPD is already set', () => {
    const july = stageDeadline({
      stage: PlanStage.BAPPEDA_REVIEW,
      enteredAt: new Date('2026-07-06T02:00:00Z'),
      calendar,
      holidays,
      policy,
      utcOffsetMinutes: WIB,
    });
    expect(july).toMatchObject({ basis: 'SERVICE_PERIOD', missedMilestone: { remedy: Remedy.DPRD_AGREEMENT_RECORD } });
    const september = stageDeadline({
      stage: PlanStage.HEAD_OF_REGION_APPROVAL,
      enteredAt: new Date('2026-09-01T02:00:00Z'),
      calendar,
      holidays,
      policy,
      utcOffsetMinutes: WIB,
    });
    expect(september.missedMilestone).toEqual({ remedy: Remedy.RKPD_AMENDMENT });
  });

  it('flags a late verification without a remedy: the plan only misses the initial RKPD draft', () => {
    const deadline = stageDeadline({
      stage: PlanStage.VERIFICATION,
      enteredAt: new Date('2026-02-10T02:00:00Z'),
      calendar,
      holidays,
      policy,
      utcOffsetMinutes: WIB,
    });
    expect(deadline.missedMilestone).toEqual({});
    expect(deadline.basis).toBe('SERVICE_PERIOD');
  });
});

it('keeps the milestone as due date when it passes while the stage is open, and names the remedy', () => {
  const deadline = stageDeadline({
    stage: PlanStage.BAPPEDA_REVIEW,
    enteredAt: new Date('2026-06-25T03:00:00Z'),
    at: new Date('2026-07-02T03:00:00Z'),
    calendar,
    holidays,
    policy,
    utcOffsetMinutes: WIB,
  });
  expect(deadline).toMatchObject({ basis: 'MILESTONE', dueDate: '2026-06-30', missedMilestone: { remedy: Remedy.DPRD_AGREEMENT_RECORD } });
});

describe('remedyFor', () => {
  it('needs nothing up to the end of the milestone day', () => {
    expect(remedyFor('RKPD_SET', new Date('2026-06-30T16:59:59.999Z'), calendar, WIB)).toBeUndefined();
    expect(remedyFor('RKPD_SET', new Date('2026-06-30T17:00:00.000Z'), calendar, WIB)).toBe(Remedy.DPRD_AGREEMENT_RECORD);
  });

  it('needs the RKPD amendment once the KUA-PPAS is agreed', () => {
    expect(remedyFor('KUA_PPAS_SUBMISSION', new Date('2026-08-07T16:00:00Z'), calendar, WIB)).toBe(Remedy.DPRD_AGREEMENT_RECORD);
    expect(remedyFor('KUA_PPAS_SUBMISSION', new Date('2026-08-07T17:00:00Z'), calendar, WIB)).toBe(Remedy.RKPD_AMENDMENT);
  });
});
