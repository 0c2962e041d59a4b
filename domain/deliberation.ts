// The coordination team's (TKKSD) deliberation: every member votes once; the stage's
// tally closes by a configurable rule, then the chair records the recommendation.
import type { Person } from './actor';
import { text, type BilingualText } from './message';

export const Vote = { APPROVE: 'APPROVE', REJECT: 'REJECT', ABSTAIN: 'ABSTAIN' } as const;
export type Vote = (typeof Vote)[keyof typeof Vote];
export const VOTES: readonly Vote[] = Object.values(Vote);

/** MAJORITY closes once more than half of all members agree (or all have voted); ALL waits for every member. */
export const ClosingRule = { MAJORITY: 'MAJORITY', ALL: 'ALL' } as const;
export type ClosingRule = (typeof ClosingRule)[keyof typeof ClosingRule];
export const CLOSING_RULES: readonly ClosingRule[] = Object.values(ClosingRule);

export const DeliberationOutcome = { PASS: 'PASS', FAIL: 'FAIL', TIE: 'TIE' } as const;
export type DeliberationOutcome = (typeof DeliberationOutcome)[keyof typeof DeliberationOutcome];

export const DELIBERATION_OUTCOME_LABELS: Record<DeliberationOutcome, BilingualText> = {
  PASS: text('Disetujui mayoritas', 'Passed by majority'),
  FAIL: text('Ditolak mayoritas', 'Failed by majority'),
  TIE: text('Suara berimbang', 'Tied'),
};

export interface Tally {
  approve: number;
  reject: number;
  abstain: number;
  notVoted: number;
}

export function tally(memberCount: number, votes: readonly Vote[]): Tally {
  const count = (vote: Vote) => votes.filter((v) => v === vote).length;
  return { approve: count(Vote.APPROVE), reject: count(Vote.REJECT), abstain: count(Vote.ABSTAIN), notVoted: memberCount - votes.length };
}

/** The outcome once the deliberation is closed under `rule`, or undefined while it is open. */
export function deliberationOutcome(rule: ClosingRule, memberCount: number, votes: readonly Vote[]): DeliberationOutcome | undefined {
  const t = tally(memberCount, votes);
  if (rule === ClosingRule.MAJORITY) {
    if (t.approve * 2 > memberCount) return DeliberationOutcome.PASS;
    if (t.reject * 2 > memberCount) return DeliberationOutcome.FAIL;
  }
  if (t.notVoted > 0) return undefined;
  if (t.approve > t.reject) return DeliberationOutcome.PASS;
  if (t.reject > t.approve) return DeliberationOutcome.FAIL;
  return DeliberationOutcome.TIE;
}

export interface CastVote {
  voter: Person;
  vote: Vote;
  comment?: string;
  castAt: string;
}

/** The coordination team's deliberation on the revision under review. */
export interface Deliberation {
  revision: number;
  rule: ClosingRule;
  members: Person[];
  votes: CastVote[];
  /** Set once the tally closes; the chair may then record the recommendation. */
  outcome?: DeliberationOutcome;
}

export interface VoteEvent {
  planId: string;
  revision: number;
  vote: CastVote;
  outcome?: DeliberationOutcome;
}

/** Who sits on a region's coordination team and how its tally closes. */
export interface DeliberationPanel {
  rule: ClosingRule;
  members: Person[];
}
