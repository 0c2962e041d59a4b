import type { CalendarScope, OpenPlanWorkflowRepository } from '../repositories/open-plan-workflow.repository';
import { PlanCalendarSignals } from './plan-calendar-signals';

function fakeWorkflows(ids: string[], outcome: (id: string) => boolean | Error) {
  const scopes: CalendarScope[] = [];
  const signalled: string[] = [];
  const repository = {
    inReview: async (scope: CalendarScope) => {
      scopes.push(scope);
      return ids;
    },
    signalCalendarChanged: async (id: string) => {
      signalled.push(id);
      const result = outcome(id);
      if (result instanceof Error) throw result;
      return result;
    },
  } as unknown as OpenPlanWorkflowRepository;
  return { repository, scopes, signalled };
}

describe('PlanCalendarSignals', () => {
  it('tells every plan under review in the scope and counts those still running', async () => {
    const fake = fakeWorkflows(['cooperation-plan-a', 'cooperation-plan-b', 'cooperation-plan-c'], (id) => id !== 'cooperation-plan-b');
    const told = await new PlanCalendarSignals(fake.repository).calendarChanged({ regionCode: '32.71', budgetYear: 2027 });
    expect(fake.scopes).toEqual([{ regionCode: '32.71', budgetYear: 2027 }]);
    expect(fake.signalled).toEqual(['cooperation-plan-a', 'cooperation-plan-b', 'cooperation-plan-c']);
    expect(told).toBe(2);
  });

  it('still tells the others when one signal fails, so a calendar edit never fails for it', async () => {
    const fake = fakeWorkflows(['cooperation-plan-a', 'cooperation-plan-b'], (id) => (id === 'cooperation-plan-a' ? new Error('unavailable') : true));
    await expect(new PlanCalendarSignals(fake.repository).calendarChanged({})).resolves.toBe(1);
    expect(fake.signalled).toEqual(['cooperation-plan-a', 'cooperation-plan-b']);
  });
});
