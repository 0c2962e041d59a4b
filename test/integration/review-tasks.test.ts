// Issue 4 through HTTP: claiming, releasing, passing and taking back review tasks; the
// TKKSD quorum; separation of duties; withdrawal; the send-back loop with revision diffs
// and the audit trail of a whole lifecycle.
import { createTestUser } from '../support/auth';
import { OFFICER, REVIEWER, TKKSD_MEMBERS, advanceTo, decide, planAt, submit, vote } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
let secondSecretariat: string;

beforeAll(async () => {
  stack = await startTestStack();
  const prisma = stack.database.prisma;
  secondSecretariat = await createTestUser(prisma, {
    username: 'sekretariat2.kotabogor',
    displayName: 'Rina Kartika',
    grants: [{ role: 'SECRETARIAT', regionCode: '32.71' }],
  });
  await createTestUser(prisma, {
    username: 'rangkap.kotabogor',
    displayName: 'Dedi Rangkap Jabatan',
    grants: [
      { role: 'OFFICER', regionCode: '32.71', agency: 'Dinas Lingkungan Hidup' },
      { role: 'SECRETARIAT', regionCode: '32.71' },
    ],
  });
});
afterAll(async () => {
  await stack?.stop();
});

describe('claiming a task', () => {
  it('lets exactly one of two simultaneous claims win; the other gets 409', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    const [first, second] = await Promise.all([
      stack.as(REVIEWER.VERIFICATION).post(`/plans/${planId}/task/claim`).send({}),
      stack.as('sekretariat2.kotabogor').post(`/plans/${planId}/task/claim`).send({}),
    ]);
    expect([first.status, second.status].sort()).toEqual([200, 409]);
    const loser = first.status === 409 ? first : second;
    expect(loser.body.code).toBe('ALREADY_CLAIMED');
    const task = await stack.database.prisma.reviewTask.findFirstOrThrow({ where: { planId, status: 'OPEN' } });
    expect(task.assigneeId).not.toBeNull();
    const winner = first.status === 200 ? REVIEWER.VERIFICATION : 'sekretariat2.kotabogor';
    const other = winner === REVIEWER.VERIFICATION ? 'sekretariat2.kotabogor' : REVIEWER.VERIFICATION;
    // The task is the winner's: the other may not decide on it.
    const blocked = await decide(stack, planId, 'VERIFICATION', 'APPROVE', undefined, other).expect(409);
    expect(blocked.body.code).toBe('ASSIGNED_TO_OTHER');
    await decide(stack, planId, 'VERIFICATION', 'APPROVE', undefined, winner).expect(200);
  });

  it('releases, reassigns with a reason, delegates and takes back, and shows it in the inbox', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    const secretariat = stack.as(REVIEWER.VERIFICATION);
    await secretariat.post(`/plans/${planId}/task/claim`).send({}).expect(200);
    const mine = await secretariat.get('/review-tasks').query({ scope: 'mine' }).expect(200);
    expect(mine.body.items.map((t: { planId: string }) => t.planId)).toContain(planId);

    await stack.as('sekretariat2.kotabogor').post(`/plans/${planId}/task/release`).send({}).expect(409);
    await secretariat.post(`/plans/${planId}/task/release`).send({}).expect(200);
    const available = await stack.as('sekretariat2.kotabogor').get('/review-tasks').query({ scope: 'available', stage: 'VERIFICATION' }).expect(200);
    expect(available.body.items.map((t: { planId: string }) => t.planId)).toContain(planId);

    await secretariat.post(`/plans/${planId}/task/claim`).send({}).expect(200);
    const noReason = await secretariat.post(`/plans/${planId}/task/reassign`).send({ toUserId: secondSecretariat }).expect(409);
    expect(noReason.body.violations).toEqual([expect.objectContaining({ field: 'reason', reason: 'REQUIRED' })]);
    const bappeda = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: REVIEWER.BAPPEDA_REVIEW } });
    const wrongRole = await secretariat.post(`/plans/${planId}/task/reassign`).send({ toUserId: bappeda.id, reason: 'cuti' }).expect(409);
    expect(wrongRole.body.violations).toEqual([expect.objectContaining({ field: 'to', reason: 'ROLE_REQUIRED' })]);
    await secretariat.post(`/plans/${planId}/task/reassign`).send({ toUserId: secondSecretariat, reason: 'Cuti tahunan' }).expect(200);
    let task = await stack.database.prisma.reviewTask.findFirstOrThrow({ where: { planId, status: 'OPEN' } });
    expect(task).toMatchObject({ assigneeId: secondSecretariat, delegatedFromId: null });

    const rina = stack.as('sekretariat2.kotabogor');
    const me = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: REVIEWER.VERIFICATION } });
    await rina.post(`/plans/${planId}/task/delegate`).send({ toUserId: me.id }).expect(200);
    task = await stack.database.prisma.reviewTask.findFirstOrThrow({ where: { planId, status: 'OPEN' } });
    expect(task).toMatchObject({ assigneeId: me.id, delegatedFromId: secondSecretariat });
    await secretariat.post(`/plans/${planId}/task/take-back`).send({}).expect(409);
    await rina.post(`/plans/${planId}/task/take-back`).send({}).expect(200);
    task = await stack.database.prisma.reviewTask.findFirstOrThrow({ where: { planId, status: 'OPEN' } });
    expect(task).toMatchObject({ assigneeId: secondSecretariat, delegatedFromId: null });
  });

  it('refuses a decision on an unclaimed task, in both languages, and changes nothing', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    const unclaimed = await stack.as(REVIEWER.VERIFICATION).post(`/plans/${planId}/decisions`).send({ stage: 'VERIFICATION', outcome: 'APPROVE' }).expect(409);
    expect(unclaimed.body).toMatchObject({
      code: 'TASK_NOT_CLAIMED',
      message: { id: 'Ambil tugas ini terlebih dahulu sebelum memutus rencana.', en: 'Claim this task before deciding on the plan.' },
    });
    expect(await stack.database.prisma.planTransition.count({ where: { planId } })).toBe(1);
    // Claimed, the same decision goes through.
    await stack.as(REVIEWER.VERIFICATION).post(`/plans/${planId}/task/claim`).send({}).expect(200);
    await stack.as(REVIEWER.VERIFICATION).post(`/plans/${planId}/decisions`).send({ stage: 'VERIFICATION', outcome: 'APPROVE' }).expect(200);
  });

  it('refuses a claim, release or take-back that carries fields, naming them, without touching the task', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    // A client confusing claim with reassign must be told, not silently take the task.
    const confused = await stack.as(REVIEWER.VERIFICATION).post(`/plans/${planId}/task/claim`).send({ toUserId: secondSecretariat }).expect(400);
    expect(confused.body.violations).toEqual([expect.objectContaining({ field: 'toUserId', reason: 'WHITELIST_VALIDATION' })]);
    expect((await stack.database.prisma.reviewTask.findFirstOrThrow({ where: { planId, status: 'OPEN' } })).assigneeId).toBeNull();
    await stack.as(REVIEWER.VERIFICATION).post(`/plans/${planId}/task/release`).send({ reason: 'x' }).expect(400);
    await stack.as(REVIEWER.VERIFICATION).post(`/plans/${planId}/task/take-back`).send({ reason: 'x' }).expect(400);
    await stack.as(REVIEWER.VERIFICATION).post(`/plans/${planId}/task/claim`).expect(200);
  });

  it('lets no one outside the role, or the region, claim', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    await stack.as(REVIEWER.BAPPEDA_REVIEW).post(`/plans/${planId}/task/claim`).send({}).expect(403);
    await stack.as('sekretariat.kabbogor').post(`/plans/${planId}/task/claim`).send({}).expect(404);
    const other = await stack.as('sekretariat.kabbogor').get('/review-tasks').expect(200);
    expect(other.body.items.map((t: { planId: string }) => t.planId)).not.toContain(planId);
  });
});

