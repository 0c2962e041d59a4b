// Issue 17: the obligations of a signed PKS with their due dates. The secretariat records
// them from the PKS; each is reminded at 07:00 region time on the configured days before its
// date (a day lasts 1.5 s here), marked overdue when the date passes unfulfilled, and stops
// reminding once recorded fulfilled. Refusals change nothing.
import { addDays, localDateOf } from '../../domain/local-date';
import { AGREEMENT_SECRETARIAT, agreementInForce } from '../support/agreement-journey';
import { OFFICER, planAt } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { quietPeriod, waitFor } from '../support/wait';
import { maybeRecordWorkflowHistory } from '../support/histories';

const DAY_MS = 1500;
let stack: TestStack;
let agreementId: string;
let today: string;

beforeAll(async () => {
  stack = await startTestStack({ TIMELINE_DAY_MS: String(DAY_MS), AGREEMENT_OBLIGATION_REMINDER_DAYS: '2,1,0' });
  const planId = await planAt(stack, 'COMPLETED');
  agreementId = (await stack.as(AGREEMENT_SECRETARIAT).post(`/plans/${planId}/agreement`).send({}).expect(201)).body.id as string;
  today = localDateOf(new Date(), 'Asia/Jakarta');
  await agreementInForce(stack, agreementId, { kb: '180/7/KB/2027', pks: '180/7/PKS/2027' }, { startsOn: today, endsOn: addDays(today, 365) });
});
afterAll(async () => {
  await stack?.stop();
});

const notices = (obligationId: string) =>
  stack.database.prisma.notification.findMany({
    where: { key: { startsWith: `obligation-` }, AND: { key: { contains: obligationId } } },
    orderBy: { createdAt: 'asc' },
  });

describe('obligations under a PKS', () => {
  it('are recorded by the secretariat only, within the term, with a clear refusal otherwise', async () => {
    const body = { party: 'PARTNER', description: 'Laporan semester I kepada Pemda', dueOn: addDays(today, 30), source: 'PKS 180/7/PKS/2027 Pasal 6' };
    const refused = await stack.as(OFFICER).post(`/agreements/${agreementId}/obligations`).send(body).expect(403);
    expect(refused.body.message).toMatchObject({ id: expect.any(String), en: expect.any(String) });
    const outside = await stack
      .as(AGREEMENT_SECRETARIAT)
      .post(`/agreements/${agreementId}/obligations`)
      .send({ ...body, dueOn: addDays(today, 400) })
      .expect(409);
    expect(outside.body).toMatchObject({ code: 'OBLIGATION_OUTSIDE_TERM', violations: [expect.objectContaining({ field: 'dueOn' })] });
    await stack
      .as(AGREEMENT_SECRETARIAT)
      .post(`/agreements/${agreementId}/obligations`)
      .send({ ...body, party: 'SOMEONE' })
      .expect(400);
    expect(await stack.database.prisma.agreementObligation.count({ where: { agreementId } })).toBe(0);
    // Another region's secretariat does not see the agreement at all.
    await stack.as('sekretariat.kabbogor').get(`/agreements/${agreementId}/obligations`).expect(404);
  });

  it('remind on each configured day before the due date, in order and once, then mark an unfulfilled one overdue', async () => {
    const dueOn = addDays(today, 3);
    const created = await stack
      .as(AGREEMENT_SECRETARIAT)
      .post(`/agreements/${agreementId}/obligations`)
      .send({ party: 'REGION', description: 'Menyerahkan data lokasi kepada mitra', dueOn, source: 'PKS 180/7/PKS/2027 Pasal 4 ayat (2)' })
      .expect(201);
    const id = created.body.id as string;
    expect(created.body).toMatchObject({ dueOn, source: 'PKS 180/7/PKS/2027 Pasal 4 ayat (2)', fulfilledAt: null, overdueAt: null });

    const overdue = await waitFor(
      'the obligation marked overdue',
      async () => (await stack.database.prisma.agreementObligation.findUnique({ where: { id } }))?.overdueAt,
      30 * DAY_MS,
    );
    expect(overdue).toBeInstanceOf(Date);
    // The overdue notice follows the mark.
    const sent = await waitFor('the overdue notice', async () => {
      const all = await notices(id);
      return all.some((n) => n.template === 'AGREEMENT_OBLIGATION_OVERDUE') && all;
    });
    const secretariat = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: AGREEMENT_SECRETARIAT } });
    const toSecretariat = sent.filter((n) => n.userId === secretariat.id).map((n) => n.key.replace(`:${id}`, ''));
    expect(toSecretariat).toEqual(['obligation-due:H-2', 'obligation-due:H-1', 'obligation-due:H-0', 'obligation-overdue']);
    // The owning agency's officer is told too.
    const officer = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: OFFICER } });
    expect(sent.some((n) => n.userId === officer.id && n.template === 'AGREEMENT_OBLIGATION_OVERDUE')).toBe(true);

    const fulfilled = await stack.as(OFFICER).post(`/agreements/${agreementId}/obligations/${id}/fulfil`).send({ note: 'Diserahkan terlambat' }).expect(200);
    expect(fulfilled.body).toMatchObject({ fulfilledByName: expect.any(String), fulfilmentNote: 'Diserahkan terlambat' });
    const again = await stack.as(AGREEMENT_SECRETARIAT).post(`/agreements/${agreementId}/obligations/${id}/fulfil`).send({}).expect(409);
    expect(again.body.code).toBe('OBLIGATION_ALREADY_FULFILLED');
    await maybeRecordWorkflowHistory(stack, `agreement-obligation-${id}`, 'agreement-obligation-overdue');
  });

  it('stop reminding once recorded fulfilled', async () => {
    const created = await stack
      .as(AGREEMENT_SECRETARIAT)
      .post(`/agreements/${agreementId}/obligations`)
      .send({ party: 'PARTNER', description: 'Pembayaran tahap I', dueOn: addDays(today, 4), source: 'PKS 180/7/PKS/2027 Pasal 8' })
      .expect(201);
    const id = created.body.id as string;
    await stack.as(AGREEMENT_SECRETARIAT).post(`/agreements/${agreementId}/obligations/${id}/fulfil`).send({}).expect(200);
    await quietPeriod(6 * DAY_MS, 'no reminder after the fulfilment');
    expect(await notices(id)).toEqual([]);
    await maybeRecordWorkflowHistory(stack, `agreement-obligation-${id}`, 'agreement-obligation-fulfilled');
    const listed = await stack.as(OFFICER).get(`/agreements/${agreementId}/obligations`).expect(200);
    expect(listed.body.find((o: { id: string }) => o.id === id)).toMatchObject({ fulfilledAt: expect.any(String), overdueAt: null });
  });
});
