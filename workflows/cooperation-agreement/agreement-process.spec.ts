import type { Actor } from '../../domain/actor';
import { AgreementStage, EvaluationOutcome } from '../../domain/agreement-stage';
import { TaskEventKind } from '../../domain/review-task';
import { Role } from '../../domain/role';
import { AgreementProcess, refuseSigning, refuseTerm, stageAfterApproval } from './agreement-process';
import { StepOutcome, type AgreementWorkflowInput, type StepDecision } from './definitions';

const actor = (userId: string, name: string, ...roles: Role[]): Actor => ({ userId, name, roles });
const SECRETARIAT = actor('u-sec', 'Dewi Lestari', Role.SECRETARIAT);
const SECRETARIAT_2 = actor('u-sec-2', 'Rina Wati', Role.SECRETARIAT);
const HEAD = actor('u-head', 'Bima Arya', Role.HEAD_OF_REGION);
const LEGAL = actor('u-legal', 'Bagian Hukum', Role.LEGAL_BUREAU);
const DPRD = actor('u-dprd', 'Sekretariat DPRD', Role.DPRD_LIAISON);
const NOW = new Date('2027-01-04T03:00:00Z');

const input = (over: Partial<AgreementWorkflowInput> = {}): AgreementWorkflowInput => ({
  agreementId: 'a-1',
  planId: 'p-1',
  regionCode: '32.71',
  budgetYear: 2027,
  dprdApprovalOwed: false,
  partnerInitiated: false,
  startedBy: { userId: SECRETARIAT.userId, name: SECRETARIAT.name },
  title: 'Pengelolaan sampah bersama',
  owningAgency: 'Dinas Lingkungan Hidup',
  ...over,
});
const SIGNED_COPY = { id: 'd-1', sha256: 'a'.repeat(64) };
const SIGNING = { number: '180/1/KS/2027', signedOn: '2027-01-10', signatories: ['Wali Kota Bogor', 'Bupati Bogor'], signedCopy: SIGNED_COPY };
const TERM = { startsOn: '2027-02-01', endsOn: '2032-01-31' };

const STAGE_ACTOR: Partial<Record<AgreementStage, Actor>> = {
  PREPARATION: SECRETARIAT,
  OFFER: SECRETARIAT,
  KB_DRAFTING: SECRETARIAT,
  KB_SIGNING: HEAD,
  DPRD_APPROVAL: DPRD,
  PKS_DRAFTING: SECRETARIAT,
  PKS_LEGAL_REVIEW: LEGAL,
  PKS_SIGNING: HEAD,
  EVALUATION: SECRETARIAT,
};

/** Claims the open task as its stage's holder and completes it. */
function approve(process: AgreementProcess, extra: Partial<StepDecision> = {}): void {
  const stage = process.currentStage;
  const by = STAGE_ACTOR[stage]!;
  expect(process.refuseTaskCommand(TaskEventKind.CLAIMED, { actor: by })).toBeUndefined();
  process.applyTaskCommand(TaskEventKind.CLAIMED, { actor: by }, NOW);
  const decision: StepDecision = {
    actor: by,
    stage,
    outcome: StepOutcome.APPROVE,
    ...(stage === 'KB_SIGNING' && { signing: SIGNING }),
    ...(stage === 'PKS_SIGNING' && { signing: { ...SIGNING, number: '180/2/PKS/2027' }, term: TERM }),
    ...extra,
  };
  expect(process.refuseDecision(decision)).toBeUndefined();
  process.decide(decision, NOW);
}