describe('the colleagues a task may be passed to', () => {
  it('lists the active holders of the stage’s role in the region, without the caller and the submitter', async () => {
    const planId = await planAt(stack, 'VERIFICATION', {}, 'rangkap.kotabogor');
    const candidates = await stack.as(REVIEWER.VERIFICATION).get(`/plans/${planId}/task/candidates`).expect(200);
    const names = candidates.body.map((p: { name: string }) => p.name);
    expect(names).toContain('Rina Kartika');
    expect(candidates.body).toContainEqual({ userId: secondSecretariat, name: 'Rina Kartika' });
    // Not the caller, not the submitter (who also holds the role), nobody of another role or region.
    const me = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: REVIEWER.VERIFICATION } });
    expect(names).not.toContain(me.displayName);
    expect(names).not.toContain('Dedi Rangkap Jabatan');
    await stack.as(REVIEWER.BAPPEDA_REVIEW).get(`/plans/${planId}/task/candidates`).expect(403);
    await stack.as('sekretariat.kabbogor').get(`/plans/${planId}/task/candidates`).expect(404);
  });
});

describe('the inbox’s filters and sorting', () => {
  it('filters by plan and by words, sorts newest or oldest first, and lists my completed tasks', async () => {
    const older = await planAt(stack, 'VERIFICATION', { title: 'Kerja sama air minum lintas batas' });
    const newer = await planAt(stack, 'VERIFICATION', { title: 'Kerja sama terminal terpadu' });
    const secretariat = stack.as(REVIEWER.VERIFICATION);
    const ids = (body: { items: Array<{ planId: string }> }) => body.items.map((t) => t.planId);

    const one = await secretariat.get('/review-tasks').query({ planId: older }).expect(200);
    expect(ids(one.body)).toEqual([older]);
    await secretariat.get('/review-tasks').query({ planId: 'not-a-uuid' }).expect(400);
    const found = await secretariat.get('/review-tasks').query({ q: 'TERMINAL terpadu' }).expect(200);
    expect(ids(found.body)).toEqual([newer]);
    // A search pattern is text, not a wildcard.
    expect((await secretariat.get('/review-tasks').query({ q: '%' }).expect(200)).body.items).toEqual([]);

    const newest = ids((await secretariat.get('/review-tasks').query({ sort: 'newest', pageSize: 100 }).expect(200)).body);
    expect(newest.indexOf(newer)).toBeLessThan(newest.indexOf(older));
    const oldest = ids((await secretariat.get('/review-tasks').query({ sort: 'oldest', pageSize: 100 }).expect(200)).body);
    expect(oldest.indexOf(older)).toBeLessThan(oldest.indexOf(newer));

    await decide(stack, older, 'VERIFICATION', 'APPROVE').expect(200);
    const completed = await secretariat.get('/review-tasks').query({ scope: 'completed', planId: older }).expect(200);
    expect(completed.body.items).toEqual([
      expect.objectContaining({ planId: older, stage: 'VERIFICATION', decision: 'APPROVE', closedAt: expect.any(String) }),
    ]);
    // Someone else's completed work is not mine.
    expect((await stack.as('sekretariat2.kotabogor').get('/review-tasks').query({ scope: 'completed', planId: older }).expect(200)).body.items).toEqual([]);
    // And it has left the open inbox.
    expect(ids((await secretariat.get('/review-tasks').query({ planId: older }).expect(200)).body)).toEqual([]);

    // The history names each person by user id beside the display name.
    const [me, officer] = await Promise.all(
      [REVIEWER.VERIFICATION, OFFICER].map((username) => stack.database.prisma.user.findUniqueOrThrow({ where: { username } })),
    );
    const history = (await secretariat.get(`/plans/${older}`).expect(200)).body.history;
    expect(history[0]).toMatchObject({ action: 'SUBMIT', actor: officer.displayName, actorId: officer.id });
    expect(history.at(-1)).toMatchObject({ action: 'APPROVE', actor: me.displayName, actorId: me.id });
  });
});

