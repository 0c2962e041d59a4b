import { ClosingRule, Vote } from '../../domain/deliberation';
import type { PlanContent } from '../../domain/plan-content';
import { PlanStage, type ReviewStage } from '../../domain/plan-stage';
import { ReviewOutcome, type ReviewDecision } from '../../domain/review-decision';
import { ROLE_LABELS, Role } from '../../domain/role';
import { type TaskCommand } from './definitions';
import { type DocumentSyncSummary } from '../../domain/planning-document';
import { TaskEventKind } from '../../domain/review-task';
import { TransitionAction, type PlanSubmission } from '../../domain/plan-transition';
import { type Actor } from '../../domain/actor';
import { PlanProcess, type OutboxItem } from './plan-process';
import { completePlanContent, factsForCompletePlan } from '../../test/support/plan-content-fixtures';

const actor = (userId: string, name: string, ...roles: Role[]): Actor => ({ userId, name, roles });

const OFFICER = actor('u-officer', 'Siti Rahma', Role.OFFICER);
const COLLEAGUE = actor('u-colleague', 'Dewi Lestari', Role.OFFICER);
const SECRETARIAT = actor('u-sec-1', 'Budi Santoso', Role.SECRETARIAT);
const SECRETARIAT_2 = actor('u-sec-2', 'Rina Wati', Role.SECRETARIAT);
const BAPPEDA = actor('u-bappeda', 'Agus Salim', Role.BAPPEDA);
const SEKDA = actor('u-sekda', 'Hendra Gunawan', Role.SEKDA, Role.TKKSD_MEMBER);
const HEAD = actor('u-head', 'Bima Arya', Role.HEAD_OF_REGION);
const TAPD = actor('u-tapd', 'Yuni Kartika', Role.TAPD);
const DPRD = actor('u-dprd', 'Sekretariat DPRD', Role.DPRD_LIAISON);
const MEMBERS = [
  actor('u-m1', 'Anggota Satu', Role.TKKSD_MEMBER),
  actor('u-m2', 'Anggota Dua', Role.TKKSD_MEMBER),
  actor('u-m3', 'Anggota Tiga', Role.TKKSD_MEMBER),
  actor('u-m4', 'Anggota Empat', Role.TKKSD_MEMBER),
];
const [M1, M2, M3, M4] = MEMBERS;
const person = (a: Actor) => ({ userId: a.userId, name: a.name });

const STAGE_ACTOR: Record<ReviewStage, Actor> = {
  VERIFICATION: SECRETARIAT,
  BAPPEDA_REVIEW: BAPPEDA,
  TKKSD_DELIBERATION: SEKDA,
  HEAD_OF_REGION_APPROVAL: HEAD,
  BUDGET_SIGNOFF: TAPD,
  DPRD_APPROVAL: DPRD,
  RKA_CONFIRMATION: TAPD,
};

const content = (overrides: Partial<PlanContent> = {}): PlanContent => completePlanContent(overrides);

const submission = (revision = 1, overrides: Partial<PlanContent> = {}, by: Actor = OFFICER): PlanSubmission => ({
  revision,
  draftVersion: 3,
  content: content(overrides),
  facts: factsForCompletePlan(),
  submittedBy: by.name,
  submitterId: by.userId,
});

/** A decision as the API sends it: by a named actor with their roles in the plan's region. */
const decision = (stage: ReviewStage, outcome: ReviewOutcome, comment?: string, by: Actor = STAGE_ACTOR[stage]): ReviewDecision & { actor: Actor } => ({
  stage,
  outcome,
  comment,
  decidedBy: by.name,
  actor: by,
  // TAPD's approval carries the KUA-PPAS placement.
  ...(stage === 'BUDGET_SIGNOFF' && outcome === 'APPROVE' && { placement: { ceiling: 500_000_000, fundingSource: 'APBD_BUDGETED' as const } }),
});

const sync = (activeLines = 1, withdrawnLines = 0): DocumentSyncSummary => ({
  documentKind: 'RKPD',
  documentId: 'doc-1',
  revision: 1,
  activeLines,
  withdrawnLines,
});

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute, 0));
const iso = (minute: number) => at(minute).toISOString();

/** Projects everything pending, as the workflow loop does, and returns what it projected. */
const drain = (plan: PlanProcess): OutboxItem[] => {
  const items: OutboxItem[] = [];
  for (let item = plan.nextUnprojected(); item; item = plan.nextUnprojected()) {
    items.push(item);
    plan.markProjected();
  }
  return items;
};

const command = (by: Actor, extra: Partial<TaskCommand> = {}): TaskCommand => ({ actor: by, ...extra });

/** Refuses or applies a task command, as the update's validator and handler do. */
const act = (plan: PlanProcess, kind: TaskEventKind, cmd: TaskCommand, minute = 30) => {
  const refusal = plan.refuseTaskCommand(kind, cmd);
  if (refusal) throw new Error(`${kind} refused: ${refusal.reason}`);
  return plan.applyTaskCommand(kind, cmd, at(minute));
};

/** Claims the open task for `by` unless someone holds it: only the assignee decides. */
const claimFor = (plan: PlanProcess, by: Actor, minute = 30) => {
  if (plan.status().task && !plan.status().task?.assignee) act(plan, TaskEventKind.CLAIMED, command(by), minute);
};

/** Claims (when unclaimed), then refuses or decides, as the decide update's validator and handler do. */
const decide = (plan: PlanProcess, d: ReviewDecision & { actor: Actor }, minute: number, requestId?: string) => {
  claimFor(plan, d.actor, minute);
  const refusal = plan.refuseDecision(d);
  if (refusal) throw new Error(`decision refused: ${refusal.reason}`);
  return plan.decide(d, at(minute), requestId);
};

const vote = (plan: PlanProcess, voter: Actor, v: Vote, minute = 40, comment?: string) => {
  const refusal = plan.refuseVote(voter);
  if (refusal) throw new Error(`vote refused: ${refusal.reason}`);
  return plan.castVote(voter, v, comment, at(minute));
};

const submitted = (by: Actor = OFFICER, overrides: Partial<PlanContent> = {}) => {
  const plan = new PlanProcess('plan-1');
  plan.submit(submission(1, overrides, by), at(1), 'submit-r1');
  return plan;
};

const atBappeda = (overrides: Partial<PlanContent> = {}) => {
  const plan = submitted(OFFICER, overrides);
  decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), 2);
  return plan;
};

/** At TKKSD_DELIBERATION with everything projected and, unless told otherwise, the panel open. */
const atDeliberation = (
  rule: ClosingRule = ClosingRule.MAJORITY,
  members: Actor[] = MEMBERS.slice(0, 3),
  open = true,
  overrides: Partial<PlanContent> = {},
) => {
  const plan = atBappeda(overrides);
  decide(plan, decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE), 3);
  drain(plan);
  if (open) plan.openDeliberation({ rule, members });
  return plan;
};

const atHeadOfRegion = (overrides: Partial<PlanContent> = {}) => {
  const plan = atDeliberation(ClosingRule.MAJORITY, [M1], true, overrides);
  vote(plan, M1, Vote.APPROVE);
  decide(plan, decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE), 4);
  return plan;
};

const atSignoff = (activeLines = 1, overrides: Partial<PlanContent> = {}) => {
  const plan = atHeadOfRegion(overrides);
  decide(plan, decision(PlanStage.HEAD_OF_REGION_APPROVAL, ReviewOutcome.APPROVE), 5);
  plan.completeDocumentSync(sync(activeLines), at(6));
  return plan;
};

