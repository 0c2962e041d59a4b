import type { AuthContext } from '../../../../domain/auth-context';
import { Vote } from '../../../../domain/deliberation';
import { Conflict, Forbidden, NotFound, ValidationFailed } from '../../../../domain/errors';
import type { PlanContent } from '../../../../domain/plan-content';
import type { ReferenceFacts } from '../../../../domain/plan-rules';
import { PlanStage } from '../../../../domain/plan-stage';
import { ReviewOutcome, type ReviewDecision } from '../../../../domain/review-decision';
import { Role, type RoleGrant } from '../../../../domain/role';
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
import type { PlanChangeItem, PlanStatusSnapshot } from '../../../../domain/plan-change';
import type { PlanProjection } from '../../../../persistence/plan-projection';
import { TaskEventKind } from '../../../../domain/review-task';
import { type PlanSubmission } from '../../../../domain/plan-transition';
import { type Actor } from '../../../../domain/actor';
import type { PlanProcessRepository } from '../repositories/plan-process.repository';
import type { NewPlan, PlanFilter, PlanRecord, PlanRepository } from '../../../../persistence/plan.repository';
import type { ReferenceFactsRepository } from '../../../../persistence/reference-facts.repository';
import type { UserRepository } from '../../../../persistence/user.repository';
import { completePlanContent, factsForCompletePlan } from '../../../../test/support/plan-content-fixtures';
import { PlanService, actorOf, decisionRequestId, type NewPlanInput } from './plan.service';

type Transition = PlanRecord['transitions'][number];
type DecisionInput = Omit<ReviewDecision, 'decidedBy'>;

const REGION = '32.71';
const OTHER_REGION = '32.01';
const AGENCY = 'Dinas Lingkungan Hidup';
const OTHER_AGENCY = 'Dinas Pariwisata';

const user = (userId: string, username: string, displayName: string, ...grants: RoleGrant[]): AuthContext => ({
  userId,
  username,
  displayName,
  grants,
});
const officerGrant = (regionCode = REGION, agency = AGENCY): RoleGrant => ({ role: Role.OFFICER, regionCode, agency });
const grant = (role: Role, regionCode = REGION): RoleGrant => ({ role, regionCode });

const OFFICER = user('u-officer', 'siti.rahma', 'Siti Rahma', officerGrant());
const OTHER_AGENCY_OFFICER = user('u-officer-2', 'dewi', 'Dewi Lestari', officerGrant(REGION, OTHER_AGENCY));
const OTHER_REGION_OFFICER = user('u-officer-3', 'yanto', 'Yanto', officerGrant(OTHER_REGION, AGENCY));
const SECRETARIAT = user('u-sec', 'budi', 'Budi Santoso', grant(Role.SECRETARIAT), grant(Role.TAPD, OTHER_REGION));
const OTHER_REGION_SECRETARIAT = user('u-sec-2', 'rina', 'Rina Wati', grant(Role.SECRETARIAT, OTHER_REGION));
const BAPPEDA = user('u-bappeda', 'agus', 'Agus Salim', grant(Role.BAPPEDA));
const SEKDA = user('u-sekda', 'hendra', 'Hendra Gunawan', grant(Role.SEKDA));
const HEAD = user('u-head', 'bima', 'Bima Arya', grant(Role.HEAD_OF_REGION));
const MEMBER = user('u-m1', 'anggota1', 'Anggota Satu', grant(Role.TKKSD_MEMBER));
const OTHER_REGION_MEMBER = user('u-m2', 'anggota2', 'Anggota Dua', grant(Role.TKKSD_MEMBER, OTHER_REGION));
const LIAISON = user('u-dprd', 'dprd', 'Sekretariat DPRD', grant(Role.DPRD_LIAISON));

const newPlan = (overrides: Partial<NewPlanInput> = {}): NewPlanInput => ({
  title: 'Kerja sama pengelolaan sampah',
  summary: 'TPA bersama',
  regionCode: REGION,
  budgetYear: 2027,
  proposingAgency: AGENCY,
  lineItems: [{ nomenclatureCode: '1.02.02.2.01.0001', description: 'Pengangkutan sampah', amount: 250_000_000 }],
  ...overrides,
});

/** What the service stores for `newPlan()`: defaults filled in, DPRD approval derived, the creator from the login. */
const storedNewPlan = (overrides: Partial<NewPlan> = {}): NewPlan => ({
  ...(newPlan() as PlanContent),
  partners: [],
  objects: [],
  multiYear: false,
  requiresDprdApproval: false,
  dprdApprovalReasons: [],
  createdBy: 'siti.rahma',
  ...overrides,
});

const record = (id: string, overrides: Partial<PlanRecord> = {}): PlanRecord => ({
  id,
  title: 'Kerja sama pengelolaan sampah',
  summary: 'TPA bersama',
  regionCode: REGION,
  budgetYear: 2027,
  proposingAgency: AGENCY,
  createdBy: 'siti.rahma',
  draftVersion: 1,
  stage: PlanStage.DRAFT,
  revision: 1,
  lastSequence: 0,
  workflowId: null,
  lastComment: null,
  continuesPlanId: null,
  cooperationType: null,
  ksdpkKind: null,
  initiator: null,
  fundingSource: null,
  burdensCommunity: null,
  multiYear: false,
  plannedDurationMonths: null,
  termsOfReference: null,
  feasibilityStudy: null,
  requiresDprdApproval: false,
  remedy: null,
  remedyMilestone: null,
  remedyRecordedAt: null,
  dprdApprovalReasons: [],
  partners: [],
  objects: [],
  createdAt: new Date('2026-03-01T08:00:00Z'),
  updatedAt: new Date('2026-03-01T08:00:00Z'),
  lineItems: [
    { id: 'li-1', planId: id, position: 0, nomenclatureCode: '1.02.02.2.01.0001', description: 'Pengangkutan sampah', amount: 250_000_000n },
    { id: 'li-2', planId: id, position: 1, nomenclatureCode: '1.02', description: 'Sosialisasi', amount: 1_000_000_000_000_000n },
  ],
  transitions: [],
  ...overrides,
});

