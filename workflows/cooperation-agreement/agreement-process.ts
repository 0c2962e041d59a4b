// The state of one agreement's process and the moves it allows. Pure and deterministic:
// the workflow drives it, tests exercise it directly. Every change the read model must
// show is queued in an outbox the workflow projects in order (as the plan's process does).
import {
  AGREEMENT_MAY_DECLINE,
  AGREEMENT_RETURNS_TO,
  AGREEMENT_STAGE_INFO,
  AgreementStage,
  EvaluationOutcome,
  isEndedAgreementStage,
} from '../../domain/agreement-stage';
import type { Actor, Person } from '../../domain/actor';
import { text } from '../../domain/message';
import { type TaskEventKind, type TaskAssignmentOf, type TaskEventOf } from '../../domain/review-task';
import { refuseTaskMove } from '../../domain/task-moves';
import { ROLE_LABELS, Role } from '../../domain/role';
import type { Violation } from '../../domain/violation';
import { ReportReviewOutcome, ReportStatus, refuseReportContent, type MonevReport, type MonevReportContent } from '../../domain/monev-report';
import {
  StepOutcome,
  type AgreementStatus,
  type AgreementTerm,
  type AgreementTransition,
  type AgreementWorkflowInput,
  type CarriedAgreementState,
  type Signing,
  type StepDecision,
  type TaskCommand,
} from './definitions';

export type AgreementTask = TaskAssignmentOf<AgreementStage>;
export type AgreementTaskEvent = TaskEventOf<AgreementStage>;

export type AgreementOutboxItem =
  | { kind: 'transition'; transition: AgreementTransition; task?: AgreementTask }
  | { kind: 'task'; event: AgreementTaskEvent }
  | { kind: 'report'; report: MonevReport };

const refusal = (field: string, reason: string, id: string, en: string): Violation => ({ field, reason, message: text(id, en) });
const person = (actor: Person): Person => ({ userId: actor.userId, name: actor.name });
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Where an approval at each stage leads (DPRD approval only where it is owed). */
export function stageAfterApproval(stage: AgreementStage, dprdApprovalOwed: boolean): AgreementStage | undefined {
  switch (stage) {
    case AgreementStage.PREPARATION:
      return AgreementStage.OFFER;
    case AgreementStage.OFFER:
      return AgreementStage.KB_DRAFTING;
    case AgreementStage.KB_DRAFTING:
      return AgreementStage.KB_SIGNING;
    case AgreementStage.KB_SIGNING:
      return dprdApprovalOwed ? AgreementStage.DPRD_APPROVAL : AgreementStage.PKS_DRAFTING;
    case AgreementStage.DPRD_APPROVAL:
      return AgreementStage.PKS_DRAFTING;
    case AgreementStage.PKS_DRAFTING:
      return AgreementStage.PKS_LEGAL_REVIEW;
    case AgreementStage.PKS_LEGAL_REVIEW:
      return AgreementStage.PKS_SIGNING;
    case AgreementStage.PKS_SIGNING:
      return AgreementStage.IMPLEMENTATION;
    default:
      return undefined;
  }
}

export function refuseSigning(signing: Signing | undefined): Violation | undefined {
  if (!signing) return refusal('signing', 'REQUIRED', 'Data penandatanganan wajib diisi.', 'The signing particulars are required.');
  if (!signing.number?.trim()) return refusal('signing.number', 'REQUIRED', 'Nomor naskah wajib diisi.', 'The document number is required.');
  if (!ISO_DATE.test(signing.signedOn ?? ''))
    return refusal('signing.signedOn', 'FORMAT', 'Tanggal tanda tangan tidak valid.', 'The signing date is not valid.');
  if (!signing.signatories?.some((name) => name.trim())) {
    return refusal('signing.signatories', 'REQUIRED', 'Sebutkan para penanda tangan.', 'Name the signatories.');
  }
  // Validators do not run on replay, so requiring the copy here leaves signings already in history as they were.
  if (!signing.signedCopy?.id?.trim() || !/^[0-9a-f]{64}$/.test(signing.signedCopy.sha256 ?? '')) {
    return refusal(
      'signing.signedCopy',
      'SIGNED_COPY_REQUIRED',
      'Unggah salinan naskah yang sudah ditandatangani sebelum mencatat penandatanganan.',
      'Upload the signed copy before recording the signing.',
    );
  }
  const poa = signing.powerOfAttorney;
  if (poa && (!poa.number?.trim() || !poa.grantee?.trim() || !ISO_DATE.test(poa.grantedOn ?? ''))) {
    return refusal(
      'signing.powerOfAttorney',
      'INCOMPLETE',
      'Surat kuasa harus memuat nomor, tanggal dan penerima kuasa.',
      'A power of attorney needs its number, date and grantee.',
    );
  }
  return undefined;
}

