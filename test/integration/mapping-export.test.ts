// Issue 3, the mapping as a whole: a region's plans for a budget year as the matrix it
// reports upward, answered as JSON and downloaded as XLSX and PDF, each read back. Read
// here as Kota Bogor's cooperation secretariat, which reports it; who else may: auth.test.ts.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Workbook, type Worksheet } from 'exceljs';
import type { Response } from 'superagent';
import { CURRENT_NOMENCLATURE_VERSION } from '../../domain/nomenclature';
import { createTestUser } from '../support/auth';
import { readPdfText } from '../support/pdf-text';
import { newPlanBody } from '../support/plan-fixtures';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const DLH = 'Dinas Lingkungan Hidup';
const PUPR = 'Dinas Pekerjaan Umum dan Penataan Ruang';

// Line items of the fixture: 350 000 000 + 75 000 000.
const FIXTURE_COST = 425_000_000;
const WATER_COST = 1_000_000_000 + 250_000_000;
const FLOOD_COST = 500_000_000;
const GRAND_TOTAL = FIXTURE_COST + WATER_COST + FLOOD_COST;

const ids = { waste: '', water: '', flood: '', rejected: '' };

/** Reads the mappings: the secretariat reports Kota Bogor's upward. */
const reporter = () => stack.as('sekretariat.kotabogor');

/** Plans are drafted by an officer of their region and agency (no demo officer drafts for PUPR). */
const OFFICERS: Record<string, string> = {
  [`32.71/${DLH}`]: 'officer.kotabogor',
  '32.71/Dinas Perhubungan': 'officer2.kotabogor',
  [`32.71/${PUPR}`]: 'officer.pupr.kotabogor',
  [`32.01/${DLH}`]: 'officer.kabbogor',
};

function draftedBy(body: Record<string, unknown>): string {
  const username = OFFICERS[`${body.regionCode}/${body.proposingAgency}`];
  if (!username) throw new Error(`no officer drafts for ${body.regionCode}/${body.proposingAgency}`);
  return username;
}

async function create(overrides: Record<string, unknown>): Promise<string> {
  // The creator is the login: a body naming one is refused.
  const { createdBy: _creator, ...body }: Record<string, unknown> = newPlanBody(overrides);
  const response = await stack.as(draftedBy(body)).post('/plans').send(body).expect(201);
  return response.body.id as string;
}

async function submit(id: string, overrides: Record<string, unknown> = {}): Promise<void> {
  await stack
    .as(draftedBy(newPlanBody(overrides)))
    .post(`/plans/${id}/submit`)
    .expect(200);
}

function lineItems(...amounts: number[]) {
  return amounts.map((amount, index) => ({ nomenclatureCode: `1.03.02.2.01.000${index + 1}`, description: `Rincian ${index + 1}`, amount }));
}