describe('separation of duties', () => {
  it('never lets the submitter claim, decide or vote on their own plan', async () => {
    const planId = await planAt(stack, 'VERIFICATION', {}, 'rangkap.kotabogor');
    const own = stack.as('rangkap.kotabogor');
    // A "may not", like every other refusal of who the caller is: 403, naming the rule in both languages.
    const claim = await own.post(`/plans/${planId}/task/claim`).send({}).expect(403);
    expect(claim.body).toMatchObject({
      code: 'OWN_PLAN',
      message: { id: 'Pengaju tidak boleh memutus rencananya sendiri.', en: 'The submitter of a plan never decides on it.' },
      violations: [expect.objectContaining({ reason: 'OWN_PLAN' })],
    });
    const decision = await own.post(`/plans/${planId}/decisions`).send({ stage: 'VERIFICATION', outcome: 'APPROVE' }).expect(403);
    expect(decision.body.code).toBe('OWN_PLAN');
    expect(await stack.database.prisma.planTransition.count({ where: { planId } })).toBe(1);
  });
});

describe('withdrawal', () => {
  it('takes a plan back to DRAFT as a new revision until a reviewer claims it', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    const withdrawn = await stack.as(OFFICER).post(`/plans/${planId}/withdraw`).send({}).expect(200);
    expect(withdrawn.body).toMatchObject({ stage: 'DRAFT', revision: 2 });
    await submit(stack, planId).expect(200);
    await stack.as(REVIEWER.VERIFICATION).post(`/plans/${planId}/task/claim`).send({}).expect(200);
    const late = await stack.as(OFFICER).post(`/plans/${planId}/withdraw`).send({}).expect(409);
    expect(late.body.code).toBe('ALREADY_TAKEN_UP');
    const byOther = await stack.as(REVIEWER.VERIFICATION).post(`/plans/${planId}/withdraw`).send({}).expect(403);
    expect(byOther.body.code).toBe('FORBIDDEN');
  });
});