export function refuseTerm(term: AgreementTerm | undefined): Violation | undefined {
  if (!term || !ISO_DATE.test(term.startsOn ?? '') || !ISO_DATE.test(term.endsOn ?? '')) {
    return refusal('term', 'REQUIRED', 'Tanggal mulai dan berakhir PKS wajib diisi.', "The PKS's start and end dates are required.");
  }
  if (term.endsOn <= term.startsOn)
    return refusal('term.endsOn', 'BEFORE_START', 'Tanggal berakhir harus setelah tanggal mulai.', 'The end date must follow the start date.');
  return undefined;
}

export class AgreementProcess {
  private stage: AgreementStage;
  private readonly transitions: AgreementTransition[] = [];
  private readonly outbox: AgreementOutboxItem[] = [];
  private projected = 0;
  private task?: AgreementTask;
  private taskVersion = 0;
  private kbSigning?: Signing;
  private pksSigning?: Signing;
  private term?: AgreementTerm;
  private reports: MonevReport[] = [];
  /** The reporting period the workflow's clock has reached (set by the workflow while in force). */
  reportingPeriod?: number;

  constructor(
    private readonly input: AgreementWorkflowInput,
    now: Date,
  ) {
    this.stage = AgreementStage.PREPARATION;
    if (input.carried) {
      this.restore(input.carried);
      return;
    }
    const first = input.partnerInitiated ? AgreementStage.OFFER : AgreementStage.PREPARATION;
    this.move(first, 'START', input.startedBy, now, input.partnerInitiated ? 'KSDPK atas prakarsa pihak ketiga' : undefined);
  }

  get currentStage(): AgreementStage {
    return this.stage;
  }

  get agreementTerm(): AgreementTerm | undefined {
    return this.term;
  }

  isFinished(): boolean {
    return isEndedAgreementStage(this.stage);
  }

  status(): AgreementStatus {
    return {
      agreementId: this.input.agreementId,
      planId: this.input.planId,
      stage: this.stage,
      transitions: this.transitions.map((t) => ({ ...t })),
      ...(this.task && { task: { ...this.task } }),
      ...(this.kbSigning && { kbSigning: this.kbSigning }),
      ...(this.pksSigning && { pksSigning: this.pksSigning }),
      ...(this.term && { term: this.term }),
      ...(this.reports.length > 0 && { reports: this.reports.map((r) => ({ ...r })) }),
      ...(this.reportingPeriod !== undefined && { reportingPeriod: this.reportingPeriod }),
    };
  }

  /** The state a continued run starts from; only when everything is projected (the outbox is not carried). */
  carry(): Omit<CarriedAgreementState, 'expiryRemindersSent' | 'realNow' | 'runs'> {
    return {
      stage: this.stage,
      transitions: this.transitions.map((t) => ({ ...t })),
      ...(this.task && { task: { ...this.task } }),
      taskVersion: this.taskVersion,
      ...(this.kbSigning && { kbSigning: this.kbSigning }),
      ...(this.pksSigning && { pksSigning: this.pksSigning }),
      ...(this.term && { term: this.term }),
      reports: this.reports.map((r) => ({ ...r })),
    };
  }

  private restore(carried: CarriedAgreementState): void {
    this.stage = carried.stage;
    this.transitions.push(...carried.transitions);
    this.task = carried.task;
    this.taskVersion = carried.taskVersion;
    this.kbSigning = carried.kbSigning;
    this.pksSigning = carried.pksSigning;
    this.term = carried.term;
    this.reports = [...carried.reports];
  }

  /** The open task and when its stage began (its due date counts from then). */
  openTask(): { task: AgreementTask; enteredAt: string } | undefined {
    const task = this.task;
    if (!task) return undefined;
    const opened = this.transitions.find((t) => t.sequence === task.openSequence);
    return { task: { ...task }, enteredAt: opened?.at ?? this.transitions[this.transitions.length - 1].at };
  }

  // --- monitoring and evaluation (monev) reports ---------------------------------------

