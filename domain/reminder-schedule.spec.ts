import { nextReminder } from './reminder-schedule';
import { DEFAULT_TIMELINE_POLICY } from './timeline-policy';

const WIB = 420;
const policy = DEFAULT_TIMELINE_POLICY; // H-14, H-7, H-3, H-1, H-0; daily overdue; Sekda after 3 days

function walk(from: string, count: number, schedule = policy) {
  const reminders = [];
  let after = new Date(from);
  for (let i = 0; i < count; i += 1) {
    const reminder = nextReminder('2026-06-30', schedule, WIB, after);
    reminders.push({ id: reminder.id, at: reminder.at.toISOString(), escalate: reminder.escalate });
    after = reminder.at;
  }
  return reminders;
}

describe('nextReminder', () => {
  it('goes out at 07:00 WIB on the offset days, skipping those already past, then daily once overdue', () => {
    // 07:00 WIB is 00:00Z. From 20 Jun, H-14 (16 Jun) is past.
    expect(walk('2026-06-20T00:00:00Z', 8)).toEqual([
      { id: 'H-7', at: '2026-06-23T00:00:00.000Z', escalate: false },
      { id: 'H-3', at: '2026-06-27T00:00:00.000Z', escalate: false },
      { id: 'H-1', at: '2026-06-29T00:00:00.000Z', escalate: false },
      { id: 'H-0', at: '2026-06-30T00:00:00.000Z', escalate: false },
      { id: 'OVERDUE-1', at: '2026-07-01T00:00:00.000Z', escalate: false },
      { id: 'OVERDUE-2', at: '2026-07-02T00:00:00.000Z', escalate: false },
      { id: 'OVERDUE-3', at: '2026-07-03T00:00:00.000Z', escalate: true },
      { id: 'OVERDUE-4', at: '2026-07-04T00:00:00.000Z', escalate: true },
    ]);
  });

  it('is strictly after the given instant, so a reminder is never sent twice', () => {
    expect(nextReminder('2026-06-30', policy, WIB, new Date('2026-06-23T00:00:00Z')).id).toBe('H-3');
    expect(nextReminder('2026-06-30', policy, WIB, new Date('2026-06-22T23:59:59Z')).id).toBe('H-7');
  });

  it('jumps straight to the next overdue day after a long silence', () => {
    expect(nextReminder('2026-06-30', policy, WIB, new Date('2026-07-20T05:00:00Z')).id).toBe('OVERDUE-21');
  });

  it('marks overdue reminders from the escalation threshold on', () => {
    const everyOtherDay = { ...policy, overdueEveryDays: 2 };
    expect(walk('2026-06-30T01:00:00Z', 3, everyOtherDay)).toEqual([
      { id: 'OVERDUE-2', at: '2026-07-02T00:00:00.000Z', escalate: false },
      { id: 'OVERDUE-4', at: '2026-07-04T00:00:00.000Z', escalate: true },
      { id: 'OVERDUE-6', at: '2026-07-06T00:00:00.000Z', escalate: true },
    ]);
  });
});
