// What officers and reviewers do with plans. Rules come from domain/; side effects go
// through repositories, so this class is tested with fakes.
import { randomUUID } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { STAGE_ROLE, canDraftFor, requireDraftRights, requirePlanVisible, requireStageRights } from '../../../../domain/access-policy';
import { AuditAction, AuditEntity } from '../../../../domain/audit-action';
import { auditActor } from '../../../../domain/audit-actor';
import { hasRole, type AuthContext } from '../../../../domain/auth-context';
import type { Vote } from '../../../../domain/deliberation';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../../../domain/errors';
import { Role } from '../../../../domain/role';
import { text } from '../../../../domain/message';
import { CURRENT_NOMENCLATURE_VERSION } from '../../../../domain/nomenclature';
import { checkDraftFields, type MappedObject, type PlanContent } from '../../../../domain/plan-content';
import { checkPlan, dprdApprovalReasons, type PlanCheck } from '../../../../domain/plan-rules';
import { PlanStage, isFinalStage, isReviewStage } from '../../../../domain/plan-stage';
import { checkDecisionInput, refuseDecisionAtStage, type ReviewDecision } from '../../../../domain/review-decision';
import type { Violation } from '../../../../domain/violation';
import {
  castVoteUpdate,
  claimTaskUpdate,
  delegateTaskUpdate,
  reassignTaskUpdate,
  releaseTaskUpdate,
  takeBackTaskUpdate,
  withdrawPlanUpdate,
  type PlanChange,
  type PlanStatus,
} from '../../../../workflows/cooperation-plan/definitions';
import type { PlanTransition } from '../../../../domain/plan-transition';
import { TaskEventKind } from '../../../../domain/review-task';
import { type Actor, type Person } from '../../../../domain/actor';
import { PlanProcessRepository } from '../repositories/plan-process.repository';
import { PlanProjection } from '../../../../persistence/plan-projection';
import { PlanRepository, toPlanContent, type DerivedPlanFields, type PlanFilter, type PlanRecord } from '../../../../persistence/plan.repository';
import { ReferenceFactsRepository } from '../../../../persistence/reference-facts.repository';
import { UserRepository } from '../../../../persistence/user.repository';

const PLAN = { id: 'Rencana kerja sama', en: 'Cooperation plan' };
const IDEMPOTENCY_KEY_MAX = 200;

export interface PlanView {
  plan: PlanRecord;
  live: PlanStatus | null;
}

/** A mapped object as an officer may send it: the nomenclature version defaults to the current one. */
export type MappedObjectInput = Omit<MappedObject, 'nomenclatureVersion' | 'potential' | 'characteristics'> &
  Partial<Pick<MappedObject, 'nomenclatureVersion' | 'potential' | 'characteristics'>>;

export type PlanDraftInput = Omit<Partial<PlanContent>, 'objects'> & { objects?: MappedObjectInput[] };

export interface NewPlanInput extends PlanDraftInput {
  title: string;
  regionCode: string;
  budgetYear: number;
  proposingAgency: string;
}

export interface TaskActionInput {
  /** For a reassignment or delegation. */
  toUserId?: string;
  reason?: string;
}

const TASK_UPDATES = {
  [TaskEventKind.CLAIMED]: claimTaskUpdate,
  [TaskEventKind.RELEASED]: releaseTaskUpdate,
  [TaskEventKind.REASSIGNED]: reassignTaskUpdate,
  [TaskEventKind.DELEGATED]: delegateTaskUpdate,
  [TaskEventKind.TAKEN_BACK]: takeBackTaskUpdate,
} as const;

/** The caller as the workflow sees them: their roles in the plan's region. */
export function actorOf(auth: AuthContext, regionCode: string): Actor {
  return {
    userId: auth.userId,
    name: auth.displayName,
    roles: auth.grants.filter((grant) => grant.regionCode === regionCode).map((grant) => grant.role),
  };
}

