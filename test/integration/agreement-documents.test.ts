// Issue 17 item 2 on the real stack: the KB's and PKS's documents. Draft versions numbered
// 1, 2, 3 (secretariat while drafting, legal bureau during its review), comments by the
// region's reviewers, the signed copy a signing requires (uploaded by the secretariat or the
// signing task's holder, final, with its number, date and signatories), scoped to the
// region; bad input refused in both languages with nothing changed; and the rows append-only
// in the database itself.
import { OFFICER, REVIEWER, planAt } from '../support/plan-journey';
import { pdfOf, uploadDraftVersion, uploadSignedCopy } from '../support/agreement-documents';
import { AGREEMENT_HOLDER } from '../support/agreement-journey';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
const SECRETARIAT = REVIEWER.VERIFICATION;
const HEAD = REVIEWER.HEAD_OF_REGION_APPROVAL;
const LEGAL = 'hukum.kotabogor';
const OTHER_REGION = 'sekretariat.kabbogor';
const HOLDER = AGREEMENT_HOLDER;
const KB_SIGNING = { number: '180/7/KB/2027', signedOn: '2027-01-10', signatories: ['Wali Kota Bogor', 'Bupati Bogor'] };

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

async function claim(agreementId: string, stage: string) {
  await stack.as(HOLDER[stage]).post(`/agreements/${agreementId}/task/claim`).send({}).expect(200);
}
async function approve(agreementId: string, stage: string, body: Record<string, unknown> = {}, expected = 200) {
  await claim(agreementId, stage);
  return stack
    .as(HOLDER[stage])
    .post(`/agreements/${agreementId}/steps`)
    .send({ stage, outcome: 'APPROVE', ...body })
    .expect(expected);
}
const documents = async (agreementId: string, user = SECRETARIAT) =>
  (await stack.as(user).get(`/agreements/${agreementId}/documents`).expect(200)).body as Array<{
    document: string;
    drafts: Array<Record<string, unknown> & { id: string; comments: unknown[] }>;
    signedCopies: Array<Record<string, unknown> & { id: string }>;
  }>;
const rowCount = () => stack.database.prisma.agreementDocumentVersion.count();

