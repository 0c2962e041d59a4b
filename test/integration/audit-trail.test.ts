// The audit trail, comments and revisions of a plan on real PostgreSQL and over HTTP:
// the database itself keeps the trail append-only, a retried write is stored once, and
// none of it is visible from another region.
import { randomUUID } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { appendAuditEvent, auditDedupeKey } from '../../persistence/audit-trail';
import type { PlanContent } from '../../domain/plan-content';
import { completePlanContent } from '../support/plan-content-fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';

const OFFICER = 'officer.kotabogor';
const SECRETARIAT = 'sekretariat.kotabogor';
const BAPPEDA = 'bappeda.kotabogor';
const OTHER_REGION = 'sekretariat.kabbogor';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const prisma = () => stack.database.prisma;

async function createPlan(content: PlanContent = completePlanContent()): Promise<string> {
  const response = await stack.as(OFFICER).post('/plans').send(content).expect(201);
  return response.body.id as string;
}

async function addTask(planId: string): Promise<string> {
  const id = randomUUID();
  await prisma().reviewTask.create({
    data: { id, planId, stage: 'VERIFICATION', revision: 1, openSequence: 1, regionCode: '32.71', budgetYear: 2027, createdAt: new Date() },
  });
  return id;
}

async function addRevision(planId: string, revision: number, content: PlanContent): Promise<void> {
  await prisma().planRevision.create({
    data: { planId, revision, content: content as object, submittedBy: 'Petugas DLH Kota Bogor', submittedAt: new Date(Date.UTC(2026, 2, revision)) },
  });
}

/** Reads a response body as bytes, whatever its content type. */
function asBytes(test: ReturnType<ReturnType<TestStack['as']>['get']>) {
  return test.buffer(true).parse((res, callback) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => callback(null, Buffer.concat(chunks)));
  });
}

describe('the audit trail in the database', () => {
  const entry = (overrides: Record<string, unknown> = {}) => ({
    actorId: null,
    actorName: 'Sistem',
    action: 'PLAN_SYNC_DOCUMENTS',
    entity: 'PLAN',
    details: { lines: 2 },
    ...overrides,
  });

  it('refuses UPDATE, DELETE and TRUNCATE, leaving the row as it was', async () => {
    await appendAuditEvent(prisma(), entry({ dedupeKey: `test:${randomUUID()}` }));
    const [row] = await prisma().auditEvent.findMany({ orderBy: { id: 'desc' }, take: 1 });

    await expect(prisma().$executeRawUnsafe(`UPDATE "AuditEvent" SET "actorName" = 'Pemalsu' WHERE "id" = $1`, row.id)).rejects.toThrow(/append-only/);
    await expect(prisma().$executeRawUnsafe(`DELETE FROM "AuditEvent" WHERE "id" = $1`, row.id)).rejects.toThrow(/append-only/);
    await expect(prisma().$executeRawUnsafe(`TRUNCATE "AuditEvent"`)).rejects.toThrow(/append-only/);
    // Through Prisma's own API too: the refusal is the database's, not the client's.
    await expect(prisma().auditEvent.update({ where: { id: row.id }, data: { action: 'X' } })).rejects.toThrow();

    expect(await prisma().auditEvent.findUnique({ where: { id: row.id } })).toEqual(row);
  });

  it('stores an event once however often it is appended with the same dedupeKey', async () => {
    const dedupeKey = auditDedupeKey('plan', randomUUID(), 'transition', 1);
    expect(await appendAuditEvent(prisma(), entry({ dedupeKey }))).toBe(true);
    expect(await appendAuditEvent(prisma(), entry({ dedupeKey, actorName: 'Percobaan ulang' }))).toBe(false);

    const rows = await prisma().auditEvent.findMany({ where: { dedupeKey } });
    expect(rows).toEqual([expect.objectContaining({ actorName: 'Sistem', details: { lines: 2 } })]);
  });

  it('ignores a duplicate inside a transaction without aborting it, as a retried projection does', async () => {
    const repeated = `test:${randomUUID()}`;
    const fresh = `test:${randomUUID()}`;
    await appendAuditEvent(prisma(), entry({ dedupeKey: repeated }));
    await prisma().$transaction(async (tx) => {
      await appendAuditEvent(tx, entry({ dedupeKey: repeated }));
      await appendAuditEvent(tx, entry({ dedupeKey: fresh }));
    });
    expect(await prisma().auditEvent.count({ where: { dedupeKey: { in: [repeated, fresh] } } })).toBe(2);
  });
});