  refuseReport(actor: Actor, content: MonevReportContent): Violation | undefined {
    if (this.stage !== AgreementStage.IMPLEMENTATION) {
      return refusal(
        'stage',
        'NOT_IN_FORCE',
        'Laporan pelaksanaan hanya selama perjanjian berlaku.',
        'Implementation reports are filed only while the agreement is in force.',
      );
    }
    if (!actor.roles.includes(Role.OFFICER)) return this.roleRequired(Role.OFFICER);
    if (this.reports.some((r) => r.status === ReportStatus.SUBMITTED)) {
      return refusal(
        'report',
        'REVIEW_PENDING',
        'Laporan sebelumnya masih menunggu telaah sekretariat.',
        'The previous report still awaits the secretariat’s review.',
      );
    }
    const period = this.reportingPeriod ?? 1;
    if (this.reports.some((r) => r.period === period && r.status === ReportStatus.ACCEPTED)) {
      return refusal('report', 'PERIOD_REPORTED', `Laporan periode ${period} sudah diterima.`, `The report for period ${period} was already accepted.`);
    }
    return refuseReportContent(content);
  }

  submitReport(actor: Actor, content: MonevReportContent, now: Date): MonevReport {
    const report: MonevReport = {
      sequence: this.reports.length + 1,
      period: this.reportingPeriod ?? 1,
      progressPercent: content.progressPercent,
      budgetLines: content.budgetLines.map((l) => ({ lineId: l.lineId, planned: l.planned, realised: l.realised })),
      ...(content.problems?.trim() && { problems: content.problems.trim() }),
      submittedBy: person(actor),
      submittedAt: now.toISOString(),
      status: ReportStatus.SUBMITTED,
    };
    this.reports.push(report);
    this.outbox.push({ kind: 'report', report: { ...report } });
    return report;
  }

  refuseReportReview(actor: Actor, sequence: number, outcome: ReportReviewOutcome, comment: string | undefined): Violation | undefined {
    if (!actor.roles.includes(Role.SECRETARIAT)) return this.roleRequired(Role.SECRETARIAT);
    const report = this.reports.find((r) => r.sequence === sequence);
    if (!report || report.status !== ReportStatus.SUBMITTED) {
      return refusal('sequence', 'NOT_PENDING', 'Laporan ini tidak sedang menunggu telaah.', 'This report is not awaiting review.');
    }
    if (outcome !== ReportReviewOutcome.ACCEPT && outcome !== ReportReviewOutcome.RETURN) {
      return refusal('outcome', 'UNKNOWN', 'Keputusan tidak dikenal.', 'Unknown outcome.');
    }
    if (outcome === ReportReviewOutcome.RETURN && !comment?.trim()) {
      return refusal('comment', 'REQUIRED', 'Alasan pengembalian wajib diisi.', 'A reason for the return is required.');
    }
    return undefined;
  }

  /** The review is added beside the filed report; its content stays as filed. */
  reviewReport(actor: Actor, sequence: number, outcome: ReportReviewOutcome, comment: string | undefined, now: Date): MonevReport {
    const index = this.reports.findIndex((r) => r.sequence === sequence);
    const reviewed: MonevReport = {
      ...this.reports[index],
      status: outcome === ReportReviewOutcome.ACCEPT ? ReportStatus.ACCEPTED : ReportStatus.RETURNED,
      review: { by: person(actor), outcome, ...(comment?.trim() && { comment: comment.trim() }), at: now.toISOString() },
    };
    this.reports[index] = reviewed;
    this.outbox.push({ kind: 'report', report: { ...reviewed } });
    return reviewed;
  }

  // --- the outbox ------------------------------------------------------------------

  outboxLength(): number {
    return this.outbox.length;
  }
  nextUnprojected(): AgreementOutboxItem | undefined {
    return this.outbox[this.projected];
  }
  markProjected(): void {
    this.projected++;
  }
  isProjectedUpTo(length: number): boolean {
    return this.projected >= length;
  }

  // --- decisions on the stage's task --------------------------------------------------

