import { expiryReminders } from './expiry-calendar';

const WIB = 420;
const WIT = 540;

describe('expiry reminders', () => {
  it('fall at 07:00 in the region’s zone, 90, 60, 30, 7 and 0 days before the end, latest last', () => {
    const reminders = expiryReminders('2032-01-31', [0, 7, 30, 60, 90], WIB, 7, new Date('2027-02-01T00:00:00Z'));
    expect(reminders).toEqual([
      { daysBefore: 90, at: '2031-11-02T00:00:00.000Z' },
      { daysBefore: 60, at: '2031-12-02T00:00:00.000Z' },
      { daysBefore: 30, at: '2032-01-01T00:00:00.000Z' },
      { daysBefore: 7, at: '2032-01-24T00:00:00.000Z' },
      { daysBefore: 0, at: '2032-01-31T00:00:00.000Z' },
    ]);
    expect(expiryReminders('2032-01-31', [0], WIT, 7, new Date('2027-02-01T00:00:00Z'))[0].at).toBe('2032-01-30T22:00:00.000Z');
  });

  it('skip the ones already past when signed late, but always keep the day itself', () => {
    const reminders = expiryReminders('2027-03-01', [90, 60, 30, 7, 0], WIB, 7, new Date('2027-02-10T00:00:00Z'));
    expect(reminders.map((r) => r.daysBefore)).toEqual([7, 0]);
    expect(expiryReminders('2020-01-01', [30, 0], WIB, 7, new Date('2027-02-10T00:00:00Z')).map((r) => r.daysBefore)).toEqual([0]);
  });
});