const transition = (planId: string, sequence: number, requestId: string | null): Transition => ({
  planId,
  sequence,
  fromStage: PlanStage.VERIFICATION,
  toStage: PlanStage.BAPPEDA_REVIEW,
  action: 'APPROVE',
  revision: 1,
  actor: 'verifikator',
  actorId: null,
  comment: null,
  occurredAt: new Date('2026-03-02T08:00:00Z'),
  requestId,
  reasonCode: null,
});

class FakePlans {
  readonly records = new Map<string, PlanRecord>();
  readonly created: NewPlan[] = [];
  readonly updates: { id: string; changes: Partial<PlanContent> }[] = [];
  readonly lists: { filter: PlanFilter; grants: readonly RoleGrant[] }[] = [];
  /** What updateDraft answers; false plays a concurrent submission winning the race. */
  updateSucceeds = true;

  /** The status snapshots the workflow projected, by plan. */
  readonly statuses = new Map<string, PlanStatus>();

  async findById(id: string) {
    return this.records.get(id) ?? null;
  }

  async storedStatus(id: string) {
    return this.statuses.get(id) ?? null;
  }

  async create(plan: NewPlan) {
    this.created.push(plan);
    const { lineItems, partners: _p, objects: _o, termsOfReference: _t, feasibilityStudy: _f, ...fields } = plan;
    const stored = record(`plan-${this.created.length}`, {
      ...(fields as Partial<PlanRecord>),
      lineItems: lineItems.map((item, position) => ({ id: `li-${position}`, planId: 'x', position, ...item, amount: BigInt(item.amount) })),
    });
    this.records.set(stored.id, stored);
    return stored;
  }

  async updateDraft(id: string, changes: Partial<PlanContent>) {
    this.updates.push({ id, changes });
    if (!this.updateSucceeds) return false;
    const current = this.records.get(id)!;
    const { lineItems: _l, partners: _p, objects: _o, termsOfReference: _t, feasibilityStudy: _f, ...fields } = changes;
    this.records.set(id, { ...current, ...(fields as Partial<PlanRecord>), draftVersion: current.draftVersion + 1 });
    return true;
  }

  async list(filter: PlanFilter, grants: readonly RoleGrant[]) {
    this.lists.push({ filter, grants });
    return { items: [...this.records.values()], total: this.records.size };
  }
}

interface SentUpdate {
  planId: string;
  update: string;
  arg: unknown;
}

class FakeProcesses {
  readonly submissions: { planId: string; submission: PlanSubmission }[] = [];
  readonly decisions: { planId: string; decision: ReviewDecision & { actor: Actor }; requestId: string }[] = [];
  readonly updates: SentUpdate[] = [];
  readonly statusCalls: string[] = [];
  /** What the status query answers: undefined plays no worker answering in time. */
  live: PlanStatus | null | undefined = { planId: 'plan-1', stage: PlanStage.VERIFICATION, revision: 1, transitions: [] };

  /** What the Update answers besides the status: the changes the read model lacks. */
  pending: PlanChangeItem[] = [];
  private version = 0;

  private change(): PlanChange {
    this.version += 1;
    return { snapshot: { version: this.version, status: this.live!, at: '2026-12-02T08:00:00.000Z' }, pending: this.pending };
  }

  async submit(planId: string, submission: PlanSubmission) {
    this.submissions.push({ planId, submission });
    return this.change();
  }

  async decide(planId: string, decision: ReviewDecision & { actor: Actor }, requestId: string) {
    this.decisions.push({ planId, decision, requestId });
    return this.change();
  }

  async update(planId: string, definition: { name: string }, arg: unknown) {
    this.updates.push({ planId, update: definition.name, arg });
    return this.change();
  }

  async status(planId: string) {
    this.statusCalls.push(planId);
    return this.live;
  }
}

class FakeReferences {
  facts: ReferenceFacts = factsForCompletePlan();

  async factsFor() {
    return this.facts;
  }
}

class FakeUsers {
  /** Keyed `userId@regionCode`: the user with the roles they hold in that region. */
  readonly actors = new Map<string, Actor>();
  readonly lookups: { userId: string; regionCode: string }[] = [];

  async actorIn(userId: string, regionCode: string) {
    this.lookups.push({ userId, regionCode });
    return this.actors.get(`${userId}@${regionCode}`) ?? null;
  }
}

class FakeProjection {
  readonly catchUps: { planId: string; pending: readonly PlanChangeItem[]; snapshot: PlanStatusSnapshot }[] = [];
  /** Plays a catch-up that fails (a full pool, a transaction timed out). */
  failure?: Error;

  async catchUp(planId: string, pending: readonly PlanChangeItem[], snapshot: PlanStatusSnapshot) {
    this.catchUps.push({ planId, pending, snapshot });
    if (this.failure) throw this.failure;
  }
}

const COLLEAGUE: Actor = { userId: 'u-sec-3', name: 'Tono Sugiarto', roles: [Role.SECRETARIAT] };

function setup(...records: PlanRecord[]) {
  const plans = new FakePlans();
  const processes = new FakeProcesses();
  const references = new FakeReferences();
  const users = new FakeUsers();
  const projection = new FakeProjection();
  users.actors.set(`${COLLEAGUE.userId}@${REGION}`, COLLEAGUE);
  for (const r of records) plans.records.set(r.id, r);
  const service = new PlanService(
    plans as unknown as PlanRepository,
    processes as unknown as PlanProcessRepository,
    references as unknown as ReferenceFactsRepository,
    users as unknown as UserRepository,
    projection as unknown as PlanProjection,
  );
  return { service, plans, processes, references, users, projection };
}

