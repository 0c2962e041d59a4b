// An approved plan in its region's planning and budget documents, on a real Temporal dev
// server and PostgreSQL: RKPD and Renja after the head of region, KUA-PPAS at TAPD's
// placement, the DPRD gate, RKA at BPKAD's confirmation; exactly once, across crashes
// and returns; a Final RKPD takes lines only as flagged amendments; exports read back.
import type { Response } from 'superagent';
import { Workbook } from 'exceljs';
import { createDocumentSync } from '../../activities/document-sync';
import { createRepositories } from '../../persistence';
import { planWorkflowId } from '../../workflows/cooperation-plan/definitions';
import { type PlanSubmission } from '../../domain/plan-transition';
import { readPdfText } from '../support/pdf-text';
import { OFFICER, REVIEWER, advanceTo, decide, planAt, waitForStage } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

const AGENCY = 'Dinas Lingkungan Hidup';

async function linesByKind(planId: string) {
  const lines = await stack.database.prisma.documentLine.findMany({
    where: { planId },
    include: { document: true },
    orderBy: [{ lineKey: 'asc' }],
  });
  const byKind: Record<string, Array<{ lineKey: string; amount: number; status: string; revision: number; flag: string | null; agency: string }>> = {};
  for (const l of lines) {
    (byKind[l.document.kind] ??= []).push({
      lineKey: l.lineKey,
      amount: Number(l.amount),
      status: l.status,
      revision: l.planRevision,
      flag: l.flag,
      agency: l.document.agency,
    });
  }
  return byKind;
}

function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function download(user: string, url: string): Promise<Buffer> {
  const response = await stack.as(user).get(url).buffer(true).parse(binary).expect(200);
  return response.body as Buffer;
}

