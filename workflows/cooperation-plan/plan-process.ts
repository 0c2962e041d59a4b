// The state of one plan's process and the moves it allows. Pure and deterministic:
// the workflow drives it, tests exercise it directly. Every change that the read model
// must show is queued in an outbox that the workflow projects in order.
import { STAGE_ROLE } from '../../domain/access-policy';
import { deliberationOutcome, type Vote } from '../../domain/deliberation';
import { text } from '../../domain/message';
import { PLAN_STAGE_LABELS } from '../../domain/plan-stage-label';
import { ROLE_LABELS } from '../../domain/role';
import { estimatedCost } from '../../domain/plan-content';
import { checkPlan, dprdApprovalReasons } from '../../domain/plan-rules';
import { PlanStage, isReviewStage, stageAfterPlacement } from '../../domain/plan-stage';
import { DOCUMENTS_AT_PLACEMENT, DOCUMENTS_AT_RKA_CONFIRMATION, type DocumentKind } from '../../domain/planning-document';
import { refuseDecision, stageAfterDecision, ReviewOutcome, type BudgetPlacement, type ReviewDecision } from '../../domain/review-decision';
import { type Role } from '../../domain/role';
import type { Violation } from '../../domain/violation';
import { type PlanStatus, type TaskCommand } from './definitions';
import { type DocumentSyncSummary, type PendingDocumentSync } from '../../domain/planning-document';
import { type Deliberation, type DeliberationPanel, type VoteEvent } from '../../domain/deliberation';
import { TaskEventKind, type TaskAssignment, type TaskEvent } from '../../domain/review-task';
import { refuseTaskMove } from '../../domain/task-moves';
import { TransitionAction, type PlanSubmission, type PlanTransition } from '../../domain/plan-transition';
import { type Actor, type Person } from '../../domain/actor';
import type { PlanChangeItem } from '../../domain/plan-change';

interface Move {
  to: PlanStage;
  action: TransitionAction;
  actor: string;
  actorId?: string;
  comment?: string;
  reasonCode?: string;
  now: Date;
  requestId?: string;
  resultingRevision?: number;
}

export type OutboxItem = PlanChangeItem;

const refusal = (field: string, reason: string, id: string, en: string): Violation => ({ field, reason, message: text(id, en) });
const person = (actor: Person): Person => ({ userId: actor.userId, name: actor.name });

export class PlanProcess {
  private stage: PlanStage = PlanStage.DRAFT;
  private revision = 1;
  private readonly transitions: PlanTransition[] = [];
  private readonly outbox: OutboxItem[] = [];
  private projected = 0;
  private submission?: PlanSubmission;
  private lastDocumentSync?: DocumentSyncSummary;
  private task?: TaskAssignment;
  private taskVersion = 0;
  private deliberation?: Deliberation;
  private placement?: BudgetPlacement;
  /** Documents still to write, in calendar order; each sync is one idempotent activity. */
  private readonly pendingSyncs: PendingDocumentSync[] = [];

  constructor(private readonly planId: string) {}

  get currentStage(): PlanStage {
    return this.stage;
  }

  // --- submission and withdrawal ------------------------------------------------

  refuseSubmission(submission: PlanSubmission): Violation | undefined {
    if (this.stage !== PlanStage.DRAFT) {
      return refusal(
        'stage',
        'NOT_A_DRAFT',
        `Rencana sudah diajukan dan sedang pada tahap ${PLAN_STAGE_LABELS[this.stage].id}.`,
        `The plan was already submitted and is at stage ${PLAN_STAGE_LABELS[this.stage].en}.`,
      );
    }
    if (submission.revision !== this.revision) {
      return refusal(
        'revision',
        'REVISION_MISMATCH',
        `Revisi ${submission.revision} tidak berlaku: revisi yang sedang disusun adalah ${this.revision}.`,
        `Revision ${submission.revision} does not apply: the revision being drafted is ${this.revision}.`,
      );
    }
    if (!submission.facts) return refusal('facts', 'REQUIRED', 'Data rujukan tidak disertakan.', 'The reference facts are missing.');
    return checkPlan(submission.content, submission.facts).violations[0];
  }

  submit(submission: PlanSubmission, now: Date, requestId?: string): PlanTransition {
    this.submission = submission;
    return this.move(
      { to: PlanStage.VERIFICATION, action: TransitionAction.SUBMIT, actor: submission.submittedBy, actorId: submission.submitterId, now, requestId },
      submission,
    );
  }

  refuseWithdrawal(actor: Actor): Violation | undefined {
    if (!this.submission || actor.userId !== this.submission.submitterId) {
      return refusal('actor', 'NOT_SUBMITTER', 'Hanya pengaju yang dapat menarik rencana.', 'Only the submitter may withdraw the plan.');
    }
    if (this.stage !== PlanStage.VERIFICATION || this.task?.assignee) {
      return refusal(
        'stage',
        'ALREADY_TAKEN_UP',
        'Rencana tidak dapat ditarik: peninjau sudah mengambil atau memutusnya.',
        'The plan can no longer be withdrawn: a reviewer has taken it up or decided it.',
      );
    }
    return undefined;
  }