export function decisionRequestId(idempotencyKey: string | undefined): string {
  if (idempotencyKey !== undefined && (idempotencyKey.trim().length === 0 || idempotencyKey.length > IDEMPOTENCY_KEY_MAX)) {
    throw new ValidationFailed([
      {
        field: 'Idempotency-Key',
        reason: 'LENGTH',
        message: text(`Idempotency-Key harus 1 sampai ${IDEMPOTENCY_KEY_MAX} karakter.`, `Idempotency-Key must be 1 to ${IDEMPOTENCY_KEY_MAX} characters.`),
      },
    ]);
  }
  return `decide-${idempotencyKey ?? randomUUID()}`;
}

function normalise(input: PlanDraftInput): Partial<PlanContent> {
  const { objects, ...rest } = input;
  return {
    ...rest,
    ...(objects && {
      objects: objects.map((object) => ({
        ...object,
        nomenclatureVersion: object.nomenclatureVersion ?? CURRENT_NOMENCLATURE_VERSION,
        potential: object.potential ?? '',
        characteristics: object.characteristics ?? '',
      })),
    }),
  };
}

function derived(content: Pick<PlanContent, 'burdensCommunity' | 'fundingSource' | 'cooperationType'>): DerivedPlanFields {
  const reasons = dprdApprovalReasons(content);
  return { requiresDprdApproval: reasons.length > 0, dprdApprovalReasons: reasons };
}

function rejectInvalid(violations: Violation[]): void {
  if (violations.length > 0) throw new ValidationFailed(violations);
}

function requireDrafting(auth: AuthContext, scope: { regionCode: string; proposingAgency: string }): void {
  if (!canDraftFor(auth, scope)) {
    throw new Forbidden(
      text(
        `Anda tidak terdaftar sebagai petugas ${scope.proposingAgency} di wilayah ${scope.regionCode}.`,
        `You are not an officer of ${scope.proposingAgency} in region ${scope.regionCode}.`,
      ),
    );
  }
}

function notADraft(): Conflict {
  return new Conflict('NOT_A_DRAFT', text('Hanya rencana berstatus draf yang dapat diubah.', 'Only a plan in DRAFT can be edited.'));
}

@Injectable()
export class PlanService {
  private readonly logger = new Logger(PlanService.name);

  constructor(
    private readonly plans: PlanRepository,
    private readonly processes: PlanProcessRepository,
    private readonly references: ReferenceFactsRepository,
    private readonly users: UserRepository,
    private readonly projection: PlanProjection,
  ) {}

  async create(auth: AuthContext, input: NewPlanInput): Promise<PlanView> {
    const content: PlanContent = { summary: '', partners: [], objects: [], lineItems: [], multiYear: false, ...normalise(input) } as PlanContent;
    rejectInvalid(checkDraftFields(content));
    requireDrafting(auth, content);
    const audit = {
      ...auditActor(auth, content.regionCode),
      action: AuditAction.PLAN_CREATED,
      entity: AuditEntity.PLAN,
      toStage: PlanStage.DRAFT,
      after: content,
    };
    return { plan: await this.plans.create({ ...content, ...derived(content), createdBy: auth.username }, audit), live: null };
  }

  async updateDraft(auth: AuthContext, id: string, input: PlanDraftInput): Promise<PlanView> {
    const plan = await this.requirePlan(auth, id);
    requireDraftRights(auth, plan, id);
    if (plan.stage !== PlanStage.DRAFT) throw notADraft();
    const changes = normalise(input);
    rejectInvalid(checkDraftFields(changes));
    const merged = { ...toPlanContent(plan), ...changes };
    // Moving a draft to another region or agency needs drafting rights there too.
    requireDrafting(auth, merged);
    // The repository re-checks the stage in its transaction: a submission may have won meanwhile.
    const before = toPlanContent(plan);
    const audit = {
      ...auditActor(auth, plan.regionCode),
      action: AuditAction.PLAN_EDITED,
      entity: AuditEntity.PLAN,
      before: Object.fromEntries(Object.keys(changes).map((key) => [key, before[key as keyof PlanContent]])),
      after: changes,
      details: { revision: plan.revision, draftVersion: plan.draftVersion + 1 },
    };
    if (!(await this.plans.updateDraft(id, { ...changes, ...derived(merged) }, audit))) throw notADraft();
    return this.get(auth, id);
  }

