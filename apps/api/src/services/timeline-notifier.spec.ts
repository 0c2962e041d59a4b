import { Logger } from '@nestjs/common';
import type { SeasonProcessRepository } from '../repositories/season-process.repository';
import type { PlanCalendarSignals } from './plan-calendar-signals';
import { TimelineNotifier } from './timeline-notifier';

/** A fake of the Temporal side: which seasons run, and the signals sent. */
function fakeSeasons(running: Record<number, string[]>, failFor: string[] = []) {
  const signalled: string[] = [];
  const seasons = {
    runningRegions: async (budgetYear: number) => running[budgetYear] ?? [],
    signalCalendarChanged: async (regionCode: string, budgetYear: number) => {
      if (failFor.includes(regionCode)) throw new Error('Temporal unreachable');
      signalled.push(`${regionCode}/${budgetYear}`);
      return true;
    },
  };
  return { seasons: seasons as unknown as SeasonProcessRepository, signalled };
}

/** The plans' side is tested with PlanCalendarSignals; here it only has to answer. */
const noPlans = { calendarChanged: async () => 0 } as unknown as PlanCalendarSignals;

beforeAll(() => jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined));

describe('TimelineNotifier', () => {
  it("tells one region's season of its own change", async () => {
    const { seasons, signalled } = fakeSeasons({});
    await new TimelineNotifier(seasons, noPlans).calendarChanged('32.71', 2027);
    expect(signalled).toEqual(['32.71/2027']);
  });

  it('tells every running season of the year of a national change', async () => {
    const { seasons, signalled } = fakeSeasons({ 2027: ['32.71', '32.01'], 2028: ['32.71'] });
    await new TimelineNotifier(seasons, noPlans).nationalCalendarChanged(2027);
    expect(signalled.sort()).toEqual(['32.01/2027', '32.71/2027']);
  });

  it('tells the seasons of a national day off’s year and the next', async () => {
    const { seasons, signalled } = fakeSeasons({ 2026: ['32.01'], 2027: ['32.71'], 2028: ['32.04'] });
    await new TimelineNotifier(seasons, noPlans).dayOffChanged('2026-12-24');
    expect(signalled.sort()).toEqual(['32.01/2026', '32.71/2027']);
  });

  it("tells only the region's seasons and plans of a region's own day off", async () => {
    const { seasons, signalled } = fakeSeasons({ 2026: ['32.01'], 2027: ['32.71', '32.01'] });
    const scopes: unknown[] = [];
    const plans = { calendarChanged: async (scope: unknown) => scopes.push(scope) } as unknown as PlanCalendarSignals;
    await new TimelineNotifier(seasons, plans).dayOffChanged('2026-06-03', '32.71');
    expect(signalled.sort()).toEqual(['32.71/2026', '32.71/2027']);
    expect(scopes).toEqual([{ regionCode: '32.71' }]);
  });

  it('never fails the change already stored when a message cannot be sent', async () => {
    const { seasons, signalled } = fakeSeasons({ 2027: ['32.71', '32.01'] }, ['32.71']);
    await expect(new TimelineNotifier(seasons, noPlans).nationalCalendarChanged(2027)).resolves.toBeUndefined();
    expect(signalled).toEqual(['32.01/2027']);
    const unreachable = { runningRegions: () => Promise.reject(new Error('down')) } as unknown as SeasonProcessRepository;
    await expect(new TimelineNotifier(unreachable, noPlans).nationalCalendarChanged(2027)).resolves.toBeUndefined();
  });
});
