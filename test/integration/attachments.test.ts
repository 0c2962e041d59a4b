// Files attached to a draft plan over HTTP, on real PostgreSQL and a real store
// directory: what goes in comes back byte for byte, and a refused upload leaves no row
// and no file behind. Everything here is done as the proposing agency's officer; who
// else may read or change the files: auth.test.ts.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { Response } from 'supertest';
import { AttachmentRepository } from '../../persistence/attachment.repository';
import { newPlanBody } from '../support/plan-fixtures';
import type { AuthenticatedAgent } from '../support/auth';
import { startTestStack, type TestStack } from '../support/test-stack';

const MAX_BYTES = 64 * 1024;

let stack: TestStack;

const OFFICER = 'officer.kotabogor'; // Dinas Lingkungan Hidup of Kota Bogor, as newPlanBody's plans
const officer = (): AuthenticatedAgent => stack.as(OFFICER);

beforeAll(async () => {
  // A small limit, so "too large" costs little to send.
  stack = await startTestStack({ ATTACHMENT_MAX_BYTES: String(MAX_BYTES) });
});
afterAll(async () => {
  await stack?.stop();
});
afterEach(() => {
  jest.restoreAllMocks();
});

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

function pdf(size: number): Buffer {
  const header = Buffer.from('%PDF-1.7\n');
  return Buffer.concat([header, randomBytes(size - header.length)]);
}

function png(size: number): Buffer {
  const header = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  return Buffer.concat([header, randomBytes(size - header.length)]);
}

const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

interface UploadFile {
  content: Buffer;
  filename: string;
  contentType: string;
}

interface UploadRequest {
  file?: UploadFile;
  fields?: Record<string, string>;
}

const FEASIBILITY_PDF: UploadFile = { content: pdf(1000), filename: 'kajian.pdf', contentType: 'application/pdf' };

function upload(planId: string, { file, fields = {} }: UploadRequest) {
  let request = officer().post(`/plans/${planId}/attachments`);
  for (const [name, value] of Object.entries({ purpose: 'FEASIBILITY_STUDY', ...fields })) {
    request = request.field(name, value);
  }
  if (file) request = request.attach('file', file.content, { filename: file.filename, contentType: file.contentType });
  return request;
}

/** Reads a response body as bytes, whatever its content type. */
function download(planId: string, attachmentId: string) {
  return officer()
    .get(`/plans/${planId}/attachments/${attachmentId}`)
    .buffer(true)
    .parse((res, callback) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => callback(null, Buffer.concat(chunks)));
    });
}

async function createDraft(): Promise<string> {
  // The creator is the login: a body naming one is refused.
  const { createdBy: _creator, ...body }: Record<string, unknown> = newPlanBody();
  const response = await officer().post('/plans').send(body).expect(201);
  return response.body.id as string;
}

const submit = (planId: string) => officer().post(`/plans/${planId}/submit`).expect(200);

/** Every file in the store directory, unfinished writes included. */
async function storedFiles(): Promise<string[]> {
  const root = stack.config.ATTACHMENTS_DIR;
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries.filter((entry) => entry.isFile()).map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)));
}

async function storeState() {
  return { rows: await stack.database.prisma.attachment.count(), files: (await storedFiles()).length };
}

function expectFileViolation(response: Response, reason: string, field = 'file') {
  expect(response.body).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  expect(response.body.violations).toEqual([{ field, reason, message: { id: expect.any(String), en: expect.any(String) } }]);
}

