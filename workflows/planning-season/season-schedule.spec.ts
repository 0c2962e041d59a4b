import { DEFAULT_TIMELINE_POLICY } from '../../domain/timeline-policy';
import type { SeasonTimeline } from './definitions';
import { SeasonSchedule, type SeasonAction } from './season-schedule';

// Kota Bogor (WIB, UTC+7), budget year 2028: mapping deadline Sunday 31 January 2027, so
// it passes at 2027-01-31T17:00Z; the APBD is enacted 31 December 2027.
const timeline = (overrides: Partial<SeasonTimeline> = {}): SeasonTimeline => ({
  policy: { ...DEFAULT_TIMELINE_POLICY, seasonReminderOffsetsDays: [30, 14, 7, 3, 1], digestEveryDays: 7 },
  timeZone: 'Asia/Jakarta',
  mappingDeadline: '2027-01-31',
  mappingDeadlineAt: '2027-01-31T17:00:00.000Z',
  seasonEnd: '2027-12-31',
  seasonEndsAt: '2027-12-31T17:00:00.000Z',
  // Tuesday 1 December 2026, 10:00 WIB.
  now: '2026-12-01T03:00:00.000Z',
  ...overrides,
});
const at = (iso: string) => new Date(iso);
const CLOCK = 1_000_000;

function started(t: SeasonTimeline = timeline()): SeasonSchedule {
  const season = new SeasonSchedule('32.71', 2028, undefined);
  season.setTimeline(t, CLOCK);
  return season;
}

/** Plays every action due at `now`, as the workflow does. */
function play(season: SeasonSchedule, now: Date, dispatched = 2): SeasonAction[] {
  const actions = season.due(now);
  for (const action of actions) {
    if (action.kind === 'reminder') season.recordReminder(action, dispatched);
    else if (action.kind === 'lapse') season.recordLapse(action);
    else season.recordDigest(action);
  }
  return actions;
}

