import type { PlanContent } from '../../domain/plan-content';
import { PlanStage, type ReviewStage } from '../../domain/plan-stage';
import { ReviewOutcome, type ReviewDecision } from '../../domain/review-decision';
import { TransitionAction, type DocumentSyncSummary, type PlanSubmission } from './definitions';
import { PlanProcess } from './plan-process';
import { completePlanContent, factsForCompletePlan } from '../../test/support/plan-content-fixtures';

const content = (overrides: Partial<PlanContent> = {}): PlanContent => completePlanContent(overrides);

const submission = (revision = 1, overrides: Partial<PlanContent> = {}): PlanSubmission => ({
  revision,
  draftVersion: 3,
  content: content(overrides),
  facts: factsForCompletePlan(),
  submittedBy: 'siti.rahma',
});

const decision = (stage: ReviewStage, outcome: ReviewOutcome, comment?: string): ReviewDecision => ({
  stage,
  outcome,
  comment,
  decidedBy: `reviewer-${stage.toLowerCase()}`,
});

const sync = (activeLines = 1, withdrawnLines = 0): DocumentSyncSummary => ({
  documentKind: 'RKPD',
  documentId: 'doc-1',
  revision: 1,
  activeLines,
  withdrawnLines,
});

const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute, 0));

/** Projects everything pending, as the workflow loop does. */
const projectAll = (plan: PlanProcess) => {
  for (let t = plan.nextUnprojected(); t; t = plan.nextUnprojected()) plan.markProjected(t.sequence);
};