describe('comments', () => {
  it('are added and read back oldest first, each with an audit entry', async () => {
    const planId = await createPlan();
    const taskId = await addTask(planId);

    const first = await stack.as(SECRETARIAT).post(`/plans/${planId}/comments`).send({ body: 'Mohon lengkapi dasar hukum pada KAK.', taskId }).expect(201);
    expect(first.body).toMatchObject({ taskId, body: 'Mohon lengkapi dasar hukum pada KAK.', authorName: expect.any(String) });
    await stack.as(OFFICER).post(`/plans/${planId}/comments`).send({ body: 'Sudah kami lengkapi 🙏' }).expect(201);

    const listed = await stack.as(BAPPEDA).get(`/plans/${planId}/comments`).expect(200);
    expect(listed.body.map((comment: { body: string }) => comment.body)).toEqual(['Mohon lengkapi dasar hukum pada KAK.', 'Sudah kami lengkapi 🙏']);
    expect(listed.body[1].taskId).toBeNull();

    const audit = await stack.as(OFFICER).get(`/plans/${planId}/audit`).expect(200);
    const comments = audit.body.items.filter((item: { action: string }) => item.action === 'COMMENT_ADDED');
    expect(comments).toEqual([
      expect.objectContaining({
        entity: 'COMMENT',
        entityId: first.body.id,
        actorRole: 'SECRETARIAT',
        after: { body: 'Mohon lengkapi dasar hukum pada KAK.', taskId },
      }),
      expect.objectContaining({ entity: 'COMMENT', actorRole: 'OFFICER', actorId: expect.any(String) }),
    ]);
  });

  it('refuse a task of another plan, an unknown task, and an empty or too long text, storing nothing', async () => {
    const planId = await createPlan();
    const foreignTask = await addTask(await createPlan());

    const foreign = await stack.as(SECRETARIAT).post(`/plans/${planId}/comments`).send({ body: 'Catatan', taskId: foreignTask }).expect(400);
    expect(foreign.body.violations).toEqual([expect.objectContaining({ field: 'taskId', reason: 'NOT_OF_PLAN' })]);
    await stack.as(SECRETARIAT).post(`/plans/${planId}/comments`).send({ body: 'Catatan', taskId: randomUUID() }).expect(400);
    await stack.as(SECRETARIAT).post(`/plans/${planId}/comments`).send({ body: '   ' }).expect(400);
    await stack
      .as(SECRETARIAT)
      .post(`/plans/${planId}/comments`)
      .send({ body: 'x'.repeat(4001) })
      .expect(400);
    await stack.as(SECRETARIAT).post(`/plans/${planId}/comments`).send({}).expect(400);

    expect(await prisma().planComment.count({ where: { planId } })).toBe(0);
    expect(await prisma().auditEvent.count({ where: { planId, action: 'COMMENT_ADDED' } })).toBe(0);
  });
});

describe('revisions', () => {
  it('lists the submitted revisions and tells what changed between two of them', async () => {
    const revision1 = completePlanContent();
    const planId = await createPlan(revision1);
    const revision2: PlanContent = {
      ...revision1,
      title: 'Kerja sama pengelolaan sampah regional Bogor Raya',
      lineItems: [{ ...revision1.lineItems[0], amount: revision1.lineItems[0].amount + 25_000_000 }, ...revision1.lineItems.slice(1)],
      termsOfReference: { ...revision1.termsOfReference, legalBasis: undefined },
    };
    await addRevision(planId, 1, revision1);
    await addRevision(planId, 2, revision2);

    const list = await stack.as(BAPPEDA).get(`/plans/${planId}/revisions`).expect(200);
    expect(list.body).toEqual([
      { revision: 1, submittedBy: 'Petugas DLH Kota Bogor', submittedAt: '2026-03-01T00:00:00.000Z' },
      { revision: 2, submittedBy: 'Petugas DLH Kota Bogor', submittedAt: '2026-03-02T00:00:00.000Z' },
    ]);

    const diff = await stack.as(BAPPEDA).get(`/plans/${planId}/revisions/diff`).query({ from: 1, to: 2 }).expect(200);
    expect(diff.body.from).toBe(1);
    expect(diff.body.to).toBe(2);
    expect(diff.body.changes).toHaveLength(3);
    expect(diff.body.changes).toEqual(
      expect.arrayContaining([
        { path: 'title', kind: 'CHANGED', before: revision1.title, after: revision2.title },
        { path: 'lineItems[0].amount', kind: 'CHANGED', before: revision1.lineItems[0].amount, after: revision2.lineItems[0].amount },
        { path: 'termsOfReference.legalBasis', kind: 'REMOVED', before: revision1.termsOfReference?.legalBasis, after: null },
      ]),
    );
  });

  it('answers 404 for a revision never submitted and 400 for a bad range', async () => {
    const planId = await createPlan();
    await addRevision(planId, 1, completePlanContent());
    await addRevision(planId, 2, completePlanContent({ title: 'Judul revisi kedua' }));
    const diff = (query: Record<string, unknown>) => stack.as(OFFICER).get(`/plans/${planId}/revisions/diff`).query(query);

    await diff({ from: 1, to: 3 }).expect(404);
    await diff({ from: 2, to: 1 }).expect(400);
    await diff({ from: 2, to: 2 }).expect(400);
    await diff({ from: 1.5, to: 2 }).expect(400);
    await diff({ from: 'satu', to: 2 }).expect(400);
    await diff({ to: 2 }).expect(400);
  });
});