describe('the documents of an agreement', () => {
  let agreementId: string;

  beforeAll(async () => {
    const planId = await planAt(stack, 'COMPLETED');
    agreementId = (await stack.as(SECRETARIAT).post(`/plans/${planId}/agreement`).send({}).expect(201)).body.id;
    await approve(agreementId, 'PREPARATION');
    await approve(agreementId, 'OFFER');
  });

  it('numbers the KB’s draft versions, keeps each with its uploader, hash and pages, and lets reviewers comment', async () => {
    const first = await uploadDraftVersion(stack, SECRETARIAT, agreementId, 'KB', 'Draf awal dari mitra', pdfOf(4, 'v1')).expect(201);
    const second = await uploadDraftVersion(stack, SECRETARIAT, agreementId, 'KB', 'Pasal 5 diperbaiki', pdfOf(5, 'v2')).expect(201);
    expect(first.body).toMatchObject({ document: 'KB', kind: 'DRAFT', version: 1, pageCount: 4, uploadedBy: SECRETARIAT, stage: 'KB_DRAFTING' });
    expect(second.body).toMatchObject({ version: 2, pageCount: 5, summary: 'Pasal 5 diperbaiki', sha256: expect.stringMatching(/^[0-9a-f]{64}$/) });
    expect(second.body.sha256).not.toBe(first.body.sha256);
    // Each upload is in the audit trail with its hash, written in the upload's own transaction.
    const audit = await stack.database.prisma.auditEvent.findFirstOrThrow({ where: { entity: 'ATTACHMENT', entityId: second.body.id } });
    expect(audit).toMatchObject({
      action: 'ATTACHMENT_UPLOADED',
      after: expect.objectContaining({ agreementId, document: 'KB', version: 2, sha256: second.body.sha256 }),
    });

    const commented = await stack
      .as(LEGAL)
      .post(`/agreements/${agreementId}/documents/versions/${first.body.id}/comments`)
      .send({ body: 'Pasal penyelesaian sengketa belum ada.' })
      .expect(201);
    expect(commented.body).toMatchObject({ authorRole: 'LEGAL_BUREAU', versionId: first.body.id });
    // Only reviewers comment: the owning agency's officer reads, but does not comment.
    const officer = await stack.as(OFFICER).post(`/agreements/${agreementId}/documents/versions/${first.body.id}/comments`).send({ body: 'x' }).expect(403);
    expect(officer.body).toMatchObject({ code: 'ROLE_REQUIRED', message: { id: expect.any(String), en: expect.stringContaining('reviewers') } });

    const [kb, pks] = await documents(agreementId, OFFICER);
    expect(kb.drafts.map((v) => v.version)).toEqual([1, 2]);
    expect(kb.drafts[0].comments).toEqual([expect.objectContaining({ body: 'Pasal penyelesaian sengketa belum ada.', authorName: expect.any(String) })]);
    expect(pks).toMatchObject({ document: 'PKS', drafts: [], signedCopies: [] });

    // The file comes back byte for byte, with its hash.
    const file = await stack
      .as(HEAD)
      .get(`/agreements/${agreementId}/documents/versions/${second.body.id}/file`)
      .buffer(true)
      .parse((res, callback) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => callback(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(file.headers.etag).toBe(`"${second.body.sha256}"`);
    expect((file.body as Buffer).equals(pdfOf(5, 'v2'))).toBe(true);
  });

  it('shows nothing to another region and refuses the wrong uploader, stage, document or file, changing nothing', async () => {
    await stack.as(OTHER_REGION).get(`/agreements/${agreementId}/documents`).expect(404);
    await uploadDraftVersion(stack, OTHER_REGION, agreementId, 'KB', 'x').expect(404);
    const before = await rowCount();

    const head = await uploadDraftVersion(stack, HEAD, agreementId, 'KB', 'x').expect(403);
    expect(head.body).toMatchObject({
      code: 'ROLE_REQUIRED',
      message: { id: expect.stringContaining('sekretariat'), en: expect.stringContaining('secretariat') },
    });
    const pksNow = await uploadDraftVersion(stack, SECRETARIAT, agreementId, 'PKS', 'terlalu awal').expect(409);
    expect(pksNow.body).toMatchObject({ code: 'NOT_DRAFTING', violations: [expect.objectContaining({ field: 'document' })] });
    const unknown = await uploadDraftVersion(stack, SECRETARIAT, agreementId, 'MOU' as 'KB', 'x').expect(400);
    expect(unknown.body.violations).toEqual([expect.objectContaining({ field: 'document', reason: 'UNKNOWN' })]);
    const noFile = await stack.as(SECRETARIAT).post(`/agreements/${agreementId}/documents/KB/versions`).field('summary', 'x').expect(400);
    expect(noFile.body.violations).toEqual([expect.objectContaining({ field: 'file', reason: 'REQUIRED' })]);
    const disguised = await stack
      .as(SECRETARIAT)
      .post(`/agreements/${agreementId}/documents/KB/versions`)
      .attach('file', Buffer.from('MZ not a pdf'), { filename: 'draf.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(disguised.body.violations).toEqual([expect.objectContaining({ field: 'file', reason: 'CONTENT_MISMATCH' })]);
    const wrongPart = await stack
      .as(SECRETARIAT)
      .post(`/agreements/${agreementId}/documents/KB/versions`)
      .attach('document', pdfOf(1), { filename: 'draf.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(wrongPart.body.violations).toEqual([expect.objectContaining({ field: 'file', reason: 'UNEXPECTED_FILE' })]);
    // The signed copy waits for the signing stage.
    const early = await uploadSignedCopy(stack, SECRETARIAT, agreementId, 'KB', KB_SIGNING).expect(409);
    expect(early.body.code).toBe('NOT_SIGNING');
    expect(await rowCount()).toBe(before);
  });

  it('requires the signed copy to sign the KB, takes the signing from it, and keeps it final', async () => {
    await approve(agreementId, 'KB_DRAFTING');
    // No signed copy yet: the head of region cannot sign.
    const without = await approve(agreementId, 'KB_SIGNING', { signing: KB_SIGNING }, 409);
    expect(without.body).toMatchObject({
      code: 'SIGNED_COPY_REQUIRED',
      message: { id: expect.stringContaining('salinan'), en: expect.stringContaining('signed copy') },
      violations: [expect.objectContaining({ field: 'signing.signedCopy' })],
    });
    // Bad particulars are refused before any byte is kept.
    const before = await rowCount();
    const bad = await stack
      .as(SECRETARIAT)
      .post(`/agreements/${agreementId}/documents/KB/signed-copy`)
      .field('number', '')
      .field('signedOn', '10-01-2027')
      .field('signatories', 'Wali Kota Bogor')
      .attach('file', pdfOf(2), { filename: 'kb.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(bad.body.violations.map((v: { field: string }) => v.field)).toEqual(expect.arrayContaining(['number', 'signedOn']));
    const officer = await uploadSignedCopy(stack, OFFICER, agreementId, 'KB', KB_SIGNING).expect(403);
    expect(officer.body.message.en).toContain('secretariat or the holder of the signing task');
    expect(await rowCount()).toBe(before);

    // The secretariat uploads it; it is final for this signing.
    const copy = await uploadSignedCopy(stack, SECRETARIAT, agreementId, 'KB', KB_SIGNING).expect(201);
    expect(copy.body).toMatchObject({
      kind: 'SIGNED',
      number: KB_SIGNING.number,
      signedOn: KB_SIGNING.signedOn,
      signatories: KB_SIGNING.signatories,
      pageCount: 3,
    });
    expect((await uploadSignedCopy(stack, HEAD, agreementId, 'KB', KB_SIGNING).expect(409)).body.code).toBe('SIGNED_COPY_EXISTS');
    expect((await documents(agreementId)).find((d) => d.document === 'KB')!.signedCopies).toEqual([expect.objectContaining({ status: 'PENDING' })]);

    // A number that disagrees with the copy is refused; without one the copy's particulars are the signing's.
    const mismatch = await stack
      .as(HEAD)
      .post(`/agreements/${agreementId}/steps`)
      .send({ stage: 'KB_SIGNING', outcome: 'APPROVE', signing: { ...KB_SIGNING, number: '999/KB' } })
      .expect(409);
    expect(mismatch.body.code).toBe('SIGNED_COPY_MISMATCH');
    const signed = await stack.as(HEAD).post(`/agreements/${agreementId}/steps`).send({ stage: 'KB_SIGNING', outcome: 'APPROVE' }).expect(200);
    expect(signed.body).toMatchObject({ stage: 'PKS_DRAFTING', kbNumber: KB_SIGNING.number, kbSignedOn: KB_SIGNING.signedOn });
    const move = await stack.database.prisma.agreementTransition.findFirstOrThrow({ where: { agreementId, fromStage: 'KB_SIGNING' } });
    expect(move.details).toMatchObject({ signing: { signedCopy: { id: copy.body.id, sha256: copy.body.sha256 } } });
    const kb = (await documents(agreementId)).find((d) => d.document === 'KB')!;
    expect(kb.signedCopies).toEqual([expect.objectContaining({ id: copy.body.id, status: 'SIGNED' })]);
    // Signed: its versions take no more comments.
    const late = await stack
      .as(SECRETARIAT)
      .post(`/agreements/${agreementId}/documents/versions/${kb.drafts[0].id}/comments`)
      .send({ body: 'terlambat' })
      .expect(409);
    expect(late.body.code).toBe('ALREADY_SIGNED');
  });

  it('lets the legal bureau upload its marked-up PKS during review, and the head of region upload the signed PKS', async () => {
    await claim(agreementId, 'PKS_DRAFTING');
    await uploadDraftVersion(stack, SECRETARIAT, agreementId, 'PKS', 'Draf PKS').expect(201);
    await uploadDraftVersion(stack, LEGAL, agreementId, 'PKS', 'x').expect(403);
    await stack.as(SECRETARIAT).post(`/agreements/${agreementId}/steps`).send({ stage: 'PKS_DRAFTING', outcome: 'APPROVE' }).expect(200);
    const legal = await uploadDraftVersion(stack, LEGAL, agreementId, 'PKS', 'Catatan Bagian Hukum pada pasal 9').expect(201);
    expect(legal.body).toMatchObject({ version: 2, stage: 'PKS_LEGAL_REVIEW', uploadedBy: LEGAL });
    await uploadDraftVersion(stack, SECRETARIAT, agreementId, 'PKS', 'x').expect(403);
    await approve(agreementId, 'PKS_LEGAL_REVIEW');

    await claim(agreementId, 'PKS_SIGNING');
    const pksSigning = { number: '180/7/PKS/2027', signedOn: '2027-01-20', signatories: ['Wali Kota Bogor', 'Direktur PT Mitra'] };
    // The KB's number cannot be the PKS's copy either (numbers are unique per region, per document kind).
    await uploadSignedCopy(stack, HEAD, agreementId, 'PKS', pksSigning).expect(201);
    const done = await stack
      .as(HEAD)
      .post(`/agreements/${agreementId}/steps`)
      .send({ stage: 'PKS_SIGNING', outcome: 'APPROVE', signing: pksSigning, term: { startsOn: '2027-02-01', endsOn: '2030-01-31' } })
      .expect(200);
    expect(done.body).toMatchObject({ stage: 'IMPLEMENTATION', pksNumber: pksSigning.number });
  });

  it('refuses in the database itself to alter or remove a version or a comment', async () => {
    const prisma = stack.database.prisma;
    const version = await prisma.agreementDocumentVersion.findFirstOrThrow({ where: { agreementId } });
    await expect(prisma.agreementDocumentVersion.update({ where: { id: version.id }, data: { summary: 'ditimpa' } })).rejects.toThrow(/append-only/);
    await expect(prisma.agreementDocumentVersion.delete({ where: { id: version.id } })).rejects.toThrow(/append-only/);
    const comment = await prisma.agreementDocumentComment.findFirstOrThrow({ where: { agreementId } });
    await expect(prisma.agreementDocumentComment.delete({ where: { id: comment.id } })).rejects.toThrow(/append-only/);
  });
});
