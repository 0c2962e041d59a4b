// The in-app side of notifications, as `npm start` runs it by default: no SMTP server,
// so every notice is kept in the app and its e-mail is recorded as SKIPPED. Notices are
// made by real dispatch workflows; users read them through the API.
import { randomBytes } from 'node:crypto';
import { NativeConnection, Worker } from '@temporalio/worker';
import { createActivities } from '../../activities';
import { createRepositories } from '../../persistence';
import { NOTIFICATION_DISPATCH_WORKFLOW_TYPE, notificationDispatchWorkflowId, type NotificationDispatchResult } from '../../workflows/notification/definitions';
import { type NotificationRequest } from '../../domain/notification';
import { testEnvironment } from '../support/environment';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const bilingual = { id: expect.any(String), en: expect.any(String) };

async function dispatch(key: string, planTitle: string, username: string): Promise<NotificationDispatchResult> {
  const { id } = await stack.database.prisma.user.findUniqueOrThrow({ where: { username } });
  const request: NotificationRequest = {
    key,
    template: 'TASK_OVERDUE',
    regionCode: '32.71',
    recipients: { userIds: [id] },
    params: { planTitle, stage: 'VERIFICATION', dueAt: '2026-03-02T10:00:00Z', daysOverdue: 2 },
  };
  return stack.temporal.workflow.execute(NOTIFICATION_DISPATCH_WORKFLOW_TYPE, {
    taskQueue: stack.config.TEMPORAL_TASK_QUEUE,
    workflowId: notificationDispatchWorkflowId(key),
    args: [request],
    workflowIdReusePolicy: 'REJECT_DUPLICATE',
  });
}

it('lists the caller’s own notices newest first, counts and marks them read, and hides everyone else’s', async () => {
  const prefix = `inbox:${Date.now()}`;
  for (const title of ['Air Minum', 'Terminal Terpadu', 'Sampah Regional']) {
    expect(await dispatch(`${prefix}:${title}`, title, 'sekretariat.kotabogor')).toEqual({ recipients: 1, emailsSent: 0, emailsFailed: 0 });
  }
  await dispatch(`${prefix}:other`, 'Jalan Perbatasan', 'bappeda.kotabogor');
  const me = stack.as('sekretariat.kotabogor');

  const all = await me.get('/notifications').expect(200);
  expect(all.body).toMatchObject({ total: 3, page: 1, pageSize: 20 });
  expect(all.body.items.map((n: { title: string }) => n.title)).toEqual([
    'Terlambat 2 hari: Verifikasi sekretariat kerja sama atas Sampah Regional',
    'Terlambat 2 hari: Verifikasi sekretariat kerja sama atas Terminal Terpadu',
    'Terlambat 2 hari: Verifikasi sekretariat kerja sama atas Air Minum',
  ]);
  expect(all.body.items[0]).toEqual({
    id: expect.any(String),
    template: 'TASK_OVERDUE',
    regionCode: '32.71',
    planId: null,
    title: expect.any(String),
    body: expect.stringContaining('telah melewati tenggat Senin, 2 Maret 2026 pukul 17.00 WIB dan kini terlambat 2 hari'),
    params: expect.objectContaining({ planTitle: 'Sampah Regional', daysOverdue: 2 }),
    createdAt: expect.any(String),
    readAt: null,
  });
  const second = await me.get('/notifications?page=2&pageSize=1').expect(200);
  expect(second.body).toMatchObject({ total: 3, page: 2, pageSize: 1, items: [{ id: all.body.items[1].id }] });
  expect((await me.get('/notifications/unread-count').expect(200)).body).toEqual({ unread: 3, byTemplate: { TASK_OVERDUE: 3 } });

  const newest = all.body.items[0].id as string;
  const read = await me.post(`/notifications/${newest}/read`).expect(200);
  expect(read.body).toMatchObject({ id: newest, readAt: expect.any(String) });
  // Reading again keeps the first time it was read.
  expect((await me.post(`/notifications/${newest}/read`).expect(200)).body.readAt).toBe(read.body.readAt);
  expect((await me.get('/notifications/unread-count').expect(200)).body).toEqual({ unread: 2, byTemplate: { TASK_OVERDUE: 2 } });
  const unread = await me.get('/notifications?unread=true').expect(200);
  expect(unread.body.total).toBe(2);
  expect(unread.body.items.map((n: { id: string }) => n.id)).not.toContain(newest);

  // Someone else's notice does not exist for this caller.
  const [others] = (await stack.as('bappeda.kotabogor').get('/notifications').expect(200)).body.items;
  const foreign = await me.post(`/notifications/${others.id}/read`).expect(404);
  expect(foreign.body).toMatchObject({ code: 'NOT_FOUND', message: bilingual });
  expect((await stack.as('bappeda.kotabogor').get(`/notifications/unread-count`).expect(200)).body).toEqual({ unread: 1, byTemplate: { TASK_OVERDUE: 1 } });

  expect((await me.post('/notifications/read-all').expect(200)).body).toEqual({ marked: 2 });
  expect((await me.get('/notifications/unread-count').expect(200)).body).toEqual({ unread: 0, byTemplate: {} });
  expect((await me.post('/notifications/read-all').expect(200)).body).toEqual({ marked: 0 });
  // The other user's stays unread.
  expect((await stack.as('bappeda.kotabogor').get(`/notifications/unread-count`).expect(200)).body).toEqual({ unread: 1, byTemplate: { TASK_OVERDUE: 1 } });
});