/** A stored draft holding the complete, valid plan of the fixtures. */
function completeRecord(id: string, overrides: Partial<PlanRecord> = {}): PlanRecord {
  const content = completePlanContent();
  return record(id, {
    title: content.title,
    summary: content.summary,
    cooperationType: content.cooperationType!,
    initiator: content.initiator!,
    fundingSource: content.fundingSource!,
    burdensCommunity: content.burdensCommunity!,
    multiYear: content.multiYear,
    plannedDurationMonths: content.plannedDurationMonths!,
    termsOfReference: content.termsOfReference!,
    partners: content.partners.map((p, position) => ({
      id: `pa-${position}`,
      planId: id,
      position,
      kind: p.kind,
      name: p.name,
      regionCode: p.regionCode ?? null,
      legalForm: null,
      country: null,
    })),
    objects: content.objects.map((o, position) => ({
      id: `ob-${position}`,
      planId: id,
      position,
      affairCode: o.affairCode,
      programCode: o.programCode ?? null,
      kegiatanCode: o.kegiatanCode ?? null,
      subKegiatanCode: null,
      nomenclatureVersion: o.nomenclatureVersion,
      potential: o.potential,
      characteristics: o.characteristics,
      inPlanningDocuments: o.inPlanningDocuments,
      exceptionReason: null,
    })),
    lineItems: content.lineItems.map((item, position) => ({ id: `li-${position}`, planId: id, position, ...item, amount: BigInt(item.amount) })),
    ...overrides,
  });
}

async function failure(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail');
}

const approve = (stage: DecisionInput['stage'] = PlanStage.VERIFICATION): DecisionInput => ({ stage, outcome: ReviewOutcome.APPROVE });

/** The actor the workflow receives for `auth` acting on a plan of REGION. */
const actorFor = (auth: AuthContext): Actor => ({
  userId: auth.userId,
  name: auth.displayName,
  roles: auth.grants.filter((g) => g.regionCode === REGION).map((g) => g.role),
});

const underReview = (stage: PlanStage = PlanStage.VERIFICATION) => record('plan-1', { stage, lastSequence: 1 });

const NOT_FOUND_MESSAGE = { id: "Rencana kerja sama 'plan-1' tidak ditemukan.", en: "Cooperation plan 'plan-1' was not found." };