describe('the calendar order', () => {
  it('places the lines in RKPD and Renja after the head of region, KUA-PPAS at the placement, RKA at the confirmation', async () => {
    const planId = await planAt(stack, 'BUDGET_SIGNOFF');
    let lines = await linesByKind(planId);
    expect(Object.keys(lines).sort()).toEqual(['RENJA', 'RKPD']);
    expect(lines.RKPD.map((l) => [l.lineKey, l.amount, l.status, l.agency])).toEqual([
      ['line-1', 350_000_000, 'ACTIVE', ''],
      ['line-2', 75_000_000, 'ACTIVE', ''],
    ]);
    // Renja is the proposing agency's own document.
    expect(lines.RENJA.map((l) => [l.lineKey, l.agency])).toEqual([
      ['line-1', AGENCY],
      ['line-2', AGENCY],
    ]);

    // TAPD may not confirm without saying where the plan goes; nothing changes.
    const missing = await stack
      .as(REVIEWER.BUDGET_SIGNOFF)
      .post(`/plans/${planId}/decisions`)
      .send({ stage: 'BUDGET_SIGNOFF', outcome: 'APPROVE' })
      .expect(400);
    expect(missing.body.violations).toEqual([expect.objectContaining({ field: 'placement', reason: 'REQUIRED' })]);
    const low = await stack
      .as(REVIEWER.BUDGET_SIGNOFF)
      .post(`/plans/${planId}/decisions`)
      .send({ stage: 'BUDGET_SIGNOFF', outcome: 'APPROVE', placement: { ceiling: 100, fundingSource: 'APBD_BUDGETED' } })
      .expect(409);
    expect(low.body.violations).toEqual([expect.objectContaining({ field: 'placement.ceiling', reason: 'CEILING_BELOW_PLAN_COST' })]);
    const badSource = await stack
      .as(REVIEWER.BUDGET_SIGNOFF)
      .post(`/plans/${planId}/decisions`)
      .send({ stage: 'BUDGET_SIGNOFF', outcome: 'APPROVE', placement: { ceiling: 500_000_000, fundingSource: 'HIBAH' } })
      .expect(400);
    expect(JSON.stringify(badSource.body)).toContain('fundingSource');
    expect(Object.keys(await linesByKind(planId)).sort()).toEqual(['RENJA', 'RKPD']);

    const placed = await decide(stack, planId, 'BUDGET_SIGNOFF', 'APPROVE').expect(200);
    // No DPRD approval needed (budgeted, no burden, not abroad): BPKAD confirms the RKA next.
    expect(placed.body.stage).toBe('RKA_CONFIRMATION');
    const inbox = await stack.as(REVIEWER.RKA_CONFIRMATION).get('/review-tasks').query({ stage: 'RKA_CONFIRMATION' }).expect(200);
    expect(inbox.body.items).toEqual([expect.objectContaining({ planId, candidateRole: 'TAPD' })]);
    await waitForLines(planId, 'KUA_PPAS');
    lines = await linesByKind(planId);
    expect(Object.keys(lines).sort()).toEqual(['KUA_PPAS', 'RENJA', 'RKPD']);

    await decide(stack, planId, 'RKA_CONFIRMATION', 'APPROVE').expect(200);
    await stack.temporal.workflow.getHandle(planWorkflowId(planId)).result();
    lines = await linesByKind(planId);
    expect(Object.keys(lines).sort()).toEqual(['KUA_PPAS', 'RENJA', 'RKA', 'RKPD']);
    for (const kind of ['RKPD', 'RENJA', 'KUA_PPAS', 'RKA']) expect(lines[kind]).toHaveLength(2);
    // KUA-PPAS carries TAPD's ceiling and funding source; its activities are in the RKPD, so no flag.
    const kua = await stack.database.prisma.documentLine.findMany({ where: { planId, document: { kind: 'KUA_PPAS' } } });
    expect(kua.map((l) => [Number(l.ceiling), l.fundingSource, l.flag])).toEqual([
      [500_000_000, 'APBD_BUDGETED', null],
      [500_000_000, 'APBD_BUDGETED', null],
    ]);

    // In the calendar's order: every RKPD line before Renja's, before KUA-PPAS's, before RKA's.
    const all = await stack.database.prisma.documentLine.findMany({ where: { planId }, include: { document: true } });
    const firstAt = (kind: string) => Math.min(...all.filter((l) => l.document.kind === kind).map((l) => l.syncedAt.getTime()));
    const lastAt = (kind: string) => Math.max(...all.filter((l) => l.document.kind === kind).map((l) => l.syncedAt.getTime()));
    expect(lastAt('RKPD')).toBeLessThanOrEqual(firstAt('RENJA'));
    expect(lastAt('RENJA')).toBeLessThan(firstAt('KUA_PPAS'));
    expect(lastAt('KUA_PPAS')).toBeLessThan(firstAt('RKA'));

    // The plan shows its lines; the register shows the documents.
    const planLines = await stack.as(OFFICER).get(`/plans/${planId}/document-lines`).expect(200);
    expect(planLines.body).toHaveLength(8);
    const register = await stack.as(REVIEWER.BUDGET_SIGNOFF).get('/planning-documents').query({ regionCode: '32.71', budgetYear: '2027' }).expect(200);
    expect(register.body.map((d: { kind: string }) => d.kind)).toEqual(expect.arrayContaining(['RKPD', 'RENJA', 'KUA_PPAS', 'RKA']));
    await stack.as(OFFICER).get('/planning-documents').query({ regionCode: '32.71', budgetYear: '2027' }).expect(403);
  });
});

async function waitForLines(planId: string, kind: string): Promise<void> {
  await waitFor(`a ${kind} line`, async () => (await stack.database.prisma.documentLine.count({ where: { planId, document: { kind: kind as 'RKPD' } } })) > 0);
}