  /** Every rule the plan meets or breaks now, as the officer drafts it. */
  async check(auth: AuthContext, id: string): Promise<PlanCheck> {
    const plan = await this.requirePlan(auth, id);
    const content = toPlanContent(plan);
    return checkPlan(content, await this.references.factsFor(content, id));
  }

  async submit(auth: AuthContext, id: string): Promise<PlanView> {
    const plan = await this.requirePlan(auth, id);
    requireDraftRights(auth, plan, id);
    if (isFinalStage(plan.stage)) {
      throw new Conflict('PROCESS_FINISHED', text(`Rencana sudah ${plan.stage}.`, `The plan is already ${plan.stage}.`));
    }
    const content = toPlanContent(plan);
    const facts = await this.references.factsFor(content, id);
    // Past DRAFT the same revision was submitted already: the process answers the
    // retry from its first result, so only a draft's content is checked here.
    if (plan.stage === PlanStage.DRAFT) rejectInvalid(checkPlan(content, facts).violations);
    const live = await this.processes.submit(id, {
      revision: plan.revision,
      draftVersion: plan.draftVersion,
      content,
      facts,
      submittedBy: auth.displayName,
      submitterId: auth.userId,
    });
    return this.answered(plan, live);
  }

  /** The submitter pulls the plan back before a reviewer takes it up; it returns as a new revision. */
  async withdraw(auth: AuthContext, id: string): Promise<PlanView> {
    const plan = await this.requirePlan(auth, id);
    requireDraftRights(auth, plan, id);
    return this.answered(plan, await this.processes.update(id, withdrawPlanUpdate, { actor: actorOf(auth, plan.regionCode) }));
  }

  /** With a caller's idempotency key, a retried decision returns the plan as it is now. */
  async decide(auth: AuthContext, id: string, input: Omit<ReviewDecision, 'decidedBy'>, idempotencyKey?: string): Promise<PlanView> {
    const plan = await this.requirePlan(auth, id);
    const requestId = decisionRequestId(idempotencyKey);
    if (plan.transitions.some((t) => t.requestId === requestId)) return this.get(auth, id);
    requireStageRights(auth, plan, id, input.stage);
    const decision: ReviewDecision = { ...input, decidedBy: auth.displayName };
    const incomplete = checkDecisionInput(decision);
    if (incomplete) throw new ValidationFailed([incomplete]);
    // Early refusal from the read model; the workflow's update validator is the authority.
    const misfit = refuseDecisionAtStage(plan.stage, decision);
    if (misfit) throw new Conflict(misfit.reason, misfit.message, [misfit]);
    return this.answered(plan, await this.processes.decide(id, { ...decision, actor: actorOf(auth, plan.regionCode) }, requestId));
  }

  /** Claim, release, reassign, delegate or take back the plan's open review task. */
  async actOnTask(auth: AuthContext, id: string, kind: TaskEventKind, input: TaskActionInput = {}): Promise<PlanView> {
    const plan = await this.requirePlan(auth, id);
    // Early refusal for a visible user without the stage's role; the workflow re-checks.
    if (isReviewStage(plan.stage)) requireStageRights(auth, plan, id, plan.stage);
    const actor = actorOf(auth, plan.regionCode);
    let to: Actor | undefined;
    if (kind === TaskEventKind.REASSIGNED || kind === TaskEventKind.DELEGATED) {
      if (!input.toUserId)
        rejectInvalid([{ field: 'toUserId', reason: 'REQUIRED', message: text('Pengguna tujuan wajib diisi.', 'The receiving user is required.') }]);
      to = (await this.users.actorIn(input.toUserId!, plan.regionCode)) ?? undefined;
      if (!to) throw new NotFound({ id: 'Pengguna', en: 'User' }, input.toUserId!);
    }
    return this.answered(plan, await this.processes.update(id, TASK_UPDATES[kind], { actor, to, reason: input.reason }));
  }

