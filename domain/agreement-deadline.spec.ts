import { AGREEMENT_TASK_STAGES, DEFAULT_AGREEMENT_SERVICE_WORKING_DAYS, agreementStageDeadline } from './agreement-deadline';
import { holidaySet } from './working-days';

describe('an agreement step’s due date', () => {
  it('has a service period for every stage that holds a task, the DPRD’s 45 working days among them', () => {
    for (const stage of AGREEMENT_TASK_STAGES) expect(DEFAULT_AGREEMENT_SERVICE_WORKING_DAYS[stage]).toBeGreaterThan(0);
    expect(DEFAULT_AGREEMENT_SERVICE_WORKING_DAYS.DPRD_APPROVAL).toBe(45);
    expect(AGREEMENT_TASK_STAGES).not.toContain('IMPLEMENTATION');
  });

  it('counts working days in the region’s zone, skipping weekends and decreed days off, due at the end of the day', () => {
    // Friday 2027-03-05 at 18:00 WIT (UTC+9) is still Friday there; 3 working days: Mon 8, (Tue 9 off), Wed 10, Thu 11.
    const deadline = agreementStageDeadline({
      stage: 'PKS_LEGAL_REVIEW',
      enteredAt: new Date('2027-03-05T09:00:00Z'),
      holidays: holidaySet(['2027-03-09']),
      serviceWorkingDays: { PKS_LEGAL_REVIEW: 3 },
      utcOffsetMinutes: 540,
    });
    expect(deadline).toMatchObject({ dueDate: '2027-03-11', basis: 'SERVICE_PERIOD', serviceWorkingDays: 3, dueAt: '2027-03-11T14:59:59.999Z' });
  });
});