  refuseDecision(decision: StepDecision): Violation | undefined {
    const task = this.task;
    if (!task || decision.stage !== this.stage) {
      return refusal('stage', 'STAGE_MISMATCH', 'Perjanjian tidak sedang berada pada tahap ini.', 'The agreement is not at this stage.');
    }
    if (task.assignee?.userId !== decision.actor.userId) {
      return task.assignee
        ? refusal('task', 'ASSIGNED_TO_OTHER', `Tugas ini dipegang oleh ${task.assignee.name}.`, `This task is held by ${task.assignee.name}.`)
        : refusal('task', 'TASK_NOT_CLAIMED', 'Ambil tugas ini terlebih dahulu.', 'Claim this task first.');
    }
    switch (decision.outcome) {
      case StepOutcome.RETURN:
        if (!AGREEMENT_RETURNS_TO[this.stage])
          return refusal('outcome', 'NOT_ALLOWED', 'Tahap ini tidak dapat dikembalikan.', 'This stage cannot be returned.');
        if (!decision.comment?.trim()) return refusal('comment', 'REQUIRED', 'Alasan pengembalian wajib diisi.', 'A reason for the return is required.');
        return undefined;
      case StepOutcome.DECLINE:
        if (!AGREEMENT_MAY_DECLINE.includes(this.stage))
          return refusal('outcome', 'NOT_ALLOWED', 'Penolakan tidak berlaku pada tahap ini.', 'A refusal does not apply at this stage.');
        if (!decision.comment?.trim()) return refusal('comment', 'REQUIRED', 'Alasan penolakan wajib diisi.', 'A reason for the refusal is required.');
        return undefined;
      case StepOutcome.APPROVE:
        if (this.stage === AgreementStage.KB_SIGNING) return refuseSigning(decision.signing);
        if (this.stage === AgreementStage.PKS_SIGNING) return refuseSigning(decision.signing) ?? refuseTerm(decision.term);
        if (this.stage === AgreementStage.EVALUATION && !decision.evaluation) {
          return refusal('evaluation', 'REQUIRED', 'Hasil evaluasi wajib dipilih.', 'The evaluation outcome is required.');
        }
        if (this.stage === AgreementStage.EVALUATION && decision.evaluation === EvaluationOutcome.AMEND && !decision.comment?.trim()) {
          return refusal('comment', 'REQUIRED', 'Sebutkan isi adendum.', 'Say what the addendum changes.');
        }
        return undefined;
      default:
        return refusal('outcome', 'UNKNOWN', 'Keputusan tidak dikenal.', 'Unknown outcome.');
    }
  }

  decide(decision: StepDecision, now: Date): AgreementTransition {
    const from = this.stage;
    let to: AgreementStage;
    if (decision.outcome === StepOutcome.RETURN) to = AGREEMENT_RETURNS_TO[from]!;
    else if (decision.outcome === StepOutcome.DECLINE) to = AgreementStage.TERMINATED;
    else if (from === AgreementStage.EVALUATION) to = this.stageAfterEvaluation(decision.evaluation!, now);
    else to = stageAfterApproval(from, this.input.dprdApprovalOwed)!;
    if (decision.outcome === StepOutcome.APPROVE && from === AgreementStage.KB_SIGNING) this.kbSigning = decision.signing;
    if (decision.outcome === StepOutcome.APPROVE && from === AgreementStage.PKS_SIGNING) {
      this.pksSigning = decision.signing;
      this.term = decision.term;
    }
    return this.move(to, decision.outcome, decision.actor, now, decision.comment?.trim() || undefined, {
      ...(decision.outcome === StepOutcome.APPROVE && decision.signing && { signing: decision.signing }),
      ...(decision.outcome === StepOutcome.APPROVE && decision.term && { term: decision.term }),
      ...(decision.evaluation && { evaluation: decision.evaluation }),
    });
  }

  /** AMEND (an addendum) keeps it in force; STOP ends it; CONTINUE and EXPAND conclude it, the next plan carrying on. */
  private stageAfterEvaluation(outcome: EvaluationOutcome, now: Date): AgreementStage {
    if (outcome === EvaluationOutcome.AMEND) return AgreementStage.IMPLEMENTATION;
    const ended = this.term !== undefined && this.term.endsOn <= now.toISOString().slice(0, 10);
    if (outcome === EvaluationOutcome.STOP) return ended ? AgreementStage.EXPIRED : AgreementStage.TERMINATED;
    return AgreementStage.CONCLUDED;
  }