describe('PlanService', () => {
  describe('actorOf', () => {
    it('gives the user with the roles they hold in the plan region only', () => {
      expect(actorOf(SECRETARIAT, REGION)).toStrictEqual({ userId: 'u-sec', name: 'Budi Santoso', roles: ['SECRETARIAT'] });
      expect(actorOf(SECRETARIAT, OTHER_REGION)).toStrictEqual({ userId: 'u-sec', name: 'Budi Santoso', roles: ['TAPD'] });
      expect(actorOf(SECRETARIAT, '33.74')).toStrictEqual({ userId: 'u-sec', name: 'Budi Santoso', roles: [] });
    });
  });

  describe('create', () => {
    it('stores a valid draft under the login username and has no live process yet', async () => {
      const { service, plans, processes } = setup();
      const view = await service.create(OFFICER, newPlan({ lineItems: [] }));
      expect(plans.created).toEqual([storedNewPlan({ lineItems: [] })]);
      expect(view.plan.id).toBe('plan-1');
      expect(view.plan.createdBy).toBe('siti.rahma');
      expect(view.live).toBeNull();
      expect(processes.statusCalls).toEqual([]);
    });

    it('refuses invalid fields with every violation and stores nothing', async () => {
      const { service, plans } = setup();
      const error = await failure(
        service.create(OFFICER, newPlan({ title: '  abc ', regionCode: '3271', lineItems: [{ nomenclatureCode: '1.2', description: 'x', amount: -1 }] })),
      );
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).violations.map((v) => v.field)).toEqual([
        'title',
        'regionCode',
        'lineItems[0].nomenclatureCode',
        'lineItems[0].amount',
      ]);
      expect(plans.created).toEqual([]);
      expect(plans.records.size).toBe(0);
    });

    it.each([
      ['an officer of another agency', OTHER_AGENCY_OFFICER],
      ['an officer of the agency in another region', OTHER_REGION_OFFICER],
      ['a reviewer of the region', SECRETARIAT],
    ])('forbids %s to draft for the agency and stores nothing', async (_, auth) => {
      const { service, plans } = setup();
      const error = await failure(service.create(auth, newPlan()));
      expect(error).toBeInstanceOf(Forbidden);
      expect((error as Forbidden).userMessage).toEqual({
        id: 'Anda tidak terdaftar sebagai petugas Dinas Lingkungan Hidup di wilayah 32.71.',
        en: 'You are not an officer of Dinas Lingkungan Hidup in region 32.71.',
      });
      expect(plans.created).toEqual([]);
    });
  });

  describe('updateDraft', () => {
    it('applies the changes to a draft and returns the fresh plan', async () => {
      const { service, plans } = setup(record('plan-1'));
      const view = await service.updateDraft(OFFICER, 'plan-1', { title: 'Judul yang baru' });
      expect(plans.updates).toEqual([{ id: 'plan-1', changes: { title: 'Judul yang baru', requiresDprdApproval: false, dprdApprovalReasons: [] } }]);
      expect(view.plan.title).toBe('Judul yang baru');
      expect(view.plan.draftVersion).toBe(2);
      expect(view.live).toBeNull();
    });

    it.each([PlanStage.VERIFICATION, PlanStage.TKKSD_DELIBERATION, PlanStage.BUDGET_SIGNOFF, PlanStage.COMPLETED, PlanStage.REJECTED])(
      'refuses a plan at %s with Conflict NOT_A_DRAFT and writes nothing',
      async (stage) => {
        const { service, plans } = setup(record('plan-1', { stage, lastSequence: 1 }));
        const error = await failure(service.updateDraft(OFFICER, 'plan-1', { title: 'Judul yang baru' }));
        expect(error).toBeInstanceOf(Conflict);
        expect(error).toMatchObject({ code: 'NOT_A_DRAFT', kind: 'CONFLICT' });
        expect(plans.updates).toEqual([]);
      },
    );

    it('answers Conflict NOT_A_DRAFT when the repository reports it lost the race', async () => {
      const { service, plans } = setup(record('plan-1'));
      plans.updateSucceeds = false;
      const error = await failure(service.updateDraft(OFFICER, 'plan-1', { summary: 'baru' }));
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).code).toBe('NOT_A_DRAFT');
      expect(plans.updates).toHaveLength(1);
    });

    it('refuses invalid changes with ValidationFailed and writes nothing', async () => {
      const { service, plans } = setup(record('plan-1'));
      const error = await failure(service.updateDraft(OFFICER, 'plan-1', { budgetYear: 1999, proposingAgency: '   ' }));
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).violations.map((v) => v.field)).toEqual(['budgetYear', 'proposingAgency']);
      expect(plans.updates).toEqual([]);
    });

    it('reads the live status of a returned draft that already has transitions', async () => {
      const { service, processes } = setup(record('plan-1', { revision: 2, lastSequence: 2 }));
      const view = await service.updateDraft(OFFICER, 'plan-1', { summary: 'revisi' });
      expect(view.live).toBe(processes.live);
      expect(processes.statusCalls).toEqual(['plan-1']);
    });

    it('derives DPRD approval on every save from the merged content', async () => {
      const { service, plans } = setup(completeRecord('plan-1'));
      await service.updateDraft(OFFICER, 'plan-1', { fundingSource: 'APBD_NOT_YET_BUDGETED' });
      expect(plans.updates[0].changes).toMatchObject({ requiresDprdApproval: true, dprdApprovalReasons: ['NOT_YET_BUDGETED'] });
      await service.updateDraft(OFFICER, 'plan-1', { burdensCommunity: true, fundingSource: 'APBD_BUDGETED' });
      expect(plans.updates[1].changes).toMatchObject({ requiresDprdApproval: true, dprdApprovalReasons: ['BURDENS_COMMUNITY'] });
    });

    it('forbids moving the draft to an agency the officer does not draft for, and writes nothing', async () => {
      const { service, plans } = setup(record('plan-1'));
      const error = await failure(service.updateDraft(OFFICER, 'plan-1', { proposingAgency: OTHER_AGENCY }));
      expect(error).toBeInstanceOf(Forbidden);
      expect((error as Forbidden).userMessage.en).toBe('You are not an officer of Dinas Pariwisata in region 32.71.');
      expect(plans.updates).toEqual([]);
    });

    it('lets an officer of both agencies move the draft between them', async () => {
      const both = user('u-officer', 'siti.rahma', 'Siti Rahma', officerGrant(), officerGrant(REGION, OTHER_AGENCY));
      const { service, plans } = setup(record('plan-1'));
      await service.updateDraft(both, 'plan-1', { proposingAgency: OTHER_AGENCY });
      expect(plans.updates.map((u) => u.changes.proposingAgency)).toEqual([OTHER_AGENCY]);
    });

    it('forbids a reviewer who sees the draft, before looking at its stage', async () => {
      const { service, plans } = setup(record('plan-1', { stage: PlanStage.VERIFICATION, lastSequence: 1 }));
      const error = await failure(service.updateDraft(SECRETARIAT, 'plan-1', { title: 'Judul yang baru' }));
      expect(error).toBeInstanceOf(Forbidden);
      expect((error as Forbidden).userMessage.en).toBe('Only officers of the proposing agency may draft or submit this plan.');
      expect(plans.updates).toEqual([]);
    });

    it.each([
      ['an officer of another agency', OTHER_AGENCY_OFFICER],
      ['a reviewer of the other region', OTHER_REGION_SECRETARIAT],
    ])('answers %s NotFound and writes nothing', async (_, auth) => {
      const { service, plans } = setup(record('plan-1'));
      const error = await failure(service.updateDraft(auth, 'plan-1', { title: 'Judul yang baru' }));
      expect(error).toBeInstanceOf(NotFound);
      expect((error as NotFound).userMessage).toEqual(NOT_FOUND_MESSAGE);
      expect(plans.updates).toEqual([]);
    });
  });

  describe('check', () => {
    it('checks the plan for anyone who sees it', async () => {
      const { service } = setup(completeRecord('plan-1'));
      expect((await service.check(LIAISON, 'plan-1')).violations).toEqual([]);
      expect((await service.check(OFFICER, 'plan-1')).violations).toEqual([]);
    });

    it('answers NotFound to an officer of another agency', async () => {
      const { service } = setup(completeRecord('plan-1'));
      expect(await failure(service.check(OTHER_AGENCY_OFFICER, 'plan-1'))).toBeInstanceOf(NotFound);
    });
  });

  describe('submit', () => {
    it('passes revision, draft version, content with numeric amounts, the reference facts and the submitting user to the process', async () => {
      const { service, processes, references } = setup(completeRecord('plan-1', { revision: 2, draftVersion: 5, lastSequence: 2 }));
      const view = await service.submit(OFFICER, 'plan-1');
      expect(processes.submissions).toEqual([
        {
          planId: 'plan-1',
          submission: {
            revision: 2,
            draftVersion: 5,
            submittedBy: 'Siti Rahma',
            submitterId: 'u-officer',
            content: completePlanContent(),
            facts: references.facts,
          },
        },
      ]);
      for (const item of processes.submissions[0].submission.content.lineItems) expect(typeof item.amount).toBe('number');
      expect(view.live).toBe(processes.live);
    });

    it('refuses a plan that breaks a rule of the reference data (a partner that does not border the region)', async () => {
      const { service, processes, references } = setup(completeRecord('plan-1'));
      references.facts = factsForCompletePlan({ neighbourCodes: [] });
      const error = await failure(service.submit(OFFICER, 'plan-1'));
      expect((error as ValidationFailed).violations.map((v) => [v.field, v.reason])).toEqual([['partners', 'NOT_BORDERING']]);
      expect(processes.submissions).toEqual([]);
    });

    it('refuses an incomplete draft with ValidationFailed and does not call the process', async () => {
      const { service, processes } = setup(completeRecord('plan-1', { lineItems: [] }));
      const error = await failure(service.submit(OFFICER, 'plan-1'));
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).violations.map((v) => [v.field, v.reason])).toEqual([['lineItems', 'REQUIRED']]);
      expect(processes.submissions).toEqual([]);
    });

    it.each([PlanStage.COMPLETED, PlanStage.REJECTED])('refuses a plan that is %s with Conflict PROCESS_FINISHED', async (stage) => {
      const { service, processes } = setup(record('plan-1', { stage, lastSequence: 5 }));
      const error = await failure(service.submit(OFFICER, 'plan-1'));
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).code).toBe('PROCESS_FINISHED');
      expect((error as Conflict).userMessage.en).toBe(`The plan is already ${stage}.`);
      expect(processes.submissions).toEqual([]);
    });

    it('leaves a retried submission of a plan under review to the process', async () => {
      const { service, processes } = setup(underReview());
      await service.submit(OFFICER, 'plan-1');
      expect(processes.submissions).toHaveLength(1);
    });

    it('forbids a reviewer who sees the plan, and answers NotFound to an officer of another agency', async () => {
      const { service, processes } = setup(completeRecord('plan-1'));
      expect(await failure(service.submit(SECRETARIAT, 'plan-1'))).toBeInstanceOf(Forbidden);
      expect(await failure(service.submit(OTHER_AGENCY_OFFICER, 'plan-1'))).toBeInstanceOf(NotFound);
      expect(await failure(service.submit(OTHER_REGION_OFFICER, 'plan-1'))).toBeInstanceOf(NotFound);
      expect(processes.submissions).toEqual([]);
    });
  });

  describe('withdraw', () => {
    it('sends the withdrawal with the caller as actor and returns the plan', async () => {
      const { service, processes } = setup(underReview());
      const view = await service.withdraw(OFFICER, 'plan-1');
      expect(processes.updates).toEqual([
        { planId: 'plan-1', update: withdrawPlanUpdate.name, arg: { actor: { userId: 'u-officer', name: 'Siti Rahma', roles: ['OFFICER'] } } },
      ]);
      expect(processes.updates[0].update).toBe('withdrawPlan');
      expect(view.live).toBe(processes.live);
    });

    it('gives the workflow only the roles held in the plan region', async () => {
      const twoRegions = user('u-officer', 'siti.rahma', 'Siti Rahma', officerGrant(), grant(Role.SECRETARIAT, OTHER_REGION));
      const { service, processes } = setup(underReview());
      await service.withdraw(twoRegions, 'plan-1');
      expect(processes.updates[0].arg).toEqual({ actor: { userId: 'u-officer', name: 'Siti Rahma', roles: ['OFFICER'] } });
    });

    it('forbids a reviewer who sees the plan and hides it from an officer of another agency, sending nothing', async () => {
      const { service, processes } = setup(underReview());
      expect(await failure(service.withdraw(SECRETARIAT, 'plan-1'))).toBeInstanceOf(Forbidden);
      expect(await failure(service.withdraw(OTHER_AGENCY_OFFICER, 'plan-1'))).toBeInstanceOf(NotFound);
      expect(processes.updates).toEqual([]);
    });
  });

  describe('decide', () => {
    it('answers the decision from the Update even when the catch-up of the read model fails: the projection activities write it', async () => {
      const { service, processes, projection } = setup(underReview());
      projection.failure = new Error('Transaction already closed');
      const view = await service.decide(SECRETARIAT, 'plan-1', approve(), 'key-1');
      expect(projection.catchUps).toHaveLength(1);
      expect(view.live).toBe(processes.live);
    });

    it('answers from the Update: catches the read model up with its pending changes and snapshot, and shows its moves without reading the plan again', async () => {
      const { service, processes, projection, plans } = setup(underReview());
      const move = {
        sequence: 2,
        fromStage: PlanStage.VERIFICATION,
        toStage: PlanStage.BAPPEDA_REVIEW,
        action: 'APPROVE',
        revision: 1,
        resultingRevision: 1,
        actor: 'Budi Santoso',
        actorId: 'u-sec',
        comment: 'Lengkap',
        occurredAt: '2026-12-02T08:00:00.000Z',
        requestId: 'decide-key-1',
      } as const;
      processes.live = { planId: 'plan-1', stage: PlanStage.BAPPEDA_REVIEW, revision: 1, transitions: [move] };
      processes.pending = [{ kind: 'transition', transition: move }];
      let reads = 0;
      const findById = plans.findById.bind(plans);
      plans.findById = async (id: string) => {
        reads += 1;
        return findById(id);
      };
      const view = await service.decide(SECRETARIAT, 'plan-1', { ...approve(), comment: 'Lengkap' }, 'key-1');
      expect(projection.catchUps).toEqual([
        { planId: 'plan-1', pending: processes.pending, snapshot: { version: 1, status: processes.live, at: '2026-12-02T08:00:00.000Z' } },
      ]);
      expect(reads).toBe(1);
      expect(view.live).toBe(processes.live);
      expect(view.plan).toMatchObject({ stage: PlanStage.BAPPEDA_REVIEW, lastSequence: 2, lastComment: 'Lengkap' });
      expect(view.plan.transitions.map((t) => [t.sequence, t.toStage, t.occurredAt.toISOString()])).toEqual([
        [2, PlanStage.BAPPEDA_REVIEW, '2026-12-02T08:00:00.000Z'],
      ]);
    });

    it('sends the decision by the caller, with their display name and actor, under the request id of its Idempotency-Key', async () => {
      const { service, processes } = setup(underReview());
      await service.decide(SECRETARIAT, 'plan-1', { ...approve(), comment: 'Lengkap' }, 'key-1');
      expect(processes.decisions).toEqual([
        {
          planId: 'plan-1',
          decision: {
            stage: 'VERIFICATION',
            outcome: 'APPROVE',
            comment: 'Lengkap',
            decidedBy: 'Budi Santoso',
            actor: { userId: 'u-sec', name: 'Budi Santoso', roles: ['SECRETARIAT'] },
          },
          requestId: 'decide-key-1',
        },
      ]);
    });

    it.each([
      [PlanStage.BAPPEDA_REVIEW, BAPPEDA],
      [PlanStage.TKKSD_DELIBERATION, SEKDA],
      [PlanStage.HEAD_OF_REGION_APPROVAL, HEAD],
    ] as const)('lets the stage role decide at %s', async (stage, auth) => {
      const { service, processes } = setup(underReview(stage));
      await service.decide(auth, 'plan-1', approve(stage), 'k');
      expect(processes.decisions.map((d) => [d.decision.stage, d.decision.decidedBy, d.decision.actor])).toEqual([[stage, auth.displayName, actorFor(auth)]]);
    });

    it('makes up a fresh request id when there is no Idempotency-Key', async () => {
      const { service, processes } = setup(underReview());
      await service.decide(SECRETARIAT, 'plan-1', approve());
      await service.decide(SECRETARIAT, 'plan-1', approve());
      const [first, second] = processes.decisions.map((d) => d.requestId);
      expect(first).toMatch(/^decide-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(second).not.toBe(first);
    });

    it('refuses a decision on a DRAFT plan with Conflict NOT_UNDER_REVIEW without calling the process', async () => {
      const { service, processes } = setup(record('plan-1'));
      const error = await failure(service.decide(SECRETARIAT, 'plan-1', approve(), 'key-1'));
      expect(error).toBeInstanceOf(Conflict);
      expect(error).toMatchObject({ code: 'NOT_UNDER_REVIEW', violations: [{ field: 'stage', reason: 'NOT_UNDER_REVIEW' }] });
      expect(processes.decisions).toEqual([]);
    });

    it('refuses a return without a reason as bad input (ValidationFailed)', async () => {
      const { service, processes } = setup(underReview());
      const error = await failure(
        service.decide(SECRETARIAT, 'plan-1', { stage: PlanStage.VERIFICATION, outcome: ReviewOutcome.RETURN_FOR_REVISION, comment: '  ' }),
      );
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).violations).toEqual([expect.objectContaining({ field: 'comment', reason: 'COMMENT_REQUIRED' })]);
      expect(processes.decisions).toEqual([]);
    });

    it('refuses a decision for another stage with Conflict STAGE_MISMATCH', async () => {
      const { service, processes } = setup(underReview(PlanStage.BAPPEDA_REVIEW));
      const error = await failure(service.decide(SECRETARIAT, 'plan-1', approve(PlanStage.VERIFICATION)));
      expect((error as Conflict).code).toBe('STAGE_MISMATCH');
      expect(processes.decisions).toEqual([]);
    });

    it('answers a retried decision from the plan as it is now, without calling the process', async () => {
      // The first attempt moved the plan on: re-checking it would refuse a decision that was taken.
      const plan = record('plan-1', {
        stage: PlanStage.BAPPEDA_REVIEW,
        lastSequence: 2,
        transitions: [transition('plan-1', 1, 'submit-r1'), transition('plan-1', 2, decisionRequestId('key-1'))],
      });
      const { service, processes } = setup(plan);
      const view = await service.decide(SECRETARIAT, 'plan-1', approve(PlanStage.VERIFICATION), 'key-1');
      expect(processes.decisions).toEqual([]);
      expect(view.plan).toBe(plan);
      expect(view.live).toBe(processes.live);
    });

    it('does not treat a different key as a retry', async () => {
      const plan = record('plan-1', { stage: PlanStage.VERIFICATION, lastSequence: 1, transitions: [transition('plan-1', 1, 'decide-key-1')] });
      const { service, processes } = setup(plan);
      await service.decide(SECRETARIAT, 'plan-1', approve(), 'key-2');
      expect(processes.decisions.map((d) => d.requestId)).toEqual(['decide-key-2']);
    });

    it('refuses an invalid Idempotency-Key before anything else', async () => {
      const { service, processes } = setup(underReview());
      const error = await failure(service.decide(SECRETARIAT, 'plan-1', approve(), ''));
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(processes.decisions).toEqual([]);
    });

    it.each([
      ['Bappeda at VERIFICATION', BAPPEDA, PlanStage.VERIFICATION, 'You may not decide at stage Verification by the cooperation secretariat.'],
      ['the submitting officer at VERIFICATION', OFFICER, PlanStage.VERIFICATION, 'You may not decide at stage Verification by the cooperation secretariat.'],
      ['a TKKSD member at TKKSD_DELIBERATION', MEMBER, PlanStage.TKKSD_DELIBERATION, 'You may not decide at stage TKKSD deliberation.'],
      ['the Sekda at HEAD_OF_REGION_APPROVAL', SEKDA, PlanStage.HEAD_OF_REGION_APPROVAL, 'You may not decide at stage Head of region approval.'],
      ['the DPRD liaison at BUDGET_SIGNOFF', LIAISON, PlanStage.BUDGET_SIGNOFF, 'You may not decide at stage Placement in KUA-PPAS by TAPD.'],
    ] as const)('forbids %s, who sees the plan, without calling the process', async (_, auth, stage, message) => {
      const { service, processes } = setup(underReview(stage));
      const error = await failure(service.decide(auth, 'plan-1', approve(stage), 'key-1'));
      expect(error).toBeInstanceOf(Forbidden);
      expect((error as Forbidden).userMessage.en).toBe(message);
      expect(processes.decisions).toEqual([]);
    });

    it('forbids before checking the decision input', async () => {
      const { service } = setup(underReview());
      const error = await failure(service.decide(BAPPEDA, 'plan-1', { stage: PlanStage.VERIFICATION, outcome: ReviewOutcome.REJECT }));
      expect(error).toBeInstanceOf(Forbidden);
    });

    it.each([
      ['a reviewer of the other region', OTHER_REGION_SECRETARIAT],
      ['an officer of another agency', OTHER_AGENCY_OFFICER],
    ])('answers %s NotFound without calling the process', async (_, auth) => {
      const { service, processes } = setup(underReview());
      const error = await failure(service.decide(auth, 'plan-1', approve(), 'key-1'));
      expect(error).toBeInstanceOf(NotFound);
      expect((error as NotFound).userMessage).toEqual(NOT_FOUND_MESSAGE);
      expect(processes.decisions).toEqual([]);
      expect(processes.statusCalls).toEqual([]);
    });
  });

  describe('decisionRequestId', () => {
    it('prefixes the caller key', () => {
      expect(decisionRequestId('abc')).toBe('decide-abc');
      expect(decisionRequestId('k'.repeat(200))).toBe(`decide-${'k'.repeat(200)}`);
    });

    it.each([
      ['an empty key', ''],
      ['a blank key', '   '],
      ['a key of 201 characters', 'k'.repeat(201)],
    ])('refuses %s with ValidationFailed on Idempotency-Key', (_, key) => {
      let error: unknown;
      try {
        decisionRequestId(key);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).violations).toEqual([
        {
          field: 'Idempotency-Key',
          reason: 'LENGTH',
          message: { id: 'Idempotency-Key harus 1 sampai 200 karakter.', en: 'Idempotency-Key must be 1 to 200 characters.' },
        },
      ]);
    });
  });

  describe('actOnTask', () => {
    it.each([
      [TaskEventKind.CLAIMED, claimTaskUpdate.name, 'claimTask'],
      [TaskEventKind.RELEASED, releaseTaskUpdate.name, 'releaseTask'],
      [TaskEventKind.TAKEN_BACK, takeBackTaskUpdate.name, 'takeBackTask'],
    ])('sends %s as the %s update with the caller as actor, looking nobody up', async (kind, update, name) => {
      const { service, processes, users } = setup(underReview());
      const view = await service.actOnTask(SECRETARIAT, 'plan-1', kind);
      expect(update).toBe(name);
      expect(processes.updates).toEqual([{ planId: 'plan-1', update: name, arg: { actor: actorFor(SECRETARIAT), to: undefined, reason: undefined } }]);
      expect(users.lookups).toEqual([]);
      expect(view.live).toBe(processes.live);
    });

    it.each([
      [TaskEventKind.REASSIGNED, reassignTaskUpdate.name, 'Cuti tahunan'],
      [TaskEventKind.DELEGATED, delegateTaskUpdate.name, undefined],
    ])('sends %s as %s with the receiving user as the plan region knows them', async (kind, update, reason) => {
      const { service, processes, users } = setup(underReview());
      await service.actOnTask(SECRETARIAT, 'plan-1', kind, { toUserId: 'u-sec-3', reason });
      expect(users.lookups).toEqual([{ userId: 'u-sec-3', regionCode: REGION }]);
      expect(processes.updates).toEqual([{ planId: 'plan-1', update, arg: { actor: actorFor(SECRETARIAT), to: COLLEAGUE, reason } }]);
    });

    it.each([TaskEventKind.REASSIGNED, TaskEventKind.DELEGATED])('refuses %s without a receiving user as bad input', async (kind) => {
      const { service, processes, users } = setup(underReview());
      const error = await failure(service.actOnTask(SECRETARIAT, 'plan-1', kind, { reason: 'Cuti' }));
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).violations).toEqual([
        { field: 'toUserId', reason: 'REQUIRED', message: { id: 'Pengguna tujuan wajib diisi.', en: 'The receiving user is required.' } },
      ]);
      expect(users.lookups).toEqual([]);
      expect(processes.updates).toEqual([]);
    });

    it('answers NotFound for a receiving user who is unknown or inactive, sending nothing', async () => {
      const { service, processes } = setup(underReview());
      const error = await failure(service.actOnTask(SECRETARIAT, 'plan-1', TaskEventKind.REASSIGNED, { toUserId: 'u-ghost', reason: 'Cuti' }));
      expect(error).toBeInstanceOf(NotFound);
      expect((error as NotFound).userMessage).toEqual({ id: "Pengguna 'u-ghost' tidak ditemukan.", en: "User 'u-ghost' was not found." });
      expect(processes.updates).toEqual([]);
    });

    it('looks the receiving user up in the plan region, not the caller’s other regions', async () => {
      const { service, users } = setup(underReview());
      const elsewhereFirst = user('u-sec', 'budi', 'Budi Santoso', grant(Role.TAPD, OTHER_REGION), grant(Role.SECRETARIAT));
      users.actors.set(`u-elsewhere@${OTHER_REGION}`, { userId: 'u-elsewhere', name: 'Di Tempat Lain', roles: [Role.SECRETARIAT] });
      const error = await failure(service.actOnTask(elsewhereFirst, 'plan-1', TaskEventKind.DELEGATED, { toUserId: 'u-elsewhere' }));
      expect(error).toBeInstanceOf(NotFound);
      expect(users.lookups).toEqual([{ userId: 'u-elsewhere', regionCode: REGION }]);
    });

    it.each([
      ['a reviewer of the other region', OTHER_REGION_SECRETARIAT],
      ['an officer of another agency', OTHER_AGENCY_OFFICER],
    ])('answers %s NotFound, looking nobody up and sending nothing', async (_, auth) => {
      const { service, processes, users } = setup(underReview());
      const error = await failure(service.actOnTask(auth, 'plan-1', TaskEventKind.REASSIGNED, { toUserId: 'u-sec-3', reason: 'Cuti' }));
      expect(error).toBeInstanceOf(NotFound);
      expect((error as NotFound).userMessage).toEqual(NOT_FOUND_MESSAGE);
      expect(users.lookups).toEqual([]);
      expect(processes.updates).toEqual([]);
    });
  });

  describe('vote', () => {
    it('sends a TKKSD member’s vote with their actor and comment', async () => {
      const { service, processes } = setup(underReview(PlanStage.TKKSD_DELIBERATION));
      const view = await service.vote(MEMBER, 'plan-1', Vote.REJECT, 'Belum layak');
      expect(processes.updates).toEqual([
        {
          planId: 'plan-1',
          update: castVoteUpdate.name,
          arg: { actor: { userId: 'u-m1', name: 'Anggota Satu', roles: ['TKKSD_MEMBER'] }, vote: 'REJECT', comment: 'Belum layak' },
        },
      ]);
      expect(processes.updates[0].update).toBe('castVote');
      expect(view.live).toBe(processes.live);
    });

    it.each([
      ['the Sekda who is no TKKSD member', SEKDA],
      ['the submitting officer', OFFICER],
      ['the DPRD liaison', LIAISON],
    ])('forbids %s, who sees the plan', async (_, auth) => {
      const { service, processes } = setup(underReview(PlanStage.TKKSD_DELIBERATION));
      const error = await failure(service.vote(auth, 'plan-1', Vote.APPROVE));
      expect(error).toBeInstanceOf(Forbidden);
      expect((error as Forbidden).userMessage).toEqual({ id: 'Hanya anggota TKKSD yang dapat memberikan suara.', en: 'Only TKKSD members may vote.' });
      expect(processes.updates).toEqual([]);
    });

    it('answers a TKKSD member of the other region NotFound', async () => {
      const { service, processes } = setup(underReview(PlanStage.TKKSD_DELIBERATION));
      const error = await failure(service.vote(OTHER_REGION_MEMBER, 'plan-1', Vote.APPROVE));
      expect(error).toBeInstanceOf(NotFound);
      expect(processes.updates).toEqual([]);
    });
  });

  describe('get and list', () => {
    it('shows no live status for a never-submitted draft, without asking the process', async () => {
      const { service, processes } = setup(record('plan-1'));
      expect((await service.get(OFFICER, 'plan-1')).live).toBeNull();
      expect(processes.statusCalls).toEqual([]);
    });

    it('shows the live status once the plan has a process', async () => {
      const { service, processes } = setup(underReview());
      expect((await service.get(LIAISON, 'plan-1')).live).toBe(processes.live);
      expect(processes.statusCalls).toEqual(['plan-1']);
    });

    it('shows the stored status when no worker answers in time', async () => {
      const { service, plans, processes } = setup(underReview());
      const stored: PlanStatus = { planId: 'plan-1', stage: PlanStage.VERIFICATION, revision: 1, transitions: [] };
      plans.statuses.set('plan-1', stored);
      processes.live = undefined;
      expect((await service.get(LIAISON, 'plan-1')).live).toBe(stored);
    });

    it('shows a finished plan from its stored status without asking its process', async () => {
      const { service, plans, processes } = setup(underReview());
      const stored: PlanStatus = { planId: 'plan-1', stage: PlanStage.COMPLETED, revision: 1, transitions: [] };
      plans.statuses.set('plan-1', stored);
      expect((await service.get(LIAISON, 'plan-1')).live).toBe(stored);
      expect(processes.statusCalls).toEqual([]);
    });

    it.each([
      ['an officer of another agency', OTHER_AGENCY_OFFICER],
      ['an officer of the agency in another region', OTHER_REGION_OFFICER],
      ['a reviewer of the other region', OTHER_REGION_SECRETARIAT],
      ['a user without grants', user('u-none', 'none', 'Tanpa Peran')],
    ])('answers %s NotFound without asking the process', async (_, auth) => {
      const { service, processes } = setup(underReview());
      const error = await failure(service.get(auth, 'plan-1'));
      expect(error).toBeInstanceOf(NotFound);
      expect((error as NotFound).userMessage).toEqual(NOT_FOUND_MESSAGE);
      expect(processes.statusCalls).toEqual([]);
    });

    it('passes the list filter and the caller’s grants to the repository', async () => {
      const { service, plans } = setup(record('plan-1'));
      const filter: PlanFilter = { stage: PlanStage.DRAFT, q: 'sampah', page: 2, pageSize: 10 };
      const page = await service.list(SECRETARIAT, filter);
      expect(plans.lists).toEqual([{ filter, grants: SECRETARIAT.grants }]);
      expect(plans.lists[0].grants).toBe(SECRETARIAT.grants);
      expect(page.total).toBe(1);
    });
  });

  describe('an unknown plan id', () => {
    const calls: [string, (service: PlanService) => Promise<unknown>][] = [
      ['get', (s) => s.get(SECRETARIAT, 'missing')],
      ['check', (s) => s.check(OFFICER, 'missing')],
      ['updateDraft', (s) => s.updateDraft(OFFICER, 'missing', { title: 'Judul yang baru' })],
      ['submit', (s) => s.submit(OFFICER, 'missing')],
      ['withdraw', (s) => s.withdraw(OFFICER, 'missing')],
      ['decide', (s) => s.decide(SECRETARIAT, 'missing', approve(), 'key-1')],
      ['actOnTask', (s) => s.actOnTask(SECRETARIAT, 'missing', TaskEventKind.DELEGATED, { toUserId: 'u-sec-3' })],
      ['vote', (s) => s.vote(MEMBER, 'missing', Vote.APPROVE)],
    ];

    it.each(calls)('%s answers NotFound and touches no repository write or process', async (_, call) => {
      const { service, plans, processes, users } = setup(record('plan-1'));
      const error = await failure(call(service));
      expect(error).toBeInstanceOf(NotFound);
      expect((error as NotFound).userMessage).toEqual({
        id: "Rencana kerja sama 'missing' tidak ditemukan.",
        en: "Cooperation plan 'missing' was not found.",
      });
      expect(plans.updates).toEqual([]);
      expect(processes.submissions).toEqual([]);
      expect(processes.decisions).toEqual([]);
      expect(processes.updates).toEqual([]);
      expect(processes.statusCalls).toEqual([]);
      expect(users.lookups).toEqual([]);
    });
  });
});