describe('exactly once', () => {
  it('a worker crash during the sync leaves no duplicate and no gap', async () => {
    // The sync runs right after the head of region's approval is projected: the worker goes down under it.
    const planId = await planAt(stack, 'DOCUMENT_SYNC');
    await stack.stopWorker();
    await stack.startWorker();
    await waitForStage(stack, planId, 'BUDGET_SIGNOFF');
    await stack.stopWorker();
    await stack.startWorker();
    await advanceTo(stack, planId, 'COMPLETED');
    const lines = await linesByKind(planId);
    for (const kind of ['RKPD', 'RENJA', 'KUA_PPAS', 'RKA']) {
      expect(lines[kind].map((l) => [l.lineKey, l.status])).toEqual([
        ['line-1', 'ACTIVE'],
        ['line-2', 'ACTIVE'],
      ]);
    }
    // Each document recorded this plan's placement as exactly one change, numbered without gaps.
    const documentIds = [...new Set((await stack.database.prisma.documentLine.findMany({ where: { planId } })).map((l) => l.documentId))];
    for (const documentId of documentIds) {
      const changes = await stack.database.prisma.documentChange.findMany({ where: { documentId }, orderBy: { seq: 'asc' } });
      expect(changes.map((c) => c.seq)).toEqual(changes.map((_, i) => i + 1));
      expect(changes.filter((c) => (c.payload as { planId?: string }).planId === planId)).toHaveLength(1);
    }
  });

  it('a re-run of the same sync activity changes nothing and records no change', async () => {
    const planId = await planAt(stack, 'BUDGET_SIGNOFF');
    const revision = await stack.database.prisma.planRevision.findFirstOrThrow({ where: { planId, revision: 1 } });
    const submission = { revision: 1, content: revision.content } as unknown as PlanSubmission;
    const before = await stack.database.prisma.documentLine.findMany({ where: { planId }, orderBy: { id: 'asc' } });
    const changesBefore = await stack.database.prisma.documentChange.count();
    const sync = createDocumentSync(createRepositories(stack.database.prisma).planningDocuments);
    const summary = await sync.syncPlanToDocument({ planId, kind: 'RKPD', submission });
    expect(summary).toMatchObject({ documentKind: 'RKPD', activeLines: 2, withdrawnLines: 0, flaggedLines: 0 });
    const after = await stack.database.prisma.documentLine.findMany({ where: { planId }, orderBy: { id: 'asc' } });
    expect(after.map((l) => [l.id, l.lineKey, l.amount, l.status])).toEqual(before.map((l) => [l.id, l.lineKey, l.amount, l.status]));
    expect(await stack.database.prisma.documentChange.count()).toBe(changesBefore);
  });

  it('a plan returned at the RKA confirmation is re-synced on approval, updating its lines, and a rejection withdraws them all', async () => {
    const planId = await planAt(stack, 'RKA_CONFIRMATION');
    const returned = await decide(stack, planId, 'RKA_CONFIRMATION', 'RETURN_FOR_REVISION', 'Pagu RKA melebihi plafon').expect(200);
    expect(returned.body).toMatchObject({ stage: 'DRAFT', revision: 2, lastComment: 'Pagu RKA melebihi plafon' });
    await waitForLines(planId, 'KUA_PPAS');

    await stack
      .as(OFFICER)
      .patch(`/plans/${planId}`)
      .send({ lineItems: [{ nomenclatureCode: '2.11.03.2.01.0001', description: 'Kajian kelayakan TPA regional', amount: 300_000_000 }] })
      .expect(200);
    await advanceTo(stack, planId, 'RKA_CONFIRMATION');
    const rejected = await decide(stack, planId, 'RKA_CONFIRMATION', 'REJECT', 'Tidak tersedia anggaran').expect(200);
    expect(rejected.body.stage).toBe('REJECTED');
    await stack.temporal.workflow.getHandle(planWorkflowId(planId)).result();

    const lines = await linesByKind(planId);
    for (const kind of ['RKPD', 'RENJA', 'KUA_PPAS']) {
      // Updated in place to revision 2, the dropped line kept as withdrawn; then all withdrawn, none deleted.
      expect(lines[kind].map((l) => [l.lineKey, l.amount, l.revision, l.status])).toEqual([
        ['line-1', 300_000_000, 2, 'WITHDRAWN'],
        ['line-2', 75_000_000, 1, 'WITHDRAWN'],
      ]);
    }
    expect(lines.RKA).toBeUndefined();
  });
});