it('refuses bad input and requests without a token', async () => {
  const me = stack.as('sekretariat.kotabogor');
  const bad = await me.get('/notifications?unread=maybe').expect(400);
  expect(bad.body.violations).toEqual([{ field: 'unread', reason: 'IS_BOOLEAN', message: bilingual }]);
  await me.get('/notifications?pageSize=101').expect(400);
  await me.post('/notifications/not-a-uuid/read').expect(400);
  await stack.http().get('/notifications').expect(401);
});

it('records the e-mail as SKIPPED, saying why, when no SMTP server is configured', async () => {
  const key = `inbox-skip:${Date.now()}`;
  expect(await dispatch(key, 'Air Minum', 'tapd.kotabogor')).toEqual({ recipients: 1, emailsSent: 0, emailsFailed: 0 });
  const [delivery] = await stack.database.prisma.emailDelivery.findMany({ where: { notification: { key } } });
  expect(delivery).toMatchObject({ status: 'SKIPPED', attempts: 0, toAddress: 'tapd.kotabogor@jalin.test', subject: expect.stringContaining('Air Minum') });
  expect(delivery.lastError).toMatch(/SMTP_URL/);
  const skipped = await stack.as('admin.kotabogor').get('/admin/email-deliveries?status=SKIPPED').expect(200);
  expect(skipped.body.items.map((item: { id: string }) => item.id)).toContain(delivery.id);
  await stack.as('admin.kotabogor').post(`/admin/email-deliveries/${delivery.id}/retry`).expect(409);
});

it('takes notifications from other workflows through dispatchNotification: once per key, finishing after its parent', async () => {
  // A worker of its own, with a stand-in parent workflow beside the real dispatch workflow.
  const taskQueue = `notify-${randomBytes(4).toString('hex')}`;
  const connection = await NativeConnection.connect({ address: testEnvironment().temporalAddress });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: require.resolve('../support/notifying-workflow'),
    activities: createActivities({ repositories: createRepositories(stack.database.prisma), config: stack.config }),
  });
  try {
    await worker.runUntil(async () => {
      const { id } = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: 'bappeda.kotabogor' } });
      const request: NotificationRequest = {
        key: `child:${Date.now()}`,
        template: 'MILESTONE_MISSED',
        regionCode: '32.71',
        recipients: { userIds: [id] },
        params: { planTitle: 'Air Minum', milestone: 'RKPD_SET', milestoneDate: '2026-06-30', remedy: 'RKPD_AMENDMENT' },
        planId: '0b7f3c2e-9f7a-4c1e-8d5b-2a6e4f1c3d9b',
      };
      await stack.temporal.workflow.execute('notifyTwiceWorkflow', { taskQueue, workflowId: `notify-twice-${request.key}`, args: [request] });
      const result = await stack.temporal.workflow.getHandle<() => Promise<NotificationDispatchResult>>(notificationDispatchWorkflowId(request.key)).result();
      expect(result).toEqual({ recipients: 1, emailsSent: 0, emailsFailed: 0 });
      const stored = await stack.database.prisma.notification.findMany({ where: { key: request.key } });
      expect(stored).toEqual([
        expect.objectContaining({ userId: id, title: 'Tonggak terlewat: Penetapan RKPD (Air Minum)', planId: request.planId, template: 'MILESTONE_MISSED' }),
      ]);
    });
  } finally {
    await connection.close();
  }
});