/** Supertest hands back only text bodies by itself; exports are binary. */
function binary(response: Response, callback: (error: Error | null, body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  response.on('data', (chunk: Buffer) => chunks.push(chunk));
  response.on('end', () => callback(null, Buffer.concat(chunks)));
}

async function download(url: string) {
  const response = await reporter().get(url).buffer(true).parse(binary).expect(200);
  const body = response.body as Buffer;
  // Kept for a person to look at when asked (e.g. pdftoppm on the PDF).
  if (process.env.JALIN_TEST_EXPORT_DIR) {
    mkdirSync(process.env.JALIN_TEST_EXPORT_DIR, { recursive: true });
    writeFileSync(path.join(process.env.JALIN_TEST_EXPORT_DIR, path.basename(url).replace(/[?=&]/g, '-')), body);
  }
  return { headers: response.headers as Record<string, string>, body };
}

beforeAll(async () => {
  stack = await startTestStack();
  const prisma = stack.database.prisma;
  await createTestUser(prisma, { username: 'officer.pupr.kotabogor', grants: [{ role: 'OFFICER', regionCode: '32.71', agency: PUPR }] });
  // Jawa Barat's secretariat reports the province's mapping to the ministry.
  await createTestUser(prisma, { username: 'sekretariat.jabar', grants: [{ role: 'SECRETARIAT', regionCode: '32' }] });
  // A grant in a region the reference data no longer holds.
  await createTestUser(prisma, { username: 'sekretariat.hilang', grants: [{ role: 'SECRETARIAT', regionCode: '99.99' }] });
  // Submitted, so at VERIFICATION: the complete plan of the fixtures (KSDD wajib, one object).
  ids.waste = await create({});
  await submit(ids.waste);
  // A draft with two objects: its cost must be counted once.
  ids.water = await create({
    title: 'Kerja sama air minum lintas batas',
    proposingAgency: PUPR,
    cooperationType: 'KSDD_SUKARELA',
    objects: [
      {
        affairCode: '1.03',
        nomenclatureVersion: CURRENT_NOMENCLATURE_VERSION,
        potential: 'Mata air',
        characteristics: 'Lintas batas',
        inPlanningDocuments: true,
      },
      {
        affairCode: '2.11',
        nomenclatureVersion: CURRENT_NOMENCLATURE_VERSION,
        potential: 'Daerah tangkapan',
        characteristics: 'Lintas batas',
        inPlanningDocuments: true,
      },
    ],
    lineItems: lineItems(1_000_000_000, 250_000_000),
  });
  // A draft without objects yet: still part of the mapping, one row, affair empty.
  ids.flood = await create({
    title: 'Sinergi penanganan banjir Ciliwung',
    proposingAgency: PUPR,
    cooperationType: 'SINERGI',
    partners: [{ kind: 'MINISTRY', name: 'Kementerian PUPR' }],
    objects: [],
    lineItems: lineItems(FLOOD_COST),
  });
  // Rejected by the secretariat: left out unless asked for, never counted.
  ids.rejected = await create({ title: 'Pengadaan truk sampah', proposingAgency: 'Dinas Perhubungan' });
  await submit(ids.rejected, { proposingAgency: 'Dinas Perhubungan' });
  await reporter().post(`/plans/${ids.rejected}/task/claim`).send({}).expect(200);
  await reporter()
    .post(`/plans/${ids.rejected}/decisions`)
    .send({ stage: 'VERIFICATION', outcome: 'REJECT', comment: 'Pengadaan biasa, bukan kerja sama.' })
    .expect(200);
  // Other years and other regions are other mappings.
  await create({ title: 'Rencana tahun berikutnya', budgetYear: 2028 });
  await create({ title: 'Rencana Kabupaten Bogor', regionCode: '32.01', partners: [{ kind: 'REGION', name: 'Pemerintah Kota Bogor', regionCode: '32.71' }] });
});
afterAll(async () => {
  await stack?.stop();
});

describe('the mapping as JSON', () => {
  it('lists every plan that is not rejected, one row per object, the cost on each plan’s first row', async () => {
    const { body } = await reporter().get('/mappings/32.71/2027').expect(200);
    expect(body).toMatchObject({
      region: { code: '32.71', name: 'Kota Bogor', level: 'REGENCY' },
      reportedTo: 'Gubernur Jawa Barat',
      budgetYear: 2027,
      includeRejected: false,
    });
    expect(Date.now() - Date.parse(body.generatedAt)).toBeLessThan(60_000);
    expect(body.rows).toEqual([
      expect.objectContaining({
        planNumber: 1,
        planId: ids.waste,
        title: 'Kerja sama pengelolaan sampah regional',
        proposingAgency: DLH,
        affairCode: '2.11',
        affairName: 'Lingkungan Hidup',
        cooperationType: 'KSDD_WAJIB',
        cooperationTypeName: 'Kerja sama daerah dengan daerah lain (wajib)',
        partners: 'Pemerintah Kabupaten Bogor',
        stage: 'VERIFICATION',
        estimatedCost: FIXTURE_COST,
        continuesPlan: false,
        countedInTotals: true,
        requiresDprdApproval: false,
      }),
      expect.objectContaining({
        planNumber: 2,
        planId: ids.water,
        objectNumber: 1,
        affairCode: '1.03',
        affairName: 'Pekerjaan Umum dan Penataan Ruang',
        estimatedCost: WATER_COST,
        continuesPlan: false,
      }),
      expect.objectContaining({ planNumber: 2, planId: ids.water, objectNumber: 2, affairCode: '2.11', estimatedCost: null, continuesPlan: true }),
      expect.objectContaining({
        planNumber: 3,
        planId: ids.flood,
        objectNumber: null,
        affairCode: null,
        affairName: null,
        cooperationType: 'SINERGI',
        cooperationTypeName: 'Sinergi dengan kementerian/lembaga',
        partners: 'Kementerian PUPR',
        stage: 'DRAFT',
        estimatedCost: FLOOD_COST,
      }),
    ]);
  });

  it('adds up by cooperation type, stage and agency without counting a plan twice', async () => {
    const { body } = await reporter().get('/mappings/32.71/2027').expect(200);
    const { summary } = body;
    expect(summary.grandTotal).toEqual({ planCount: 3, objectCount: 3, estimatedCost: GRAND_TOTAL });
    expect(summary.rejected).toEqual({ planCount: 1, estimatedCost: FIXTURE_COST });
    const byType = Object.fromEntries(
      summary.byCooperationType.map((t: { cooperationType: string; planCount: number; estimatedCost: number }) => [
        t.cooperationType,
        [t.planCount, t.estimatedCost],
      ]),
    );
    expect(byType).toEqual({
      KSDD_WAJIB: [1, FIXTURE_COST],
      KSDD_SUKARELA: [1, WATER_COST],
      KSDPK: [0, 0],
      KSDPL: [0, 0],
      KSDLL: [0, 0],
      SINERGI: [1, FLOOD_COST],
    });
    expect(summary.byStage).toEqual(
      expect.arrayContaining([
        { stage: 'DRAFT', name: 'Draf', planCount: 2, estimatedCost: WATER_COST + FLOOD_COST },
        { stage: 'VERIFICATION', name: 'Verifikasi sekretariat kerja sama', planCount: 1, estimatedCost: FIXTURE_COST },
      ]),
    );
    expect(summary.byStage.map((s: { stage: string }) => s.stage)).not.toContain('REJECTED');
    expect(summary.byAgency).toEqual([
      { proposingAgency: DLH, planCount: 1, estimatedCost: FIXTURE_COST },
      { proposingAgency: PUPR, planCount: 2, estimatedCost: WATER_COST + FLOOD_COST },
    ]);
    const costColumn = body.rows.reduce((sum: number, row: { estimatedCost: number | null }) => sum + (row.estimatedCost ?? 0), 0);
    expect(costColumn).toBe(GRAND_TOTAL);
  });

  it('lists rejected plans last on request, outside every total', async () => {
    const { body } = await reporter().get('/mappings/32.71/2027').query({ includeRejected: true }).expect(200);
    expect(body.includeRejected).toBe(true);
    expect(body.rows).toHaveLength(5);
    expect(body.rows[4]).toMatchObject({
      planNumber: 4,
      planId: ids.rejected,
      proposingAgency: 'Dinas Perhubungan',
      stage: 'REJECTED',
      stageName: 'Ditolak',
      estimatedCost: FIXTURE_COST,
      countedInTotals: false,
    });
    expect(body.summary.grandTotal).toEqual({ planCount: 3, objectCount: 3, estimatedCost: GRAND_TOTAL });
  });

  it('is empty, with zero totals, for a year without plans', async () => {
    const { body } = await reporter().get('/mappings/32.71/2030').expect(200);
    expect(body.rows).toEqual([]);
    expect(body.summary.grandTotal).toEqual({ planCount: 0, objectCount: 0, estimatedCost: 0 });
  });

  it('addresses a province’s mapping to the ministry', async () => {
    const { body } = await stack.as('sekretariat.jabar').get('/mappings/32/2027').expect(200);
    expect(body.region).toEqual({ code: '32', name: 'Jawa Barat', level: 'PROVINCE' });
    expect(body.reportedTo).toMatch(/^Menteri Dalam Negeri/);
  });
});

describe('the OpenAPI document', () => {
  it('describes the three routes, which plans they hold, and the flag', async () => {
    const { body } = await stack.http().get('/docs/json').expect(200); // public: no token
    const json = body.paths['/mappings/{regionCode}/{budgetYear}'].get;
    expect(json.description).toContain('includeRejected=true');
    expect(json.parameters.map((p: { name: string }) => p.name).sort()).toEqual(['budgetYear', 'includeRejected', 'regionCode']);
    expect(Object.keys(body.paths['/mappings/{regionCode}/{budgetYear}/export.xlsx'].get.responses['200'].content)).toEqual([XLSX_TYPE]);
    expect(Object.keys(body.paths['/mappings/{regionCode}/{budgetYear}/export.pdf'].get.responses['200'].content)).toEqual(['application/pdf']);
  });
});

describe('refused requests', () => {
  const fieldsOf = (body: { violations: Array<{ field: string }> }) => body.violations.map((v) => v.field).sort();

  it('answers 400 naming the fields for a bad region code, year or flag', async () => {
    for (const suffix of ['', '/export.xlsx', '/export.pdf']) {
      const badRegion = await reporter().get(`/mappings/32.7/2027${suffix}`).expect(400);
      expect(badRegion.body).toMatchObject({ code: 'VALIDATION_FAILED', message: { id: expect.any(String), en: expect.any(String) } });
      expect(fieldsOf(badRegion.body)).toEqual(['regionCode']);
    }
    for (const year of ['1999', '2101', '20x7', '0x7EB', '2027.5']) {
      const response = await reporter().get(`/mappings/32.71/${year}`).expect(400);
      expect(fieldsOf(response.body)).toEqual(['budgetYear']);
    }
    const both = await reporter().get('/mappings/bogor/tahun').expect(400);
    expect(fieldsOf(both.body)).toEqual(['budgetYear', 'regionCode']);
    const flag = await reporter().get('/mappings/32.71/2027').query({ includeRejected: 'ya' }).expect(400);
    expect(fieldsOf(flag.body)).toEqual(['includeRejected']);
    await reporter().get('/mappings/32.71/2027').query({ colour: 'blue' }).expect(400);
  });

  it('answers 404 in both languages for a region that does not exist, to a user with a role there', async () => {
    for (const suffix of ['', '/export.xlsx', '/export.pdf']) {
      const response = await stack.as('sekretariat.hilang').get(`/mappings/99.99/2027${suffix}`).expect(404);
      expect(response.body).toMatchObject({
        code: 'NOT_FOUND',
        message: { id: "Wilayah '99.99' tidak ditemukan.", en: "Region '99.99' was not found." },
      });
    }
  });
});

describe('the mapping as an Excel workbook', () => {
  let workbook: Workbook;
  let headers: Record<string, string>;

  beforeAll(async () => {
    const file = await download('/mappings/32.71/2027/export.xlsx');
    headers = file.headers;
    workbook = new Workbook();
    // exceljs types its input as an ArrayBuffer.
    await workbook.xlsx.load(file.body.buffer.slice(file.body.byteOffset, file.body.byteOffset + file.body.byteLength) as ArrayBuffer);
  });

  const sheet = (name: string): Worksheet => workbook.getWorksheet(name)!;
  const rowValues = (worksheet: Worksheet, rowNumber: number) =>
    (worksheet.getRow(rowNumber).values as unknown[]).slice(1).map((value) => (value === undefined ? null : value));
  const findRow = (worksheet: Worksheet, predicate: (values: unknown[]) => boolean) => {
    for (let rowNumber = 1; rowNumber <= worksheet.rowCount; rowNumber += 1) {
      if (predicate(rowValues(worksheet, rowNumber))) return rowNumber;
    }
    throw new Error('no such row');
  };

  it('downloads as an attachment named after the region and year', () => {
    expect(headers['content-type']).toBe(XLSX_TYPE);
    expect(headers['content-disposition']).toBe('attachment; filename="pemetaan-ksd-32.71-2027.xlsx"');
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Pemetaan', 'Ringkasan']);
  });

  it('opens with a title block and Indonesian headers, frozen and filterable', () => {
    const matrix = sheet('Pemetaan');
    expect(matrix.getCell('A1').value).toBe('Pemetaan Kerja Sama Daerah');
    expect(matrix.getCell('A2').value).toBe('Pemerintah Daerah: Kota Bogor (kode wilayah 32.71)');
    expect(matrix.getCell('A3').value).toBe('Tahun Anggaran: 2027');
    expect(matrix.getCell('A4').value).toBe('Disampaikan kepada: Gubernur Jawa Barat');
    expect(String(matrix.getCell('A5').value)).toMatch(/^Tanggal dibuat: \d{1,2} [A-Z][a-z]+ \d{4} pukul \d{2}\.\d{2} WIB$/);
    expect(rowValues(matrix, 7)).toEqual([
      'No.',
      'Perangkat Daerah Pengusul',
      'Judul Rencana Kerja Sama',
      'Kode Urusan',
      'Urusan Pemerintahan',
      'Kode Jenis Kerja Sama',
      'Jenis Kerja Sama',
      'Mitra',
      'Tahap',
      'Perkiraan Biaya (Rp)',
      'Perlu Persetujuan DPRD',
      'Keterangan',
      'ID Rencana',
    ]);
    expect(matrix.views[0]).toMatchObject({ state: 'frozen', ySplit: 7 });
    expect(matrix.autoFilter).toBeDefined();
    expect(matrix.getColumn(3).width).toBeGreaterThanOrEqual(30);
  });

  it('holds each plan with rupiah as numbers, its cost once', () => {
    const matrix = sheet('Pemetaan');
    const waste = findRow(matrix, (values) => values[2] === 'Kerja sama pengelolaan sampah regional');
    expect(rowValues(matrix, waste)).toEqual([
      1,
      DLH,
      'Kerja sama pengelolaan sampah regional',
      '2.11',
      'Lingkungan Hidup',
      'KSDD_WAJIB',
      'Kerja sama daerah dengan daerah lain (wajib)',
      'Pemerintah Kabupaten Bogor',
      'Verifikasi sekretariat kerja sama',
      FIXTURE_COST,
      'Tidak',
      '',
      ids.waste,
    ]);
    expect(matrix.getRow(waste).getCell(10).numFmt).toBe('#,##0');

    const water = findRow(matrix, (values) => values[12] === ids.water && values[3] === '2.11');
    expect(matrix.getRow(water).getCell(10).value).toBeNull();
    expect(matrix.getRow(water).getCell(12).value).toBe('Objek ke-2 dari 2; biaya rencana ini tercantum pada objek ke-1.');
    expect(findRow(matrix, (values) => values[12] === ids.flood)).toBeGreaterThan(7);
    expect(() => findRow(matrix, (values) => values[12] === ids.rejected)).toThrow();

    const total = findRow(matrix, (values) => String(values[0]).startsWith('Jumlah'));
    expect(matrix.getRow(total).getCell(1).value).toBe('Jumlah (3 rencana, 3 objek)');
    expect(matrix.getRow(total).getCell(10).value).toBe(GRAND_TOTAL);
    expect(matrix.getRow(total).getCell(10).numFmt).toBe('#,##0');
  });

  it('summarises by type, stage and agency on its own sheet', () => {
    const summary = sheet('Ringkasan');
    expect(summary.getCell('A1').value).toBe('Ringkasan Pemetaan Kerja Sama Daerah');
    const sinergi = findRow(summary, (values) => values[0] === 'SINERGI');
    expect(rowValues(summary, sinergi)).toEqual(['SINERGI', 'Sinergi dengan kementerian/lembaga', 1, FLOOD_COST]);
    expect(summary.getRow(sinergi).getCell(4).numFmt).toBe('#,##0');
    const draft = findRow(summary, (values) => values[0] === 'DRAFT');
    expect(rowValues(summary, draft)).toEqual(['DRAFT', 'Draf', 2, WATER_COST + FLOOD_COST]);
    const pupr = findRow(summary, (values) => values[1] === PUPR);
    expect(rowValues(summary, pupr).slice(2)).toEqual([2, WATER_COST + FLOOD_COST]);
    const rejected = findRow(summary, (values) => values[0] === 'REJECTED');
    expect(rowValues(summary, rejected).slice(2)).toEqual([1, FIXTURE_COST]);
  });
});

describe('the mapping as a PDF', () => {
  it('prints the title, the region, the plans, the grand total and page numbers', async () => {
    const file = await download('/mappings/32.71/2027/export.pdf');
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toBe('attachment; filename="pemetaan-ksd-32.71-2027.pdf"');
    expect(file.body.subarray(0, 5).toString()).toBe('%PDF-');

    const { pageCount, pages } = await readPdfText(file.body);
    const text = pages.join('\n');
    expect(pages[0]).toContain('PEMETAAN KERJA SAMA DAERAH');
    expect(pages[0]).toContain('Kota Bogor (kode wilayah 32.71), Tahun Anggaran 2027');
    expect(pages[0]).toContain('Gubernur Jawa Barat');
    expect(text).toContain('Kerja sama pengelolaan sampah regional');
    expect(text).toContain('Sinergi penanganan banjir Ciliwung');
    expect(text).toContain('Rp 2.175.000.000');
    expect(text).toContain('Kepala Bagian Kerja Sama');
    expect(text).not.toContain('Pengadaan truk sampah');
    pages.forEach((page, index) => expect(page).toContain(`Halaman ${index + 1} dari ${pageCount}`));
  });

  it('lists rejected plans, marked as not counted, on request', async () => {
    const file = await download('/mappings/32.71/2027/export.pdf?includeRejected=true');
    const text = (await readPdfText(file.body)).pages.join('\n');
    expect(text).toContain('Pengadaan truk sampah');
    expect(text).toContain('(tidak dihitung)');
    expect(text).toContain('Rp 2.175.000.000');
  });
});