  refuseTermination(actor: Actor, reason: string): Violation | undefined {
    if (this.stage !== AgreementStage.IMPLEMENTATION && this.stage !== AgreementStage.EVALUATION) {
      return refusal('stage', 'NOT_IN_FORCE', 'Hanya perjanjian yang berlaku dapat diakhiri.', 'Only an agreement in force can be terminated.');
    }
    if (!actor.roles.includes(Role.SECRETARIAT)) return this.roleRequired(Role.SECRETARIAT);
    if (!reason?.trim()) return refusal('reason', 'REQUIRED', 'Alasan pengakhiran wajib diisi.', 'A reason for the termination is required.');
    return undefined;
  }

  terminate(actor: Actor, reason: string, now: Date): AgreementTransition {
    return this.move(AgreementStage.TERMINATED, 'TERMINATE', actor, now, reason.trim());
  }

  refuseEvaluationRequest(actor: Actor): Violation | undefined {
    if (this.stage !== AgreementStage.IMPLEMENTATION) {
      return refusal('stage', 'NOT_IN_FORCE', 'Evaluasi hanya dapat diminta selama pelaksanaan.', 'An evaluation can only be requested during implementation.');
    }
    return actor.roles.includes(Role.SECRETARIAT) ? undefined : this.roleRequired(Role.SECRETARIAT);
  }

  requestEvaluation(actor: Actor, comment: string | undefined, now: Date): AgreementTransition {
    return this.move(AgreementStage.EVALUATION, 'REQUEST_EVALUATION', actor, now, comment?.trim() || undefined);
  }

  /** The end date came while it was in force: evaluation is due (and escalates when overdue). */
  termEnded(now: Date): AgreementTransition | undefined {
    if (this.stage !== AgreementStage.IMPLEMENTATION) return undefined;
    return this.move(AgreementStage.EVALUATION, 'TERM_ENDED', { userId: '', name: 'system' }, now);
  }

  // --- the task: claim, release, reassign, delegate, take back -----------------------------

  refuseTaskCommand(kind: TaskEventKind, command: TaskCommand): Violation | undefined {
    const task = this.task;
    if (!task) return refusal('stage', 'NO_OPEN_TASK', 'Tidak ada tugas yang terbuka.', 'There is no open task.');
    return refuseTaskMove(kind, command, task, (user, field) =>
      user.roles.includes(task.candidateRole) ? undefined : { ...this.roleRequired(task.candidateRole), field },
    );
  }

  applyTaskCommand(kind: TaskEventKind, command: TaskCommand, now: Date): AgreementTaskEvent {
    const task = this.task!;
    const next: AgreementTask = { ...task, version: ++this.taskVersion };
    const holders: Record<TaskEventKind, Pick<AgreementTask, 'assignee' | 'delegatedFrom'>> = {
      CLAIMED: { assignee: person(command.actor), delegatedFrom: task.delegatedFrom },
      RELEASED: { assignee: undefined, delegatedFrom: undefined },
      REASSIGNED: { assignee: command.to && person(command.to), delegatedFrom: undefined },
      DELEGATED: { assignee: command.to && person(command.to), delegatedFrom: person(command.actor) },
      TAKEN_BACK: { assignee: task.delegatedFrom, delegatedFrom: undefined },
    };
    Object.assign(next, holders[kind]);
    if (!next.assignee) delete next.assignee;
    if (!next.delegatedFrom) delete next.delegatedFrom;
    this.task = next;
    const event: AgreementTaskEvent = {
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

  // --- moves ------------------------------------------------------------------------

  private move(
    to: AgreementStage,
    outcome: AgreementTransition['outcome'],
    actor: Person,
    now: Date,
    comment?: string,
    extra: Partial<AgreementTransition> = {},
  ): AgreementTransition {
    const transition: AgreementTransition = {
      sequence: this.transitions.length + 1,
      from: this.stage,
      to,
      outcome,
      actor: actor.name,
      ...(actor.userId && { actorId: actor.userId }),
      ...(comment && { comment }),
      ...extra,
      at: now.toISOString(),
    };
    this.transitions.push(transition);
    this.stage = to;
    const role = AGREEMENT_STAGE_INFO[to].role;
    this.task = role ? { stage: to, openSequence: transition.sequence, candidateRole: role, version: ++this.taskVersion } : undefined;
    this.outbox.push({ kind: 'transition', transition, ...(this.task && { task: { ...this.task } }) });
    return transition;
  }

  private roleRequired(role: Role): Violation {
    return refusal('actor', 'ROLE_REQUIRED', `Tindakan ini memerlukan peran ${ROLE_LABELS[role].id}.`, `This action needs the ${ROLE_LABELS[role].en} role.`);
  }
}
