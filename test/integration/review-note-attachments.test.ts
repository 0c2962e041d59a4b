// Review notes: files a reviewer attaches to the plan's current review task. Who may
// attach and remove them, at which stage, and that the draft's files keep their own rules
// (the draft rules themselves: attachments.test.ts).
import { randomBytes } from 'node:crypto';
import { AttachmentRepository } from '../../persistence/attachment.repository';
import { createTestUser } from '../support/auth';
import { OFFICER, REVIEWER, advanceTo, createPlan, planAt } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

const SECRETARIAT = REVIEWER.VERIFICATION;
const BAPPEDA = REVIEWER.BAPPEDA_REVIEW;
const OTHER_REGION = 'sekda.kabbogor';
// A second secretariat user of Kota Bogor: may attach notes, but not remove another's.
const OTHER_SECRETARIAT = 'sekretariat2.kotabogor';

beforeAll(async () => {
  stack = await startTestStack();
  await createTestUser(stack.database.prisma, { username: OTHER_SECRETARIAT, grants: [{ role: 'SECRETARIAT', regionCode: '32.71' }] });
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => {
  jest.restoreAllMocks();
});

const NOTE = { content: Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(500)]), filename: 'catatan.pdf', contentType: 'application/pdf' };

function upload(user: string, planId: string, purpose = 'REVIEW_NOTE') {
  return stack
    .as(user)
    .post(`/plans/${planId}/attachments`)
    .field('purpose', purpose)
    .attach('file', NOTE.content, { filename: NOTE.filename, contentType: NOTE.contentType });
}

const remove = (user: string, planId: string, attachmentId: string) => stack.as(user).delete(`/plans/${planId}/attachments/${attachmentId}`);

async function storeState() {
  // Only the attachment trail: the plans' timelines write their own entries (e.g. a missed milestone) meanwhile.
  return { rows: await stack.database.prisma.attachment.count(), audits: await stack.database.prisma.auditEvent.count({ where: { entity: 'ATTACHMENT' } }) };
}

describe('attaching a review note', () => {
  it('lets the secretariat attach one at VERIFICATION, recorded with the stage, the task and an audit entry', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    const created = await upload(SECRETARIAT, planId).expect(201);
    expect(created.body).toMatchObject({ purpose: 'REVIEW_NOTE', uploadedBy: SECRETARIAT, sizeBytes: NOTE.content.length });

    const task = await stack.database.prisma.reviewTask.findFirstOrThrow({ where: { planId, status: 'OPEN' } });
    const row = await stack.database.prisma.attachment.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(row).toMatchObject({ stage: 'VERIFICATION', taskId: task.id });

    const audit = await stack.database.prisma.auditEvent.findMany({ where: { entityId: created.body.id } });
    expect(audit).toEqual([
      expect.objectContaining({
        action: 'ATTACHMENT_UPLOADED',
        after: expect.objectContaining({ purpose: 'REVIEW_NOTE', stage: 'VERIFICATION', taskId: task.id }),
      }),
    ]);

    // Anyone who sees the plan reads it, the officer too.
    const listed = await stack.as(OFFICER).get(`/plans/${planId}/attachments`).expect(200);
    expect(listed.body).toEqual([created.body]);
    await stack.as(OFFICER).get(`/plans/${planId}/attachments/${created.body.id}`).expect(200);
  });

  it('refuses the officer and Bappeda (403), another region (404) and a draft plan (409), storing nothing', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    const draftId = await createPlan(stack);
    const before = await storeState();

    const officer = await upload(OFFICER, planId).expect(403);
    expect(officer.body).toMatchObject({ code: 'FORBIDDEN', message: { id: expect.any(String), en: expect.any(String) } });
    await upload(BAPPEDA, planId).expect(403);
    await upload(OTHER_REGION, planId).expect(404);
    const draft = await upload(SECRETARIAT, draftId).expect(409);
    expect(draft.body).toMatchObject({ statusCode: 409, code: 'NOT_UNDER_REVIEW', message: { id: expect.any(String), en: expect.any(String) } });
    // The officer may still not attach a review note to their own draft.
    await upload(OFFICER, draftId).expect(409);

    expect(await storeState()).toEqual(before);
  });

  it('keeps the draft purposes to the draft: the secretariat gets 403 on a draft, the officer 409 under review', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    const draftId = await createPlan(stack);
    await upload(SECRETARIAT, draftId, 'SUPPORTING_DOCUMENT').expect(403);
    await upload(SECRETARIAT, planId, 'SUPPORTING_DOCUMENT').expect(403);
    await upload(OFFICER, planId, 'SUPPORTING_DOCUMENT').expect(409);
  });

  it('refuses when the plan leaves the stage between the check and the insert', async () => {
    const planId = await planAt(stack, 'BAPPEDA_REVIEW');
    // The early check sees VERIFICATION; the insert's own check under the row lock does not.
    const repository = stack.app.get(AttachmentRepository);
    const plan = await repository.findPlan(planId);
    if (!plan) throw new Error(`plan ${planId} was just created`);
    jest.spyOn(repository, 'findPlan').mockResolvedValueOnce({ ...plan, stage: 'VERIFICATION' });
    const before = await storeState();
    const response = await upload(SECRETARIAT, planId).expect(409);
    expect(response.body).toMatchObject({ code: 'STAGE_CHANGED' });
    expect(await storeState()).toEqual(before);
  });
});

