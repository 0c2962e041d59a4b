// People hear about their work (issue 16): a task arriving for a role, a task passed to
// or taken back from a person, a plan returned, rejected or completed each tell the
// right people once, in the app (and by e-mail through the same dispatch), and the bell
// counts them by kind.
import { createTestUser } from '../support/auth';
import { OFFICER, REVIEWER, advanceTo, claim, decide, planAt, submit } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

let stack: TestStack;
let secondSecretariat: string;

beforeAll(async () => {
  stack = await startTestStack();
  secondSecretariat = await createTestUser(stack.database.prisma, {
    username: 'sekretariat2.kotabogor',
    displayName: 'Rina Kartika',
    grants: [{ role: 'SECRETARIAT', regionCode: '32.71' }],
  });
});
afterAll(async () => {
  await stack?.stop();
});

const userId = async (username: string) => (await stack.database.prisma.user.findUniqueOrThrow({ where: { username } })).id;

/** The notices of `template` about `planId` that `username` holds, once there are `count` of them. */
async function noticesOf(username: string, planId: string, template: string, count = 1) {
  const id = await userId(username);
  const where = { userId: id, planId, template };
  return waitFor(`${count} ${template} notice(s) for ${username}`, async () => {
    const rows = await stack.database.prisma.notification.findMany({ where, orderBy: { createdAt: 'asc' } });
    return rows.length >= count && rows;
  });
}

it('tells every holder of the stage’s role when a task arrives, once per arrival', async () => {
  const planId = await planAt(stack, 'VERIFICATION');
  const [first] = await noticesOf(REVIEWER.VERIFICATION, planId, 'TASK_ARRIVED');
  expect(first.title).toBe(
    'Tugas baru: Verifikasi sekretariat kerja sama atas ' + (await stack.database.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId } })).title,
  );
  await noticesOf('sekretariat2.kotabogor', planId, 'TASK_ARRIVED');
  // Not the officer, nor another role.
  expect(await stack.database.prisma.notification.count({ where: { planId, template: 'TASK_ARRIVED', userId: await userId(REVIEWER.BAPPEDA_REVIEW) } })).toBe(
    0,
  );

  // A withdrawal and resubmission is a second arrival: one more notice, never a duplicate.
  await stack.as(OFFICER).post(`/plans/${planId}/withdraw`).send({}).expect(200);
  await submit(stack, planId).expect(200);
  await noticesOf(REVIEWER.VERIFICATION, planId, 'TASK_ARRIVED', 2);
  await advanceTo(stack, planId, 'BAPPEDA_REVIEW');
  await noticesOf(REVIEWER.BAPPEDA_REVIEW, planId, 'TASK_ARRIVED');
  const keys = await stack.database.prisma.notification.findMany({ where: { planId, userId: await userId(REVIEWER.VERIFICATION) }, select: { key: true } });
  expect(new Set(keys.map((k) => k.key)).size).toBe(keys.length);
  expect(keys.filter((k) => k.key.endsWith(':arrived'))).toHaveLength(2);

  // The bell counts them by kind.
  const count = await stack.as(REVIEWER.BAPPEDA_REVIEW).get('/notifications/unread-count').expect(200);
  expect(count.body.byTemplate.TASK_ARRIVED).toBeGreaterThanOrEqual(1);
  expect(count.body.unread).toBe(Object.values(count.body.byTemplate as Record<string, number>).reduce((a, b) => a + b, 0));
  const filtered = await stack.as(REVIEWER.BAPPEDA_REVIEW).get('/notifications').query({ template: 'TASK_ARRIVED' }).expect(200);
  expect(filtered.body.items.every((n: { template: string }) => n.template === 'TASK_ARRIVED')).toBe(true);
  await stack.as(REVIEWER.BAPPEDA_REVIEW).get('/notifications').query({ template: 'NOPE' }).expect(400);
});

it('tells the person a task is reassigned or delegated to, and the delegate when it is taken back', async () => {
  const planId = await planAt(stack, 'VERIFICATION');
  const secretariat = stack.as(REVIEWER.VERIFICATION);
  await claim(stack, planId, REVIEWER.VERIFICATION).expect(200);
  await secretariat.post(`/plans/${planId}/task/reassign`).send({ toUserId: secondSecretariat, reason: 'Cuti tahunan' }).expect(200);
  const [reassigned] = await noticesOf('sekretariat2.kotabogor', planId, 'TASK_ASSIGNED');
  expect(reassigned.title).toMatch(/^Tugas dialihkan kepada Anda/);
  expect(reassigned.body).toContain('Alasan: Cuti tahunan');

  await stack
    .as('sekretariat2.kotabogor')
    .post(`/plans/${planId}/task/delegate`)
    .send({ toUserId: await userId(REVIEWER.VERIFICATION) })
    .expect(200);
  const [delegated] = await noticesOf(REVIEWER.VERIFICATION, planId, 'TASK_ASSIGNED');
  expect(delegated.title).toMatch(/^Tugas didelegasikan kepada Anda/);
  await stack.as('sekretariat2.kotabogor').post(`/plans/${planId}/task/take-back`).send({}).expect(200);
  const [takenBack] = await noticesOf(REVIEWER.VERIFICATION, planId, 'TASK_TAKEN_BACK');
  expect(takenBack.body).toContain('Rina Kartika menarik kembali');
});

it('tells the officer when the plan is returned (with the comment), rejected, or completed', async () => {
  const returnedId = await planAt(stack, 'VERIFICATION');
  await decide(stack, returnedId, 'VERIFICATION', 'RETURN_FOR_REVISION', 'Mohon lengkapi dasar hukum.').expect(200);
  const [returned] = await noticesOf(OFFICER, returnedId, 'PLAN_RETURNED');
  expect(returned.body).toContain('Catatan: Mohon lengkapi dasar hukum.');

  const rejectedId = await planAt(stack, 'BAPPEDA_REVIEW');
  await decide(stack, rejectedId, 'BAPPEDA_REVIEW', 'REJECT', 'Di luar kewenangan daerah.').expect(200);
  const [rejected] = await noticesOf(OFFICER, rejectedId, 'PLAN_REJECTED');
  expect(rejected.body).toContain('Alasan: Di luar kewenangan daerah.');

  const completedId = await planAt(stack, 'COMPLETED');
  await noticesOf(OFFICER, completedId, 'PLAN_COMPLETED');
  // Each stage's holders heard of it on the way, TAPD twice (sign-off and RKA confirmation).
  await noticesOf(REVIEWER.BUDGET_SIGNOFF, completedId, 'TASK_ARRIVED', 2);
  await noticesOf('tkksd1.kotabogor', completedId, 'TASK_ARRIVED');
});
