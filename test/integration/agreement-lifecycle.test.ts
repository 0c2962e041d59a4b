// Issue 17 through HTTP on the real stack: a COMPLETED plan's agreement, started by the
// secretariat, through the offer, the KB and the PKS (legal review, signing) into force;
// its steps as tasks of the same review inbox; unique numbers per region; a termination;
// and an evaluation opened when the term ends (the term's end set in the past, so the
// timer fires at once: the clock shortened), whose CONTINUE concludes the agreement; expiry
// reminders at 07:00 region time, in order and once each through a worker restart, under a
// shortened day (TIMELINE_DAY_MS), and the Sekda told when the end date passes undecided.
import { Workbook } from 'exceljs';
import { OFFICER, REVIEWER, planAt } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { maybeRecordWorkflowHistory } from '../support/histories';
import { uploadSignedCopy } from '../support/agreement-documents';
import { AGREEMENT_HOLDER, dispatchedExpiryReminders } from '../support/agreement-journey';
import { letTimePass, waitFor } from '../support/wait';
import { addDays, localDateOf } from '../../domain/local-date';

let stack: TestStack;
const SECRETARIAT = REVIEWER.VERIFICATION;
const HEAD = REVIEWER.HEAD_OF_REGION_APPROVAL;

const HOLDER = AGREEMENT_HOLDER;

beforeAll(async () => {
  // A day lasts 1.5 s on the agreements' clock; reminders 3, 2, 1 and 0 days before the end;
  // the preparation step is due after one working day (so its reminders and escalation come soon).
  stack = await startTestStack({ TIMELINE_DAY_MS: '1500', AGREEMENT_EXPIRY_REMINDER_DAYS: '3,2,1,0', AGREEMENT_SERVICE_WORKING_DAYS: 'PREPARATION=1' });
});
afterAll(async () => {
  await stack?.stop();
});

/** Claims the agreement's task as the stage's holder and decides the step; a signing first uploads its signed copy (the secretariat). */
async function step(agreementId: string, stage: string, body: Record<string, unknown> = {}, expected = 200) {
  const user = HOLDER[stage];
  await stack.as(user).post(`/agreements/${agreementId}/task/claim`).send({}).expect(200);
  const signed = body.signing as { number: string; signedOn: string; signatories: string[] } | undefined;
  if (signed && (stage === 'KB_SIGNING' || stage === 'PKS_SIGNING')) {
    const copy = await uploadSignedCopy(stack, SECRETARIAT, agreementId, stage === 'KB_SIGNING' ? 'KB' : 'PKS', signed);
    if (copy.status !== 201) return copy;
  }
  return stack
    .as(user)
    .post(`/agreements/${agreementId}/steps`)
    .send({ stage, outcome: 'APPROVE', ...body })
    .expect(expected);
}

const signing = (number: string) => ({ number, signedOn: '2027-01-10', signatories: ['Wali Kota Bogor', 'Bupati Bogor'] });

/** Takes a started agreement through KB and PKS to IMPLEMENTATION, with the numbers and term given. */
async function toImplementation(agreementId: string, numbers: { kb: string; pks: string }, term: { startsOn: string; endsOn: string }) {
  for (const stage of ['PREPARATION', 'OFFER', 'KB_DRAFTING']) await step(agreementId, stage);
  await step(agreementId, 'KB_SIGNING', { signing: signing(numbers.kb) });
  await step(agreementId, 'PKS_DRAFTING');
  await step(agreementId, 'PKS_LEGAL_REVIEW');
  return step(agreementId, 'PKS_SIGNING', { signing: signing(numbers.pks), term });
}