describe('TKKSD deliberation', () => {
  it('passes with a majority, then the chair recommends and the head of region approves', async () => {
    const planId = await planAt(stack, 'TKKSD_DELIBERATION');
    const early = await decide(stack, planId, 'TKKSD_DELIBERATION', 'APPROVE').expect(409);
    expect(early.body.code).toBe('DELIBERATION_OPEN');
    await vote(stack, planId, TKKSD_MEMBERS[0], 'APPROVE').expect(200);
    const twice = await vote(stack, planId, TKKSD_MEMBERS[0], 'REJECT').expect(409);
    expect(twice.body.code).toBe('ALREADY_VOTED');
    await vote(stack, planId, TKKSD_MEMBERS[1], 'APPROVE', 'Sesuai RPJMD').expect(200);
    const closed = await vote(stack, planId, TKKSD_MEMBERS[2], 'APPROVE').expect(200);
    expect(closed.body.deliberation).toMatchObject({ rule: 'MAJORITY', outcome: 'PASS' });
    expect(closed.body.deliberation.members).toHaveLength(4);
    await vote(stack, planId, TKKSD_MEMBERS[3], 'REJECT').expect(409);
    await stack.as(REVIEWER.BAPPEDA_REVIEW).post(`/plans/${planId}/votes`).send({ vote: 'APPROVE' }).expect(403);
    await decide(stack, planId, 'TKKSD_DELIBERATION', 'APPROVE').expect(200);
    const head = await decide(stack, planId, 'HEAD_OF_REGION_APPROVAL', 'APPROVE').expect(200);
    expect(['DOCUMENT_SYNC', 'BUDGET_SIGNOFF']).toContain(head.body.stage);
  });

  it('fails with a majority against, and the chair rejects', async () => {
    const planId = await planAt(stack, 'TKKSD_DELIBERATION');
    for (const member of TKKSD_MEMBERS.slice(0, 3)) await vote(stack, planId, member, 'REJECT').expect(200);
    const plan = await stack.as(REVIEWER.TKKSD_DELIBERATION).get(`/plans/${planId}`).expect(200);
    expect(plan.body.deliberation.outcome).toBe('FAIL');
    const rejected = await decide(stack, planId, 'TKKSD_DELIBERATION', 'REJECT', 'Tidak direkomendasikan TKKSD').expect(200);
    expect(rejected.body.stage).toBe('REJECTED');
  });

  it('ties when the votes split evenly, and the chair decides', async () => {
    const planId = await planAt(stack, 'TKKSD_DELIBERATION');
    await vote(stack, planId, TKKSD_MEMBERS[0], 'APPROVE').expect(200);
    await vote(stack, planId, TKKSD_MEMBERS[1], 'REJECT').expect(200);
    await vote(stack, planId, TKKSD_MEMBERS[2], 'APPROVE').expect(200);
    const tied = await vote(stack, planId, TKKSD_MEMBERS[3], 'REJECT').expect(200);
    expect(tied.body.deliberation.outcome).toBe('TIE');
    const returned = await decide(stack, planId, 'TKKSD_DELIBERATION', 'RETURN_FOR_REVISION', 'Perjelas peran para pihak').expect(200);
    expect(returned.body).toMatchObject({ stage: 'DRAFT', revision: 2 });
    expect(await stack.database.prisma.tkksdVote.count({ where: { planId } })).toBe(4);
  });
});