describe('the agreement process', () => {
  it('goes from preparation to implementation through KB and PKS, each task held by its role', () => {
    const process = new AgreementProcess(input(), NOW);
    const seen: string[] = [process.currentStage];
    while (process.currentStage !== AgreementStage.IMPLEMENTATION) {
      expect(process.status().task?.candidateRole).toBe(STAGE_ACTOR[process.currentStage]!.roles[0]);
      approve(process);
      seen.push(process.currentStage);
    }
    expect(seen).toEqual(['PREPARATION', 'OFFER', 'KB_DRAFTING', 'KB_SIGNING', 'PKS_DRAFTING', 'PKS_LEGAL_REVIEW', 'PKS_SIGNING', 'IMPLEMENTATION']);
    expect(process.status()).toMatchObject({ kbSigning: SIGNING, term: TERM, pksSigning: { number: '180/2/PKS/2027' } });
    expect(process.status().task).toBeUndefined();
  });

  it('asks the DPRD only where it is owed, and a partner-initiated KSDPK starts at the offer', () => {
    expect(stageAfterApproval(AgreementStage.KB_SIGNING, true)).toBe('DPRD_APPROVAL');
    expect(stageAfterApproval(AgreementStage.KB_SIGNING, false)).toBe('PKS_DRAFTING');
    const partner = new AgreementProcess(input({ partnerInitiated: true }), NOW);
    expect(partner.currentStage).toBe('OFFER');
    expect(partner.status().transitions[0]).toMatchObject({ from: 'PREPARATION', to: 'OFFER', outcome: 'START' });
  });

  it('refuses a step by someone who has not claimed it, or for a stale stage', () => {
    const process = new AgreementProcess(input(), NOW);
    const unclaimed = process.refuseDecision({ actor: SECRETARIAT, stage: 'PREPARATION', outcome: 'APPROVE' });
    expect(unclaimed?.reason).toBe('TASK_NOT_CLAIMED');
    process.applyTaskCommand(TaskEventKind.CLAIMED, { actor: SECRETARIAT }, NOW);
    expect(process.refuseDecision({ actor: SECRETARIAT_2, stage: 'PREPARATION', outcome: 'APPROVE' })?.reason).toBe('ASSIGNED_TO_OTHER');
    expect(process.refuseDecision({ actor: SECRETARIAT, stage: 'OFFER', outcome: 'APPROVE' })?.reason).toBe('STAGE_MISMATCH');
    expect(process.refuseTaskCommand(TaskEventKind.CLAIMED, { actor: SECRETARIAT_2 })?.reason).toBe('ALREADY_CLAIMED');
    expect(new AgreementProcess(input(), NOW).refuseTaskCommand(TaskEventKind.CLAIMED, { actor: HEAD })?.reason).toBe('ROLE_REQUIRED');
  });

  it('needs the signing particulars and a term to sign, and a recorded power of attorney to be complete', () => {
    expect(refuseSigning(undefined)?.field).toBe('signing');
    expect(refuseSigning({ ...SIGNING, number: ' ' })?.field).toBe('signing.number');
    expect(refuseSigning({ ...SIGNING, signatories: [] })?.field).toBe('signing.signatories');
    expect(refuseSigning({ ...SIGNING, signedCopy: undefined })).toMatchObject({ field: 'signing.signedCopy', reason: 'SIGNED_COPY_REQUIRED' });
    expect(refuseSigning({ ...SIGNING, signedCopy: { id: 'd-1', sha256: 'nope' } })?.reason).toBe('SIGNED_COPY_REQUIRED');
    expect(refuseSigning({ ...SIGNING, powerOfAttorney: { number: '1', grantedOn: 'x', grantee: 'Sekda' } })?.reason).toBe('INCOMPLETE');
    expect(refuseSigning({ ...SIGNING, powerOfAttorney: { number: '1/SK', grantedOn: '2027-01-02', grantee: 'Sekda' } })).toBeUndefined();
    expect(refuseTerm({ startsOn: '2027-02-01', endsOn: '2027-01-01' })?.reason).toBe('BEFORE_START');
    expect(refuseTerm(TERM)).toBeUndefined();
  });

  it('returns a PKS to drafting with a reason, and ends when the partner declines', () => {
    const process = new AgreementProcess(input(), NOW);
    for (let i = 0; i < 5; i++) approve(process); // to PKS_LEGAL_REVIEW
    expect(process.currentStage).toBe('PKS_LEGAL_REVIEW');
    process.applyTaskCommand(TaskEventKind.CLAIMED, { actor: LEGAL }, NOW);
    expect(process.refuseDecision({ actor: LEGAL, stage: 'PKS_LEGAL_REVIEW', outcome: 'RETURN' })?.field).toBe('comment');
    process.decide({ actor: LEGAL, stage: 'PKS_LEGAL_REVIEW', outcome: 'RETURN', comment: 'Pasal sengketa belum ada' }, NOW);
    expect(process.currentStage).toBe('PKS_DRAFTING');

    const declined = new AgreementProcess(input(), NOW);
    approve(declined);
    declined.applyTaskCommand(TaskEventKind.CLAIMED, { actor: SECRETARIAT }, NOW);
    declined.decide({ actor: SECRETARIAT, stage: 'OFFER', outcome: 'DECLINE', comment: 'Mitra menolak' }, NOW);
    expect(declined.currentStage).toBe('TERMINATED');
    expect(declined.isFinished()).toBe(true);
  });

  it('opens the evaluation when the term ends, and CONTINUE concludes it; a termination needs a reason', () => {
    const process = new AgreementProcess(input(), NOW);
    while (process.currentStage !== AgreementStage.IMPLEMENTATION) approve(process);
    expect(process.refuseTermination(SECRETARIAT, ' ')?.field).toBe('reason');
    expect(process.refuseTermination(HEAD, 'x')?.reason).toBe('ROLE_REQUIRED');
    expect(process.termEnded(NOW)?.outcome).toBe('TERM_ENDED');
    expect(process.currentStage).toBe('EVALUATION');
    approve(process, { evaluation: EvaluationOutcome.CONTINUE });
    expect(process.currentStage).toBe('CONCLUDED');

    const stopped = new AgreementProcess(input(), NOW);
    while (stopped.currentStage !== AgreementStage.IMPLEMENTATION) approve(stopped);
    stopped.terminate(SECRETARIAT, 'Mitra pailit', NOW);
    expect(stopped.status()).toMatchObject({
      stage: 'TERMINATED',
      transitions: expect.arrayContaining([expect.objectContaining({ comment: 'Mitra pailit' })]),
    });
  });

  it('queues every move and assignment in order for the projection', () => {
    const process = new AgreementProcess(input(), NOW);
    approve(process);
    const kinds: string[] = [];
    for (let item = process.nextUnprojected(); item; item = process.nextUnprojected()) {
      if (item.kind === 'transition') kinds.push(`${item.kind}:${item.transition.to}:${item.task?.candidateRole ?? '-'}`);
      else if (item.kind === 'task') kinds.push(`${item.kind}:${item.event.kind}`);
      else kinds.push(`${item.kind}:${item.report.sequence}`);
      process.markProjected();
    }
    expect(kinds).toEqual(['transition:PREPARATION:SECRETARIAT', 'task:CLAIMED', 'transition:OFFER:SECRETARIAT']);
  });

  describe('monev reports', () => {
    const OFFICER = actor('u-off', 'Siti Rahmawati', Role.OFFICER);
    const CONTENT = { progressPercent: 30, budgetLines: [{ lineId: 'l-1', planned: 100, realised: 40 }], problems: ' Lahan ' };
    const inForce = () => {
      const process = new AgreementProcess(input(), NOW);
      while (process.currentStage !== AgreementStage.IMPLEMENTATION) approve(process);
      return process;
    };

    it('are filed by an officer while in force, one awaiting review at a time, and refuse bad figures', () => {
      const process = inForce();
      expect(process.refuseReport(SECRETARIAT, CONTENT)?.reason).toBe('ROLE_REQUIRED');
      expect(process.refuseReport(OFFICER, { ...CONTENT, progressPercent: 120 })?.field).toBe('progressPercent');
      expect(process.refuseReport(OFFICER, { ...CONTENT, budgetLines: [{ lineId: 'l-1', planned: 1, realised: -1 }] })?.field).toBe('budgetLines[0].realised');
      expect(process.refuseReport(OFFICER, CONTENT)).toBeUndefined();
      process.submitReport(OFFICER, CONTENT, NOW);
      expect(process.refuseReport(OFFICER, CONTENT)?.reason).toBe('REVIEW_PENDING');
      expect(process.status().reports).toEqual([expect.objectContaining({ sequence: 1, period: 1, status: 'SUBMITTED', problems: 'Lahan' })]);
    });

    it('are reviewed by the secretariat: a return needs a comment and leaves the filed report as it was', () => {
      const process = inForce();
      process.reportingPeriod = 3;
      const filed = process.submitReport(OFFICER, CONTENT, NOW);
      expect(process.refuseReportReview(OFFICER, 1, 'ACCEPT', undefined)?.reason).toBe('ROLE_REQUIRED');
      expect(process.refuseReportReview(SECRETARIAT, 1, 'RETURN', ' ')?.field).toBe('comment');
      expect(process.refuseReportReview(SECRETARIAT, 2, 'ACCEPT', undefined)?.reason).toBe('NOT_PENDING');
      const returned = process.reviewReport(SECRETARIAT, 1, 'RETURN', 'Lampirkan bukti', NOW);
      expect(returned).toMatchObject({ ...filed, status: 'RETURNED', review: { outcome: 'RETURN', comment: 'Lampirkan bukti' } });
      process.submitReport(OFFICER, { ...CONTENT, progressPercent: 35 }, NOW);
      process.reviewReport(SECRETARIAT, 2, 'ACCEPT', undefined, NOW);
      expect(process.refuseReport(OFFICER, CONTENT)?.reason).toBe('PERIOD_REPORTED');
      expect(process.status().reports!.map((r) => [r.sequence, r.period, r.status])).toEqual([
        [1, 3, 'RETURNED'],
        [2, 3, 'ACCEPTED'],
      ]);
    });

    it('AMEND needs the addendum’s content', () => {
      const process = inForce();
      process.requestEvaluation(SECRETARIAT, undefined, NOW);
      process.applyTaskCommand(TaskEventKind.CLAIMED, { actor: SECRETARIAT }, NOW);
      const decision: StepDecision = { actor: SECRETARIAT, stage: 'EVALUATION', outcome: StepOutcome.APPROVE, evaluation: EvaluationOutcome.AMEND };
      expect(process.refuseDecision(decision)?.field).toBe('comment');
      expect(process.refuseDecision({ ...decision, comment: 'Adendum I' })).toBeUndefined();
    });
  });

  it('carries its state into a continued run: same stage, moves, signings, term and reports, nothing left to project', () => {
    const process = new AgreementProcess(input(), NOW);
    while (process.currentStage !== AgreementStage.IMPLEMENTATION) approve(process);
    process.submitReport(actor('u-off', 'Siti', Role.OFFICER), { progressPercent: 10, budgetLines: [] }, NOW);
    const carried = { ...process.carry(), expiryRemindersSent: [90], realNow: NOW.toISOString(), runs: 1 };
    const next = new AgreementProcess(input({ carried }), new Date('2027-08-01T00:00:00Z'));
    expect(next.status()).toEqual(process.status());
    expect(next.nextUnprojected()).toBeUndefined();
    // The sequence of moves goes on where it stopped.
    next.requestEvaluation(SECRETARIAT, undefined, NOW);
    expect(next.status().transitions.at(-1)!.sequence).toBe(process.status().transitions.length + 1);
  });
});
