import { deliberationOutcome, tally, type Vote } from './deliberation';

const votes = (approve: number, reject: number, abstain = 0): Vote[] => [
  ...Array<Vote>(approve).fill('APPROVE'),
  ...Array<Vote>(reject).fill('REJECT'),
  ...Array<Vote>(abstain).fill('ABSTAIN'),
];

describe('deliberationOutcome', () => {
  it.each([
    // rule, members, approve, reject, abstain, outcome
    ['MAJORITY', 5, 3, 0, 0, 'PASS'],
    ['MAJORITY', 5, 0, 3, 0, 'FAIL'],
    ['MAJORITY', 5, 2, 2, 0, undefined],
    ['MAJORITY', 4, 2, 1, 0, undefined],
    ['MAJORITY', 4, 2, 2, 0, 'TIE'],
    ['MAJORITY', 4, 2, 1, 1, 'PASS'],
    ['MAJORITY', 3, 1, 1, 1, 'TIE'],
    ['ALL', 5, 4, 0, 0, undefined],
    ['ALL', 5, 4, 1, 0, 'PASS'],
    ['ALL', 5, 1, 4, 0, 'FAIL'],
    ['ALL', 4, 2, 2, 0, 'TIE'],
    ['ALL', 3, 0, 0, 3, 'TIE'],
  ] as const)('%s of %i members with %i for, %i against, %i abstaining: %s', (rule, members, approve, reject, abstain, outcome) => {
    expect(deliberationOutcome(rule, members, votes(approve, reject, abstain))).toBe(outcome);
  });

  it('counts who has not voted', () => {
    expect(tally(5, votes(1, 1, 1))).toEqual({ approve: 1, reject: 1, abstain: 1, notVoted: 2 });
  });
});
