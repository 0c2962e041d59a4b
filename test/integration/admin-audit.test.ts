// Administering users is audited like every other action: who created, changed, granted
// and revoked what, never a password hash.
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

it('records user creation, changes and role grants and revocations', async () => {
  const admin = stack.as('admin.kotabogor');
  const created = await admin.post('/admin/users').send({ username: 'petugas.baru', displayName: 'Petugas Baru', password: 'rahasia-sekali-2027' }).expect(201);
  const userId = created.body.id as string;
  await admin.patch(`/admin/users/${userId}`).send({ displayName: 'Petugas Baru DLH', password: 'rahasia-lain-2027' }).expect(200);
  const grant = await admin.post(`/admin/users/${userId}/grants`).send({ role: 'OFFICER', regionCode: '32.71', agency: 'Dinas Lingkungan Hidup' }).expect(201);
  await admin.delete(`/admin/users/${userId}/grants/${grant.body.id}`).expect(204);

  const events = await stack.database.prisma.auditEvent.findMany({ where: { entity: 'USER', entityId: userId }, orderBy: { id: 'asc' } });
  expect(events.map((e) => [e.action, e.actorName.length > 0, e.actorRole])).toEqual([
    ['USER_CREATED', true, expect.stringContaining('ADMIN')],
    ['USER_UPDATED', true, expect.stringContaining('ADMIN')],
    ['ROLE_GRANTED', true, 'ADMIN'],
    ['ROLE_REVOKED', true, 'ADMIN'],
  ]);
  expect(events[1].after).toMatchObject({ displayName: 'Petugas Baru DLH', passwordChanged: true });
  expect(JSON.stringify(events.map(({ id: _id, ...event }) => event))).not.toMatch(/argon2|passwordHash/);
});
