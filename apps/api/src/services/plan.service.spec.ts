import { Conflict, NotFound, ValidationFailed } from '../../../../domain/errors';
import type { PlanContent } from '../../../../domain/plan-content';
import { PlanStage } from '../../../../domain/plan-stage';
import { ReviewOutcome, type ReviewDecision } from '../../../../domain/review-decision';
import type { PlanStatus, PlanSubmission } from '../../../../workflows/cooperation-plan/definitions';
import type { PlanProcessRepository } from '../repositories/plan-process.repository';
import type { NewPlan, PlanFilter, PlanRecord, PlanRepository } from '../repositories/plan.repository';
import type { ReferenceFactsRepository } from '../repositories/reference-facts.repository';
import type { ReferenceFacts } from '../../../../domain/plan-rules';
import { completePlanContent, factsForCompletePlan } from '../../../../test/support/plan-content-fixtures';
import { PlanService, decisionRequestId, type NewPlanInput } from './plan.service';

type Transition = PlanRecord['transitions'][number];

const newPlan = (overrides: Partial<NewPlanInput> = {}): NewPlanInput => ({
  title: 'Kerja sama pengelolaan sampah',
  summary: 'TPA bersama',
  regionCode: '32.71',
  budgetYear: 2027,
  proposingAgency: 'Dinas Lingkungan Hidup',
  lineItems: [{ nomenclatureCode: '1.02.02.2.01.0001', description: 'Pengangkutan sampah', amount: 250_000_000 }],
  createdBy: 'siti.rahma',
  ...overrides,
});

/** What the service stores for `newPlan()`: defaults filled in, DPRD approval derived. */
const storedNewPlan = (overrides: Partial<NewPlan> = {}): NewPlan => ({
  ...(newPlan() as NewPlan),
  partners: [],
  objects: [],
  multiYear: false,
  requiresDprdApproval: false,
  dprdApprovalReasons: [],
  ...overrides,
});

const record = (id: string, overrides: Partial<PlanRecord> = {}): PlanRecord => ({
  id,
  title: 'Kerja sama pengelolaan sampah',
  summary: 'TPA bersama',
  regionCode: '32.71',
  budgetYear: 2027,
  proposingAgency: 'Dinas Lingkungan Hidup',
  createdBy: 'siti.rahma',
  draftVersion: 1,
  stage: PlanStage.DRAFT,
  revision: 1,
  lastSequence: 0,
  workflowId: null,
  lastComment: null,
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
  comment: null,
  occurredAt: new Date('2026-03-02T08:00:00Z'),
  requestId,
  reasonCode: null,
});

class FakePlans {
  readonly records = new Map<string, PlanRecord>();
  readonly created: NewPlan[] = [];
  readonly updates: { id: string; changes: Partial<PlanContent> }[] = [];
  readonly filters: PlanFilter[] = [];
  /** What updateDraft answers; false plays a concurrent submission winning the race. */
  updateSucceeds = true;

  async findById(id: string) {
    return this.records.get(id) ?? null;
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

  async list(filter: PlanFilter) {
    this.filters.push(filter);
    return { items: [...this.records.values()], total: this.records.size };
  }
}

class FakeProcesses {
  readonly submissions: { planId: string; submission: PlanSubmission }[] = [];
  readonly decisions: { planId: string; decision: ReviewDecision; requestId: string }[] = [];
  readonly statusCalls: string[] = [];
  live: PlanStatus | null = { planId: 'plan-1', stage: PlanStage.VERIFICATION, revision: 1, transitions: [] };

  async submit(planId: string, submission: PlanSubmission) {
    this.submissions.push({ planId, submission });
    return this.live!;
  }