describe('an agreement from a completed plan', () => {
  let planId: string;
  let agreementId: string;

  beforeAll(async () => {
    planId = await planAt(stack, 'COMPLETED');
  });

  it('is started by the secretariat only, once: a second start answers the same agreement', async () => {
    await stack.as(OFFICER).post(`/plans/${planId}/agreement`).send({}).expect(403);
    const first = await stack.as(SECRETARIAT).post(`/plans/${planId}/agreement`).send({}).expect(201);
    agreementId = first.body.id;
    expect(first.body).toMatchObject({ planId, stage: 'PREPARATION', stageBasis: { id: expect.stringContaining('PP 28/2018') } });
    const again = await stack.as(SECRETARIAT).post(`/plans/${planId}/agreement`).send({}).expect(200);
    expect(again.body.id).toBe(agreementId);
    expect(await stack.database.prisma.agreement.count({ where: { planId } })).toBe(1);
  });

  it('puts its step in the same review inbox, claimable only by the role that holds it', async () => {
    const inbox = await stack.as(SECRETARIAT).get('/review-tasks').query({ scope: 'available' }).expect(200);
    expect(inbox.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ subject: 'AGREEMENT', agreementId, agreementStage: 'PREPARATION', planId })]),
    );
    const refused = await stack.as(HEAD).post(`/agreements/${agreementId}/task/claim`).send({}).expect(409);
    expect(refused.body.code).toBe('ROLE_REQUIRED');
    const unclaimed = await stack.as(SECRETARIAT).post(`/agreements/${agreementId}/steps`).send({ stage: 'PREPARATION', outcome: 'APPROVE' }).expect(409);
    expect(unclaimed.body).toMatchObject({ code: 'TASK_NOT_CLAIMED', message: { id: expect.any(String), en: 'Claim this task first.' } });
  });

  it('goes through offer, KB, legal review and PKS signing into force, with every move recorded', async () => {
    const signed = await toImplementation(agreementId, { kb: '180/1/KB/2027', pks: '180/1/PKS/2027' }, { startsOn: '2027-02-01', endsOn: '2032-01-31' });
    expect(signed.body).toMatchObject({ stage: 'IMPLEMENTATION', kbNumber: '180/1/KB/2027', pksNumber: '180/1/PKS/2027', endsOn: '2032-01-31' });
    expect(signed.body.task).toBeUndefined();
    const moves = await stack.database.prisma.agreementTransition.findMany({ where: { agreementId }, orderBy: { sequence: 'asc' } });
    expect(moves.map((m) => m.toStage)).toEqual([
      'PREPARATION',
      'OFFER',
      'KB_DRAFTING',
      'KB_SIGNING',
      'PKS_DRAFTING',
      'PKS_LEGAL_REVIEW',
      'PKS_SIGNING',
      'IMPLEMENTATION',
    ]);
    const tasks = await stack.database.prisma.reviewTask.findMany({ where: { agreementId }, orderBy: { openSequence: 'asc' } });
    expect(tasks.map((t) => [t.agreementStage, t.candidateRole, t.status])).toEqual([
      ['PREPARATION', 'SECRETARIAT', 'CLOSED'],
      ['OFFER', 'SECRETARIAT', 'CLOSED'],
      ['KB_DRAFTING', 'SECRETARIAT', 'CLOSED'],
      ['KB_SIGNING', 'HEAD_OF_REGION', 'CLOSED'],
      ['PKS_DRAFTING', 'SECRETARIAT', 'CLOSED'],
      ['PKS_LEGAL_REVIEW', 'LEGAL_BUREAU', 'CLOSED'],
      ['PKS_SIGNING', 'HEAD_OF_REGION', 'CLOSED'],
    ]);
    // The plan's own review tasks are untouched by its agreement's.
    expect(await stack.database.prisma.reviewTask.count({ where: { planId, subject: 'PLAN', status: 'OPEN' } })).toBe(0);
    const audit = await stack.database.prisma.auditEvent.count({ where: { entity: 'AGREEMENT', entityId: agreementId } });
    expect(audit).toBe(8);
  });

  it('takes monev reports from the owning agency, immutable once filed, reviewed by the secretariat', async () => {
    const lines = await stack.database.prisma.planLineItem.findMany({ where: { planId }, orderBy: { position: 'asc' } });
    const report = { progressPercent: 40, budgetLines: [{ lineId: lines[0].id, realised: 1_000_000 }], problems: 'Lahan belum dibebaskan' };
    // Only an officer of the owning agency files it.
    await stack.as(SECRETARIAT).post(`/agreements/${agreementId}/reports`).send(report).expect(403);
    const unknown = await stack
      .as(OFFICER)
      .post(`/agreements/${agreementId}/reports`)
      .send({ ...report, budgetLines: [{ lineId: '00000000-0000-4000-8000-000000000000', realised: 1 }] })
      .expect(409);
    expect(unknown.body.violations[0]).toMatchObject({ field: 'budgetLines[0].lineId', reason: 'UNKNOWN' });
    const filed = await stack.as(OFFICER).post(`/agreements/${agreementId}/reports`).send(report).expect(200);
    expect(filed.body.reports).toEqual([
      expect.objectContaining({
        sequence: 1,
        period: 1,
        status: 'SUBMITTED',
        progressPercent: 40,
        budgetLines: [{ lineId: lines[0].id, planned: Number(lines[0].amount), realised: 1_000_000 }],
      }),
    ]);
    // A second report waits for the review of the first.
    const pending = await stack.as(OFFICER).post(`/agreements/${agreementId}/reports`).send(report).expect(409);
    expect(pending.body.code).toBe('REVIEW_PENDING');
    await stack.as(SECRETARIAT).post(`/agreements/${agreementId}/reports/1/review`).send({ outcome: 'RETURN' }).expect(409);
    await stack
      .as(SECRETARIAT)
      .post(`/agreements/${agreementId}/reports/1/review`)
      .send({ outcome: 'RETURN', comment: 'Lampirkan bukti realisasi' })
      .expect(200);
    const again = await stack
      .as(OFFICER)
      .post(`/agreements/${agreementId}/reports`)
      .send({ ...report, progressPercent: 45 })
      .expect(200);
    expect(again.body.reports.map((r: { sequence: number; status: string }) => [r.sequence, r.status])).toEqual([
      [1, 'RETURNED'],
      [2, 'SUBMITTED'],
    ]);
    const accepted = await stack.as(SECRETARIAT).post(`/agreements/${agreementId}/reports/2/review`).send({ outcome: 'ACCEPT' }).expect(200);
    expect(accepted.body.reports[1]).toMatchObject({ status: 'ACCEPTED', reviewedByName: expect.any(String) });
    const reported = await stack.as(OFFICER).post(`/agreements/${agreementId}/reports`).send(report).expect(409);
    expect(reported.body.code).toBe('PERIOD_REPORTED');
    // The returned report still reads as it was filed.
    // The secretariat hears of each filed report, the officer of each review.
    const secretariatUser = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: SECRETARIAT } });
    const officerUser = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: OFFICER } });
    await waitFor('the notices of the reports', async () => {
      const filedNotices = await stack.database.prisma.notification.count({
        where: { planId, template: 'AGREEMENT_REPORT_FILED', userId: secretariatUser.id },
      });
      const reviewNotices = await stack.database.prisma.notification.count({
        where: { planId, template: 'AGREEMENT_REPORT_REVIEWED', userId: officerUser.id },
      });
      return filedNotices === 2 && reviewNotices === 2;
    });
    const first = await stack.database.prisma.agreementReport.findUniqueOrThrow({ where: { agreementId_sequence: { agreementId, sequence: 1 } } });
    expect(first).toMatchObject({ progressPercent: 40, problems: 'Lahan belum dibebaskan', status: 'RETURNED', reviewComment: 'Lampirkan bukti realisasi' });
  });

  it('evaluates on request; AMEND (an addendum) needs its content and keeps the agreement in force', async () => {
    await stack.as(SECRETARIAT).post(`/agreements/${agreementId}/evaluation-request`).send({ comment: 'Evaluasi tengah masa' }).expect(200);
    await stack.as(SECRETARIAT).post(`/agreements/${agreementId}/task/claim`).send({}).expect(200);
    const bare = await stack
      .as(SECRETARIAT)
      .post(`/agreements/${agreementId}/steps`)
      .send({ stage: 'EVALUATION', outcome: 'APPROVE', evaluation: 'AMEND' })
      .expect(409);
    expect(bare.body.violations[0]).toMatchObject({ field: 'comment', reason: 'REQUIRED' });
    const amended = await stack
      .as(SECRETARIAT)
      .post(`/agreements/${agreementId}/steps`)
      .send({ stage: 'EVALUATION', outcome: 'APPROVE', evaluation: 'AMEND', comment: 'Adendum I: lokasi ditambah' })
      .expect(200);
    expect(amended.body.stage).toBe('IMPLEMENTATION');
  });

  it('gives each step a due date from its service period, reminds its holders and tells the Sekda once it is overdue', async () => {
    const plan = await planAt(stack, 'COMPLETED');
    const id = (await stack.as(SECRETARIAT).post(`/plans/${plan}/agreement`).send({}).expect(201)).body.id as string;
    const task = await waitFor('the preparation step’s due date', async () => {
      const row = await stack.database.prisma.reviewTask.findFirst({ where: { agreementId: id, status: 'OPEN' } });
      return row?.dueAt ? row : undefined;
    });
    expect(task).toMatchObject({ agreementStage: 'PREPARATION', dueBasis: 'SERVICE_PERIOD' });
    const page = await stack.as(SECRETARIAT).get(`/agreements/${id}`).expect(200);
    expect(page.body.task).toMatchObject({
      dueAt: task.dueAt!.toISOString(),
      dueBasis: 'SERVICE_PERIOD',
      dueSource: { id: expect.stringContaining('AGREEMENT_SERVICE_WORKING_DAYS') },
    });
    const inbox = await stack.as(SECRETARIAT).get('/review-tasks').query({ scope: 'available', sort: 'due' }).expect(200);
    expect(inbox.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ agreementId: id, dueAt: task.dueAt!.toISOString() })]));
    const escalated = await waitFor(
      'the overdue step’s escalation',
      async () => (await stack.database.prisma.reviewTask.findFirst({ where: { agreementId: id, status: 'OPEN', escalatedAt: { not: null } } })) ?? undefined,
      60_000,
    );
    expect(escalated.openSequence).toBe(task.openSequence);
    const sekda = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: REVIEWER.TKKSD_DELIBERATION } });
    const told = await waitFor('the Sekda’s notice', () =>
      stack.database.prisma.notification.findFirst({ where: { planId: plan, template: 'TASK_ESCALATED', userId: sekda.id } }),
    );
    expect(told.title).toContain('Persiapan');
    const secretariat = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: SECRETARIAT } });
    const reminders = await stack.database.prisma.notification.findMany({
      where: { planId: plan, userId: secretariat.id, template: { in: ['TASK_DUE_SOON', 'TASK_OVERDUE'] } },
      orderBy: { createdAt: 'asc' },
    });
    const ids = reminders.map((n) => n.key.split(':').pop());
    expect(ids).toContain('H-0');
    expect(ids.some((key) => key?.startsWith('OVERDUE-'))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(
      await stack.database.prisma.auditEvent.count({ where: { action: 'TASK_ESCALATED', entityId: `agreement:${task.openSequence}`, planId: plan } }),
    ).toBe(1);
    await maybeRecordWorkflowHistory(stack, `agreement-${plan}`, 'agreement-task-escalation');
  });

  it('refuses a number another agreement of the region already carries, in both languages', async () => {
    const otherPlan = await planAt(stack, 'COMPLETED');
    const other = (await stack.as(SECRETARIAT).post(`/plans/${otherPlan}/agreement`).send({}).expect(201)).body.id as string;
    for (const stage of ['PREPARATION', 'OFFER', 'KB_DRAFTING']) await step(other, stage);
    const taken = await step(other, 'KB_SIGNING', { signing: signing('180/1/KB/2027') }, 409);
    expect(taken.body).toMatchObject({
      code: 'AGREEMENT_NUMBER_TAKEN',
      message: { id: expect.stringContaining('180/1/KB/2027'), en: expect.stringContaining('already used') },
      violations: [expect.objectContaining({ field: 'signing.number', reason: 'DUPLICATE' })],
    });
    await uploadSignedCopy(stack, SECRETARIAT, other, 'KB', signing('180/2/KB/2027')).expect(201);
    await stack
      .as(HEAD)
      .post(`/agreements/${other}/steps`)
      .send({ stage: 'KB_SIGNING', outcome: 'APPROVE', signing: signing('180/2/KB/2027') })
      .expect(200);

    // In force, it is terminated early by the secretariat, with a reason.
    await step(other, 'PKS_DRAFTING');
    await step(other, 'PKS_LEGAL_REVIEW');
    await step(other, 'PKS_SIGNING', { signing: signing('180/2/PKS/2027'), term: { startsOn: '2027-02-01', endsOn: '2030-01-31' } });
    await stack.as(SECRETARIAT).post(`/agreements/${other}/terminate`).send({ reason: ' ' }).expect(409);
    const ended = await stack.as(SECRETARIAT).post(`/agreements/${other}/terminate`).send({ reason: 'Mitra tidak lagi beroperasi' }).expect(200);
    expect(ended.body.stage).toBe('TERMINATED');
    await stack.temporal.workflow.getHandle(`agreement-${otherPlan}`).result();
    await maybeRecordWorkflowHistory(stack, `agreement-${otherPlan}`, 'agreement-terminated-with-step-deadlines');
    const register = await stack.as(SECRETARIAT).get('/agreements').query({ status: 'ended' }).expect(200);
    expect(register.body.items.map((a: { id: string }) => a.id)).toContain(other);
    const active = await stack.as(SECRETARIAT).get('/agreements').query({ status: 'active' }).expect(200);
    expect(active.body.items.map((a: { id: string }) => a.id)).toEqual(expect.arrayContaining([agreementId]));
    expect(active.body.items.map((a: { id: string }) => a.id)).not.toContain(other);
    // The register as a workbook: one row per agreement, with its stage and numbers.
    const xlsx = await stack
      .as(SECRETARIAT)
      .get('/agreements/export.xlsx')
      .query({ regionCode: '32.71' })
      .buffer(true)
      .parse((res, done) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => done(null, Buffer.concat(chunks)));
      })
      .expect(200);
    const workbook = new Workbook();
    const bytes = xlsx.body as Buffer;
    await workbook.xlsx.load(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer);
    const cells = workbook.getWorksheet('Register')!.getSheetValues().flat().map(String);
    expect(cells).toEqual(expect.arrayContaining(['180/2/PKS/2027', '180/1/PKS/2027', other]));
  });

  it('opens the evaluation when the term has ended, and CONTINUE concludes it', async () => {
    const plan = await planAt(stack, 'COMPLETED');
    const id = (await stack.as(SECRETARIAT).post(`/plans/${plan}/agreement`).send({}).expect(201)).body.id as string;
    // The term ended yesterday: the timer at 07:00 on its end date is already due.
    await toImplementation(id, { kb: '180/3/KB/2027', pks: '180/3/PKS/2027' }, { startsOn: '2020-01-01', endsOn: '2021-12-31' });
    await waitFor('the evaluation to open', async () => (await stack.database.prisma.agreement.findUniqueOrThrow({ where: { id } })).stage === 'EVALUATION');
    const expired = await stack.as(SECRETARIAT).get('/agreements').query({ status: 'expired' }).expect(200);
    expect(expired.body.items.map((a: { id: string }) => a.id)).toContain(id);
    await step(id, 'EVALUATION', {}, 409);
    const decided = await stack
      .as(SECRETARIAT)
      .post(`/agreements/${id}/steps`)
      .send({ stage: 'EVALUATION', outcome: 'APPROVE', evaluation: 'CONTINUE' })
      .expect(200);
    // CONTINUE opens next year's plan draft, pre-filled from this one and linked to it.
    expect(decided.body.nextPlanId).toEqual(expect.any(String));
    const source = await stack.database.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: plan } });
    const next = await stack.database.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: decided.body.nextPlanId }, include: { lineItems: true } });
    expect(next).toMatchObject({
      stage: 'DRAFT',
      continuesPlanId: plan,
      budgetYear: source.budgetYear + 1,
      title: source.title,
      proposingAgency: source.proposingAgency,
    });
    expect(next.lineItems.length).toBeGreaterThan(0);
    const result = await stack.temporal.workflow.getHandle(`agreement-${plan}`).result();
    expect(result).toMatchObject({ stage: 'CONCLUDED' });
    await maybeRecordWorkflowHistory(stack, `agreement-${plan}`, 'agreement-term-ended-continue-with-step-deadlines');
    const moves = await stack.database.prisma.agreementTransition.findMany({ where: { agreementId: id }, orderBy: { sequence: 'asc' } });
    expect(moves.slice(-2).map((m) => [m.outcome, m.toStage])).toEqual([
      ['TERM_ENDED', 'EVALUATION'],
      ['APPROVE', 'CONCLUDED'],
    ]);
  });

  it('reminds of the end in order, once each through a worker restart, and tells the Sekda when it passes undecided', async () => {
    const plan = await planAt(stack, 'COMPLETED');
    const id = (await stack.as(SECRETARIAT).post(`/plans/${plan}/agreement`).send({}).expect(201)).body.id as string;
    const today = localDateOf(new Date(), 'Asia/Jakarta');
    const endsOn = addDays(today, 4);
    await toImplementation(id, { kb: '180/4/KB/2027', pks: '180/4/PKS/2027' }, { startsOn: today, endsOn });
    const reminders = () =>
      stack.database.prisma.notification.findMany({ where: { planId: plan, template: 'AGREEMENT_EXPIRING' }, orderBy: { createdAt: 'asc' } });
    await waitFor('the first expiry reminder', async () => (await reminders()).length > 0);
    // The worker is down while the next reminders fall due: they come late, not lost and not twice.
    await stack.stopWorker();
    await letTimePass(2_000, 'more than a day of the agreement’s clock while no worker runs');
    await stack.startWorker();
    await waitFor(
      'the evaluation to open at the end date',
      async () => (await stack.database.prisma.agreement.findUniqueOrThrow({ where: { id } })).stage === 'EVALUATION',
      60_000,
    );
    const sent = await reminders();
    const secretariat = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: SECRETARIAT } });
    const mine = sent.filter((n) => n.userId === secretariat.id);
    // Each once; in order as dispatched (two falling due together after the restart are delivered at once).
    expect(mine.map((n) => n.key.split(':').pop()).sort()).toEqual(['H-0', 'H-1', 'H-2', 'H-3']);
    const runs = await dispatchedExpiryReminders(stack, `agreement-${plan}`);
    expect(runs.flatMap((r) => r.dispatched)).toEqual(['H-3', 'H-2', 'H-1', 'H-0']);
    // The owning agency's officer hears too.
    const officer = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: OFFICER } });
    expect(sent.filter((n) => n.userId === officer.id)).toHaveLength(4);
    expect(mine[0].title).toContain('berakhir');
    const sekda = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: REVIEWER.TKKSD_DELIBERATION } });
    await waitFor('the Sekda’s escalation', () =>
      stack.database.prisma.notification.findFirst({ where: { planId: plan, template: 'AGREEMENT_EXPIRED_UNDECIDED', userId: sekda.id } }),
    );
    // (A five-year term's history staying small: test/integration/agreement-five-year.test.ts.)
    await maybeRecordWorkflowHistory(stack, `agreement-${plan}`, 'agreement-expiry-reminders-with-step-deadlines');
  });
});