describe('the DPRD gate', () => {
  it('waits for the DPRD liaison where the plan rules require it, then goes on to the RKA', async () => {
    const planId = await planAt(stack, 'BUDGET_SIGNOFF', { burdensCommunity: true });
    const placed = await decide(stack, planId, 'BUDGET_SIGNOFF', 'APPROVE').expect(200);
    expect(placed.body.stage).toBe('DPRD_APPROVAL');
    const inbox = await stack.as(REVIEWER.DPRD_APPROVAL).get('/review-tasks').query({ stage: 'DPRD_APPROVAL' }).expect(200);
    expect(inbox.body.items).toEqual([expect.objectContaining({ planId, candidateRole: 'DPRD_LIAISON' })]);
    // Only the DPRD liaison records the DPRD's decision.
    await decide(stack, planId, 'DPRD_APPROVAL', 'APPROVE', undefined, REVIEWER.BUDGET_SIGNOFF).expect(403);
    await decide(stack, planId, 'RKA_CONFIRMATION', 'APPROVE').expect(409);
    const approved = await decide(stack, planId, 'DPRD_APPROVAL', 'APPROVE', 'Persetujuan DPRD nomor 12/2026').expect(200);
    expect(approved.body.stage).toBe('RKA_CONFIRMATION');
    const done = await decide(stack, planId, 'RKA_CONFIRMATION', 'APPROVE').expect(200);
    expect(done.body.history.map((t: { action: string; toStage: string }) => `${t.action}->${t.toStage}`).slice(-3)).toEqual([
      'APPROVE->DPRD_APPROVAL',
      'APPROVE->RKA_CONFIRMATION',
      'APPROVE->COMPLETED',
    ]);
  });

  it("returns the plan to DRAFT as a new revision with the DPRD's reason when the DPRD refuses", async () => {
    const planId = await planAt(stack, 'DPRD_APPROVAL', { fundingSource: 'APBD_NOT_YET_BUDGETED' });
    const refused = await decide(stack, planId, 'DPRD_APPROVAL', 'RETURN_FOR_REVISION', 'DPRD belum menyetujui: anggaran belum tersedia').expect(200);
    expect(refused.body).toMatchObject({ stage: 'DRAFT', revision: 2, lastComment: 'DPRD belum menyetujui: anggaran belum tersedia' });
    const tasks = await stack.database.prisma.reviewTask.findMany({ where: { planId, stage: 'DPRD_APPROVAL' } });
    expect(tasks.map((t) => [t.candidateRole, t.status, t.decision])).toEqual([['DPRD_LIAISON', 'CLOSED', 'RETURN_FOR_REVISION']]);
  });
});