  async decide(planId: string, decision: ReviewDecision, requestId: string) {
    this.decisions.push({ planId, decision, requestId });
    return this.live!;
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

function setup(...records: PlanRecord[]) {
  const plans = new FakePlans();
  const processes = new FakeProcesses();
  const references = new FakeReferences();
  for (const r of records) plans.records.set(r.id, r);
  const service = new PlanService(
    plans as unknown as PlanRepository,
    processes as unknown as PlanProcessRepository,
    references as unknown as ReferenceFactsRepository,
  );
  return { service, plans, processes, references };
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
    partners: content.partners.map((p, position) => ({ id: `pa-${position}`, planId: id, position, kind: p.kind, name: p.name, regionCode: p.regionCode ?? null, legalForm: null, country: null })),
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

const approve = (stage: ReviewDecision['stage'] = PlanStage.VERIFICATION): ReviewDecision => ({
  stage,
  outcome: ReviewOutcome.APPROVE,
  decidedBy: 'verifikator',
});

describe('PlanService', () => {
  describe('create', () => {
    it('stores a valid draft and has no live process yet', async () => {
      const { service, plans, processes } = setup();
      const view = await service.create(newPlan({ lineItems: [] }));
      expect(plans.created).toEqual([storedNewPlan({ lineItems: [] })]);
      expect(view.plan.id).toBe('plan-1');
      expect(view.live).toBeNull();
      expect(processes.statusCalls).toEqual([]);
    });

    it('refuses invalid fields with every violation and stores nothing', async () => {
      const { service, plans } = setup();
      const error = await failure(service.create(newPlan({ title: '  abc ', regionCode: '3271', lineItems: [{ nomenclatureCode: '1.2', description: 'x', amount: -1 }] })));
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
  });

  describe('updateDraft', () => {
    it('applies the changes to a draft and returns the fresh plan', async () => {
      const { service, plans } = setup(record('plan-1'));
      const view = await service.updateDraft('plan-1', { title: 'Judul yang baru' });
      expect(plans.updates).toEqual([
        { id: 'plan-1', changes: { title: 'Judul yang baru', requiresDprdApproval: false, dprdApprovalReasons: [] } },
      ]);
      expect(view.plan.title).toBe('Judul yang baru');
      expect(view.plan.draftVersion).toBe(2);
      expect(view.live).toBeNull();
    });

    it.each([PlanStage.VERIFICATION, PlanStage.BUDGET_SIGNOFF, PlanStage.COMPLETED, PlanStage.REJECTED])(
      'refuses a plan at %s with Conflict NOT_A_DRAFT and writes nothing',
      async (stage) => {
        const { service, plans } = setup(record('plan-1', { stage, lastSequence: 1 }));
        const error = await failure(service.updateDraft('plan-1', { title: 'Judul yang baru' }));
        expect(error).toBeInstanceOf(Conflict);
        expect(error).toMatchObject({ code: 'NOT_A_DRAFT', kind: 'CONFLICT' });
        expect(plans.updates).toEqual([]);
      },
    );

    it('answers Conflict NOT_A_DRAFT when the repository reports it lost the race', async () => {
      const { service, plans } = setup(record('plan-1'));
      plans.updateSucceeds = false;
      const error = await failure(service.updateDraft('plan-1', { summary: 'baru' }));
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).code).toBe('NOT_A_DRAFT');
      expect(plans.updates).toHaveLength(1);
    });

    it('refuses invalid changes with ValidationFailed and writes nothing', async () => {
      const { service, plans } = setup(record('plan-1'));
      const error = await failure(service.updateDraft('plan-1', { budgetYear: 1999, proposingAgency: '   ' }));
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).violations.map((v) => v.field)).toEqual(['budgetYear', 'proposingAgency']);
      expect(plans.updates).toEqual([]);
    });

    it('reads the live status of a returned draft that already has transitions', async () => {
      const { service, processes } = setup(record('plan-1', { revision: 2, lastSequence: 2 }));
      const view = await service.updateDraft('plan-1', { summary: 'revisi' });
      expect(view.live).toBe(processes.live);
      expect(processes.statusCalls).toEqual(['plan-1']);
    });
  });

  describe('submit', () => {
    it('passes revision, draft version, content with numeric amounts, the reference facts and the submitter to the process', async () => {
      const { service, processes, references } = setup(completeRecord('plan-1', { revision: 2, draftVersion: 5, lastSequence: 2 }));
      await service.submit('plan-1', 'siti.rahma');
      expect(processes.submissions).toEqual([
        {
          planId: 'plan-1',
          submission: { revision: 2, draftVersion: 5, submittedBy: 'siti.rahma', content: completePlanContent(), facts: references.facts },
        },
      ]);
      for (const item of processes.submissions[0].submission.content.lineItems) expect(typeof item.amount).toBe('number');
    });

    it('refuses a plan that breaks a rule of the reference data (a partner that does not border the region)', async () => {
      const { service, processes, references } = setup(completeRecord('plan-1'));
      references.facts = factsForCompletePlan({ neighbourCodes: [] });
      const error = await failure(service.submit('plan-1', 'siti.rahma'));
      expect((error as ValidationFailed).violations.map((v) => [v.field, v.reason])).toEqual([['partners', 'NOT_BORDERING']]);
      expect(processes.submissions).toEqual([]);
    });

    it('derives DPRD approval on every save from the merged content', async () => {
      const { service, plans } = setup(completeRecord('plan-1'));
      await service.updateDraft('plan-1', { fundingSource: 'APBD_NOT_YET_BUDGETED' });
      expect(plans.updates[0].changes).toMatchObject({ requiresDprdApproval: true, dprdApprovalReasons: ['NOT_YET_BUDGETED'] });
      await service.updateDraft('plan-1', { burdensCommunity: true, fundingSource: 'APBD_BUDGETED' });
      expect(plans.updates[1].changes).toMatchObject({ requiresDprdApproval: true, dprdApprovalReasons: ['BURDENS_COMMUNITY'] });
    });

    it('refuses an incomplete draft with ValidationFailed and does not call the process', async () => {
      const { service, processes } = setup(completeRecord('plan-1', { lineItems: [] }));
      const error = await failure(service.submit('plan-1', 'siti.rahma'));
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).violations.map((v) => [v.field, v.reason])).toEqual([['lineItems', 'REQUIRED']]);
      expect(processes.submissions).toEqual([]);
    });

    it.each([PlanStage.COMPLETED, PlanStage.REJECTED])('refuses a plan that is %s with Conflict PROCESS_FINISHED', async (stage) => {
      const { service, processes } = setup(record('plan-1', { stage, lastSequence: 5 }));
      const error = await failure(service.submit('plan-1', 'siti.rahma'));
      expect(error).toBeInstanceOf(Conflict);
      expect((error as Conflict).code).toBe('PROCESS_FINISHED');
      expect((error as Conflict).userMessage.en).toBe(`The plan is already ${stage}.`);
      expect(processes.submissions).toEqual([]);
    });

    it('leaves a retried submission of a plan under review to the process', async () => {
      const { service, processes } = setup(record('plan-1', { stage: PlanStage.VERIFICATION, lastSequence: 1 }));
      await service.submit('plan-1', 'siti.rahma');
      expect(processes.submissions).toHaveLength(1);
    });
  });

