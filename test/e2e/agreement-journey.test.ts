// Issue 17 in a real browser against the real stack: a secretariat officer takes a
// COMPLETED plan (reached through the API, as the other tests do) to a signed PKS by
// clicking: starts the agreement, records the offer and the partner's answer, uploads KB
// draft versions and compares them, the head of region signs the KB with its signed copy,
// the PKS is drafted, the legal bureau reviews it (its marked-up version and a comment), and
// the head of region signs the PKS with its signed copy and term. In force, the owning
// agency's officer files a monev report (realisation beside the plan's amounts) and the
// secretariat accepts it. The agreement page is checked for accessibility and photographed
// at 1280 and 390 px.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { cspViolations, launchBrowser, loginInBrowser, screenshot, seriousAxeViolations, type UserPage } from '../support/browser';
import { pdfOf } from '../support/agreement-documents';
import { planAt } from '../support/plan-journey';
import { REPO_ROOT } from '../support/environment';
import { startTestStack, type TestStack } from '../support/test-stack';

jest.setTimeout(300_000);

const SECRETARIAT = 'sekretariat.kotabogor';
const HEAD = 'walikota.kotabogor';
const LEGAL = 'hukum.kotabogor';
/** Of Dinas Lingkungan Hidup, the plan's proposing agency and so the agreement's owner (prisma/seed/demo-users.ts). */
const OFFICER = 'officer.kotabogor';

let stack: TestStack;
let browser: Browser;
let baseUrl: string;
const open: UserPage[] = [];
const sessions = new Map<string, Page>();

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first');
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  await stack.app.listen(0, '127.0.0.1');
  baseUrl = (await stack.app.getUrl()).replace('[::1]', '127.0.0.1');
});

afterAll(async () => {
  await Promise.all(open.map((u) => u.context.close()));
  await browser?.close();
  await stack?.stop();
});

afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
});

/** The user's page, logged in through the login screen once per user and viewport. */
async function as(username: string, viewport?: { width: number; height: number }): Promise<Page> {
  const key = `${username}@${viewport?.width ?? 'desktop'}`;
  const existing = sessions.get(key);
  if (existing) return existing;
  const user = await loginInBrowser(browser, baseUrl, username, viewport);
  open.push(user);
  sessions.set(key, user.page);
  return user.page;
}

const stageShown = (page: Page, stage: string) => page.locator(`[data-testid="agreement-stage"][data-stage="${stage}"]`).waitFor({ timeout: 30_000 });

async function openAgreement(page: Page, agreementId: string, stage: string): Promise<void> {
  await page.goto(`/app/agreements/${agreementId}`);
  await stageShown(page, stage);
}

/** Claims the open task unless already held, as the task panel offers it. */
async function claimTask(page: Page): Promise<void> {
  const claim = page.getByRole('button', { name: 'Ambil tugas' });
  const release = page.getByRole('button', { name: 'Lepaskan tugas' });
  await claim.or(release).first().waitFor();
  if (await claim.isVisible()) await claim.click();
  await release.waitFor();
}

/** Completes the stage through the step form, confirmed in the dialog, and waits for the next stage. */
async function completeStage(page: Page, next: string, note?: string, fill?: () => Promise<void>): Promise<void> {
  await page.getByLabel('Selesaikan tahap ini', { exact: true }).check();
  if (fill) await fill();
  if (note) await page.getByLabel('Catatan keputusan').fill(note);
  await page.getByRole('button', { name: 'Kirim keputusan' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  if (note) await expect(dialog.textContent()).resolves.toContain(note);
  await dialog.getByRole('button', { name: 'Ya, kirim keputusan' }).click();
  await stageShown(page, next);
}

async function uploadDraft(page: Page, document: 'KB' | 'PKS', fileName: string, content: Buffer, summary: string): Promise<void> {
  const section = page.getByTestId(`document-${document}`);
  const before = await section.locator(`[data-testid="drafts-${document}"] tbody tr`).count();
  await section.getByLabel('Unggah versi draf baru', { exact: true }).setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: content });
  await section.getByLabel('Ringkasan perubahan').fill(summary);
  await section.getByRole('button', { name: 'Unggah versi', exact: true }).click();
  await section.locator(`[data-testid="drafts-${document}"] tbody tr`).nth(before).waitFor();
  await expect(section.locator(`[data-testid="drafts-${document}"] tbody tr`).nth(before).textContent()).resolves.toContain(summary);
}