  /**
   * The colleagues the open task may be reassigned or delegated to: active holders of the
   * stage's role in the plan's region, without the caller and the plan's submitter.
   */
  async taskCandidates(auth: AuthContext, id: string): Promise<Person[]> {
    const plan = await this.requirePlan(auth, id);
    if (!isReviewStage(plan.stage)) return [];
    requireStageRights(auth, plan, id, plan.stage);
    const role = STAGE_ROLE[plan.stage];
    if (!role) return [];
    const holders = await this.users.activeHolders(role, plan.regionCode);
    const submitterId = plan.transitions.find((t) => t.action === 'SUBMIT')?.actorId;
    return holders.filter((person) => person.userId !== auth.userId && person.userId !== submitterId);
  }

  async vote(auth: AuthContext, id: string, vote: Vote, comment?: string): Promise<PlanView> {
    const plan = await this.requirePlan(auth, id);
    if (!hasRole(auth, Role.TKKSD_MEMBER, plan.regionCode)) {
      throw new Forbidden(text('Hanya anggota TKKSD yang dapat memberikan suara.', 'Only TKKSD members may vote.'));
    }
    return this.answered(plan, await this.processes.update(id, castVoteUpdate, { actor: actorOf(auth, plan.regionCode), vote, comment }));
  }

  /** Built from PostgreSQL; the live query only freshens it, briefly, and never makes the page wait for a worker. */
  async get(auth: AuthContext, id: string): Promise<PlanView> {
    const plan = await this.requirePlan(auth, id);
    return { plan, live: await this.liveOf(plan) };
  }

  private async liveOf(plan: PlanRecord): Promise<PlanStatus | null> {
    if (plan.stage === PlanStage.DRAFT && plan.lastSequence === 0) return null;
    const stored = (await this.plans.storedStatus(plan.id)) as PlanStatus | null;
    // A finished process changes no more: asking it would only make a worker replay its history.
    if (stored && isFinalStage(stored.stage)) return stored;
    const fresh = await this.processes.status(plan.id);
    return fresh === undefined ? stored : fresh;
  }

  /**
   * A write's answer, from the Update's own result: once the Update has returned (its
   * workflow task is committed), the read model is caught up with it through the same
   * idempotent writes the workflow's projection activities make (so the caller reads their
   * own write at once), and the plan is the stored one with the moves the result carries.
   * No second read of the plan, no Query. The Update has happened whatever the catch-up
   * meets (a full pool, a transaction timed out under load): the workflow's projection
   * activities write the same and retry until they succeed, so a failed catch-up is
   * logged, never answered as a failure of the action.
   */
  private async answered(before: PlanRecord, { snapshot, pending }: PlanChange): Promise<PlanView> {
    try {
      await this.projection.catchUp(before.id, pending, snapshot);
    } catch (error) {
      this.logger.warn({ err: error, planId: before.id }, 'read model catch-up after an Update failed; the projection activities will write it');
    }
    return { plan: withMoves(before, snapshot.status.transitions), live: snapshot.status };
  }

  list(auth: AuthContext, filter: PlanFilter) {
    return this.plans.list(filter, auth.grants);
  }

  /** The plan, if it exists and the caller may see it: otherwise not found, whichever it is. */
  private async requirePlan(auth: AuthContext, id: string): Promise<PlanRecord> {
    const plan = await this.plans.findById(id);
    if (!plan) throw new NotFound(PLAN, id);
    requirePlanVisible(auth, plan, id);
    return plan;
  }
}

/** The stored plan as the workflow's moves leave it (what recordTransition writes, move by move). */
export function withMoves(plan: PlanRecord, moves: readonly PlanTransition[]): PlanRecord {
  let { stage, revision, lastSequence, lastComment } = plan;
  const transitions = [...plan.transitions];
  for (const move of moves) {
    if (move.sequence <= lastSequence) continue;
    stage = move.toStage;
    revision = move.resultingRevision;
    lastSequence = move.sequence;
    if (move.comment !== undefined) lastComment = move.comment;
    transitions.push({
      planId: plan.id,
      sequence: move.sequence,
      fromStage: move.fromStage,
      toStage: move.toStage,
      action: move.action,
      revision: move.revision,
      actor: move.actor,
      actorId: move.actorId ?? null,
      comment: move.comment ?? null,
      occurredAt: new Date(move.occurredAt),
      requestId: move.requestId ?? null,
      reasonCode: move.reasonCode ?? null,
    });
  }
  return { ...plan, stage, revision, lastSequence, lastComment, transitions };
}