  describe('decide', () => {
    it('sends a valid decision to the process under the request id of its Idempotency-Key', async () => {
      const { service, processes } = setup(record('plan-1', { stage: PlanStage.VERIFICATION, lastSequence: 1 }));
      await service.decide('plan-1', approve(), 'key-1');
      expect(processes.decisions).toEqual([{ planId: 'plan-1', decision: approve(), requestId: 'decide-key-1' }]);
    });

    it('makes up a fresh request id when there is no Idempotency-Key', async () => {
      const { service, processes } = setup(record('plan-1', { stage: PlanStage.VERIFICATION, lastSequence: 1 }));
      await service.decide('plan-1', approve());
      await service.decide('plan-1', approve());
      const [first, second] = processes.decisions.map((d) => d.requestId);
      expect(first).toMatch(/^decide-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
      expect(second).not.toBe(first);
    });

    it('refuses a decision on a DRAFT plan with Conflict NOT_UNDER_REVIEW without calling the process', async () => {
      const { service, processes } = setup(record('plan-1'));
      const error = await failure(service.decide('plan-1', approve(), 'key-1'));
      expect(error).toBeInstanceOf(Conflict);
      expect(error).toMatchObject({ code: 'NOT_UNDER_REVIEW', violations: [{ field: 'stage', reason: 'NOT_UNDER_REVIEW' }] });
      expect(processes.decisions).toEqual([]);
    });

    it('refuses a return without a reason as bad input (ValidationFailed), whatever the stage', async () => {
      const { service, processes } = setup(record('plan-1', { stage: PlanStage.VERIFICATION, lastSequence: 1 }));
      const error = await failure(
        service.decide('plan-1', { stage: PlanStage.VERIFICATION, outcome: ReviewOutcome.RETURN_FOR_REVISION, comment: '  ', decidedBy: 'v' }),
      );
      expect(error).toBeInstanceOf(ValidationFailed);
      expect((error as ValidationFailed).violations).toEqual([expect.objectContaining({ field: 'comment', reason: 'COMMENT_REQUIRED' })]);
      expect(processes.decisions).toEqual([]);
    });

    it('refuses a decision for another stage with Conflict STAGE_MISMATCH', async () => {
      const { service, processes } = setup(record('plan-1', { stage: PlanStage.BAPPEDA_REVIEW, lastSequence: 2 }));
      const error = await failure(service.decide('plan-1', approve(PlanStage.VERIFICATION)));
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
      const view = await service.decide('plan-1', approve(PlanStage.VERIFICATION), 'key-1');
      expect(processes.decisions).toEqual([]);
      expect(view.plan).toBe(plan);
      expect(view.live).toBe(processes.live);
    });

    it('does not treat a different key as a retry', async () => {
      const plan = record('plan-1', { stage: PlanStage.VERIFICATION, lastSequence: 1, transitions: [transition('plan-1', 1, 'decide-key-1')] });
      const { service, processes } = setup(plan);
      await service.decide('plan-1', approve(), 'key-2');
      expect(processes.decisions.map((d) => d.requestId)).toEqual(['decide-key-2']);
    });

    it('refuses an invalid Idempotency-Key before anything else', async () => {
      const { service, processes } = setup(record('plan-1', { stage: PlanStage.VERIFICATION, lastSequence: 1 }));
      const error = await failure(service.decide('plan-1', approve(), ''));
      expect(error).toBeInstanceOf(ValidationFailed);
      expect(processes.decisions).toEqual([]);
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

  describe('get and list', () => {
    it('shows no live status for a never-submitted draft, without asking the process', async () => {
      const { service, processes } = setup(record('plan-1'));
      expect((await service.get('plan-1')).live).toBeNull();
      expect(processes.statusCalls).toEqual([]);
    });

    it('shows the live status once the plan has a process', async () => {
      const { service, processes } = setup(record('plan-1', { stage: PlanStage.VERIFICATION, lastSequence: 1 }));
      expect((await service.get('plan-1')).live).toBe(processes.live);
      expect(processes.statusCalls).toEqual(['plan-1']);
    });

    it('passes the list filter to the repository', async () => {
      const { service, plans } = setup(record('plan-1'));
      const filter: PlanFilter = { stage: PlanStage.DRAFT, q: 'sampah', page: 2, pageSize: 10 };
      const page = await service.list(filter);
      expect(plans.filters).toEqual([filter]);
      expect(page.total).toBe(1);
    });
  });

  describe('an unknown plan id', () => {
    const calls: [string, (service: PlanService) => Promise<unknown>][] = [
      ['get', (s) => s.get('missing')],
      ['updateDraft', (s) => s.updateDraft('missing', { title: 'Judul yang baru' })],
      ['submit', (s) => s.submit('missing', 'siti.rahma')],
      ['decide', (s) => s.decide('missing', approve(), 'key-1')],
    ];

    it.each(calls)('%s answers NotFound and touches no repository write or process', async (_, call) => {
      const { service, plans, processes } = setup(record('plan-1'));
      const error = await failure(call(service));
      expect(error).toBeInstanceOf(NotFound);
      expect((error as NotFound).userMessage).toEqual({
        id: "Rencana kerja sama 'missing' tidak ditemukan.",
        en: "Cooperation plan 'missing' was not found.",
      });
      expect(plans.updates).toEqual([]);
      expect(processes.submissions).toEqual([]);
      expect(processes.decisions).toEqual([]);
      expect(processes.statusCalls).toEqual([]);
    });
  });
});