async function comment(page: Page, document: 'KB' | 'PKS', version: string, body: string): Promise<void> {
  const section = page.getByTestId(`document-${document}`);
  await section.getByLabel('Komentar pada versi').selectOption({ label: version });
  await section.getByLabel('Tulis komentar').fill(body);
  await section.getByRole('button', { name: 'Kirim komentar' }).click();
  await section.getByTestId(`comments-${document}`).getByText(body).waitFor();
}

/** The signer's form: number, date, signatories and the signed copy, in one action. */
async function signWithCopy(page: Page, number: string, signedOn: string, fileName: string): Promise<void> {
  await page.getByLabel('Nomor naskah').fill(number);
  await page.getByLabel('Tanggal tanda tangan').fill(signedOn);
  await page.getByLabel('Penanda tangan (satu per baris)').fill('Wali Kota Bogor\nBupati Bogor');
  await page.getByLabel('Berkas salinan bertanda tangan (wajib)').setInputFiles({ name: fileName, mimeType: 'application/pdf', buffer: pdfOf(6, number) });
}

/** Elements of the main area that stick out to the right of a narrow screen (scrolling tables aside). */
function overflowing(page: Page): Promise<string[]> {
  // A string: the test code is compiled without the DOM's types.
  return page.evaluate(`[...document.querySelectorAll('main *')]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-wrap, .table-scroll'))
    .map((e) => e.tagName.toLowerCase() + '.' + e.className + '#' + e.id)
    .slice(0, 8)`);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

describe('an agreement in the web app, from a completed plan to a signed PKS', () => {
  let agreementId: string;

  it('is started by the secretariat, who records the offer and the partner’s answer', async () => {
    const planId = await planAt(stack, 'COMPLETED');
    const page = await as(SECRETARIAT);
    await page.goto(`/app/plans/${planId}`);
    await page.getByRole('button', { name: 'Mulai perjanjian kerja sama' }).click();
    await page.waitForURL(/\/app\/agreements\/[0-9a-f-]{36}$/);
    agreementId = page.url().split('/').at(-1)!;
    await stageShown(page, 'PREPARATION');
    // The inbox counts the agreement's task under its own stage, not the plan's COMPLETED, and its row names no plan revision.
    await page.goto('/app/inbox');
    const counts = page.locator('ul.stage-counts');
    await counts.getByText('Persiapan').waitFor();
    await expect(counts.textContent()).resolves.toContain('Persiapan:\u00a01');
    await expect(counts.textContent()).resolves.not.toContain('Selesai');
    await expect(page.locator('ul.tasks').textContent()).resolves.not.toContain('Revisi');
    await openAgreement(page, agreementId, 'PREPARATION');
    await claimTask(page);
    await completeStage(page, 'OFFER', 'Surat penawaran No. 415/12-Setda dikirim ke Kabupaten Bogor');
    await claimTask(page);
    await completeStage(page, 'KB_DRAFTING', 'Mitra menerima penawaran (surat 415/88 tanggal 20-01-2027)');
    await expect(page.getByTestId('agreement-history').textContent()).resolves.toContain('Mitra menerima penawaran');
  });

  it('takes KB draft versions with comments, compares two of them, and sends the KB for signing', async () => {
    const page = await as(SECRETARIAT);
    await openAgreement(page, agreementId, 'KB_DRAFTING');
    await claimTask(page);
    await uploadDraft(page, 'KB', 'KB-draf-1.pdf', pdfOf(4, 'kb v1'), 'Draf awal');
    await uploadDraft(page, 'KB', 'KB-draf-2.pdf', pdfOf(5, 'kb v2 dengan pasal sengketa'), 'Pasal penyelesaian sengketa ditambahkan');
    await comment(page, 'KB', 'Versi 1', 'Pasal 4 perlu jangka waktu yang jelas.');
    const compare = page.getByTestId('compare-KB');
    await compare.getByLabel('Versi kiri').selectOption({ label: 'Versi 1' });
    await compare.getByLabel('Versi kanan').selectOption({ label: 'Versi 2' });
    const pagesRow = compare.locator('tr', { hasText: 'Halaman' });
    await expect(pagesRow.getAttribute('data-differs')).resolves.toBe('true');
    await expect(pagesRow.textContent()).resolves.toMatch(/4.*5/);
    await expect(compare.locator('tr', { hasText: 'Pengunggah' }).getAttribute('data-differs')).resolves.toBeNull();
    await expectAccessible(page);
    await screenshot(page, 'agreement-kb-versions-1280');
    await completeStage(page, 'KB_SIGNING');
  });

  it('is signed (KB) by the head of region, who uploads the signed copy in the same action', async () => {
    const page = await as(HEAD);
    await openAgreement(page, agreementId, 'KB_SIGNING');
    await claimTask(page);
    // Without the signed copy the form says so and sends nothing.
    await page.getByLabel('Selesaikan tahap ini', { exact: true }).check();
    await page.getByLabel('Nomor naskah').fill('180/15/KB/2027');
    await page.getByLabel('Tanggal tanda tangan').fill('25/01/2027');
    await page.getByLabel('Penanda tangan (satu per baris)').fill('Wali Kota Bogor\nBupati Bogor');
    await page.getByRole('button', { name: 'Kirim keputusan' }).click();
    await page.getByText('Lampirkan berkas salinan bertanda tangan.').waitFor();
    await expectAccessible(page);
    await completeStage(page, 'PKS_DRAFTING', undefined, () => signWithCopy(page, '180/15/KB/2027', '25/01/2027', 'KB-ditandatangani.pdf'));
    await page.getByTestId('signed-KB').locator('li[data-status="SIGNED"]').waitFor();
    await expect(page.getByTestId('signed-KB').textContent()).resolves.toContain('180/15/KB/2027');
    const agreement = await stack.database.prisma.agreement.findUniqueOrThrow({ where: { id: agreementId } });
    expect(agreement).toMatchObject({ kbNumber: '180/15/KB/2027', kbSignedOn: '2027-01-25' });
  });

  it('has its PKS drafted by the secretariat and reviewed by the legal bureau', async () => {
    const page = await as(SECRETARIAT);
    await openAgreement(page, agreementId, 'PKS_DRAFTING');
    await claimTask(page);
    await uploadDraft(page, 'PKS', 'PKS-draf-1.pdf', pdfOf(12, 'pks v1'), 'Draf PKS dari KB yang ditandatangani');
    await completeStage(page, 'PKS_LEGAL_REVIEW');

    const legal = await as(LEGAL);
    await openAgreement(legal, agreementId, 'PKS_LEGAL_REVIEW');
    await claimTask(legal);
    await uploadDraft(legal, 'PKS', 'PKS-telaah-hukum.pdf', pdfOf(13, 'pks v2 telaah'), 'Catatan Bagian Hukum: pasal 9 dan 11');
    await comment(legal, 'PKS', 'Versi 2', 'Pasal 11 menyesuaikan PP 28/2018 Pasal 25.');
    await completeStage(legal, 'PKS_SIGNING', 'Telaah hukum selesai; dapat ditandatangani.');
  });

  it('is signed (PKS) by the head of region with its signed copy and term, and comes into force', async () => {
    const page = await as(HEAD);
    await openAgreement(page, agreementId, 'PKS_SIGNING');
    await claimTask(page);
    await completeStage(page, 'IMPLEMENTATION', undefined, async () => {
      await signWithCopy(page, '180/15/PKS/2027', '10/02/2027', 'PKS-ditandatangani.pdf');
      await page.getByLabel('Mulai berlaku').fill('15/02/2027');
      await page.getByLabel('Berakhir', { exact: true }).fill('14/02/2032');
    });
    await page.getByTestId('signed-PKS').locator('li[data-status="SIGNED"]').waitFor();
    const agreement = await stack.database.prisma.agreement.findUniqueOrThrow({ where: { id: agreementId } });
    expect(agreement).toMatchObject({ stage: 'IMPLEMENTATION', pksNumber: '180/15/PKS/2027', startsOn: '2027-02-15', endsOn: '2032-02-14' });
    const versions = await stack.database.prisma.agreementDocumentVersion.findMany({ where: { agreementId }, orderBy: { createdAt: 'asc' } });
    expect(versions.map((v) => `${v.document}:${v.kind}:${v.version}`)).toEqual([
      'KB:DRAFT:1',
      'KB:DRAFT:2',
      'KB:SIGNED:1',
      'PKS:DRAFT:1',
      'PKS:DRAFT:2',
      'PKS:SIGNED:1',
    ]);
  });

  it('takes the owning agency’s monev report, which the secretariat accepts', async () => {
    const officer = await as(OFFICER);
    await openAgreement(officer, agreementId, 'IMPLEMENTATION');
    const form = officer.getByTestId('monev');
    // Nothing is sent while a field is wrong: the form says which, in words.
    await form.getByRole('button', { name: 'Kirim laporan' }).click();
    await form.getByText('Isi kemajuan antara 0 dan 100 persen.').waitFor();
    await form.getByLabel('Kemajuan pelaksanaan (%)').fill('35');
    // Each of the plan's budget lines, its planned amount beside it.
    await expect(form.textContent()).resolves.toMatch(/Pagu rencana: Rp\s?350\.000\.000/);
    await form.getByLabel('Realisasi untuk 2.11.03.2.01.0001').fill('120.000.000');
    await form.getByLabel('Realisasi untuk 2.11.03.2.01.0002').fill('0');
    await form.getByLabel('Permasalahan dan kendala (bila ada)').fill('Pembebasan lahan TPA tertunda satu bulan');
    await expectAccessible(officer);
    await screenshot(officer, 'agreement-monev-form-1280');
    await form.getByRole('button', { name: 'Kirim laporan' }).click();
    await form.locator('[data-testid="monev-report-1"][data-status="SUBMITTED"]').waitFor();
    await form.getByText('Laporan terakhir menunggu telaah sekretariat', { exact: false }).waitFor();

    const secretariat = await as(SECRETARIAT);
    await openAgreement(secretariat, agreementId, 'IMPLEMENTATION');
    const monev = secretariat.getByTestId('monev');
    await expect(monev.getByTestId('monev-report-1').textContent()).resolves.toContain('Pembebasan lahan TPA tertunda');
    // Returning needs a comment: said in words, nothing sent.
    await monev.getByRole('button', { name: 'Kembalikan dengan catatan' }).click();
    await monev.getByText('Tulis catatan untuk perangkat daerah sebelum mengembalikan laporan.').waitFor();
    await secretariat.getByTestId('in-force-actions').waitFor();
    await expectAccessible(secretariat);
    await screenshot(secretariat, 'agreement-monev-review-1280');
    await monev.getByRole('button', { name: 'Terima laporan' }).click();
    await monev.locator('[data-testid="monev-report-1"][data-status="ACCEPTED"]').waitFor();
    const reports = await stack.database.prisma.agreementReport.findMany({ where: { agreementId } });
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ status: 'ACCEPTED', progressPercent: 35, problems: 'Pembebasan lahan TPA tertunda satu bulan' });
    expect((reports[0].budgetLines as Array<{ planned: number; realised: number }>).map((l) => [l.planned, l.realised])).toEqual([
      [350_000_000, 120_000_000],
      [75_000_000, 0],
    ]);
  });

  it('shows the signed agreement usably at 1280 and 390 px, with no serious accessibility finding', async () => {
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      const page = await as(SECRETARIAT, viewport);
      for (const [url, name] of [
        [`/app/agreements/${agreementId}`, 'agreement'],
        ['/app/agreements', 'agreements'],
      ]) {
        await page.goto(url);
        await page.locator('main h1').first().waitFor();
        if (name === 'agreement') await page.getByTestId('monev-report-1').waitFor();
        await screenshot(page, `agreement-journey-${name}-${viewport.width}`);
        await expectAccessible(page);
        // Only tables scroll sideways; the page itself fits the screen.
        expect(await overflowing(page)).toEqual([]);
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
      }
    }
  });

  it('has its evaluation opened on request by the secretariat; ending it early would need a reason', async () => {
    const page = await as(SECRETARIAT);
    await openAgreement(page, agreementId, 'IMPLEMENTATION');
    const actions = page.getByTestId('in-force-actions');
    // Termination needs a reason: said in words, nothing sent.
    await actions.getByRole('button', { name: 'Akhiri kerja sama' }).click();
    await actions.getByText('Tulis alasan pengakhiran.').waitFor();
    await actions.getByLabel('Catatan permintaan evaluasi (opsional)').fill('Evaluasi tengah masa atas permintaan Sekda');
    await actions.getByRole('button', { name: 'Minta evaluasi' }).click();
    await stageShown(page, 'EVALUATION');
    await expect(page.getByTestId('in-force-actions').count()).resolves.toBe(0);
  });
});