describe('the audit view and export', () => {
  async function planWithHistory(): Promise<string> {
    const planId = await createPlan();
    const at = (minute: number) => new Date(Date.UTC(2026, 2, 1, 8, minute));
    await appendAuditEvent(prisma(), {
      actorId: null,
      actorName: 'Petugas DLH',
      actorRole: 'OFFICER',
      action: 'PLAN_EDITED',
      planId,
      entity: 'PLAN',
      entityId: planId,
      before: { title: 'Pengelolaan sampah' },
      after: { title: 'Pengelolaan sampah “Bogor Raya”, tahap I' },
      occurredAt: at(1),
    });
    await appendAuditEvent(prisma(), {
      actorId: null,
      actorName: 'Sekretariat Kerja Sama',
      actorRole: 'SECRETARIAT',
      action: 'PLAN_APPROVE',
      planId,
      entity: 'PLAN',
      entityId: planId,
      fromStage: 'VERIFICATION',
      toStage: 'BAPPEDA_REVIEW',
      details: { comment: 'Lengkap; lanjut ke Bappeda' },
      occurredAt: at(2),
    });
    return planId;
  }

  it('pages the entries oldest first with who, role, what, when and from→to', async () => {
    const planId = await planWithHistory();
    const all = await stack.as(SECRETARIAT).get(`/plans/${planId}/audit`).expect(200);
    const ours = all.body.items.filter((item: { action: string }) => ['PLAN_EDITED', 'PLAN_APPROVE'].includes(item.action));
    expect(ours).toEqual([
      expect.objectContaining({
        action: 'PLAN_EDITED',
        actorName: 'Petugas DLH',
        before: { title: 'Pengelolaan sampah' },
        occurredAt: '2026-03-01T08:01:00.000Z',
      }),
      expect.objectContaining({ action: 'PLAN_APPROVE', actorRole: 'SECRETARIAT', fromStage: 'VERIFICATION', toStage: 'BAPPEDA_REVIEW' }),
    ]);
    const times = all.body.items.map((item: { occurredAt: string }) => item.occurredAt);
    expect([...times].sort()).toEqual(times);

    const page2 = await stack.as(SECRETARIAT).get(`/plans/${planId}/audit`).query({ page: 2, pageSize: 1 }).expect(200);
    expect(page2.body).toMatchObject({ page: 2, pageSize: 1, total: all.body.total, items: [all.body.items[1]] });
    await stack.as(SECRETARIAT).get(`/plans/${planId}/audit`).query({ pageSize: 1000 }).expect(400);
  });

  it('exports CSV with a byte order mark, one row per entry, that parses back to the same entries', async () => {
    const planId = await planWithHistory();
    const response = await asBytes(stack.as(OFFICER).get(`/plans/${planId}/audit/export`).query({ format: 'csv' })).expect(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="audit-${planId}.csv"`);

    const content = response.body as Buffer;
    expect([...content.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(content, { bom: true, columns: true }) as Record<string, string>[];
    expect(Object.keys(rows[0])).toEqual([
      'id',
      'occurredAt',
      'actorName',
      'actorRole',
      'actorId',
      'action',
      'entity',
      'entityId',
      'fromStage',
      'toStage',
      'before',
      'after',
      'details',
    ]);
    const view = await stack.as(OFFICER).get(`/plans/${planId}/audit`).query({ pageSize: 200 }).expect(200);
    expect(rows.map((row) => row.id)).toEqual(view.body.items.map((item: { id: string }) => item.id));

    const edited = rows.find((row) => row.action === 'PLAN_EDITED');
    expect(JSON.parse(edited?.after ?? '')).toEqual({ title: 'Pengelolaan sampah “Bogor Raya”, tahap I' });
    const approved = rows.find((row) => row.action === 'PLAN_APPROVE');
    expect(approved).toMatchObject({ fromStage: 'VERIFICATION', toStage: 'BAPPEDA_REVIEW', actorName: 'Sekretariat Kerja Sama', before: '' });
    expect(JSON.parse(approved?.details ?? '')).toEqual({ comment: 'Lengkap; lanjut ke Bappeda' });
  });

  it('exports JSON as a file, with where it came from', async () => {
    const planId = await planWithHistory();
    const response = await asBytes(stack.as(OFFICER).get(`/plans/${planId}/audit/export`).query({ format: 'json' })).expect(200);
    expect(response.headers['content-disposition']).toBe(`attachment; filename="audit-${planId}.json"`);
    const document = JSON.parse((response.body as Buffer).toString('utf8'));
    expect(document).toMatchObject({ planId, exportedBy: expect.any(String), exportedAt: expect.any(String) });
    expect(document.events.map((event: { action: string }) => event.action)).toEqual(expect.arrayContaining(['PLAN_EDITED', 'PLAN_APPROVE']));

    await stack.as(OFFICER).get(`/plans/${planId}/audit/export`).query({ format: 'xml' }).expect(400);
  });
});

describe('attachments', () => {
  it('record an upload and a removal, naming the file by name, size and hash', async () => {
    const planId = await createPlan();
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(100, 1)]);
    const uploaded = await stack
      .as(OFFICER)
      .post(`/plans/${planId}/attachments`)
      .field('purpose', 'FEASIBILITY_STUDY')
      .attach('file', pdf, { filename: 'Kajian kelayakan.pdf', contentType: 'application/pdf' })
      .expect(201);
    await stack.as(OFFICER).delete(`/plans/${planId}/attachments/${uploaded.body.id}`).expect(204);

    const entries = await prisma().auditEvent.findMany({ where: { planId, entity: 'ATTACHMENT' }, orderBy: { id: 'asc' } });
    const file = { fileName: 'Kajian kelayakan.pdf', purpose: 'FEASIBILITY_STUDY', sizeBytes: pdf.length, sha256: uploaded.body.sha256 };
    expect(entries).toEqual([
      expect.objectContaining({
        action: 'ATTACHMENT_UPLOADED',
        entityId: uploaded.body.id,
        actorRole: 'OFFICER',
        before: null,
        after: expect.objectContaining(file),
      }),
      expect.objectContaining({ action: 'ATTACHMENT_DELETED', entityId: uploaded.body.id, before: expect.objectContaining(file), after: null }),
    ]);
  });
});

describe('access', () => {
  it('answers 404 to a user of another region on every route, as for a plan that does not exist', async () => {
    const planId = await createPlan();
    await addRevision(planId, 1, completePlanContent());
    await addRevision(planId, 2, completePlanContent({ title: 'Judul revisi kedua' }));
    const outsider = () => stack.as(OTHER_REGION);

    await outsider().get(`/plans/${planId}/audit`).expect(404);
    await outsider().get(`/plans/${planId}/audit/export`).expect(404);
    await outsider().get(`/plans/${planId}/comments`).expect(404);
    await outsider().post(`/plans/${planId}/comments`).send({ body: 'Dari luar wilayah' }).expect(404);
    await outsider().get(`/plans/${planId}/revisions`).expect(404);
    await outsider().get(`/plans/${planId}/revisions/diff`).query({ from: 1, to: 2 }).expect(404);
    await stack.as(OFFICER).get(`/plans/${randomUUID()}/audit`).expect(404);
    await stack.http().get(`/plans/${planId}/audit`).expect(401);

    expect(await prisma().planComment.count({ where: { planId } })).toBe(0);
  });
});

describe('the OpenAPI document', () => {
  it('describes every route of the audit trail, comments and revisions', async () => {
    const document = await stack.http().get('/docs/json').expect(200);
    expect(Object.keys(document.body.paths)).toEqual(
      expect.arrayContaining(['/plans/{id}/audit', '/plans/{id}/audit/export', '/plans/{id}/comments', '/plans/{id}/revisions', '/plans/{id}/revisions/diff']),
    );
  });
});