describe('the send-back loop and the audit trail', () => {
  it('keeps every revision, shows what changed between two, and audits the whole lifecycle', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    await decide(stack, planId, 'VERIFICATION', 'RETURN_FOR_REVISION', 'Lengkapi dasar hukum').expect(200);
    await stack.as(OFFICER).patch(`/plans/${planId}`).send({ plannedDurationMonths: 48 }).expect(200);
    await advanceTo(stack, planId, 'BAPPEDA_REVIEW');
    await decide(stack, planId, 'BAPPEDA_REVIEW', 'RETURN_FOR_REVISION', 'Sesuaikan kode kegiatan').expect(200);
    await stack
      .as(OFFICER)
      .patch(`/plans/${planId}`)
      .send({ lineItems: [{ nomenclatureCode: '2.11.03.2.01.0001', description: 'Kajian kelayakan TPA regional', amount: 400_000_000 }] })
      .expect(200);
    await advanceTo(stack, planId, 'COMPLETED');

    const officer = stack.as(OFFICER);
    const revisions = await officer.get(`/plans/${planId}/revisions`).expect(200);
    expect(revisions.body.map((r: { revision: number }) => r.revision)).toEqual([1, 2, 3]);
    const first = await officer.get(`/plans/${planId}/revisions/diff`).query({ from: 1, to: 2 }).expect(200);
    expect(first.body.changes).toEqual([expect.objectContaining({ path: 'plannedDurationMonths', kind: 'CHANGED', before: 36, after: 48 })]);
    const second = await officer.get(`/plans/${planId}/revisions/diff`).query({ from: 2, to: 3 }).expect(200);
    expect(second.body.changes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ path: 'lineItems[0].amount', kind: 'CHANGED', before: 350_000_000, after: 400_000_000 }),
        expect.objectContaining({ path: 'lineItems[1]', kind: 'REMOVED' }),
      ]),
    );

    const audit = await stack.as(REVIEWER.VERIFICATION).get(`/plans/${planId}/audit`).query({ pageSize: 100 }).expect(200);
    const actions = audit.body.items.map((e: { action: string }) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['PLAN_CREATED', 'PLAN_EDITED', 'PLAN_SUBMIT', 'PLAN_RETURN_FOR_REVISION', 'PLAN_APPROVE', 'VOTE_CAST', 'PLAN_SYNC_DOCUMENTS']),
    );
    expect(actions.filter((a: string) => a === 'PLAN_SUBMIT')).toHaveLength(3);
    expect(actions.filter((a: string) => a === 'VOTE_CAST')).toHaveLength(3);
    const edit = audit.body.items.find((e: { action: string }) => e.action === 'PLAN_EDITED');
    expect(edit).toMatchObject({
      actorName: expect.any(String),
      before: expect.objectContaining({ plannedDurationMonths: 36 }),
      after: expect.objectContaining({ plannedDurationMonths: 48 }),
    });
    await stack.as('sekretariat.kabbogor').get(`/plans/${planId}/audit`).expect(404);
  });
});