describe('PlanProcess', () => {
  it('starts as an unsubmitted draft of revision 1 with nothing to project', () => {
    const plan = new PlanProcess('plan-1');
    expect(plan.currentStage).toBe(PlanStage.DRAFT);
    expect(plan.status()).toStrictEqual({
      planId: 'plan-1',
      stage: PlanStage.DRAFT,
      revision: 1,
      transitions: [],
      submission: undefined,
      lastDocumentSync: undefined,
      task: undefined,
      deliberation: undefined,
    });
    expect(plan.nextUnprojected()).toBeUndefined();
    expect(plan.outboxLength()).toBe(0);
    expect(plan.isProjectedUpTo(0)).toBe(true);
    expect(plan.isFinished()).toBe(false);
    expect(plan.needsDocumentSync()).toBe(false);
    expect(plan.needsDeliberationPanel()).toBe(false);
  });

  describe('the happy path through the TKKSD and the head of region', () => {
    it('records every transition, in order, from submission to COMPLETED', () => {
      const plan = new PlanProcess('plan-1');
      const sent = submission();
      expect(plan.refuseSubmission(sent)).toBeUndefined();
      plan.submit(sent, at(1), 'submit-r1');

      act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT), 2);
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, '  Lengkap  '), 3, 'decide-a');
      decide(plan, decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE, '   '), 4, 'decide-b');

      expect(plan.currentStage).toBe(PlanStage.TKKSD_DELIBERATION);
      expect(plan.needsDeliberationPanel()).toBe(false);
      drain(plan);
      expect(plan.needsDeliberationPanel()).toBe(true);
      plan.openDeliberation({ rule: ClosingRule.MAJORITY, members: MEMBERS.slice(0, 3) });
      expect(plan.needsDeliberationPanel()).toBe(false);

      vote(plan, M1, Vote.APPROVE, 5, ' Setuju ');
      expect(plan.refuseDecision(decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE))?.reason).toBe('DELIBERATION_OPEN');
      vote(plan, M2, Vote.APPROVE, 6);
      decide(plan, decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE, 'Direkomendasikan'), 7, 'decide-c');
      decide(plan, decision(PlanStage.HEAD_OF_REGION_APPROVAL, ReviewOutcome.APPROVE), 8, 'decide-d');

      expect(plan.currentStage).toBe(PlanStage.DOCUMENT_SYNC);
      expect(plan.needsDocumentSync()).toBe(false);
      drain(plan);
      expect(plan.needsDocumentSync()).toBe(true);
      plan.completeDocumentSync(sync(1), at(9));
      decide(plan, decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.APPROVE), 10, 'decide-e');
      // The placement is written to KUA-PPAS once the move is projected; no DPRD approval is needed.
      expect(plan.currentStage).toBe(PlanStage.RKA_CONFIRMATION);
      expect(plan.nextDocumentSync()).toBeUndefined();
      drain(plan);
      expect(plan.nextDocumentSync()).toMatchObject({ kind: 'KUA_PPAS', placement: { ceiling: 500_000_000, fundingSource: 'APBD_BUDGETED' } });
      plan.completePendingSync({ ...sync(1), documentKind: 'KUA_PPAS' });
      decide(plan, decision(PlanStage.RKA_CONFIRMATION, ReviewOutcome.APPROVE), 11, 'decide-f');
      drain(plan);
      expect(plan.isFinished()).toBe(false);
      expect(plan.nextDocumentSync()).toMatchObject({ kind: 'RKA', submission: sent });
      plan.completePendingSync(sync(1));
      expect(plan.isFinished()).toBe(true);

      const status = plan.status();
      expect(status.stage).toBe(PlanStage.COMPLETED);
      expect(status.revision).toBe(1);
      expect(status.submission).toEqual(sent);
      expect(status.lastDocumentSync).toEqual(sync(1));
      expect(status.task).toBeUndefined();
      expect(status.deliberation).toEqual({
        revision: 1,
        rule: 'MAJORITY',
        members: MEMBERS.slice(0, 3).map(person),
        votes: [
          { voter: person(M1), vote: 'APPROVE', comment: 'Setuju', castAt: iso(5) },
          { voter: person(M2), vote: 'APPROVE', comment: undefined, castAt: iso(6) },
        ],
        outcome: 'PASS',
      });
      const common = { revision: 1, resultingRevision: 1 };
      expect(status.transitions).toEqual([
        {
          ...common,
          sequence: 1,
          fromStage: 'DRAFT',
          toStage: 'VERIFICATION',
          action: 'SUBMIT',
          actor: 'Siti Rahma',
          actorId: 'u-officer',
          comment: undefined,
          occurredAt: iso(1),
          requestId: 'submit-r1',
        },
        {
          ...common,
          sequence: 2,
          fromStage: 'VERIFICATION',
          toStage: 'BAPPEDA_REVIEW',
          action: 'APPROVE',
          actor: 'Budi Santoso',
          actorId: 'u-sec-1',
          comment: 'Lengkap',
          occurredAt: iso(3),
          requestId: 'decide-a',
        },
        {
          ...common,
          sequence: 3,
          fromStage: 'BAPPEDA_REVIEW',
          toStage: 'TKKSD_DELIBERATION',
          action: 'APPROVE',
          actor: 'Agus Salim',
          actorId: 'u-bappeda',
          comment: undefined,
          occurredAt: iso(4),
          requestId: 'decide-b',
        },
        {
          ...common,
          sequence: 4,
          fromStage: 'TKKSD_DELIBERATION',
          toStage: 'HEAD_OF_REGION_APPROVAL',
          action: 'APPROVE',
          actor: 'Hendra Gunawan',
          actorId: 'u-sekda',
          comment: 'Direkomendasikan',
          occurredAt: iso(7),
          requestId: 'decide-c',
        },
        {
          ...common,
          sequence: 5,
          fromStage: 'HEAD_OF_REGION_APPROVAL',
          toStage: 'DOCUMENT_SYNC',
          action: 'APPROVE',
          actor: 'Bima Arya',
          actorId: 'u-head',
          comment: undefined,
          occurredAt: iso(8),
          requestId: 'decide-d',
        },
        {
          ...common,
          sequence: 6,
          fromStage: 'DOCUMENT_SYNC',
          toStage: 'BUDGET_SIGNOFF',
          action: 'SYNC_DOCUMENTS',
          actor: 'system',
          comment: undefined,
          occurredAt: iso(9),
          requestId: undefined,
        },
        {
          ...common,
          sequence: 7,
          fromStage: 'BUDGET_SIGNOFF',
          toStage: 'RKA_CONFIRMATION',
          action: 'APPROVE',
          actor: 'Yuni Kartika',
          actorId: 'u-tapd',
          comment: undefined,
          occurredAt: iso(10),
          requestId: 'decide-e',
        },
        {
          ...common,
          sequence: 8,
          fromStage: 'RKA_CONFIRMATION',
          toStage: 'COMPLETED',
          action: 'APPROVE',
          actor: 'Yuni Kartika',
          actorId: 'u-tapd',
          comment: undefined,
          occurredAt: iso(11),
          requestId: 'decide-f',
        },
      ]);
      expect(plan.isFinished()).toBe(true);
    });

    it.each([
      [PlanStage.TKKSD_DELIBERATION, ReviewOutcome.RETURN_FOR_REVISION, PlanStage.DRAFT, 2],
      [PlanStage.TKKSD_DELIBERATION, ReviewOutcome.REJECT, PlanStage.REJECTED, 1],
      [PlanStage.HEAD_OF_REGION_APPROVAL, ReviewOutcome.RETURN_FOR_REVISION, PlanStage.DRAFT, 2],
      [PlanStage.HEAD_OF_REGION_APPROVAL, ReviewOutcome.REJECT, PlanStage.REJECTED, 1],
    ] as const)('at %s a %s leads to %s and revision %i', (stage, outcome, to, revision) => {
      const plan = stage === PlanStage.TKKSD_DELIBERATION ? atDeliberation(ClosingRule.MAJORITY, [M1]) : atHeadOfRegion();
      if (stage === PlanStage.TKKSD_DELIBERATION) vote(plan, M1, Vote.REJECT);
      const transition = decide(plan, decision(stage, outcome, 'Alasan'), 20);
      expect(transition).toMatchObject({ fromStage: stage, toStage: to, action: outcome, revision: 1, resultingRevision: revision, comment: 'Alasan' });
      expect(plan.status().task).toBeUndefined();
    });

    it('returns each transition it records', () => {
      const plan = new PlanProcess('plan-1');
      const transition = plan.submit(submission(), at(1));
      expect(transition).toEqual(plan.status().transitions[0]);
      expect(transition.requestId).toBeUndefined();
    });

    it('records a rejection ground only when one is given', () => {
      const plan = submitted();
      const transition = plan.decide(
        { ...decision(PlanStage.VERIFICATION, ReviewOutcome.REJECT, 'Di luar kewenangan'), reasonCode: 'OUT_OF_AUTHORITY' as never },
        at(2),
      );
      expect(transition.reasonCode).toBe('OUT_OF_AUTHORITY');
      expect(Object.keys(submitted().decide(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), at(2)))).not.toContain('reasonCode');
    });
  });

  describe('return for revision', () => {
    const returned = () => {
      const plan = submitted();
      const transition = plan.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.RETURN_FOR_REVISION, ' Lengkapi rincian '), at(2), 'r');
      return { plan, transition };
    };

    it('goes back to DRAFT, opens revision 2 and closes the task', () => {
      const { plan, transition } = returned();
      expect(transition).toMatchObject({
        sequence: 2,
        fromStage: PlanStage.VERIFICATION,
        toStage: PlanStage.DRAFT,
        action: TransitionAction.RETURN_FOR_REVISION,
        revision: 1,
        resultingRevision: 2,
        comment: 'Lengkapi rincian',
      });
      expect(plan.currentStage).toBe(PlanStage.DRAFT);
      expect(plan.status().revision).toBe(2);
      expect(plan.status().task).toBeUndefined();
    });

    it('refuses a submission of revision 1 and accepts revision 2', () => {
      const { plan } = returned();
      expect(plan.refuseSubmission(submission(1))).toMatchObject({ field: 'revision', reason: 'REVISION_MISMATCH' });
      expect(plan.refuseSubmission(submission(3))?.reason).toBe('REVISION_MISMATCH');
      expect(plan.refuseSubmission(submission(1))?.message.en).toBe('Revision 1 does not apply: the revision being drafted is 2.');
      expect(plan.refuseSubmission(submission(2))).toBeUndefined();

      const resubmitted = plan.submit(submission(2), at(3), 'submit-r2');
      expect(resubmitted).toMatchObject({ sequence: 3, fromStage: 'DRAFT', toStage: 'VERIFICATION', revision: 2, resultingRevision: 2 });
      expect(plan.status().submission?.revision).toBe(2);
      // Versions run on across tasks: 1 for the first task, none for the DRAFT in between.
      expect(plan.status().task).toStrictEqual({ stage: 'VERIFICATION', openSequence: 3, candidateRole: 'SECRETARIAT', version: 2 });
    });
  });

  describe('submission refusals', () => {
    it('refuses a submission while the plan is not a draft, before checking the revision', () => {
      const plan = submitted();
      const refusal = plan.refuseSubmission(submission(1));
      expect(refusal).toMatchObject({ field: 'stage', reason: 'NOT_A_DRAFT' });
      expect(refusal?.message.en).toBe('The plan was already submitted and is at stage Verification by the cooperation secretariat.');
      expect(plan.refuseSubmission(submission(7))?.reason).toBe('NOT_A_DRAFT');
    });

    it('refuses incomplete content with its first content violation', () => {
      const plan = new PlanProcess('plan-1');
      expect(plan.refuseSubmission(submission(1, { title: '   ', lineItems: [] }))).toMatchObject({ field: 'title', reason: 'LENGTH' });
      expect(plan.refuseSubmission(submission(1, { lineItems: [] }))).toMatchObject({ field: 'lineItems', reason: 'REQUIRED' });
      expect(plan.currentStage).toBe(PlanStage.DRAFT);
      expect(plan.status().transitions).toEqual([]);
    });

    it('refuses a submission without its reference facts', () => {
      const plan = new PlanProcess('plan-1');
      expect(plan.refuseSubmission({ ...submission(), facts: undefined as never })).toMatchObject({ field: 'facts', reason: 'REQUIRED' });
    });
  });

  describe('decisions: stage and input', () => {
    it('answers decisions with the domain refusal for its current stage, before looking at the actor', () => {
      const plan = new PlanProcess('plan-1');
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE))?.reason).toBe('NOT_UNDER_REVIEW');
      plan.submit(submission(), at(1));
      expect(plan.refuseDecision(decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE))?.reason).toBe('STAGE_MISMATCH');
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.REJECT, ' '))?.reason).toBe('COMMENT_REQUIRED');
      // Bappeda may not decide at VERIFICATION, but the stage mismatch is the first answer.
      expect(plan.refuseDecision(decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE, undefined, BAPPEDA))?.reason).toBe('STAGE_MISMATCH');
    });

    it('refuses a decision at DOCUMENT_SYNC, which no person decides', () => {
      const plan = atHeadOfRegion();
      decide(plan, decision(PlanStage.HEAD_OF_REGION_APPROVAL, ReviewOutcome.APPROVE), 5);
      expect(plan.refuseDecision(decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.APPROVE))?.reason).toBe('NOT_UNDER_REVIEW');
    });
  });

  describe('separation of duties', () => {
    it.each([
      [PlanStage.VERIFICATION, 'Bappeda', 'SECRETARIAT', BAPPEDA],
      [PlanStage.VERIFICATION, 'an officer', 'SECRETARIAT', OFFICER],
      [PlanStage.BAPPEDA_REVIEW, 'the secretariat', 'BAPPEDA', SECRETARIAT],
      [PlanStage.TKKSD_DELIBERATION, 'a TKKSD member', 'SEKDA', M1],
      [PlanStage.HEAD_OF_REGION_APPROVAL, 'the Sekda', 'HEAD_OF_REGION', SEKDA],
      [PlanStage.BUDGET_SIGNOFF, 'the head of region', 'TAPD', HEAD],
    ] as const)('at %s refuses %s, who lacks the role %s', (stage, _label, role, who) => {
      const plan =
        stage === PlanStage.VERIFICATION
          ? submitted()
          : stage === PlanStage.BAPPEDA_REVIEW
            ? atBappeda()
            : stage === PlanStage.TKKSD_DELIBERATION
              ? atDeliberation()
              : stage === PlanStage.HEAD_OF_REGION_APPROVAL
                ? atHeadOfRegion()
                : atSignoff();
      expect(plan.refuseDecision(decision(stage, ReviewOutcome.APPROVE, undefined, who))).toEqual({
        field: 'actor',
        reason: 'ROLE_REQUIRED',
        message: {
          id: `Tindakan ini memerlukan peran ${ROLE_LABELS[role].id} di wilayah rencana.`,
          en: `This needs the ${ROLE_LABELS[role].en} role in the plan's region.`,
        },
      });
      expect(plan.refuseDecision(decision(stage, ReviewOutcome.APPROVE))?.reason).toBe(
        stage === PlanStage.TKKSD_DELIBERATION ? 'DELIBERATION_OPEN' : 'TASK_NOT_CLAIMED',
      );
    });

    it('never lets the submitter decide on their own plan, whatever roles they hold', () => {
      const submitterReviewer = actor('u-officer', 'Siti Rahma', Role.OFFICER, Role.SECRETARIAT);
      const plan = submitted(submitterReviewer);
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, undefined, submitterReviewer))).toEqual({
        field: 'actor',
        reason: 'OWN_PLAN',
        message: { id: 'Pengaju tidak boleh memutus rencananya sendiri.', en: 'The submitter of a plan never decides on it.' },
      });
      claimFor(plan, SECRETARIAT);
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE))).toBeUndefined();
    });

    it('refuses a decision on an unclaimed task, and lets only the assignee decide once it is claimed', () => {
      const plan = submitted();
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, undefined, SECRETARIAT_2))).toEqual({
        field: 'task',
        reason: 'TASK_NOT_CLAIMED',
        message: { id: 'Ambil tugas ini terlebih dahulu sebelum memutus rencana.', en: 'Claim this task before deciding on the plan.' },
      });

      act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, undefined, SECRETARIAT_2))).toEqual({
        field: 'task',
        reason: 'ASSIGNED_TO_OTHER',
        message: { id: 'Tugas ini sedang ditangani Budi Santoso.', en: 'This task is assigned to Budi Santoso.' },
      });
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, undefined, SECRETARIAT))).toBeUndefined();
    });

    it('checks the role before the assignment', () => {
      const plan = submitted();
      act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, undefined, BAPPEDA))?.reason).toBe('ROLE_REQUIRED');
    });

    it('hands the decision to the delegate while a task is delegated, and back after it is taken back', () => {
      const plan = submitted();
      act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
      act(plan, TaskEventKind.DELEGATED, command(SECRETARIAT, { to: SECRETARIAT_2 }));
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, undefined, SECRETARIAT))?.reason).toBe('ASSIGNED_TO_OTHER');
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, undefined, SECRETARIAT_2))).toBeUndefined();

      act(plan, TaskEventKind.TAKEN_BACK, command(SECRETARIAT));
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, undefined, SECRETARIAT_2))?.reason).toBe('ASSIGNED_TO_OTHER');
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, undefined, SECRETARIAT))).toBeUndefined();
    });
  });

  describe('the review task', () => {
    it('opens a task for the stage role with every move into a review stage (each claim counts a version too)', () => {
      const plan = submitted();
      expect(plan.status().task).toStrictEqual({ stage: 'VERIFICATION', openSequence: 1, candidateRole: 'SECRETARIAT', version: 1 });
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), 2);
      expect(plan.status().task).toStrictEqual({ stage: 'BAPPEDA_REVIEW', openSequence: 2, candidateRole: 'BAPPEDA', version: 3 });
      decide(plan, decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE), 3);
      expect(plan.status().task).toStrictEqual({ stage: 'TKKSD_DELIBERATION', openSequence: 3, candidateRole: 'SEKDA', version: 5 });

      const head = atHeadOfRegion();
      expect(head.status().task).toStrictEqual({ stage: 'HEAD_OF_REGION_APPROVAL', openSequence: 4, candidateRole: 'HEAD_OF_REGION', version: 7 });
      decide(head, decision(PlanStage.HEAD_OF_REGION_APPROVAL, ReviewOutcome.APPROVE), 5);
      expect(head.status().task).toBeUndefined();
      head.completeDocumentSync(sync(), at(6));
      expect(head.status().task).toStrictEqual({ stage: 'BUDGET_SIGNOFF', openSequence: 6, candidateRole: 'TAPD', version: 9 });
    });

    it('goes to the DPRD after the placement when the plan rules require its approval, and is returned from there', () => {
      const plan = atSignoff(1, { burdensCommunity: true });
      decide(plan, decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.APPROVE), 20);
      expect(plan.currentStage).toBe(PlanStage.DPRD_APPROVAL);
      expect(plan.status().task).toMatchObject({ stage: 'DPRD_APPROVAL', candidateRole: 'DPRD_LIAISON' });
      expect(plan.refuseDecision(decision(PlanStage.DPRD_APPROVAL, ReviewOutcome.APPROVE, undefined, TAPD))?.reason).toBe('ROLE_REQUIRED');
      const returned = decide(plan, decision(PlanStage.DPRD_APPROVAL, ReviewOutcome.RETURN_FOR_REVISION, 'DPRD belum menyetujui'), 21);
      expect(returned).toMatchObject({ toStage: 'DRAFT', resultingRevision: 2, comment: 'DPRD belum menyetujui' });
    });

    it('refuses a ceiling below what the plan asks', () => {
      const plan = atSignoff();
      const low = { ...decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.APPROVE), placement: { ceiling: 1, fundingSource: 'APBD_BUDGETED' as const } };
      expect(plan.refuseDecision(low)).toMatchObject({ field: 'placement.ceiling', reason: 'CEILING_BELOW_PLAN_COST' });
    });

    it('refuses every command while no task is open', () => {
      const draft = new PlanProcess('plan-1');
      for (const kind of Object.values(TaskEventKind)) {
        expect(draft.refuseTaskCommand(kind, command(SECRETARIAT, { to: SECRETARIAT_2, reason: 'x' }))).toEqual({
          field: 'stage',
          reason: 'NO_OPEN_TASK',
          message: { id: 'Tidak ada tugas peninjauan yang terbuka.', en: 'There is no open review task.' },
        });
      }
      const done = atSignoff();
      decide(done, decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.APPROVE), 20);
      decide(done, decision(PlanStage.RKA_CONFIRMATION, ReviewOutcome.APPROVE), 21);
      expect(done.refuseTaskCommand(TaskEventKind.CLAIMED, command(TAPD))?.reason).toBe('NO_OPEN_TASK');
    });

    describe('claim', () => {
      it('gives the task to the claimant and records the event', () => {
        const plan = submitted();
        expect(plan.refuseTaskCommand(TaskEventKind.CLAIMED, command(SECRETARIAT))).toBeUndefined();
        const event = plan.applyTaskCommand(TaskEventKind.CLAIMED, command(SECRETARIAT), at(2));
        expect(event).toStrictEqual({
          kind: 'CLAIMED',
          actor: { userId: 'u-sec-1', name: 'Budi Santoso' },
          task: {
            stage: 'VERIFICATION',
            openSequence: 1,
            candidateRole: 'SECRETARIAT',
            assignee: { userId: 'u-sec-1', name: 'Budi Santoso' },
            version: 2,
          },
          reason: undefined,
          occurredAt: iso(2),
        });
        expect(plan.status().task).toEqual(event.task);
      });

      it('refuses the second of two racing claims with ALREADY_CLAIMED', () => {
        const plan = submitted();
        // Both validators would pass before either handler ran; the second is checked again after the first.
        expect(plan.refuseTaskCommand(TaskEventKind.CLAIMED, command(SECRETARIAT))).toBeUndefined();
        expect(plan.refuseTaskCommand(TaskEventKind.CLAIMED, command(SECRETARIAT_2))).toBeUndefined();
        plan.applyTaskCommand(TaskEventKind.CLAIMED, command(SECRETARIAT), at(2));
        expect(plan.refuseTaskCommand(TaskEventKind.CLAIMED, command(SECRETARIAT_2))).toEqual({
          field: 'task',
          reason: 'ALREADY_CLAIMED',
          message: { id: 'Tugas sudah diambil oleh Budi Santoso.', en: 'The task was already claimed by Budi Santoso.' },
        });
        expect(plan.refuseTaskCommand(TaskEventKind.CLAIMED, command(SECRETARIAT))?.reason).toBe('ALREADY_CLAIMED');
        expect(plan.status().task?.assignee).toEqual(person(SECRETARIAT));
      });

      it('refuses a claim without the candidate role, and by the submitter', () => {
        const plan = submitted();
        expect(plan.refuseTaskCommand(TaskEventKind.CLAIMED, command(BAPPEDA))).toMatchObject({ field: 'actor', reason: 'ROLE_REQUIRED' });
        const submitterReviewer = actor('u-officer', 'Siti Rahma', Role.OFFICER, Role.SECRETARIAT);
        expect(plan.refuseTaskCommand(TaskEventKind.CLAIMED, command(submitterReviewer))).toMatchObject({ field: 'actor', reason: 'OWN_PLAN' });
      });

      it('is for the Sekda at TKKSD_DELIBERATION, not for a TKKSD member', () => {
        const plan = atDeliberation();
        expect(plan.refuseTaskCommand(TaskEventKind.CLAIMED, command(M1))?.reason).toBe('ROLE_REQUIRED');
        expect(plan.refuseTaskCommand(TaskEventKind.CLAIMED, command(SEKDA))).toBeUndefined();
      });
    });

    describe('release', () => {
      it('lets the assignee give the task back to the pool', () => {
        const plan = submitted();
        act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT), 2);
        expect(plan.refuseTaskCommand(TaskEventKind.RELEASED, command(SECRETARIAT))).toBeUndefined();
        const event = plan.applyTaskCommand(TaskEventKind.RELEASED, command(SECRETARIAT), at(3));
        expect(event.task).toStrictEqual({
          stage: 'VERIFICATION',
          openSequence: 1,
          candidateRole: 'SECRETARIAT',
          assignee: undefined,
          delegatedFrom: undefined,
          version: 3,
        });
        expect(plan.refuseTaskCommand(TaskEventKind.CLAIMED, command(SECRETARIAT_2))).toBeUndefined();
      });

      it('refuses a release by anyone but the assignee, and of an unclaimed task', () => {
        const plan = submitted();
        const notAssignee = {
          field: 'task',
          reason: 'NOT_ASSIGNEE',
          message: { id: 'Hanya pemegang tugas yang dapat melakukan ini.', en: 'Only the task’s assignee may do this.' },
        };
        expect(plan.refuseTaskCommand(TaskEventKind.RELEASED, command(SECRETARIAT))).toEqual(notAssignee);
        act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
        expect(plan.refuseTaskCommand(TaskEventKind.RELEASED, command(SECRETARIAT_2))).toEqual(notAssignee);
        expect(plan.status().task?.assignee).toEqual(person(SECRETARIAT));
      });
    });

    describe('reassign', () => {
      it('refuses a reassignment without a reason, before anything else', () => {
        const plan = submitted();
        act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
        const required = {
          field: 'reason',
          reason: 'REQUIRED',
          message: { id: 'Alasan pengalihan wajib diisi.', en: 'A reason for the reassignment is required.' },
        };
        expect(plan.refuseTaskCommand(TaskEventKind.REASSIGNED, command(SECRETARIAT, { to: SECRETARIAT_2 }))).toEqual(required);
        expect(plan.refuseTaskCommand(TaskEventKind.REASSIGNED, command(SECRETARIAT, { to: SECRETARIAT_2, reason: '   ' }))).toEqual(required);
        expect(plan.refuseTaskCommand(TaskEventKind.REASSIGNED, command(BAPPEDA))).toEqual(required);
      });

      it('refuses a reassignment without a receiving user, or to oneself', () => {
        const plan = submitted();
        act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
        expect(plan.refuseTaskCommand(TaskEventKind.REASSIGNED, command(SECRETARIAT, { reason: 'Cuti' }))).toMatchObject({ field: 'to', reason: 'REQUIRED' });
        expect(plan.refuseTaskCommand(TaskEventKind.REASSIGNED, command(SECRETARIAT, { to: SECRETARIAT, reason: 'Cuti' }))).toMatchObject({
          field: 'to',
          reason: 'SAME_USER',
        });
      });

      it('refuses a reassignment to someone without the candidate role, naming the field to', () => {
        const plan = submitted();
        act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
        expect(plan.refuseTaskCommand(TaskEventKind.REASSIGNED, command(SECRETARIAT, { to: BAPPEDA, reason: 'Cuti' }))).toEqual({
          field: 'to',
          reason: 'ROLE_REQUIRED',
          message: {
            id: 'Tindakan ini memerlukan peran Sekretariat kerja sama (Bagian Kerja Sama Setda) di wilayah rencana.',
            en: "This needs the Cooperation secretariat role in the plan's region.",
          },
        });
      });

      it('refuses a reassignment to the submitter', () => {
        const submitterReviewer = actor('u-officer', 'Siti Rahma', Role.OFFICER, Role.SECRETARIAT);
        const plan = submitted(submitterReviewer);
        act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
        expect(plan.refuseTaskCommand(TaskEventKind.REASSIGNED, command(SECRETARIAT, { to: submitterReviewer, reason: 'Cuti' }))).toMatchObject({
          field: 'to',
          reason: 'OWN_PLAN',
        });
      });

      it('lets only the assignee reassign a claimed task', () => {
        const plan = submitted();
        act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
        const third = actor('u-sec-3', 'Tono', Role.SECRETARIAT);
        expect(plan.refuseTaskCommand(TaskEventKind.REASSIGNED, command(SECRETARIAT_2, { to: third, reason: 'Cuti' }))?.reason).toBe('NOT_ASSIGNEE');
      });

      it('passes the task on with the trimmed reason, leaving no delegation behind', () => {
        const plan = submitted();
        act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT), 2);
        const event = act(plan, TaskEventKind.REASSIGNED, command(SECRETARIAT, { to: SECRETARIAT_2, reason: '  Cuti tahunan ' }), 3);
        expect(event).toStrictEqual({
          kind: 'REASSIGNED',
          actor: person(SECRETARIAT),
          task: { stage: 'VERIFICATION', openSequence: 1, candidateRole: 'SECRETARIAT', assignee: person(SECRETARIAT_2), delegatedFrom: undefined, version: 3 },
          previousAssignee: person(SECRETARIAT),
          reason: 'Cuti tahunan',
          occurredAt: iso(3),
        });
        expect(plan.refuseTaskCommand(TaskEventKind.TAKEN_BACK, command(SECRETARIAT))?.reason).toBe('NOT_DELEGATED_BY_YOU');
      });

      it('lets a holder of the candidate role assign an unclaimed task, but not one without it', () => {
        const plan = submitted();
        expect(plan.refuseTaskCommand(TaskEventKind.REASSIGNED, command(SECRETARIAT, { to: SECRETARIAT_2, reason: 'Pembagian beban' }))).toBeUndefined();
        expect(plan.refuseTaskCommand(TaskEventKind.REASSIGNED, command(BAPPEDA, { to: SECRETARIAT_2, reason: 'Pembagian beban' }))?.reason).toBe(
          'NOT_ASSIGNEE',
        );
        act(plan, TaskEventKind.REASSIGNED, command(SECRETARIAT, { to: SECRETARIAT_2, reason: 'Pembagian beban' }));
        expect(plan.status().task?.assignee).toEqual(person(SECRETARIAT_2));
      });
    });

    describe('delegate and take back', () => {
      it('delegates without a reason and lets the delegator take the task back', () => {
        const plan = submitted();
        act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT), 2);
        expect(plan.refuseTaskCommand(TaskEventKind.DELEGATED, command(SECRETARIAT, { to: SECRETARIAT_2 }))).toBeUndefined();
        const delegated = act(plan, TaskEventKind.DELEGATED, command(SECRETARIAT, { to: SECRETARIAT_2 }), 3);
        expect(delegated.task).toStrictEqual({
          stage: 'VERIFICATION',
          openSequence: 1,
          candidateRole: 'SECRETARIAT',
          assignee: person(SECRETARIAT_2),
          delegatedFrom: person(SECRETARIAT),
          version: 3,
        });

        // Neither the delegate nor a third user may take it back.
        expect(plan.refuseTaskCommand(TaskEventKind.TAKEN_BACK, command(SECRETARIAT_2))).toEqual({
          field: 'task',
          reason: 'NOT_DELEGATED_BY_YOU',
          message: { id: 'Tugas ini tidak Anda delegasikan.', en: 'You did not delegate this task.' },
        });
        // The delegator no longer holds it, so may not pass it on again.
        expect(plan.refuseTaskCommand(TaskEventKind.DELEGATED, command(SECRETARIAT, { to: actor('u-sec-3', 'Tono', Role.SECRETARIAT) }))?.reason).toBe(
          'NOT_ASSIGNEE',
        );

        const back = act(plan, TaskEventKind.TAKEN_BACK, command(SECRETARIAT), 4);
        expect(back).toStrictEqual({
          kind: 'TAKEN_BACK',
          actor: person(SECRETARIAT),
          task: { stage: 'VERIFICATION', openSequence: 1, candidateRole: 'SECRETARIAT', assignee: person(SECRETARIAT), delegatedFrom: undefined, version: 4 },
          // The delegate who no longer holds it: told of the take-back.
          previousAssignee: person(SECRETARIAT_2),
          reason: undefined,
          occurredAt: iso(4),
        });
        expect(plan.refuseTaskCommand(TaskEventKind.TAKEN_BACK, command(SECRETARIAT))?.reason).toBe('NOT_DELEGATED_BY_YOU');
      });

      it('refuses a delegation to someone without the candidate role, naming the field to', () => {
        const plan = submitted();
        act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
        expect(plan.refuseTaskCommand(TaskEventKind.DELEGATED, command(SECRETARIAT, { to: TAPD }))).toMatchObject({ field: 'to', reason: 'ROLE_REQUIRED' });
        expect(plan.refuseTaskCommand(TaskEventKind.DELEGATED, command(SECRETARIAT))).toMatchObject({ field: 'to', reason: 'REQUIRED' });
        expect(plan.refuseTaskCommand(TaskEventKind.DELEGATED, command(SECRETARIAT, { to: SECRETARIAT }))).toMatchObject({ field: 'to', reason: 'SAME_USER' });
      });

      it('refuses to delegate an unclaimed task, even for a holder of the role', () => {
        const plan = submitted();
        expect(plan.refuseTaskCommand(TaskEventKind.DELEGATED, command(SECRETARIAT, { to: SECRETARIAT_2 }))?.reason).toBe('NOT_ASSIGNEE');
      });

      it('lets the delegate release the task, which ends the delegation', () => {
        const plan = submitted();
        act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
        act(plan, TaskEventKind.DELEGATED, command(SECRETARIAT, { to: SECRETARIAT_2 }));
        expect(plan.refuseTaskCommand(TaskEventKind.RELEASED, command(SECRETARIAT))?.reason).toBe('NOT_ASSIGNEE');
        act(plan, TaskEventKind.RELEASED, command(SECRETARIAT_2));
        expect(plan.status().task).toMatchObject({ assignee: undefined, delegatedFrom: undefined });
        expect(plan.refuseTaskCommand(TaskEventKind.TAKEN_BACK, command(SECRETARIAT))?.reason).toBe('NOT_DELEGATED_BY_YOU');
      });
    });

    it('opens a fresh, unassigned task at the next stage after a decision', () => {
      const plan = submitted();
      act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), 5);
      expect(plan.status().task).toStrictEqual({ stage: 'BAPPEDA_REVIEW', openSequence: 2, candidateRole: 'BAPPEDA', version: 3 });
    });
  });

  describe('the TKKSD deliberation', () => {
    it('needs the panel only at TKKSD_DELIBERATION, once everything is projected, and once per revision', () => {
      const plan = atBappeda();
      drain(plan);
      expect(plan.needsDeliberationPanel()).toBe(false);
      decide(plan, decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE), 3);
      expect(plan.needsDeliberationPanel()).toBe(false);
      drain(plan);
      expect(plan.needsDeliberationPanel()).toBe(true);
      // A task event waiting to be projected holds the panel back too.
      act(plan, TaskEventKind.CLAIMED, command(SEKDA));
      expect(plan.needsDeliberationPanel()).toBe(false);
      drain(plan);
      expect(plan.needsDeliberationPanel()).toBe(true);
      plan.openDeliberation({ rule: ClosingRule.ALL, members: [M1, M2] });
      expect(plan.needsDeliberationPanel()).toBe(false);
    });

    it('opens a deliberation on the current revision with the panel as people', () => {
      const plan = atDeliberation(ClosingRule.ALL, [M1, M2]);
      expect(plan.status().deliberation).toStrictEqual({
        revision: 1,
        rule: 'ALL',
        members: [person(M1), person(M2)],
        votes: [],
      });
    });

    it('refuses a vote before the deliberation opens and outside TKKSD_DELIBERATION', () => {
      const noDeliberation = {
        field: 'stage',
        reason: 'NO_DELIBERATION',
        message: { id: 'Tidak ada pembahasan TKKSD yang terbuka.', en: 'No TKKSD deliberation is open.' },
      };
      expect(atBappeda().refuseVote(M1)).toEqual(noDeliberation);
      expect(atDeliberation(ClosingRule.MAJORITY, MEMBERS, false).refuseVote(M1)).toEqual(noDeliberation);

      const moved = atHeadOfRegion();
      expect(moved.refuseVote(M2)).toEqual(noDeliberation);
    });

    it('refuses a vote by someone not on the panel, even with the TKKSD role', () => {
      const plan = atDeliberation(ClosingRule.MAJORITY, [M1, M2, M3]);
      expect(plan.refuseVote(M4)).toEqual({
        field: 'actor',
        reason: 'NOT_A_MEMBER',
        message: { id: 'Anda bukan anggota TKKSD untuk pembahasan ini.', en: 'You are not a TKKSD member of this deliberation.' },
      });
      expect(plan.refuseVote(SEKDA)?.reason).toBe('NOT_A_MEMBER');
    });

    it('refuses a second vote by the same member', () => {
      const plan = atDeliberation(ClosingRule.ALL, [M1, M2, M3]);
      vote(plan, M1, Vote.APPROVE);
      expect(plan.refuseVote(M1)).toEqual({
        field: 'actor',
        reason: 'ALREADY_VOTED',
        message: { id: 'Anda sudah memberikan suara.', en: 'You have already voted.' },
      });
      expect(plan.status().deliberation?.votes).toHaveLength(1);
    });

    it('refuses a vote once the tally has closed', () => {
      const plan = atDeliberation(ClosingRule.MAJORITY, [M1, M2, M3]);
      vote(plan, M1, Vote.REJECT);
      vote(plan, M2, Vote.REJECT);
      expect(plan.status().deliberation?.outcome).toBe('FAIL');
      expect(plan.refuseVote(M3)).toEqual({
        field: 'stage',
        reason: 'VOTE_CLOSED',
        message: { id: 'Pemungutan suara sudah ditutup.', en: 'The vote has closed.' },
      });
      expect(plan.refuseVote(M1)?.reason).toBe('ALREADY_VOTED');
    });

    it('refuses the submitter a vote on their own plan, even on the panel', () => {
      const submitterMember = actor('u-officer', 'Siti Rahma', Role.OFFICER, Role.TKKSD_MEMBER);
      const plan = submitted(submitterMember);
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), 2);
      decide(plan, decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE), 3);
      drain(plan);
      plan.openDeliberation({ rule: ClosingRule.MAJORITY, members: [M1, M2, submitterMember] });
      expect(plan.refuseVote(submitterMember)).toEqual({
        field: 'actor',
        reason: 'OWN_PLAN',
        message: { id: 'Pengaju tidak boleh memutus rencananya sendiri.', en: 'The submitter of a plan never decides on it.' },
      });
    });

    it('records each vote with its trimmed comment and the outcome once closed', () => {
      const plan = atDeliberation(ClosingRule.MAJORITY, [M1, M2, M3]);
      const first = vote(plan, M1, Vote.APPROVE, 41, '  Layak  ');
      expect(first).toStrictEqual({
        planId: 'plan-1',
        revision: 1,
        vote: { voter: person(M1), vote: 'APPROVE', comment: 'Layak', castAt: iso(41) },
        outcome: undefined,
      });
      const second = vote(plan, M2, Vote.APPROVE, 42, '   ');
      expect(second).toStrictEqual({
        planId: 'plan-1',
        revision: 1,
        vote: { voter: person(M2), vote: 'APPROVE', comment: undefined, castAt: iso(42) },
        outcome: 'PASS',
      });
    });

    // members, votes in order, the outcome after each vote
    it.each([
      ['MAJORITY', 3, ['APPROVE', 'APPROVE'], [undefined, 'PASS']],
      ['MAJORITY', 3, ['REJECT', 'APPROVE', 'REJECT'], [undefined, undefined, 'FAIL']],
      ['MAJORITY', 4, ['APPROVE', 'REJECT', 'APPROVE', 'REJECT'], [undefined, undefined, undefined, 'TIE']],
      ['MAJORITY', 3, ['APPROVE', 'REJECT', 'ABSTAIN'], [undefined, undefined, 'TIE']],
      ['MAJORITY', 4, ['APPROVE', 'ABSTAIN', 'ABSTAIN', 'REJECT'], [undefined, undefined, undefined, 'TIE']],
      ['ALL', 3, ['APPROVE', 'APPROVE', 'REJECT'], [undefined, undefined, 'PASS']],
      ['ALL', 3, ['REJECT', 'REJECT', 'APPROVE'], [undefined, undefined, 'FAIL']],
      ['ALL', 4, ['APPROVE', 'APPROVE', 'REJECT', 'REJECT'], [undefined, undefined, undefined, 'TIE']],
      ['ALL', 2, ['ABSTAIN', 'ABSTAIN'], [undefined, 'TIE']],
    ] as const)('under %s with %i members, votes %j close as %j', (rule, count, votes, outcomes) => {
      const plan = atDeliberation(rule, MEMBERS.slice(0, count));
      const seen = votes.map((v, index) => vote(plan, MEMBERS[index], v, 40 + index).outcome);
      expect(seen).toEqual(outcomes);
      expect(plan.status().deliberation?.outcome).toBe(outcomes[outcomes.length - 1]);
      for (const member of MEMBERS.slice(votes.length, count)) expect(plan.refuseVote(member)?.reason).toBe('VOTE_CLOSED');
    });

    it("refuses the chair's decision with DELIBERATION_OPEN until the vote closes, whatever the outcome", () => {
      const plan = atDeliberation(ClosingRule.ALL, [M1, M2]);
      for (const outcome of [ReviewOutcome.APPROVE, ReviewOutcome.RETURN_FOR_REVISION, ReviewOutcome.REJECT]) {
        expect(plan.refuseDecision(decision(PlanStage.TKKSD_DELIBERATION, outcome, 'Catatan'))).toEqual({
          field: 'stage',
          reason: 'DELIBERATION_OPEN',
          message: {
            id: 'Rekomendasi ketua TKKSD baru dapat dicatat setelah pemungutan suara ditutup.',
            en: "The chair's recommendation can be recorded only once the vote has closed.",
          },
        });
      }
      vote(plan, M1, Vote.APPROVE);
      expect(plan.refuseDecision(decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE))?.reason).toBe('DELIBERATION_OPEN');
      vote(plan, M2, Vote.REJECT);
      expect(plan.status().deliberation?.outcome).toBe('TIE');
      claimFor(plan, SEKDA);
      expect(plan.refuseDecision(decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE))).toBeUndefined();
      expect(plan.refuseDecision(decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.REJECT, 'Berimbang'))).toBeUndefined();
    });

    it('refuses the chair before the panel has even been loaded', () => {
      const plan = atDeliberation(ClosingRule.MAJORITY, MEMBERS, false);
      expect(plan.refuseDecision(decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE))?.reason).toBe('DELIBERATION_OPEN');
    });

    it('checks the chair role and the assignment before the open vote', () => {
      const plan = atDeliberation(ClosingRule.ALL, [M1, M2]);
      expect(plan.refuseDecision(decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE, undefined, M1))?.reason).toBe('ROLE_REQUIRED');
      const deputy = actor('u-sekda-2', 'Plh Sekda', Role.SEKDA);
      act(plan, TaskEventKind.CLAIMED, command(deputy));
      expect(plan.refuseDecision(decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE))?.reason).toBe('ASSIGNED_TO_OTHER');
    });

    it('deliberates again on a new revision after the chair returns the plan', () => {
      const plan = atDeliberation(ClosingRule.MAJORITY, [M1]);
      vote(plan, M1, Vote.REJECT);
      decide(plan, decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.RETURN_FOR_REVISION, 'Perbaiki KAK'), 10);
      plan.submit(submission(2), at(11), 'submit-r2');
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), 12);
      decide(plan, decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE), 13);
      drain(plan);

      // The closed vote of revision 1 is no vote on revision 2.
      expect(plan.refuseVote(M2)?.reason).toBe('NO_DELIBERATION');
      expect(plan.needsDeliberationPanel()).toBe(true);
      plan.openDeliberation({ rule: ClosingRule.MAJORITY, members: [M1, M2] });
      expect(plan.needsDeliberationPanel()).toBe(false);
      expect(plan.status().deliberation).toStrictEqual({ revision: 2, rule: 'MAJORITY', members: [person(M1), person(M2)], votes: [] });
      expect(plan.refuseVote(M1)).toBeUndefined();
      expect(vote(plan, M1, Vote.APPROVE).revision).toBe(2);
    });
  });

  describe('withdrawal', () => {
    it('lets the submitter withdraw at VERIFICATION while the task is unclaimed, as a new revision', () => {
      const plan = submitted();
      drain(plan);
      expect(plan.refuseWithdrawal(OFFICER)).toBeUndefined();
      const transition = plan.withdraw(OFFICER, at(2), 'withdraw-1');
      expect(transition).toStrictEqual({
        sequence: 2,
        fromStage: 'VERIFICATION',
        toStage: 'DRAFT',
        action: 'WITHDRAW',
        revision: 1,
        resultingRevision: 2,
        actor: 'Siti Rahma',
        actorId: 'u-officer',
        comment: undefined,
        occurredAt: iso(2),
        requestId: 'withdraw-1',
      });
      expect(plan.currentStage).toBe(PlanStage.DRAFT);
      expect(plan.status()).toMatchObject({ stage: 'DRAFT', revision: 2, task: undefined });
      expect(drain(plan)).toEqual([{ kind: 'transition', transition, submission: undefined }]);

      expect(plan.refuseSubmission(submission(1))?.reason).toBe('REVISION_MISMATCH');
      expect(plan.refuseSubmission(submission(2))).toBeUndefined();
      expect(plan.submit(submission(2), at(3), 'submit-r2')).toMatchObject({ sequence: 3, revision: 2, toStage: 'VERIFICATION' });
    });

    it('is allowed again once a claimed task is released', () => {
      const plan = submitted();
      act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
      act(plan, TaskEventKind.RELEASED, command(SECRETARIAT));
      expect(plan.refuseWithdrawal(OFFICER)).toBeUndefined();
    });

    const notSubmitter = {
      field: 'actor',
      reason: 'NOT_SUBMITTER',
      message: { id: 'Hanya pengaju yang dapat menarik rencana.', en: 'Only the submitter may withdraw the plan.' },
    };
    const takenUp = {
      field: 'stage',
      reason: 'ALREADY_TAKEN_UP',
      message: {
        id: 'Rencana tidak dapat ditarik: peninjau sudah mengambil atau memutusnya.',
        en: 'The plan can no longer be withdrawn: a reviewer has taken it up or decided it.',
      },
    };

    it('refuses anyone but the submitter, even an officer of the same agency', () => {
      const plan = submitted();
      expect(plan.refuseWithdrawal(COLLEAGUE)).toEqual(notSubmitter);
      expect(plan.refuseWithdrawal(SECRETARIAT)).toEqual(notSubmitter);
    });

    it('refuses before any submission', () => {
      expect(new PlanProcess('plan-1').refuseWithdrawal(OFFICER)).toEqual(notSubmitter);
    });

    it('refuses once a reviewer has claimed the task, or it is delegated', () => {
      const plan = submitted();
      act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
      expect(plan.refuseWithdrawal(OFFICER)).toEqual(takenUp);
      act(plan, TaskEventKind.DELEGATED, command(SECRETARIAT, { to: SECRETARIAT_2 }));
      expect(plan.refuseWithdrawal(OFFICER)).toEqual(takenUp);
    });

    it('refuses once the plan has left VERIFICATION', () => {
      expect(atBappeda().refuseWithdrawal(OFFICER)).toEqual(takenUp);
      expect(atHeadOfRegion().refuseWithdrawal(OFFICER)).toEqual(takenUp);

      const returned = submitted();
      decide(returned, decision(PlanStage.VERIFICATION, ReviewOutcome.RETURN_FOR_REVISION, 'Perbaiki'), 2);
      expect(returned.refuseWithdrawal(OFFICER)).toEqual(takenUp);

      const withdrawn = submitted();
      withdrawn.withdraw(OFFICER, at(2));
      expect(withdrawn.refuseWithdrawal(OFFICER)).toEqual(takenUp);
    });

    it('follows the submitter of the latest revision', () => {
      const plan = submitted();
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.RETURN_FOR_REVISION, 'Perbaiki'), 2);
      plan.submit(submission(2, {}, COLLEAGUE), at(3));
      expect(plan.refuseWithdrawal(OFFICER)).toEqual(notSubmitter);
      expect(plan.refuseWithdrawal(COLLEAGUE)).toBeUndefined();
    });
  });

  describe('the outbox', () => {
    it('queues transitions, task events and votes in the order they happened', () => {
      const plan = new PlanProcess('plan-1');
      const sent = submission();
      plan.submit(sent, at(1), 'submit-r1');
      act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT), 2);
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), 3);
      decide(plan, decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE), 4);
      expect(plan.outboxLength()).toBe(5);
      const first = drain(plan);
      plan.openDeliberation({ rule: ClosingRule.MAJORITY, members: [M1, M2] });
      act(plan, TaskEventKind.CLAIMED, command(SEKDA), 5);
      vote(plan, M2, Vote.APPROVE, 6);
      vote(plan, M1, Vote.APPROVE, 7);
      decide(plan, decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE), 8);
      expect(plan.outboxLength()).toBe(9);
      const second = drain(plan);

      const describeItem = (item: OutboxItem) =>
        item.kind === 'transition'
          ? `transition ${item.transition.sequence} ${item.transition.action}`
          : item.kind === 'task'
            ? `task ${item.event.kind} v${item.event.task.version}`
            : `vote ${item.event.vote.voter.userId} ${item.event.outcome ?? 'open'}`;
      expect([...first, ...second].map(describeItem)).toEqual([
        'transition 1 SUBMIT',
        'task CLAIMED v2',
        'transition 2 APPROVE',
        'task CLAIMED v4',
        'transition 3 APPROVE',
        'task CLAIMED v6',
        'vote u-m2 open',
        'vote u-m1 PASS',
        'transition 4 APPROVE',
      ]);
    });

    it('carries the submission on the SUBMIT item only, each with its own revision', () => {
      const plan = new PlanProcess('plan-1');
      const first = submission(1);
      plan.submit(first, at(1));
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.RETURN_FOR_REVISION, 'Lengkapi KAK'), 2);
      const second = submission(2);
      plan.submit(second, at(3));
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), 4);

      const items = drain(plan);
      expect(items.map((item) => (item.kind === 'transition' ? [item.transition.action, item.submission] : item.kind))).toEqual([
        ['SUBMIT', first],
        'task',
        ['RETURN_FOR_REVISION', undefined],
        ['SUBMIT', second],
        'task',
        ['APPROVE', undefined],
      ]);
      expect(items[0].kind === 'transition' && items[0].submission).toBe(first);
      expect(items[3].kind === 'transition' && items[3].submission).toBe(second);
    });

    it('hands out the same oldest item until it is marked projected', () => {
      const plan = submitted();
      act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT), 2);
      const head = plan.nextUnprojected();
      expect(head).toMatchObject({ kind: 'transition', transition: { sequence: 1 } });
      expect(plan.nextUnprojected()).toBe(head);
      plan.markProjected();
      expect(plan.nextUnprojected()).toMatchObject({ kind: 'task', event: { kind: 'CLAIMED' } });
      plan.markProjected();
      expect(plan.nextUnprojected()).toBeUndefined();
    });

    it('tells whether the read model shows everything up to a position', () => {
      const plan = submitted();
      const upTo = plan.outboxLength();
      expect(upTo).toBe(1);
      expect(plan.isProjectedUpTo(0)).toBe(true);
      expect(plan.isProjectedUpTo(upTo)).toBe(false);
      act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT));
      expect(plan.outboxLength()).toBe(2);
      plan.markProjected();
      expect(plan.isProjectedUpTo(upTo)).toBe(true);
      expect(plan.isProjectedUpTo(2)).toBe(false);
      plan.markProjected();
      expect(plan.isProjectedUpTo(2)).toBe(true);
    });

    it('never marks past the end of the outbox', () => {
      const plan = submitted();
      plan.markProjected();
      plan.markProjected();
      plan.markProjected();
      expect(plan.isProjectedUpTo(1)).toBe(true);
      expect(plan.isProjectedUpTo(2)).toBe(false);
      act(plan, TaskEventKind.CLAIMED, command(SECRETARIAT), 2);
      // The new item is still pending: the extra marks were not banked.
      expect(plan.nextUnprojected()).toMatchObject({ kind: 'task', event: { kind: 'CLAIMED' } });
      expect(plan.isProjectedUpTo(2)).toBe(false);
    });

    it('keeps refused commands out of it', () => {
      const plan = submitted();
      plan.refuseTaskCommand(TaskEventKind.RELEASED, command(SECRETARIAT));
      plan.refuseVote(M1);
      plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, undefined, BAPPEDA));
      plan.refuseWithdrawal(COLLEAGUE);
      expect(plan.outboxLength()).toBe(1);
    });

    it('needs a document sync only once everything up to the move into DOCUMENT_SYNC is projected', () => {
      const plan = atHeadOfRegion();
      claimFor(plan, HEAD);
      drain(plan);
      expect(plan.needsDocumentSync()).toBe(false);
      decide(plan, decision(PlanStage.HEAD_OF_REGION_APPROVAL, ReviewOutcome.APPROVE), 5);
      expect(plan.currentStage).toBe(PlanStage.DOCUMENT_SYNC);
      expect(plan.needsDocumentSync()).toBe(false);
      plan.markProjected();
      expect(plan.needsDocumentSync()).toBe(true);
      plan.completeDocumentSync(sync(), at(6));
      expect(plan.needsDocumentSync()).toBe(false);
    });

    it('is finished only after the move into a final stage is projected', () => {
      const plan = submitted();
      expect(plan.isFinished()).toBe(false);
      claimFor(plan, SECRETARIAT);
      drain(plan);
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.REJECT, 'Di luar kewenangan'), 2);
      expect(plan.currentStage).toBe(PlanStage.REJECTED);
      expect(plan.isFinished()).toBe(false);
      plan.markProjected();
      expect(plan.isFinished()).toBe(true);
    });

    it('is not finished while projected but back in DRAFT', () => {
      const plan = submitted();
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.RETURN_FOR_REVISION, 'Perbaiki'), 2);
      drain(plan);
      expect(plan.isFinished()).toBe(false);
    });
  });

  describe('document withdrawal', () => {
    it('is needed after a rejection that follows a sync with active lines', () => {
      const plan = atSignoff(2);
      expect(plan.needsDocumentWithdrawal()).toBe(false);
      decide(plan, decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.REJECT, 'Anggaran tidak tersedia'), 10);
      expect(plan.needsDocumentWithdrawal()).toBe(true);

      plan.recordWithdrawal({ ...sync(0, 2) });
      expect(plan.needsDocumentWithdrawal()).toBe(false);
      expect(plan.status().lastDocumentSync).toEqual(sync(0, 2));
    });

    it('is not needed when the sync placed no active lines', () => {
      const plan = atSignoff(0);
      decide(plan, decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.REJECT, 'Tidak'), 10);
      expect(plan.needsDocumentWithdrawal()).toBe(false);
    });

    it('is not needed after a completion or a rejection before any sync', () => {
      const completed = atSignoff(2);
      decide(completed, decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.APPROVE), 10);
      expect(completed.needsDocumentWithdrawal()).toBe(false);

      const early = atHeadOfRegion();
      decide(early, decision(PlanStage.HEAD_OF_REGION_APPROVAL, ReviewOutcome.REJECT, 'Tidak'), 5);
      expect(early.needsDocumentWithdrawal()).toBe(false);
    });
  });

  describe('status', () => {
    it('returns transitions the caller can change without changing the process', () => {
      const plan = submitted();
      plan.status().transitions[0].toStage = PlanStage.COMPLETED;
      expect(plan.status().transitions[0].toStage).toBe(PlanStage.VERIFICATION);
    });

    it('returns a status the caller can change without changing the process', () => {
      const plan = submitted();
      const status = plan.status();
      status.stage = PlanStage.COMPLETED;
      status.revision = 99;
      status.transitions.push({ ...status.transitions[0], sequence: 2 });
      status.transitions.shift();
      status.task!.assignee = person(SECRETARIAT_2);
      status.task!.version = 99;

      expect(plan.currentStage).toBe(PlanStage.VERIFICATION);
      expect(plan.status().stage).toBe(PlanStage.VERIFICATION);
      expect(plan.status().revision).toBe(1);
      expect(plan.status().transitions.map((t) => t.sequence)).toEqual([1]);
      expect(plan.status().task).toStrictEqual({ stage: 'VERIFICATION', openSequence: 1, candidateRole: 'SECRETARIAT', version: 1 });
      expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE))?.reason).toBe('TASK_NOT_CLAIMED');
      expect(plan.nextUnprojected()).toMatchObject({ kind: 'transition', transition: { sequence: 1 } });
    });

    it('returns a vote list the caller can change without changing the tally', () => {
      const plan = atDeliberation(ClosingRule.ALL, [M1, M2]);
      vote(plan, M1, Vote.APPROVE);
      plan.status().deliberation!.votes.push({ voter: person(M2), vote: Vote.APPROVE, castAt: iso(50) });
      plan.status().deliberation!.outcome = 'PASS';
      expect(plan.status().deliberation?.votes).toHaveLength(1);
      expect(plan.status().deliberation?.outcome).toBeUndefined();
      expect(plan.refuseVote(M2)).toBeUndefined();
    });
  });

  describe("the deliberation's edge cases", () => {
    it("refuses the chair at TKKSD_DELIBERATION of a new revision while only the previous revision's vote has closed", () => {
      const plan = atDeliberation(ClosingRule.MAJORITY, [M1]);
      vote(plan, M1, Vote.APPROVE);
      decide(plan, decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.RETURN_FOR_REVISION, 'Perbaiki'), 10);
      plan.submit(submission(2), at(11));
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), 12);
      decide(plan, decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE), 13);
      drain(plan);
      // The panel for revision 2 is still loading: nobody has voted on it.
      expect(plan.needsDeliberationPanel()).toBe(true);
      expect(plan.refuseDecision(decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE))?.reason).toBe('DELIBERATION_OPEN');
    });

    it('lets the deliberation close when the panel is empty', () => {
      const plan = atDeliberation(ClosingRule.MAJORITY, []);
      claimFor(plan, SEKDA);
      expect(plan.refuseDecision(decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE))).toBeUndefined();
    });

    it('lets an ALL deliberation close when the submitter, who may not vote, sits on the panel', () => {
      const submitterMember = actor('u-officer', 'Siti Rahma', Role.OFFICER, Role.TKKSD_MEMBER);
      const plan = submitted(submitterMember);
      decide(plan, decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), 2);
      decide(plan, decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE), 3);
      drain(plan);
      plan.openDeliberation({ rule: ClosingRule.ALL, members: [M1, M2, submitterMember] });
      vote(plan, M1, Vote.APPROVE);
      vote(plan, M2, Vote.APPROVE);
      // Left off the panel: the submitter does not count towards the quorum.
      expect(plan.refuseVote(submitterMember)?.reason).toBe('OWN_PLAN');
      expect(plan.status().deliberation?.members.map((m) => m.userId)).toEqual([M1.userId, M2.userId]);
      claimFor(plan, SEKDA);
      expect(plan.refuseDecision(decision(PlanStage.TKKSD_DELIBERATION, ReviewOutcome.APPROVE))).toBeUndefined();
    });
  });
});