describe('a Final RKPD and the document register', () => {
  it('moves states forward only, audited, and a Final RKPD takes lines only as flagged amendments', async () => {
    const key = { kind: 'RKPD', regionCode: '32.71', budgetYear: 2028 };
    await stack.as(OFFICER).post('/planning-documents').send(key).expect(403);
    await stack.as(REVIEWER.BUDGET_SIGNOFF).post('/planning-documents').send(key).expect(403);
    const bad = await stack
      .as(REVIEWER.BAPPEDA_REVIEW)
      .post('/planning-documents')
      .send({ ...key, kind: 'RPJMD' })
      .expect(400);
    expect(JSON.stringify(bad.body)).toContain('kind');
    const renjaWithoutAgency = await stack
      .as(REVIEWER.BAPPEDA_REVIEW)
      .post('/planning-documents')
      .send({ ...key, kind: 'RENJA' })
      .expect(400);
    expect(renjaWithoutAgency.body.violations).toEqual([expect.objectContaining({ field: 'agency', reason: 'REQUIRED' })]);

    const registered = await stack.as(REVIEWER.BAPPEDA_REVIEW).post('/planning-documents').send(key).expect(200);
    expect(registered.body).toMatchObject({ kind: 'RKPD', state: 'RANCANGAN_AWAL', stateName: 'Rancangan Awal' });
    const id = registered.body.id as string;
    const again = await stack.as(REVIEWER.BAPPEDA_REVIEW).post('/planning-documents').send(key).expect(200);
    expect(again.body.id).toBe(id);
    const final = await stack.as(REVIEWER.BAPPEDA_REVIEW).post(`/planning-documents/${id}/state`).send({ state: 'FINAL' }).expect(200);
    expect(final.body).toMatchObject({ state: 'FINAL', finalAt: expect.any(String) });
    const back = await stack.as(REVIEWER.BAPPEDA_REVIEW).post(`/planning-documents/${id}/state`).send({ state: 'RANCANGAN' }).expect(409);
    expect(back.body).toMatchObject({ code: 'STATE_NOT_FORWARD', message: expect.objectContaining({ id: expect.any(String), en: expect.any(String) }) });
    await stack.as(REVIEWER.BAPPEDA_REVIEW).post(`/planning-documents/${id}/state`).send({ state: 'DITETAPKAN' }).expect(400);
    const audit = await stack.database.prisma.auditEvent.findMany({ where: { entity: 'PLANNING_DOCUMENT', entityId: id }, orderBy: { occurredAt: 'asc' } });
    expect(audit.map((e) => [e.action, e.actorName.length > 0])).toEqual([
      ['DOCUMENT_REGISTERED', true],
      ['DOCUMENT_STATE_CHANGED', true],
    ]);

    const planId = await planAt(stack, 'COMPLETED', { budgetYear: 2028 });
    const lines = await linesByKind(planId);
    expect(lines.RKPD.map((l) => l.flag)).toEqual(['RKPD_AMENDMENT', 'RKPD_AMENDMENT']);
    expect(lines.RENJA.map((l) => l.flag)).toEqual([null, null]);
    // The activities are not (yet) in the RKPD: KUA-PPAS needs the DPRD agreement record.
    expect(lines.KUA_PPAS.map((l) => l.flag)).toEqual(['DPRD_AGREEMENT_RECORD', 'DPRD_AGREEMENT_RECORD']);
    expect(lines.RKA.map((l) => l.flag)).toEqual([null, null]);

    // Visible on the plan: its lines and its history say so.
    const planLines = await stack.as(OFFICER).get(`/plans/${planId}/document-lines`).expect(200);
    const rkpdLine = planLines.body.find((l: { documentKind: string }) => l.documentKind === 'RKPD');
    expect(rkpdLine.flagMessage.id).toContain('perubahan RKPD');
    const plan = await stack.as(OFFICER).get(`/plans/${planId}`).expect(200);
    const sync = plan.body.history.find((t: { action: string }) => t.action === 'SYNC_DOCUMENTS');
    expect(sync.comment).toContain('2 baris dokumen perlu tindak lanjut');

    // The workbook and the summary say the same.
    const xlsx = await download(REVIEWER.BAPPEDA_REVIEW, `/planning-documents/${id}/export.xlsx`);
    const workbook = new Workbook();
    await workbook.xlsx.load(xlsx.buffer.slice(xlsx.byteOffset, xlsx.byteOffset + xlsx.byteLength) as ArrayBuffer);
    const sheet = workbook.getWorksheet('Baris')!;
    expect(String(sheet.getCell(1, 1).value)).toBe('RKPD Kota Bogor Tahun Anggaran 2028');
    expect(String(sheet.getCell(3, 1).value)).toBe('Status dokumen: Final (ditetapkan)');
    const header = (sheet.getRow(6).values as unknown[]).slice(1);
    expect(header).toEqual([
      'Kode Urusan',
      'Kode Bidang Urusan',
      'Bidang Urusan',
      'Kode Program',
      'Kode Kegiatan',
      'Kode Sub Kegiatan',
      'Nomenklatur / Uraian',
      'Lokasi',
      'Target / Indikator',
      'Pagu (Rp)',
      'Plafon KUA-PPAS Rencana (Rp)',
      'Sumber Dana',
      'Perangkat Daerah',
      'Rencana Asal',
      'ID Rencana',
      'Revisi',
      'Status',
      'Catatan',
    ]);
    const row = (n: number) => (sheet.getRow(n).values as unknown[]).slice(1);
    expect(row(7)).toEqual([
      '2',
      '2.11',
      expect.any(String),
      '2.11.03',
      '2.11.03.2.01',
      '2.11.03.2.01.0001',
      'Kajian kelayakan TPA regional',
      'Kota Bogor',
      undefined,
      350_000_000,
      undefined,
      'APBD (sudah dianggarkan)',
      AGENCY,
      'Kerja sama pengelolaan sampah regional',
      planId,
      1,
      'Aktif',
      expect.stringContaining('Perlu perubahan RKPD'),
    ]);
    expect(row(8)[9]).toBe(75_000_000);
    expect(sheet.rowCount).toBe(8);
    // Officers do not read the region's register.
    await stack.as(OFFICER).get(`/planning-documents/${id}/export.xlsx`).expect(404);

    const pdf = await readPdfText(await download(OFFICER, `/plans/${planId}/documents-summary.pdf`));
    // Table cells wrap: read the text as one line.
    const pdfText = pdf.pages.join('\n').replace(/\s+/g, ' ');
    expect(pdfText).toContain('Ringkasan Penempatan dalam Dokumen Perencanaan dan Anggaran');
    expect(pdfText).toContain('Kerja sama pengelolaan sampah regional');
    expect(pdfText).toContain('Plafon anggaran sementara: Rp 500.000.000; sumber dana: APBD (sudah dianggarkan)');
    for (const who of [
      'Siti Rahmawati',
      'Selesai',
      'KUA-PPAS',
      'RKA-PD',
      'Renja PD',
      '2.11.03.2.01.0002',
      'Rp 350.000.000',
      'Perlu perubahan RKPD',
      'berita acara',
    ]) {
      expect(pdfText).toContain(who);
    }
    // Another region's officer cannot read it.
    await stack.as('officer.kabbogor').get(`/plans/${planId}/documents-summary.pdf`).expect(404);
  });
});