  withdraw(actor: Actor, now: Date, requestId?: string): PlanTransition {
    // A new revision: the withdrawn one stays on record, and its resubmission is a new Update.
    return this.move({
      to: PlanStage.DRAFT,
      action: TransitionAction.WITHDRAW,
      actor: actor.name,
      actorId: actor.userId,
      now,
      requestId,
      resultingRevision: this.revision + 1,
    });
  }

  // --- decisions ----------------------------------------------------------------

  refuseDecision(decision: ReviewDecision & { actor: Actor }): Violation | undefined {
    const misfit = refuseDecision(this.stage, decision);
    if (misfit) return misfit;
    return (
      this.refuseActor(decision.actor, STAGE_ROLE[this.stage]) ??
      this.refuseIfAssignedElsewhere(decision.actor) ??
      this.refusePlacement(decision) ??
      (this.stage === PlanStage.TKKSD_DELIBERATION && !(this.deliberation?.revision === this.revision && this.deliberation.outcome)
        ? refusal(
            'stage',
            'DELIBERATION_OPEN',
            'Rekomendasi ketua TKKSD baru dapat dicatat setelah pemungutan suara ditutup.',
            "The chair's recommendation can be recorded only once the vote has closed.",
          )
        : undefined) ??
      this.refuseUnclaimed()
    );
  }

  decide(decision: ReviewDecision & { actor: Actor }, now: Date, requestId?: string): PlanTransition {
    const approves = decision.outcome === ReviewOutcome.APPROVE;
    let to = stageAfterDecision(decision.stage, decision.outcome);
    if (approves && decision.stage === PlanStage.BUDGET_SIGNOFF) {
      this.placement = decision.placement;
      to = stageAfterPlacement(dprdApprovalReasons(this.submission!.content).length > 0);
      this.queueSyncs(DOCUMENTS_AT_PLACEMENT);
    }
    if (approves && decision.stage === PlanStage.RKA_CONFIRMATION) this.queueSyncs(DOCUMENTS_AT_RKA_CONFIRMATION);
    return this.move({
      to,
      action: decision.outcome,
      actor: decision.decidedBy,
      actorId: decision.actor.userId,
      comment: decision.comment?.trim() || undefined,
      reasonCode: decision.reasonCode,
      now,
      requestId,
      // A return opens the next revision for the officer to draft.
      resultingRevision: to === PlanStage.DRAFT ? this.revision + 1 : this.revision,
    });
  }

  // --- the review task: claim, release, reassign, delegate, take back ------------

  refuseTaskCommand(kind: TaskEventKind, command: TaskCommand): Violation | undefined {
    const task = this.task;
    if (!task) return refusal('stage', 'NO_OPEN_TASK', 'Tidak ada tugas peninjauan yang terbuka.', 'There is no open review task.');
    // The submitter neither takes up nor steers the review of their own plan.
    if (this.submission?.submitterId && command.actor.userId === this.submission.submitterId) return this.ownPlan();
    return refuseTaskMove(kind, command, task, (user, field) => this.refuseActor(user, task.candidateRole, field));
  }

  applyTaskCommand(kind: TaskEventKind, command: TaskCommand, now: Date): TaskEvent {
    const task = this.task!;
    const next: TaskAssignment = { ...task, version: ++this.taskVersion };
    switch (kind) {
      case TaskEventKind.CLAIMED:
        next.assignee = person(command.actor);
        break;
      case TaskEventKind.RELEASED:
        next.assignee = undefined;
        next.delegatedFrom = undefined;
        break;
      case TaskEventKind.REASSIGNED:
        next.assignee = person(command.to!);
        next.delegatedFrom = undefined;
        break;
      case TaskEventKind.DELEGATED:
        next.assignee = person(command.to!);
        next.delegatedFrom = person(command.actor);
        break;
      case TaskEventKind.TAKEN_BACK:
        next.assignee = task.delegatedFrom;
        next.delegatedFrom = undefined;
        break;
    }
    this.task = next;
    const event: TaskEvent = {
      kind,
      actor: person(command.actor),
      task: { ...next },
      ...(task.assignee && { previousAssignee: { ...task.assignee } }),
      reason: command.reason?.trim() || undefined,
      occurredAt: now.toISOString(),
    };
    this.outbox.push({ kind: 'task', event });
    return event;
  }

  // --- the coordination team's deliberation -----------------------------------------