describe('PlanProcess', () => {
  it('starts as an unsubmitted draft of revision 1', () => {
    const plan = new PlanProcess('plan-1');
    expect(plan.currentStage).toBe(PlanStage.DRAFT);
    expect(plan.status()).toEqual({
      planId: 'plan-1',
      stage: PlanStage.DRAFT,
      revision: 1,
      transitions: [],
      submission: undefined,
      lastDocumentSync: undefined,
    });
    expect(plan.nextUnprojected()).toBeUndefined();
    expect(plan.isFinished()).toBe(false);
    expect(plan.needsDocumentSync()).toBe(false);
  });

  it('records the happy path from submission to COMPLETED', () => {
    const plan = new PlanProcess('plan-1');
    const submitted = submission();
    expect(plan.refuseSubmission(submitted)).toBeUndefined();
    plan.submit(submitted, at(1), 'submit-r1');
    expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE))).toBeUndefined();
    plan.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE, '  Lengkap  '), at(2), 'decide-a');
    plan.decide(decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE, '   '), at(3), 'decide-b');
    plan.completeDocumentSync(sync(1), at(4));
    plan.decide(decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.APPROVE), at(5), 'decide-c');

    const status = plan.status();
    expect(status.stage).toBe(PlanStage.COMPLETED);
    expect(status.revision).toBe(1);
    expect(status.submission).toEqual(submitted);
    expect(status.lastDocumentSync).toEqual(sync(1));
    expect(status.transitions).toEqual([
      {
        sequence: 1,
        fromStage: 'DRAFT',
        toStage: 'VERIFICATION',
        action: 'SUBMIT',
        revision: 1,
        resultingRevision: 1,
        actor: 'siti.rahma',
        comment: undefined,
        occurredAt: '2026-03-01T08:01:00.000Z',
        requestId: 'submit-r1',
      },
      {
        sequence: 2,
        fromStage: 'VERIFICATION',
        toStage: 'BAPPEDA_REVIEW',
        action: 'APPROVE',
        revision: 1,
        resultingRevision: 1,
        actor: 'reviewer-verification',
        comment: 'Lengkap',
        occurredAt: '2026-03-01T08:02:00.000Z',
        requestId: 'decide-a',
      },
      {
        sequence: 3,
        fromStage: 'BAPPEDA_REVIEW',
        toStage: 'DOCUMENT_SYNC',
        action: 'APPROVE',
        revision: 1,
        resultingRevision: 1,
        actor: 'reviewer-bappeda_review',
        comment: undefined,
        occurredAt: '2026-03-01T08:03:00.000Z',
        requestId: 'decide-b',
      },
      {
        sequence: 4,
        fromStage: 'DOCUMENT_SYNC',
        toStage: 'BUDGET_SIGNOFF',
        action: 'SYNC_DOCUMENTS',
        revision: 1,
        resultingRevision: 1,
        actor: 'system',
        comment: undefined,
        occurredAt: '2026-03-01T08:04:00.000Z',
        requestId: undefined,
      },
      {
        sequence: 5,
        fromStage: 'BUDGET_SIGNOFF',
        toStage: 'COMPLETED',
        action: 'APPROVE',
        revision: 1,
        resultingRevision: 1,
        actor: 'reviewer-budget_signoff',
        comment: undefined,
        occurredAt: '2026-03-01T08:05:00.000Z',
        requestId: 'decide-c',
      },
    ]);
  });

  it('returns each transition it records', () => {
    const plan = new PlanProcess('plan-1');
    const transition = plan.submit(submission(), at(1));
    expect(transition).toEqual(plan.status().transitions[0]);
    expect(transition.requestId).toBeUndefined();
  });

  describe('return for revision', () => {
    const returned = () => {
      const plan = new PlanProcess('plan-1');
      plan.submit(submission(1), at(1), 'submit-r1');
      const transition = plan.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.RETURN_FOR_REVISION, ' Lengkapi rincian '), at(2), 'r');
      return { plan, transition };
    };

    it('goes back to DRAFT and opens revision 2', () => {
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
    });

    it('refuses a submission of revision 1 and accepts revision 2', () => {
      const { plan } = returned();
      expect(plan.refuseSubmission(submission(1))).toMatchObject({ field: 'revision', reason: 'REVISION_MISMATCH' });
      expect(plan.refuseSubmission(submission(3))?.reason).toBe('REVISION_MISMATCH');
      expect(plan.refuseSubmission(submission(2))).toBeUndefined();

      const resubmitted = plan.submit(submission(2), at(3), 'submit-r2');
      expect(resubmitted).toMatchObject({ sequence: 3, fromStage: 'DRAFT', toStage: 'VERIFICATION', revision: 2, resultingRevision: 2 });
      expect(plan.status().submission?.revision).toBe(2);
    });
  });

  it('refuses a submission while the plan is not a draft, before checking the revision', () => {
    const plan = new PlanProcess('plan-1');
    plan.submit(submission(1), at(1));
    const refusal = plan.refuseSubmission(submission(1));
    expect(refusal).toMatchObject({ field: 'stage', reason: 'NOT_A_DRAFT' });
    expect(refusal?.message.en).toBe('The plan was already submitted and is at stage VERIFICATION.');
    expect(plan.refuseSubmission(submission(7))?.reason).toBe('NOT_A_DRAFT');
  });

  it('refuses incomplete content with its first content violation', () => {
    const plan = new PlanProcess('plan-1');
    expect(plan.refuseSubmission(submission(1, { title: '   ', lineItems: [] }))).toMatchObject({ field: 'title', reason: 'LENGTH' });
    expect(plan.refuseSubmission(submission(1, { lineItems: [] }))).toMatchObject({ field: 'lineItems', reason: 'REQUIRED' });
    expect(plan.currentStage).toBe(PlanStage.DRAFT);
    expect(plan.status().transitions).toEqual([]);
  });

  it('answers decisions with the domain refusal for its current stage', () => {
    const plan = new PlanProcess('plan-1');
    expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE))?.reason).toBe('NOT_UNDER_REVIEW');
    plan.submit(submission(), at(1));
    expect(plan.refuseDecision(decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE))?.reason).toBe('STAGE_MISMATCH');
    expect(plan.refuseDecision(decision(PlanStage.VERIFICATION, ReviewOutcome.REJECT, ' '))?.reason).toBe('COMMENT_REQUIRED');
  });

  describe('projection bookkeeping', () => {
    it('hands out unprojected transitions in sequence order', () => {
      const plan = new PlanProcess('plan-1');
      plan.submit(submission(), at(1));
      plan.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), at(2));
      expect(plan.nextUnprojected()?.sequence).toBe(1);
      expect(plan.isProjected(1)).toBe(false);

      plan.markProjected(1);
      expect(plan.isProjected(1)).toBe(true);
      expect(plan.isProjected(2)).toBe(false);
      expect(plan.nextUnprojected()?.sequence).toBe(2);

      plan.markProjected(2);
      expect(plan.nextUnprojected()).toBeUndefined();
    });

    it('never moves the projected mark backwards', () => {
      const plan = new PlanProcess('plan-1');
      plan.submit(submission(), at(1));
      plan.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), at(2));
      plan.markProjected(2);
      plan.markProjected(1);
      expect(plan.isProjected(2)).toBe(true);
      expect(plan.nextUnprojected()).toBeUndefined();
    });

    it('needs a document sync only once the move into DOCUMENT_SYNC is projected', () => {
      const plan = new PlanProcess('plan-1');
      plan.submit(submission(), at(1));
      plan.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), at(2));
      projectAll(plan);
      expect(plan.needsDocumentSync()).toBe(false);

      plan.decide(decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE), at(3));
      expect(plan.currentStage).toBe(PlanStage.DOCUMENT_SYNC);
      expect(plan.needsDocumentSync()).toBe(false);

      plan.markProjected(3);
      expect(plan.needsDocumentSync()).toBe(true);

      plan.completeDocumentSync(sync(), at(4));
      expect(plan.needsDocumentSync()).toBe(false);
    });

    it('is finished only after the move into a final stage is projected', () => {
      const plan = new PlanProcess('plan-1');
      plan.submit(submission(), at(1));
      expect(plan.isFinished()).toBe(false);
      projectAll(plan);
      plan.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.REJECT, 'Di luar kewenangan'), at(2));
      expect(plan.currentStage).toBe(PlanStage.REJECTED);
      expect(plan.isFinished()).toBe(false);
      plan.markProjected(2);
      expect(plan.isFinished()).toBe(true);
    });

    it('is not finished while projected but back in DRAFT', () => {
      const plan = new PlanProcess('plan-1');
      plan.submit(submission(), at(1));
      plan.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.RETURN_FOR_REVISION, 'Perbaiki'), at(2));
      projectAll(plan);
      expect(plan.isFinished()).toBe(false);
    });
  });

  describe('document withdrawal', () => {
    const atSignoff = (activeLines: number) => {
      const plan = new PlanProcess('plan-1');
      plan.submit(submission(), at(1));
      plan.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), at(2));
      plan.decide(decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE), at(3));
      plan.completeDocumentSync(sync(activeLines), at(4));
      return plan;
    };

    it('is needed after a rejection that follows a sync with active lines', () => {
      const plan = atSignoff(2);
      expect(plan.needsDocumentWithdrawal()).toBe(false);
      plan.decide(decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.REJECT, 'Anggaran tidak tersedia'), at(5));
      expect(plan.needsDocumentWithdrawal()).toBe(true);

      plan.recordWithdrawal({ ...sync(0, 2) });
      expect(plan.needsDocumentWithdrawal()).toBe(false);
      expect(plan.status().lastDocumentSync).toEqual(sync(0, 2));
    });

    it('is not needed when the sync placed no active lines', () => {
      const plan = atSignoff(0);
      plan.decide(decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.REJECT, 'Tidak'), at(5));
      expect(plan.needsDocumentWithdrawal()).toBe(false);
    });

    it('is not needed after a completion or a rejection before any sync', () => {
      const completed = atSignoff(2);
      completed.decide(decision(PlanStage.BUDGET_SIGNOFF, ReviewOutcome.APPROVE), at(5));
      expect(completed.needsDocumentWithdrawal()).toBe(false);

      const early = new PlanProcess('plan-2');
      early.submit(submission(), at(1));
      early.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.REJECT, 'Tidak'), at(2));
      expect(early.needsDocumentWithdrawal()).toBe(false);
    });
  });

  it('gives the submission only for SUBMIT transitions', () => {
    const plan = new PlanProcess('plan-1');
    const submitted = submission();
    const submit = plan.submit(submitted, at(1));
    const approve = plan.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.APPROVE), at(2));
    plan.decide(decision(PlanStage.BAPPEDA_REVIEW, ReviewOutcome.APPROVE), at(3));
    const synced = plan.completeDocumentSync(sync(), at(4));

    expect(plan.submissionFor(submit)).toBe(submitted);
    expect(plan.submissionFor(approve)).toBeUndefined();
    expect(plan.submissionFor(synced)).toBeUndefined();
  });

  it('keeps each submission with its own transition, even when they are projected late', () => {
    const plan = new PlanProcess('plan-1');
    const first = submission(1);
    const firstSubmit = plan.submit(first, at(1));
    plan.decide(decision(PlanStage.VERIFICATION, ReviewOutcome.RETURN_FOR_REVISION, 'Lengkapi KAK'), at(2));
    const second = submission(2);
    const secondSubmit = plan.submit(second, at(3));

    expect(plan.submissionFor(firstSubmit)).toBe(first);
    expect(plan.submissionFor(secondSubmit)).toBe(second);
  });

  it('returns a status whose transitions the caller can change without changing the process', () => {
    const plan = new PlanProcess('plan-1');
    plan.submit(submission(), at(1));
    plan.status().transitions[0].toStage = PlanStage.COMPLETED;
    expect(plan.status().transitions[0].toStage).toBe(PlanStage.VERIFICATION);
  });

  it('returns a status the caller can change without changing the process', () => {
    const plan = new PlanProcess('plan-1');
    plan.submit(submission(), at(1));
    const status = plan.status();
    status.stage = PlanStage.COMPLETED;
    status.revision = 99;
    status.transitions.push({ ...status.transitions[0], sequence: 2 });
    status.transitions.shift();

    expect(plan.currentStage).toBe(PlanStage.VERIFICATION);
    expect(plan.status().stage).toBe(PlanStage.VERIFICATION);
    expect(plan.status().revision).toBe(1);
    expect(plan.status().transitions.map((t) => t.sequence)).toEqual([1]);
    expect(plan.nextUnprojected()?.sequence).toBe(1);
  });
});