describe('the season schedule', () => {
  it('puts each reminder at 07:00 WIB n days before the deadline, and digests weekly from the start date', () => {
    const season = started();
    expect([30, 14, 7, 3, 1, 0].map((n) => season.reminderAt(n).toISOString())).toEqual([
      '2027-01-01T00:00:00.000Z',
      '2027-01-17T00:00:00.000Z',
      '2027-01-24T00:00:00.000Z',
      '2027-01-28T00:00:00.000Z',
      '2027-01-30T00:00:00.000Z',
      '2027-01-31T00:00:00.000Z', // H-0: the morning of the deadline day
    ]);
    expect([1, 2, 5].map((n) => season.digestAt(n).toISOString())).toEqual([
      '2026-12-08T00:00:00.000Z',
      '2026-12-15T00:00:00.000Z',
      '2027-01-05T00:00:00.000Z',
    ]);
  });

  it('reads 07:00 in the region’s own zone (WITA is UTC+8)', () => {
    const season = started(timeline({ timeZone: 'Asia/Makassar', mappingDeadlineAt: '2027-01-31T16:00:00.000Z' }));
    expect(season.reminderAt(1).toISOString()).toBe('2027-01-29T23:00:00.000Z');
  });

  it('has nothing due at the start and wakes for the first digest, then the first reminder', () => {
    const season = started();
    const now = at('2026-12-01T03:00:00.000Z');
    expect(season.due(now)).toEqual([]);
    expect(season.nextWakeAt(now).toISOString()).toBe('2026-12-08T00:00:00.000Z');
    expect(season.status(CLOCK, false)).toMatchObject({
      loaded: true,
      mappingDeadline: '2027-01-31',
      nextReminder: { offsetDays: 30, at: '2027-01-01T00:00:00.000Z' },
      nextDigest: { number: 1, at: '2026-12-08T00:00:00.000Z' },
      sentKeys: 0,
    });
  });

  it('runs a whole season on time: each reminder once, in order, digests numbered, nothing after the end', () => {
    const season = started();
    const sent: string[] = [];
    let now = at('2026-12-01T03:00:00.000Z');
    while (!season.isOver(now)) {
      for (const action of play(season, now)) {
        if (action.kind === 'lapse') throw new Error('nothing lapses on time');
        sent.push(action.kind === 'reminder' ? `H-${action.offsetDays}@${now.toISOString().slice(0, 10)}` : `D${action.number}`);
        if (action.kind === 'reminder') expect(action.skippedOffsets).toEqual([]);
        else expect(action.skippedNumbers).toEqual([]);
      }
      now = season.nextWakeAt(now);
    }
    const reminders = sent.filter((s) => s.startsWith('H-'));
    expect(reminders).toEqual(['H-30@2027-01-01', 'H-14@2027-01-17', 'H-7@2027-01-24', 'H-3@2027-01-28', 'H-1@2027-01-30']);
    const digests = sent.filter((s) => s.startsWith('D'));
    // 1 December 2026 + 56 × 7 days = 28 December 2027, the last before the end on the 31st.
    expect(digests).toEqual(Array.from({ length: 56 }, (_, i) => `D${i + 1}`));
    expect(now.toISOString()).toBe('2027-12-31T17:00:00.000Z');
    expect(season.status(CLOCK, true)).toMatchObject({ remindersSent: [30, 14, 7, 3, 1], digestsSent: 56, sentKeys: 5 * 2 + 56 });
  });

  it('starting late sends the nearest passed reminder at once and skips the older ones', () => {
    // Wednesday 20 January 2027, 10:00 WIB: H-30 (1 Jan) and H-14 (17 Jan) have passed.
    const season = started(timeline({ now: '2027-01-20T03:00:00.000Z' }));
    const now = at('2027-01-20T03:00:00.000Z');
    const [reminder] = play(season, now);
    expect(reminder).toMatchObject({ kind: 'reminder', offsetDays: 14, skippedOffsets: [30] });
    expect(season.due(now)).toEqual([]);
    expect(season.nextReminder(now)).toEqual({ offsetDays: 7, at: at('2027-01-24T00:00:00.000Z') });
    expect(season.daysLeft(now)).toBe(11);
  });

  it('sends no reminder once the deadline has passed, but keeps the digests', () => {
    const season = started(timeline({ now: '2027-02-02T03:00:00.000Z' }));
    const now = at('2027-02-02T03:00:00.000Z');
    expect(play(season, now)).toEqual([{ kind: 'lapse', offsets: [30, 14, 7, 3, 1] }]);
    expect(season.due(now)).toEqual([]);
    expect(season.nextReminder(now)).toBeUndefined();
    expect(season.nextWakeAt(now).toISOString()).toBe('2027-02-09T00:00:00.000Z');
    expect(season.status(CLOCK, false)).toMatchObject({ remindersSent: [], remindersSkipped: [30, 14, 7, 3, 1] });
  });

  it('lets the reminders still unsent lapse when the deadline passes, e.g. while the workers were down', () => {
    const season = started();
    play(season, at('2027-01-24T00:00:00.000Z')); // H-7 (H-30 and H-14 skipped)
    const [lapse] = play(season, at('2027-02-01T00:00:00.000Z'));
    expect(lapse).toEqual({ kind: 'lapse', offsets: [3, 1] });
    expect(season.status(CLOCK, false)).toMatchObject({ remindersSent: [7], remindersSkipped: [30, 14, 3, 1] });
  });

  it('reschedules the remaining reminders when the deadline moves earlier', () => {
    const season = started();
    play(season, at('2027-01-01T00:00:00.000Z')); // H-30 and digests 1–4
    // On 5 January the deadline moves to 10 January: H-14 (27 Dec) and H-7 (3 Jan) lie behind.
    const now = at('2027-01-05T03:00:00.000Z');
    season.setTimeline(timeline({ mappingDeadline: '2027-01-10', mappingDeadlineAt: '2027-01-10T17:00:00.000Z', now: now.toISOString() }), CLOCK + 5);
    expect(season.nextReminder(now)).toEqual({ offsetDays: 7, at: at('2027-01-03T00:00:00.000Z') }); // due already
    const [reminder] = play(season, now);
    expect(reminder).toMatchObject({ kind: 'reminder', offsetDays: 7, skippedOffsets: [14] });
    expect(season.nextReminder(now)).toEqual({ offsetDays: 3, at: at('2027-01-07T00:00:00.000Z') });
  });

  it('moves the remaining reminders later when the deadline moves later, never resending one', () => {
    const season = started();
    play(season, at('2027-01-01T00:00:00.000Z'));
    const now = at('2027-01-02T03:00:00.000Z');
    season.setTimeline(timeline({ mappingDeadline: '2027-02-28', mappingDeadlineAt: '2027-02-28T17:00:00.000Z' }), CLOCK + 6);
    expect(season.due(now).filter((a) => a.kind === 'reminder')).toEqual([]);
    // H-30 of the new deadline (29 January) was sent already under the old one.
    expect(season.nextReminder(now)).toEqual({ offsetDays: 14, at: at('2027-02-14T00:00:00.000Z') });
  });

  it('after a gap sends only the latest digest and skips the missed numbers', () => {
    const season = started();
    play(season, at('2026-12-08T00:00:00.000Z'));
    const [digest] = play(season, at('2026-12-30T12:00:00.000Z'));
    expect(digest).toMatchObject({ kind: 'digest', number: 4, skippedNumbers: [2, 3] });
    expect(season.nextDigest(at('2026-12-30T12:00:00.000Z'))?.number).toBe(5);
  });

  it('keeps its first anchor: the timeline runs on the short test day and a reload does not pull it back', () => {
    const season = started(timeline({ policy: { ...timeline().policy, dayMs: 1000 } }));
    expect(season.now(CLOCK + 2500).toISOString()).toBe('2026-12-03T15:00:00.000Z');
    season.setTimeline(timeline({ policy: { ...timeline().policy, dayMs: 1000 }, now: '2026-12-01T03:00:05.000Z' }), CLOCK + 5000);
    expect(season.now(CLOCK + 5000).toISOString()).toBe('2026-12-06T03:00:00.000Z');
    // 1 December 10:00 WIB to 8 December 07:00 WIB is 6 7/8 days: 6875 ms on the short day.
    expect(season.delayUntil(season.digestAt(1), season.now(CLOCK))).toBe(6875);
  });

  it('continues as new from its counters, repeating nothing', () => {
    const first = started();
    play(first, at('2027-01-17T00:00:00.000Z')); // H-14 (H-30 skipped), digest 6
    const carried = first.carryOver();
    const next = new SeasonSchedule('32.71', 2028, carried);
    next.setTimeline(timeline({ now: '2027-01-18T00:00:00.000Z' }), CLOCK + 99);
    const now = at('2027-01-18T00:00:00.000Z');
    expect(next.due(now)).toEqual([]);
    expect(next.status(CLOCK + 99, false)).toMatchObject({
      remindersSent: [14],
      remindersSkipped: [30],
      digestsSent: 1,
      nextDigest: { number: 7 },
      nextReminder: { offsetDays: 7 },
      runs: 2,
    });
    // The anchor comes from the first run, not from the new load.
    expect(next.now(CLOCK).toISOString()).toBe('2026-12-01T03:00:00.000Z');
  });

  it('is over at the end of the enactment day', () => {
    const season = started();
    expect(season.isOver(at('2027-12-31T16:59:59.999Z'))).toBe(false);
    expect(season.isOver(at('2027-12-31T17:00:00.000Z'))).toBe(true);
    expect(season.due(at('2028-01-05T00:00:00.000Z'))).toEqual([]);
  });
});