  /** The panel is loaded once the move into TKKSD_DELIBERATION is in the read model. */
  needsDeliberationPanel(): boolean {
    return this.stage === PlanStage.TKKSD_DELIBERATION && this.deliberation?.revision !== this.revision && !this.nextUnprojected();
  }

  openDeliberation(panel: DeliberationPanel): void {
    // The submitter never votes on their own plan, so they do not count towards the quorum.
    const members = panel.members.filter((m) => m.userId !== this.submission?.submitterId).map(person);
    // An empty team closes at once (a tie): the chair then decides alone rather than the plan stalling.
    const outcome = deliberationOutcome(panel.rule, members.length, []);
    this.deliberation = { revision: this.revision, rule: panel.rule, members, votes: [], ...(outcome && { outcome }) };
  }

  refuseVote(actor: Actor): Violation | undefined {
    const deliberation = this.deliberation;
    if (this.stage !== PlanStage.TKKSD_DELIBERATION || !deliberation || deliberation.revision !== this.revision) {
      return refusal('stage', 'NO_DELIBERATION', 'Tidak ada pembahasan TKKSD yang terbuka.', 'No TKKSD deliberation is open.');
    }
    if (this.submission?.submitterId === actor.userId) return this.ownPlan();
    if (!deliberation.members.some((m) => m.userId === actor.userId)) {
      return refusal('actor', 'NOT_A_MEMBER', 'Anda bukan anggota TKKSD untuk pembahasan ini.', 'You are not a TKKSD member of this deliberation.');
    }
    if (deliberation.votes.some((v) => v.voter.userId === actor.userId)) {
      return refusal('actor', 'ALREADY_VOTED', 'Anda sudah memberikan suara.', 'You have already voted.');
    }
    if (deliberation.outcome) return refusal('stage', 'VOTE_CLOSED', 'Pemungutan suara sudah ditutup.', 'The vote has closed.');
    return undefined;
  }

  castVote(actor: Actor, vote: Vote, comment: string | undefined, now: Date): VoteEvent {
    const deliberation = this.deliberation!;
    const cast = { voter: person(actor), vote, comment: comment?.trim() || undefined, castAt: now.toISOString() };
    deliberation.votes.push(cast);
    deliberation.outcome = deliberationOutcome(
      deliberation.rule,
      deliberation.members.length,
      deliberation.votes.map((v) => v.vote),
    );
    const event: VoteEvent = { planId: this.planId, revision: deliberation.revision, vote: cast, outcome: deliberation.outcome };
    this.outbox.push({ kind: 'vote', event });
    return event;
  }

  // --- document sync ------------------------------------------------------------

  /**
   * Ends the DOCUMENT_SYNC step. Lines a Final document could take only as amendments are
   * said on the transition, so the plan's history shows them (never a silent success).
   */
  completeDocumentSync(summary: DocumentSyncSummary, now: Date, flaggedLines = 0): PlanTransition {
    this.lastDocumentSync = summary;
    const comment =
      flaggedLines > 0
        ? `${flaggedLines} baris dokumen perlu tindak lanjut (perubahan dokumen atau berita acara DPRD) / ${flaggedLines} document lines need follow-up (amendment or DPRD agreement record)`
        : undefined;
    return this.move({ to: PlanStage.BUDGET_SIGNOFF, action: TransitionAction.SYNC_DOCUMENTS, actor: 'system', comment, now });
  }

  /** The next document to write once the read model has caught up, if any. */
  nextDocumentSync(): PendingDocumentSync | undefined {
    return this.nextUnprojected() ? undefined : this.pendingSyncs[0];
  }

