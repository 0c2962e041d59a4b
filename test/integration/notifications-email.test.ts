// Notifications end to end with e-mail: dispatch workflows started through the Temporal
// client, the worker's activities writing PostgreSQL, and a real SMTP server on a local
// port that receives, or refuses for a while, or refuses for good.
import { WorkflowExecutionAlreadyStartedError } from '@temporalio/client';
import { NOTIFICATION_DISPATCH_WORKFLOW_TYPE, notificationDispatchWorkflowId, type NotificationDispatchResult } from '../../workflows/notification/definitions';
import { type NotificationRequest } from '../../domain/notification';
import { createTestUser } from '../support/auth';
import { startTestSmtpServer, type TestSmtpServer } from '../support/smtp-test-server';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

let smtp: TestSmtpServer;
let stack: TestStack;

beforeAll(async () => {
  smtp = await startTestSmtpServer();
  // Retries in milliseconds, not the production 30 seconds doubling: four attempts in about 1.4 s.
  stack = await startTestStack({ SMTP_URL: smtp.url, MAIL_RETRY_INITIAL_MS: '200', MAIL_RETRY_MAX_ATTEMPTS: '4' });
});
afterAll(async () => {
  await stack?.stop();
  await smtp?.stop();
});
afterEach(() => smtp.acceptAll());

let keys = 0;
function request(overrides: Partial<NotificationRequest> = {}): NotificationRequest {
  keys += 1;
  return {
    key: `test:${keys}:${Date.now()}`,
    template: 'TASK_DUE_SOON',
    regionCode: '32.71',
    recipients: {},
    params: { planTitle: 'Pengelolaan Sampah Regional', stage: 'TKKSD_DELIBERATION', dueAt: '2026-07-14T09:00:00.000Z', daysLeft: 3 },
    ...overrides,
  };
}