describe('attaching a file to a draft', () => {
  it('stores it, lists it and gives back the same bytes with its SHA-256', async () => {
    const planId = await createDraft();
    const content = pdf(40 * 1024); // several chunks on the way in and out
    const fileName = 'Kajian kelayakan – TPA regional “final”.pdf';

    const created = await upload(planId, { file: { content, filename: fileName, contentType: 'application/pdf' } }).expect(201);
    expect(created.body).toEqual({
      id: expect.any(String),
      purpose: 'FEASIBILITY_STUDY',
      fileName,
      contentType: 'application/pdf',
      sizeBytes: content.length,
      sha256: sha256(content),
      uploadedBy: OFFICER, // who is logged in
      createdAt: expect.any(String),
    });

    const row = await stack.database.prisma.attachment.findUniqueOrThrow({ where: { id: created.body.id } });
    // The store names the file itself; the user's name is never part of the path.
    expect(row.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(await storedFiles()).toContain(path.join(...row.storageKey.split('/')));

    const listed = await officer().get(`/plans/${planId}/attachments`).expect(200);
    expect(listed.body).toEqual([created.body]);

    const downloaded = await download(planId, created.body.id).expect(200);
    expect(Buffer.compare(downloaded.body as Buffer, content)).toBe(0);
    expect(sha256(downloaded.body as Buffer)).toBe(created.body.sha256);
    expect(downloaded.headers).toMatchObject({
      'content-type': 'application/pdf',
      'content-length': String(content.length),
      etag: `"${sha256(content)}"`,
      'repr-digest': `sha-256=:${createHash('sha256').update(content).digest('base64')}:`,
      'x-content-type-options': 'nosniff',
    });
    expect(downloaded.headers['content-disposition']).toBe(
      `attachment; filename="Kajian kelayakan _ TPA regional _final_.pdf"; ` +
        `filename*=UTF-8''Kajian%20kelayakan%20%E2%80%93%20TPA%20regional%20%E2%80%9Cfinal%E2%80%9D.pdf`,
    );
  });

  it('answers countByPurpose for the plan rules', async () => {
    const planId = await createDraft();
    await upload(planId, { file: FEASIBILITY_PDF }).expect(201);
    await upload(planId, { file: FEASIBILITY_PDF }).expect(201);
    await upload(planId, { file: { content: png(500), filename: 'peta.png', contentType: 'image/png' }, fields: { purpose: 'SUPPORTING_DOCUMENT' } }).expect(
      201,
    );
    const attachments = stack.app.get(AttachmentRepository);
    expect(await attachments.countByPurpose(planId, 'FEASIBILITY_STUDY')).toBe(2);
    expect(await attachments.countByPurpose(planId, 'SUPPORTING_DOCUMENT')).toBe(1);
    expect(await attachments.countByPurpose(planId, 'TERMS_OF_REFERENCE')).toBe(0);
    expect(await attachments.countByPurpose(await createDraft(), 'FEASIBILITY_STUDY')).toBe(0);
  });

  it('keeps only the last segment of a path-like name and stores it as a plain name', async () => {
    const planId = await createDraft();
    const created = await upload(planId, { file: { ...FEASIBILITY_PDF, filename: '..\\..\\laporan\u202Efdp.pdf' } }).expect(201);
    expect(created.body.fileName).toBe('laporanfdp.pdf');
  });
});

describe('refusing an upload changes nothing', () => {
  const cases: Array<[string, () => UploadRequest, number, string, string?]> = [
    ['a file over ATTACHMENT_MAX_BYTES', () => ({ file: { ...FEASIBILITY_PDF, content: pdf(MAX_BYTES + 1) } }), 400, 'TOO_LARGE'],
    [
      'a type not on the list',
      () => ({ file: { content: Buffer.from('MZ...'), filename: 'setup.exe', contentType: 'application/x-msdownload' } }),
      400,
      'TYPE_NOT_ALLOWED',
    ],
    ['a declared type that does not fit the name', () => ({ file: { ...FEASIBILITY_PDF, contentType: 'image/png' } }), 400, 'TYPE_NOT_ALLOWED'],
    ['a .pdf whose bytes are PNG', () => ({ file: { content: png(2000), filename: 'kajian.pdf', contentType: 'application/pdf' } }), 400, 'CONTENT_MISMATCH'],
    ['a .docx that is not a ZIP container', () => ({ file: { content: pdf(500), filename: 'kajian.docx', contentType: DOCX } }), 400, 'CONTENT_MISMATCH'],
    ['no file', () => ({}), 400, 'REQUIRED'],
    ['an empty file', () => ({ file: { ...FEASIBILITY_PDF, content: Buffer.alloc(0) } }), 400, 'REQUIRED'],
    ['an unknown purpose', () => ({ file: FEASIBILITY_PDF, fields: { purpose: 'HOLIDAY_PHOTOS' } }), 400, 'IS_IN', 'purpose'],
    [
      'an uploader named in the request (the login names it)',
      () => ({ file: FEASIBILITY_PDF, fields: { uploadedBy: 'someone.else' } }),
      400,
      'WHITELIST_VALIDATION',
      'uploadedBy',
    ],
    ['an unknown field', () => ({ file: FEASIBILITY_PDF, fields: { colour: 'blue' } }), 400, 'WHITELIST_VALIDATION', 'colour'],
  ];

  it.each(cases)('refuses %s', async (_, request, status, reason, field = 'file') => {
    const planId = await createDraft();
    const before = await storeState();
    const response = await upload(planId, request()).expect(status);
    expectFileViolation(response, reason, field);
    expect(await storeState()).toEqual(before);
  });

  it('refuses a second file in the same request, naming the part and why', async () => {
    const planId = await createDraft();
    const before = await storeState();
    const response = await upload(planId, { file: FEASIBILITY_PDF })
      .attach('file', FEASIBILITY_PDF.content, { filename: 'kedua.pdf', contentType: 'application/pdf' })
      .expect(400);
    expectFileViolation(response, 'UNEXPECTED_FILE');
    expect(await storeState()).toEqual(before);
  });

  it('refuses a file sent under another part name, naming the part it must use', async () => {
    const planId = await createDraft();
    const before = await storeState();
    const response = await officer()
      .post(`/plans/${planId}/attachments`)
      .field('purpose', 'FEASIBILITY_STUDY')
      .attach('document', FEASIBILITY_PDF.content, { filename: 'kajian.pdf', contentType: 'application/pdf' })
      .expect(400);
    expectFileViolation(response, 'UNEXPECTED_FILE');
    expect(await storeState()).toEqual(before);
  });

  it('refuses a body that is not well-formed multipart, naming the parse error', async () => {
    const planId = await createDraft();
    const response = await officer()
      .post(`/plans/${planId}/attachments`)
      .set('content-type', 'multipart/form-data; boundary=zz')
      .send('no parts here')
      .expect(400);
    expect(response.body.violations).toEqual([
      { field: 'file', reason: 'MALFORMED_MULTIPART', message: { id: expect.stringContaining(': '), en: expect.stringContaining(': ') } },
    ]);
  });

  it('answers 404 for an unknown plan, and 400 for a plan id that is not a UUID', async () => {
    const before = await storeState();
    const unknown = randomUUID();
    const response = await upload(unknown, { file: FEASIBILITY_PDF }).expect(404);
    expect(response.body).toMatchObject({ code: 'NOT_FOUND', message: { id: expect.stringContaining(unknown) } });
    await officer().get(`/plans/${unknown}/attachments`).expect(404);
    await upload('not-a-uuid', { file: FEASIBILITY_PDF }).expect(400);
    expect(await storeState()).toEqual(before);
  });

  it('answers 409 once the plan has been submitted, for uploads and removals alike', async () => {
    const planId = await createDraft();
    const kept = await upload(planId, { file: FEASIBILITY_PDF }).expect(201);
    await submit(planId);
    const before = await storeState();

    const refused = await upload(planId, { file: FEASIBILITY_PDF }).expect(409);
    expect(refused.body).toMatchObject({ statusCode: 409, code: 'NOT_A_DRAFT', message: { id: expect.any(String), en: expect.any(String) } });
    await officer().delete(`/plans/${planId}/attachments/${kept.body.id}`).expect(409);

    expect(await storeState()).toEqual(before);
    // What was attached to the draft stays readable for the reviewers.
    await download(planId, kept.body.id).expect(200);
  });

  it('removes the stored file when the plan leaves DRAFT between the check and the insert', async () => {
    const planId = await createDraft();
    await submit(planId);
    // The early check sees a draft; the insert's own check under the row lock does not.
    const repository = stack.app.get(AttachmentRepository);
    const plan = await repository.findPlan(planId);
    if (!plan) throw new Error(`plan ${planId} was just created`);
    jest.spyOn(repository, 'findPlan').mockResolvedValueOnce({ ...plan, stage: 'DRAFT' });
    const before = await storeState();
    await upload(planId, { file: FEASIBILITY_PDF }).expect(409);
    expect(await storeState()).toEqual(before);
  });

  it('removes the stored file when the database insert fails', async () => {
    const planId = await createDraft();
    jest.spyOn(stack.app.get(AttachmentRepository), 'createWhileDraft').mockRejectedValueOnce(new Error('connection terminated'));
    const before = await storeState();
    const response = await upload(planId, { file: FEASIBILITY_PDF }).expect(500);
    expect(response.body).toMatchObject({ code: 'INTERNAL_ERROR', errorId: expect.any(String) });
    expect(await storeState()).toEqual(before);
  });
});

describe('removing and reaching attachments', () => {
  it('removes the row and the file of a draft’s attachment', async () => {
    const planId = await createDraft();
    const created = await upload(planId, { file: FEASIBILITY_PDF }).expect(201);
    const before = await storeState();

    await officer().delete(`/plans/${planId}/attachments/${created.body.id}`).expect(204);

    expect(await storeState()).toEqual({ rows: before.rows - 1, files: before.files - 1 });
    await officer().get(`/plans/${planId}/attachments`).expect(200, []);
    await download(planId, created.body.id).expect(404);
    await officer().delete(`/plans/${planId}/attachments/${created.body.id}`).expect(404);
  });

  it('answers 404 for another plan’s attachment, and leaves it alone', async () => {
    const owner = await createDraft();
    const other = await createDraft();
    const created = await upload(owner, { file: FEASIBILITY_PDF }).expect(201);

    const response = await download(other, created.body.id).expect(404);
    expect(response.body.toString()).toContain('NOT_FOUND');
    await officer().delete(`/plans/${other}/attachments/${created.body.id}`).expect(404);
    await officer().get(`/plans/${other}/attachments`).expect(200, []);

    await download(owner, created.body.id).expect(200);
    await download(owner, randomUUID()).expect(404);
  });
});

describe('operability', () => {
  it('documents the attachment routes in OpenAPI', async () => {
    const openApi = await stack.http().get('/docs/json').expect(200);
    expect(Object.keys(openApi.body.paths)).toEqual(expect.arrayContaining(['/plans/{id}/attachments', '/plans/{id}/attachments/{attachmentId}']));
    const body = openApi.body.paths['/plans/{id}/attachments'].post.requestBody.content['multipart/form-data'];
    expect(body.schema).toBeDefined();
  });
});