  /** Records the result of the sync `nextDocumentSync()` returned. */
  completePendingSync(summary: DocumentSyncSummary): void {
    this.pendingSyncs.shift();
    this.lastDocumentSync = summary;
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

  // --- the timeline ----------------------------------------------------------------

  /** The open review task with the instant its stage began. */
  openTask(): { task: TaskAssignment; enteredAt: string } | undefined {
    if (!this.task) return undefined;
    const enteredAt = this.transitions[this.task.openSequence - 1]?.occurredAt;
    return enteredAt ? { task: { ...this.task }, enteredAt } : undefined;
  }

  /** Members of the open deliberation who have not voted yet. */
  pendingVoters(): Person[] {
    const deliberation = this.deliberation;
    if (this.stage !== PlanStage.TKKSD_DELIBERATION || !deliberation || deliberation.revision !== this.revision || deliberation.outcome) return [];
    return deliberation.members.filter((m) => !deliberation.votes.some((v) => v.voter.userId === m.userId));
  }

  submitterId(): string | undefined {
    return this.submission?.submitterId;
  }

  // --- projection bookkeeping --------------------------------------------------------

  isFinished(): boolean {
    return (this.stage === PlanStage.COMPLETED || this.stage === PlanStage.REJECTED) && !this.nextUnprojected() && this.pendingSyncs.length === 0;
  }

  nextUnprojected(): OutboxItem | undefined {
    return this.outbox[this.projected];
  }

  /** Marks the oldest unprojected item as projected. */
  markProjected(): void {
    this.projected = Math.min(this.projected + 1, this.outbox.length);
  }

  /** A position in the outbox, to wait until the read model shows what was just done. */
  outboxLength(): number {
    return this.outbox.length;
  }

  isProjectedUpTo(length: number): boolean {
    return this.projected >= length;
  }

  /** What the read model does not show yet, oldest first (the first may be being written now). */
  unprojected(): OutboxItem[] {
    return this.outbox.slice(this.projected);
  }

  status(): PlanStatus {
    return {
      planId: this.planId,
      stage: this.stage,
      revision: this.revision,
      transitions: this.transitions.map((transition) => ({ ...transition })),
      submission: this.submission,
      lastDocumentSync: this.lastDocumentSync,
      ...(this.placement && { placement: { ...this.placement } }),
      task: this.task && { ...this.task },
      deliberation: this.deliberation && { ...this.deliberation, votes: [...this.deliberation.votes] },
    };
  }

  // --- internals --------------------------------------------------------------------------

  private queueSyncs(kinds: readonly DocumentKind[]): void {
    for (const kind of kinds) this.pendingSyncs.push({ kind, submission: this.submission!, ...(this.placement && { placement: this.placement }) });
  }

  private refuseActor(actor: Actor, role: Role | undefined, field = 'actor'): Violation | undefined {
    if (!role || !actor.roles.includes(role)) {
      return refusal(
        field,
        'ROLE_REQUIRED',
        `Tindakan ini memerlukan peran ${role ? ROLE_LABELS[role].id : '-'} di wilayah rencana.`,
        `This needs the ${role ? ROLE_LABELS[role].en : '-'} role in the plan's region.`,
      );
    }
    if (this.submission?.submitterId && actor.userId === this.submission.submitterId) return this.ownPlan(field);
    return undefined;
  }

  /** A ceiling below what the plan asks cannot hold its lines: TAPD returns the plan instead. */
  private refusePlacement(decision: ReviewDecision): Violation | undefined {
    const cost = this.submission ? estimatedCost(this.submission.content) : 0;
    if (!decision.placement || decision.placement.ceiling >= cost) return undefined;
    return refusal(
      'placement.ceiling',
      'CEILING_BELOW_PLAN_COST',
      `Plafon ${decision.placement.ceiling} lebih kecil dari total rincian ${cost}: kembalikan rencana untuk revisi.`,
      `The ceiling ${decision.placement.ceiling} is below the plan's total ${cost}: return the plan for revision instead.`,
    );
  }

  /** Only the assignee decides: a decision is deliberate, so the task is claimed first. */
  private refuseUnclaimed(): Violation | undefined {
    if (!this.task || this.task.assignee) return undefined;
    return refusal('task', 'TASK_NOT_CLAIMED', 'Ambil tugas ini terlebih dahulu sebelum memutus rencana.', 'Claim this task before deciding on the plan.');
  }

  private refuseIfAssignedElsewhere(actor: Actor): Violation | undefined {
    const assignee = this.task?.assignee;
    if (assignee && assignee.userId !== actor.userId) {
      return refusal('task', 'ASSIGNED_TO_OTHER', `Tugas ini sedang ditangani ${assignee.name}.`, `This task is assigned to ${assignee.name}.`);
    }
    return undefined;
  }

  private ownPlan(field = 'actor'): Violation {
    return refusal(field, 'OWN_PLAN', 'Pengaju tidak boleh memutus rencananya sendiri.', 'The submitter of a plan never decides on it.');
  }

  private move(move: Move, submission?: PlanSubmission): PlanTransition {
    const resultingRevision = move.resultingRevision ?? this.revision;
    const transition: PlanTransition = {
      sequence: this.transitions.length + 1,
      fromStage: this.stage,
      toStage: move.to,
      action: move.action,
      revision: this.revision,
      resultingRevision,
      actor: move.actor,
      ...(move.actorId && { actorId: move.actorId }),
      comment: move.comment,
      occurredAt: move.now.toISOString(),
      requestId: move.requestId,
      ...(move.reasonCode && { reasonCode: move.reasonCode }),
    };
    this.transitions.push(transition);
    this.outbox.push({ kind: 'transition', transition, submission });
    this.stage = move.to;
    this.revision = resultingRevision;
    // A new round of deliberation starts empty: the earlier round's votes stay in the read model.
    if (move.to === PlanStage.TKKSD_DELIBERATION) this.deliberation = undefined;
    const role = STAGE_ROLE[move.to];
    this.task =
      isReviewStage(move.to) && role ? { stage: move.to, openSequence: transition.sequence, candidateRole: role, version: ++this.taskVersion } : undefined;
    return transition;
  }
}
