// Issue 14, finding 6: a region's admin could take over an account another region's
// admin created while it had no role yet (or after its roles were removed): reset its
// password and grant it ADMIN of their own region. Every account now has a home region.
import { createTestUser, login } from '../support/auth';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const kotaAdmin = () => stack.as('admin.kotabogor');
const kabAdmin = () => stack.as('admin.kabbogor');
const bilingual = { id: expect.any(String), en: expect.any(String) };

async function createdByKota(username: string): Promise<string> {
  const created = await kotaAdmin().post('/admin/users').send({ username, displayName: 'Calon Pegawai', password: 'kopi-tubruk-hujan' }).expect(201);
  expect(created.body.homeRegionCode).toBe('32.71');
  return created.body.id as string;
}

async function expectUntouched(userId: string): Promise<void> {
  const user = await stack.database.prisma.user.findUniqueOrThrow({ where: { id: userId }, include: { grants: true } });
  expect(user.grants.filter((grant) => grant.regionCode === '32.01')).toEqual([]);
  await login(stack, user.username, 'kopi-tubruk-hujan');
}

describe('taking over another region’s account', () => {
  it('is refused while the account has no role yet', async () => {
    const userId = await createdByKota('calon.kotabogor');
    // The attack: reset the password, then make the account an admin of the attacker's region.
    expect((await kabAdmin().patch(`/admin/users/${userId}`).send({ password: 'ambil-alih-akun-ini' })).status).toBe(404);
    const granted = await kabAdmin().post(`/admin/users/${userId}/grants`).send({ role: 'ADMIN', regionCode: '32.01' }).expect(403);
    expect(granted.body).toMatchObject({ code: 'FORBIDDEN', message: bilingual });
    expect(granted.body.message.en).toContain('32.71');
    expect((await kabAdmin().patch(`/admin/users/${userId}`).send({ active: false })).status).toBe(404);
    await expectUntouched(userId);
    expect((await kabAdmin().get('/admin/users').expect(200)).body.map((u: { id: string }) => u.id)).not.toContain(userId);
  });

  it('is refused after the account’s roles were removed', async () => {
    const userId = await createdByKota('mantan.kotabogor');
    const grant = await kotaAdmin().post(`/admin/users/${userId}/grants`).send({ role: 'TAPD', regionCode: '32.71' }).expect(201);
    await kotaAdmin().delete(`/admin/users/${userId}/grants/${grant.body.id}`).expect(204);
    expect((await kabAdmin().patch(`/admin/users/${userId}`).send({ password: 'ambil-alih-akun-ini' })).status).toBe(404);
    await kabAdmin().post(`/admin/users/${userId}/grants`).send({ role: 'ADMIN', regionCode: '32.01' }).expect(403);
    await expectUntouched(userId);
  });

  it('leaves the home region’s admin, and its province’s, in charge', async () => {
    const userId = await createdByKota('tetap.kotabogor');
    await kotaAdmin().post(`/admin/users/${userId}/grants`).send({ role: 'TAPD', regionCode: '32.71' }).expect(201);
    await kotaAdmin().patch(`/admin/users/${userId}`).send({ password: 'sepeda-di-pasar-pagi' }).expect(200);
    await createTestUser(stack.database.prisma, { username: 'admin.jabar', grants: [{ role: 'ADMIN', regionCode: '32' }] });
    await stack.as('admin.jabar').patch(`/admin/users/${userId}`).send({ active: false }).expect(200);
  });

  it('needs an admin of the home region to create an account there', async () => {
    const refused = await kotaAdmin()
      .post('/admin/users')
      .send({ username: 'tamu.kabbogor', displayName: 'Tamu', password: 'kopi-tubruk-hujan', homeRegionCode: '32.01' });
    expect(refused.status).toBe(403);
    expect(await stack.database.prisma.user.count({ where: { username: 'tamu.kabbogor' } })).toBe(0);
  });
});