describe('removing a review note', () => {
  it('lets only its uploader remove it, with an audit entry', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    const created = await upload(SECRETARIAT, planId).expect(201);

    await remove(OTHER_SECRETARIAT, planId, created.body.id).expect(403);
    await remove(OFFICER, planId, created.body.id).expect(403);
    await remove(BAPPEDA, planId, created.body.id).expect(403);
    await remove(OTHER_REGION, planId, created.body.id).expect(404);

    await remove(SECRETARIAT, planId, created.body.id).expect(204);
    await stack.as(SECRETARIAT).get(`/plans/${planId}/attachments`).expect(200, []);
    const audit = await stack.database.prisma.auditEvent.findMany({ where: { entityId: created.body.id }, orderBy: { occurredAt: 'asc' } });
    expect(audit.map((event) => event.action)).toEqual(['ATTACHMENT_UPLOADED', 'ATTACHMENT_DELETED']);
    // Once gone it is no review note, so the draft rules answer as before for a missing file.
    await stack.as(OFFICER).get(`/plans/${planId}/attachments/${created.body.id}`).expect(404);
  });

  it('answers 409 once the plan has moved on, and keeps the note', async () => {
    const planId = await planAt(stack, 'VERIFICATION');
    const created = await upload(SECRETARIAT, planId).expect(201);
    await advanceTo(stack, planId, 'BAPPEDA_REVIEW');

    const refused = await remove(SECRETARIAT, planId, created.body.id).expect(409);
    expect(refused.body).toMatchObject({ code: 'STAGE_CHANGED', message: { id: expect.any(String), en: expect.any(String) } });
    // Bappeda attaches its own at its own stage; the secretariat may no longer.
    await upload(BAPPEDA, planId).expect(201);
    await upload(SECRETARIAT, planId).expect(403);
    await stack.as(OFFICER).get(`/plans/${planId}/attachments/${created.body.id}`).expect(200);
  });

  it('keeps the draft’s files to the draft rules while under review', async () => {
    const planId = await createPlan(stack);
    const draftFile = await upload(OFFICER, planId, 'FEASIBILITY_STUDY').expect(201);
    await advanceTo(stack, planId, 'VERIFICATION');
    await remove(SECRETARIAT, planId, draftFile.body.id).expect(403);
    await remove(OFFICER, planId, draftFile.body.id).expect(409);
  });
});