function dispatch(notification: NotificationRequest, workflowId = notificationDispatchWorkflowId(notification.key)): Promise<NotificationDispatchResult> {
  return stack.temporal.workflow.execute(NOTIFICATION_DISPATCH_WORKFLOW_TYPE, {
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    workflowId,
    args: [notification],
    // As dispatchNotification starts it: one dispatch per key, ever.
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
}

async function userId(username: string): Promise<string> {
  return (await stack.database.prisma.user.findUniqueOrThrow({ where: { username } })).id;
}

async function deliveriesOf(key: string) {
  return stack.database.prisma.emailDelivery.findMany({ where: { notification: { key } }, include: { notification: { include: { user: true } } } });
}

const SUBJECT = 'Tenggat Pembahasan TKKSD 3 hari lagi: Pengelolaan Sampah Regional';

it('tells every active holder of a role in the region, in the app and by e-mail, with the Indonesian subject', async () => {
  // An inactive member and one without an address: neither is mailed, only the latter is told in the app.
  await createTestUser(stack.database.prisma, { username: 'tkksd.nonaktif', active: false, grants: [{ role: 'TKKSD_MEMBER', regionCode: '32.71' }] });
  const noAddress = await createTestUser(stack.database.prisma, { username: 'tkksd.tanpasurel', grants: [{ role: 'TKKSD_MEMBER', regionCode: '32.71' }] });
  const notification = request({ recipients: { roles: [{ role: 'TKKSD_MEMBER', regionCode: '32.71' }] }, planId: '6f1c1a52-3f55-4b8e-9a34-0c1c4b1d2e3f' });

  const result = await dispatch(notification);

  const members = ['sekda.kotabogor', 'tkksd1.kotabogor', 'tkksd2.kotabogor', 'tkksd3.kotabogor'];
  expect(result).toEqual({ recipients: 5, emailsSent: 4, emailsFailed: 0 });
  const stored = await stack.database.prisma.notification.findMany({ where: { key: notification.key }, include: { user: true } });
  expect(stored.map((n) => n.user.username).sort()).toEqual([...members, 'tkksd.tanpasurel'].sort());
  expect(stored.every((n) => n.title === SUBJECT && n.readAt === null && n.planId === notification.planId)).toBe(true);
  expect(stored[0].body).toContain('paling lambat Selasa, 14 Juli 2026 pukul 16.00 WIB');

  const addresses = members.map((username) => `${username}@jalin.test`);
  for (const address of addresses) {
    const [email] = await smtp.waitForMessages(1, address);
    expect(email.subject).toBe(SUBJECT);
    expect(email.from).toBe('no-reply@jalin.local');
    expect(email.text).toContain('Pembahasan TKKSD atas rencana kerja sama "Pengelolaan Sampah Regional"');
  }
  const deliveries = await deliveriesOf(notification.key);
  expect(deliveries.map((d) => d.toAddress).sort()).toEqual(addresses.sort());
  expect(deliveries.every((d) => d.status === 'SENT' && d.attempts === 1 && d.sentAt !== null)).toBe(true);
  // The Message-ID comes from the delivery, so a resend would carry the same one.
  const ids = smtp.received
    .filter((email) => addresses.includes(email.to[0]))
    .map((email) => email.messageId)
    .sort();
  expect(ids).toEqual(deliveries.map((d) => `<${d.id}@jalin.local>`).sort());
  expect(stored.some((n) => n.userId === noAddress)).toBe(true);
});

it('selects officers by agency, adds named users, and greets each by name', async () => {
  const head = await userId('walikota.kotabogor');
  const notification = request({
    template: 'SEASON_NO_PROPOSAL',
    params: { agency: 'Dinas Lingkungan Hidup', budgetYear: 2027, mappingDeadline: '2026-01-31', daysLeft: 7 },
    recipients: { userIds: [head, 'not-a-uuid'], roles: [{ role: 'OFFICER', regionCode: '32.71', agency: 'Dinas Lingkungan Hidup' }] },
  });
  expect(await dispatch(notification)).toEqual({ recipients: 2, emailsSent: 2, emailsFailed: 0 });
  const [email] = await smtp.waitForMessages(1, 'officer.kotabogor@jalin.test');
  expect(email.subject).toBe('Belum ada usulan kerja sama TA 2027: Dinas Lingkungan Hidup');
  expect(email.text.startsWith('Yth. Siti Rahmawati,')).toBe(true);
  await smtp.waitForMessages(1, 'walikota.kotabogor@jalin.test');
  expect(smtp.received.filter((e) => e.to.includes('officer2.kotabogor@jalin.test') && e.subject === email.subject)).toHaveLength(0);
});

it('tells nobody twice: the same key again is refused by Temporal, and a second run finds everything done', async () => {
  const notification = request({ recipients: { roles: [{ role: 'BAPPEDA', regionCode: '32.01' }] } });
  expect(await dispatch(notification)).toEqual({ recipients: 1, emailsSent: 1, emailsFailed: 0 });
  await expect(dispatch(notification)).rejects.toBeInstanceOf(WorkflowExecutionAlreadyStartedError);
  // As a workflow retried from scratch would: the rows are unique per (key, user).
  expect(await dispatch(notification, `${notificationDispatchWorkflowId(notification.key)}-again`)).toEqual({ recipients: 1, emailsSent: 0, emailsFailed: 0 });

  expect(await stack.database.prisma.notification.count({ where: { key: notification.key } })).toBe(1);
  expect(await deliveriesOf(notification.key)).toHaveLength(1);
  const mails = smtp.received.filter((e) => e.to.includes('bappeda.kabbogor@jalin.test'));
  expect(mails).toHaveLength(1);
});

it('delivers later when the mail server refuses the first attempts for a while (4xx)', async () => {
  smtp.refuseNext(2, 451);
  const refusedBefore = smtp.refused;
  const notification = request({ recipients: { userIds: [await userId('sekretariat.kotabogor')] } });
  expect(await dispatch(notification)).toEqual({ recipients: 1, emailsSent: 1, emailsFailed: 0 });
  expect(smtp.refused - refusedBefore).toBe(2);
  const [delivery] = await deliveriesOf(notification.key);
  expect(delivery).toMatchObject({ status: 'SENT', attempts: 3, lastError: null });
  await smtp.waitForMessages(1, 'sekretariat.kotabogor@jalin.test');
});

it('gives up at once on a permanent refusal (5xx) and shows it FAILED', async () => {
  smtp.refuseNext(1, 550);
  const notification = request({ recipients: { userIds: [await userId('tapd.kotabogor')] } });
  expect(await dispatch(notification)).toEqual({ recipients: 1, emailsSent: 0, emailsFailed: 1 });
  const [delivery] = await deliveriesOf(notification.key);
  expect(delivery).toMatchObject({ status: 'FAILED', attempts: 1 });
  expect(delivery.lastError).toMatch(/550/);
});

it('marks FAILED after the last retry, shows it to the region’s admins, and sends it on their retry once the server is back', async () => {
  smtp.refuseAll(451);
  const notification = request({ recipients: { userIds: [await userId('dprd.kotabogor')] } });
  expect(await dispatch(notification)).toEqual({ recipients: 1, emailsSent: 0, emailsFailed: 1 });
  const [failed] = await deliveriesOf(notification.key);
  expect(failed).toMatchObject({ status: 'FAILED', attempts: 4 });
  expect(failed.lastError).toMatch(/try again later/);

  const admin = stack.as('admin.kotabogor');
  const listed = await admin.get('/admin/email-deliveries?status=FAILED').expect(200);
  expect(listed.body.items).toContainEqual(
    expect.objectContaining({
      id: failed.id,
      status: 'FAILED',
      attempts: 4,
      toAddress: 'dprd.kotabogor@jalin.test',
      subject: SUBJECT,
      notificationKey: notification.key,
      recipient: { userId: failed.notification.userId, username: 'dprd.kotabogor', displayName: 'Rina Marlina' },
    }),
  );
  expect(listed.body.items.every((item: { status: string }) => item.status === 'FAILED')).toBe(true);
  // Another region's admin neither sees nor retries it; a non-admin may not look.
  const elsewhere = await stack.as('admin.kabbogor').get('/admin/email-deliveries?status=FAILED').expect(200);
  expect(elsewhere.body.items.map((item: { id: string }) => item.id)).not.toContain(failed.id);
  await stack.as('admin.kabbogor').post(`/admin/email-deliveries/${failed.id}/retry`).expect(404);
  await stack.as('dprd.kotabogor').get('/admin/email-deliveries').expect(403);
  await admin.get('/admin/email-deliveries?regionCode=32.01').expect(403);
  await admin.get('/admin/email-deliveries?status=LOST').expect(400);

  smtp.acceptAll();
  const retried = await admin.post(`/admin/email-deliveries/${failed.id}/retry`).expect(200);
  expect(['PENDING', 'SENT']).toContain(retried.body.status);
  const [email] = await smtp.waitForMessages(1, 'dprd.kotabogor@jalin.test');
  expect(email.subject).toBe(SUBJECT);
  expect(email.messageId).toBe(`<${failed.id}@jalin.local>`);
  const sent = await waitFor(
    'the retried delivery marked SENT',
    async () => {
      const delivery = await stack.database.prisma.emailDelivery.findUniqueOrThrow({ where: { id: failed.id } });
      return delivery.status === 'SENT' && delivery;
    },
    10_000,
  );
  expect(sent).toMatchObject({ status: 'SENT', attempts: 5, lastError: null });
  // Only a FAILED one is sent again; the retry is in the audit trail.
  const again = await admin.post(`/admin/email-deliveries/${failed.id}/retry`).expect(409);
  expect(again.body.code).toBe('NOT_FAILED');
  const audit = await stack.database.prisma.auditEvent.findMany({ where: { entity: 'EMAIL_DELIVERY', entityId: failed.id } });
  expect(audit).toEqual([expect.objectContaining({ action: 'EMAIL_RETRY_REQUESTED', actorRole: 'ADMIN' })]);
});
