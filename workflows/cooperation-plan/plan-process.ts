// The state of one plan's process and the moves it allows. Pure and deterministic:
// the workflow drives it, tests exercise it directly.
import { checkPlan } from '../../domain/plan-rules';
import { PlanStage } from '../../domain/plan-stage';
import { refuseDecision, stageAfterDecision, type ReviewDecision } from '../../domain/review-decision';
import { text } from '../../domain/message';
import type { Violation } from '../../domain/violation';
import {
  TransitionAction,
  type DocumentSyncSummary,
  type PlanStatus,
  type PlanSubmission,
  type PlanTransition,
} from './definitions';

interface Move {
  to: PlanStage;
  action: TransitionAction;
  actor: string;
  comment?: string;
  reasonCode?: string;
  now: Date;
  requestId?: string;
  resultingRevision?: number;
}

export class PlanProcess {
  private stage: PlanStage = PlanStage.DRAFT;
  private revision = 1;
  private readonly transitions: PlanTransition[] = [];
  private projectedSequence = 0;
  private submission?: PlanSubmission;
  /** Each submission by the sequence of the transition it made, for the projection. */
  private readonly submissions = new Map<number, PlanSubmission>();
  private lastDocumentSync?: DocumentSyncSummary;

  constructor(private readonly planId: string) {}

  get currentStage(): PlanStage {
    return this.stage;
  }

  refuseSubmission(submission: PlanSubmission): Violation | undefined {
    if (this.stage !== PlanStage.DRAFT) {
      return {
        field: 'stage',
        reason: 'NOT_A_DRAFT',
        message: text(
          `Rencana sudah diajukan dan sedang pada tahap ${this.stage}.`,
          `The plan was already submitted and is at stage ${this.stage}.`,
        ),
      };
    }
    if (submission.revision !== this.revision) {
      return {
        field: 'revision',
        reason: 'REVISION_MISMATCH',
        message: text(
          `Revisi ${submission.revision} tidak berlaku: revisi yang sedang disusun adalah ${this.revision}.`,
          `Revision ${submission.revision} does not apply: the revision being drafted is ${this.revision}.`,
        ),
      };
    }
    if (!submission.facts) {
      return { field: 'facts', reason: 'REQUIRED', message: text('Data rujukan tidak disertakan.', 'The reference facts are missing.') };
    }
    return checkPlan(submission.content, submission.facts).violations[0];
  }

  submit(submission: PlanSubmission, now: Date, requestId?: string): PlanTransition {
    this.submission = submission;
    const transition = this.move({ to: PlanStage.VERIFICATION, action: TransitionAction.SUBMIT, actor: submission.submittedBy, now, requestId });
    this.submissions.set(transition.sequence, submission);
    return transition;
  }

  refuseDecision(decision: ReviewDecision): Violation | undefined {
    return refuseDecision(this.stage, decision);
  }

  decide(decision: ReviewDecision, now: Date, requestId?: string): PlanTransition {
    const to = stageAfterDecision(decision.stage, decision.outcome);
    return this.move({
      to,
      action: decision.outcome,
      actor: decision.decidedBy,
      comment: decision.comment?.trim() || undefined,
      reasonCode: decision.reasonCode,
      now,
      requestId,
      // A return opens the next revision for the officer to draft.
      resultingRevision: to === PlanStage.DRAFT ? this.revision + 1 : this.revision,
    });
  }

  completeDocumentSync(summary: DocumentSyncSummary, now: Date): PlanTransition {
    this.lastDocumentSync = summary;
    return this.move({ to: PlanStage.BUDGET_SIGNOFF, action: TransitionAction.SYNC_DOCUMENTS, actor: 'system', now });
  }

  /** Document sync runs once the move into DOCUMENT_SYNC is in the read model. */
  needsDocumentSync(): boolean {
    return this.stage === PlanStage.DOCUMENT_SYNC && !this.nextUnprojected();
  }

  /** Lines placed by an earlier sync must be withdrawn once the plan is rejected. */
  needsDocumentWithdrawal(): boolean {
    return this.stage === PlanStage.REJECTED && this.lastDocumentSync !== undefined && this.lastDocumentSync.activeLines > 0;
  }

  recordWithdrawal(summary: DocumentSyncSummary): void {
    this.lastDocumentSync = summary;
  }

  isFinished(): boolean {
    return (this.stage === PlanStage.COMPLETED || this.stage === PlanStage.REJECTED) && !this.nextUnprojected();
  }

  nextUnprojected(): PlanTransition | undefined {
    return this.transitions.find((t) => t.sequence > this.projectedSequence);
  }

  markProjected(sequence: number): void {
    this.projectedSequence = Math.max(this.projectedSequence, sequence);
  }

  isProjected(sequence: number): boolean {
    return this.projectedSequence >= sequence;
  }

  /** The submission to store alongside a transition, when it is the one that made it. */
  submissionFor(transition: PlanTransition): PlanSubmission | undefined {
    return this.submissions.get(transition.sequence);
  }

  status(): PlanStatus {
    return {
      planId: this.planId,
      stage: this.stage,
      revision: this.revision,
      transitions: this.transitions.map((transition) => ({ ...transition })),
      submission: this.submission,
      lastDocumentSync: this.lastDocumentSync,
    };
  }

  private move(move: Move): PlanTransition {
    const resultingRevision = move.resultingRevision ?? this.revision;
    const transition: PlanTransition = {
      sequence: this.transitions.length + 1,
      fromStage: this.stage,
      toStage: move.to,
      action: move.action,
      revision: this.revision,
      resultingRevision,
      actor: move.actor,
      comment: move.comment,
      occurredAt: move.now.toISOString(),
      requestId: move.requestId,
      ...(move.reasonCode && { reasonCode: move.reasonCode }),
    };
    this.transitions.push(transition);
    this.stage = move.to;
    this.revision = resultingRevision;
    return transition;
  }
}
