// Issue 18 in a real browser: Kota Bogor's mapping report travels upward by clicks alone.
// The secretariat compiles it, the wali kota signs it off, it goes to Jawa Barat; the
// province's reviewer returns it with a comment, the region revises and resubmits, the
// province accepts; the province compiles its own report with Kota Bogor's accepted one,
// the governor signs, it goes to Kemendagri, which accepts. Then the deadline check
// reminds the regions that have not reported and tells their Sekda; the ministry's
// national view shows who is late, and the drill-down of a late region names who was
// reminded and where its due date comes from. Screens at 1280 and 390 px, axe on each.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { addDays } from '../../domain/local-date';
import { reportingDeadlineWorkflowId } from '../../workflows/reporting-deadline/definitions';
import { createTestUser } from '../support/auth';
import { cspViolations, launchBrowser, loginInBrowser, screenshot, seriousAxeViolations, type UserPage } from '../support/browser';
import { REPO_ROOT } from '../support/environment';
import { createPlan, submit } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

jest.setTimeout(120_000);

const YEAR = 2027; // the budget year the plan fixtures use
const KOTA = '32.71';
const KAB = '32.01';
const JABAR = '32';
const DESKTOP = { width: 1280, height: 900 };
const PHONE = { width: 390, height: 844 };

let stack: TestStack;
let browser: Browser;
let baseUrl: string;
const open: UserPage[] = [];
const sessions = new Map<string, Page>();

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'web', 'index.html'))) throw new Error('dist/web is missing: run `npm run build` first');
  [stack, browser] = await Promise.all([
    // Timeline days of 2 s, reminders on the day before and the day itself, every day after,
    // the Sekda from the second day late: the deadline check's rounds come within seconds.
    // The provinces' date is kept out of reach of this test's few timeline days.
    startTestStack({
      TIMELINE_DAY_MS: '2000',
      REPORTING_REMINDER_OFFSETS_DAYS: '1,0',
      OVERDUE_REMINDER_EVERY_DAYS: '1',
      ESCALATE_AFTER_OVERDUE_DAYS: '2',
      PROVINCE_REPORTING_AFTER_DAYS: '200',
    }),
    launchBrowser(),
  ]);
  // Jawa Barat's governor signs the province's report (no demo seat holds it).
  await createTestUser(stack.database.prisma, {
    username: 'gubernur.jabar',
    displayName: 'Gubernur Jawa Barat',
    grants: [{ role: 'HEAD_OF_REGION', regionCode: JABAR }],
  });
  await stack.app.listen(0, '127.0.0.1');
  baseUrl = (await stack.app.getUrl()).replace('[::1]', '127.0.0.1');
});

afterAll(async () => {
  await stack?.temporal.workflow
    .getHandle(reportingDeadlineWorkflowId(YEAR, stack.config.TEMPORAL_WORKFLOW_ID_SCOPE))
    .terminate('test over')
    .catch(() => undefined);
  await Promise.all(open.map((u) => u.context.close()));
  await browser?.close();
  await stack?.stop();
});

afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
});

/** The user's page, logged in through the login screen once per user and viewport. */
async function as(username: string, viewport = DESKTOP): Promise<Page> {
  const key = `${username}@${viewport.width}`;
  const existing = sessions.get(key);
  if (existing) return existing;
  const user = await loginInBrowser(browser, baseUrl, username, viewport);
  open.push(user);
  sessions.set(key, user.page);
  return user.page;
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** Only tables scroll sideways; the page itself fits the screen. */
async function expectFits(page: Page, width: number): Promise<void> {
  expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
}

/** Opens the reporting view from the menu, for the test's budget year. */
async function openReporting(page: Page): Promise<void> {
  await page.goto('/app/');
  await page.getByRole('navigation').getByRole('link', { name: 'Pelaporan pemetaan' }).click();
  await page.getByRole('heading', { level: 1, name: 'Laporan pemetaan kerja sama per wilayah' }).waitFor();
  await page.getByLabel('Tahun anggaran').fill(String(YEAR));
  await page.getByRole('heading', { name: /^Wilayah \(\d+\)/ }).waitFor();
}

/** Opens the user's own region's report from the reporting view. */
async function openOwnReport(page: Page, regionCode: string): Promise<void> {
  await openReporting(page);
  await page.getByRole('link', { name: 'Laporan wilayah Anda' }).click();
  await page.waitForURL(`**/app/reporting/${regionCode}/${YEAR}`);
  await page.getByTestId('report-status').waitFor();
}

/** Clicks a step's button and waits for the page to say it was saved. */
async function takeStep(page: Page, button: string, saved: string): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page
    .getByTestId('flash')
    .filter({ hasText: `Tersimpan: ${saved}.` })
    .waitFor();
}

/** Waits until the page shows the report at that stage of its process (the read model follows the step). */
const waitForProcess = (page: Page, status: string) => page.locator(`[data-testid="report-status"][data-status="${status}"]`).waitFor();
const reportOf = (regionCode: string) => stack.database.prisma.mappingReport.findUnique({ where: { regionCode_budgetYear: { regionCode, budgetYear: YEAR } } });

describe('a mapping report from Kota Bogor to Kemendagri, by clicks', () => {
  it('has the secretariat compile, the wali kota sign off and the secretariat submit to the province', async () => {
    const drafted = await createPlan(stack);
    const submitted = await createPlan(stack, { title: 'Kerja sama angkutan umum perbatasan' });
    await submit(stack, submitted).expect(200);

    const secretariat = await as('sekretariat.kotabogor');
    await openOwnReport(secretariat, KOTA);
    // Nothing compiled yet: the page says so, and offers the secretariat its one step.
    await expect(secretariat.getByTestId('report-status').textContent()).resolves.toContain('Belum ada laporan.');
    await expect(secretariat.getByRole('button', { name: 'Tandatangani' }).count()).resolves.toBe(0);
    // The due date names its source.
    await expect(secretariat.getByTestId('report-due').textContent()).resolves.toMatch(/15 Februari 2026 — tanggal bawaan.*PP 28\/2018/);
    await takeStep(secretariat, 'Susun revisi', 'Disusun');
    await waitForProcess(secretariat, 'DRAFTING');
    // The plans behind the numbers, by title.
    const plans = secretariat.getByTestId('report-plans');
    await plans.getByText('Kerja sama angkutan umum perbatasan').waitFor();
    expect(await plans.locator('tbody tr').count()).toBe(2);
    // Not signed yet: the secretariat has no submit button to press in vain.
    await expect(secretariat.getByRole('button', { name: 'Sampaikan ke atas' }).count()).resolves.toBe(0);
    await expectAccessible(secretariat);
    await screenshot(secretariat, '30-report-drafting-1280');

    const head = await as('walikota.kotabogor');
    await openOwnReport(head, KOTA);
    await expect(head.getByRole('button', { name: 'Susun revisi' }).count()).resolves.toBe(0);
    await takeStep(head, 'Tandatangani', 'Ditandatangani kepala daerah');
    await waitForProcess(head, 'SIGNED');

    await openOwnReport(secretariat, KOTA);
    await takeStep(secretariat, 'Sampaikan ke atas', 'Disampaikan');
    await waitForProcess(secretariat, 'SUBMITTED');
    expect((await reportOf(KOTA))?.status).toBe('SUBMITTED');
    void drafted;
  });

  it('has Jawa Barat’s reviewer return it with a comment, which the region reads', async () => {
    const reviewer = await as('reviewer.jabar');
    await openReporting(reviewer);
    const inbox = reviewer.getByTestId('report-inbox');
    await inbox.getByRole('link', { name: /32\.71 Kota Bogor/ }).click();
    await reviewer.waitForURL(`**/app/reporting/${KOTA}/${YEAR}`);
    // A return without saying why is refused, and the page says what is missing.
    await reviewer.getByRole('button', { name: 'Kembalikan', exact: true }).click();
    await expect(reviewer.getByRole('alert').textContent()).resolves.toContain('Sebutkan apa yang harus diperbaiki.');
    await reviewer.getByLabel('Catatan untuk wilayah (wajib bila dikembalikan)').fill('Lengkapi rencana Dinas Perhubungan.');
    await expectAccessible(reviewer);
    await screenshot(reviewer, '31-report-review-1280');
    await takeStep(reviewer, 'Kembalikan', 'Dikembalikan');
    await waitForProcess(reviewer, 'RETURNED');

    const secretariat = await as('sekretariat.kotabogor');
    await openOwnReport(secretariat, KOTA);
    await expect(secretariat.getByTestId('report-comment').textContent()).resolves.toContain('Lengkapi rencana Dinas Perhubungan.');
  });

  it('has the region revise and resubmit, and the province accept', async () => {
    await createPlan(stack, { proposingAgency: 'Dinas Perhubungan', title: 'Kerja sama terminal tipe B bersama' }, 'officer2.kotabogor');
    const secretariat = await as('sekretariat.kotabogor');
    await openOwnReport(secretariat, KOTA);
    await takeStep(secretariat, 'Susun revisi', 'Disusun');
    await secretariat.getByRole('heading', { name: 'Rencana dalam revisi #2' }).waitFor();
    await secretariat.getByTestId('report-plans').getByText('Kerja sama terminal tipe B bersama').waitFor();

    const head = await as('walikota.kotabogor');
    await openOwnReport(head, KOTA);
    await takeStep(head, 'Tandatangani', 'Ditandatangani kepala daerah');
    await openOwnReport(secretariat, KOTA);
    await takeStep(secretariat, 'Sampaikan ke atas', 'Disampaikan');

    const reviewer = await as('reviewer.jabar');
    await openReporting(reviewer);
    await reviewer
      .getByTestId('report-inbox')
      .getByRole('link', { name: /32\.71 Kota Bogor/ })
      .click();
    await reviewer.waitForURL(`**/app/reporting/${KOTA}/${YEAR}`);
    await takeStep(reviewer, 'Terima', 'Diterima');
    await waitForProcess(reviewer, 'ACCEPTED');
    await reviewer.locator('[data-testid="report-status"][data-standing="ACCEPTED"]').waitFor();
    expect((await reportOf(KOTA))?.revision).toBe(2);
  });

  it('has Jawa Barat compile its own report with Kota Bogor’s, the governor sign, and the ministry accept', async () => {
    const reviewer = await as('reviewer.jabar');
    await openOwnReport(reviewer, JABAR);
    await takeStep(reviewer, 'Susun revisi', 'Disusun');
    const included = reviewer.getByTestId('report-included');
    await included.getByRole('link', { name: '32.71 Kota Bogor' }).waitFor();
    await expect(reviewer.getByText(/Belum diterima dari 26 kabupaten\/kota/).count()).resolves.toBe(1);

    const governor = await as('gubernur.jabar');
    await openOwnReport(governor, JABAR);
    await takeStep(governor, 'Tandatangani', 'Ditandatangani kepala daerah');
    await openOwnReport(reviewer, JABAR);
    await takeStep(reviewer, 'Sampaikan ke atas', 'Disampaikan');
    // The province does not decide its own report.
    await expect(reviewer.getByRole('button', { name: 'Terima' }).count()).resolves.toBe(0);

    const ministry = await as('reviewer.kemendagri');
    await openReporting(ministry);
    await ministry
      .getByTestId('report-inbox')
      .getByRole('link', { name: /^32 Jawa Barat/ })
      .click();
    await ministry.waitForURL(`**/app/reporting/${JABAR}/${YEAR}`);
    await takeStep(ministry, 'Terima', 'Diterima');
    expect((await reportOf(JABAR))?.status).toBe('ACCEPTED');
    // From the province's report down to Kota Bogor's.
    await ministry.getByTestId('report-included').getByRole('link', { name: '32.71 Kota Bogor' }).click();
    await ministry.waitForURL(`**/app/reporting/${KOTA}/${YEAR}`);
    await ministry.getByTestId('report-plans').getByText('Kerja sama terminal tipe B bersama').waitFor();
  });
});

describe('the national view: who is late, and that their Sekda has been reminded', () => {
  it('reminds the regions that have not reported, then their Sekda, once the deadline has passed', async () => {
    // The keeper sets this year's date five days back (WIB): every region without a report is late.
    const todayWib = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    await stack
      .as('kalender.kemendagri')
      .put(`/reporting/deadlines/${YEAR}`)
      .send({ date: addDays(todayWib, -5), note: 'Surat Dirjen Bina Adwil (uji)' })
      .expect(200);
    const notices = (username: string, template: string) => stack.database.prisma.notification.count({ where: { template, user: { username } } });
    await waitFor('the Sekda of Kabupaten Bogor told', async () => (await notices('sekda.kabbogor', 'REPORT_ESCALATED')) === 1, 60_000);
    await waitFor('Kabupaten Bogor’s secretariat reminded', async () => (await notices('sekretariat.kabbogor', 'REPORT_DUE')) >= 1);
    // Kota Bogor reported: nobody there is reminded.
    expect(await notices('sekda.kotabogor', 'REPORT_ESCALATED')).toBe(0);
  });

  it('shows the ministry every region’s status, late ones marked, and opens a late one with its reminders', async () => {
    const ministry = await as('reviewer.kemendagri');
    await openReporting(ministry);
    await ministry.getByRole('heading', { name: 'Wilayah (552)' }).waitFor();
    const row = (code: string) => ministry.locator(`tr[data-region="${code}"]`);
    await expect(row(KOTA).getAttribute('data-status')).resolves.toBe('ACCEPTED');
    await expect(row(JABAR).getAttribute('data-status')).resolves.toBe('ACCEPTED');
    await expect(row(KAB).getAttribute('data-status')).resolves.toBe('LATE');
    await expect(row(KAB).textContent()).resolves.toMatch(/Terlambat.*Sekda diingatkan/);
    // The year's dates name who set them and the rule behind them.
    await expect(ministry.getByTestId('reporting-deadlines').textContent()).resolves.toMatch(/ditetapkan pengelola kalender nasional.*PP 28\/2018/);
    await expectAccessible(ministry);
    await screenshot(ministry, '32-reporting-national-1280');

    // Late ones only, in Jawa Barat (the bar's button), then the late kabupaten's drill-down.
    await ministry.getByLabel(/Hanya yang terlambat/).check();
    await ministry.getByRole('heading', { name: 'Wilayah (513)' }).waitFor();
    await ministry.getByRole('button', { name: /^Jawa Barat\s*:/ }).click();
    await ministry.getByRole('heading', { name: /^Wilayah \(26\)/ }).waitFor();
    await row(KAB).getByRole('link').click();
    await ministry.waitForURL(`**/app/reporting/${KAB}/${YEAR}`);
    const status = ministry.getByTestId('report-status');
    await expect(status.getAttribute('data-standing')).resolves.toBe('LATE');
    await expect(status.textContent()).resolves.toContain('Terlambat');
    await expect(ministry.getByTestId('report-due').textContent()).resolves.toMatch(
      /ditetapkan pengelola kalender nasional.*Surat Dirjen Bina Adwil \(uji\).*PP 28\/2018/,
    );
    const escalation = ministry.getByTestId('report-notices').locator('li[data-kind="ESCALATED"]');
    await expect(escalation.textContent()).resolves.toMatch(/Eskalasi kepada Sekda.*Ir\. Budi Santoso, M\.M\. \(Sekretaris daerah/);
    await expect(ministry.getByTestId('report-notices').textContent()).resolves.toMatch(/Pengingat \d+ hari setelah batas.*Yusuf Maulana, S\.IP\./);
    // The ministry reviews provinces; a kabupaten's report is the province's to decide.
    await ministry.getByText('Tidak ada langkah untuk Anda pada tahap ini.').waitFor();
    await expectAccessible(ministry);
    await screenshot(ministry, '33-report-late-1280');
  });

  it('works on a phone: the menu opens and closes, the reporting pages fit the screen', async () => {
    const phone = await as('reviewer.kemendagri', PHONE);
    await phone.goto('/app/');
    await phone.getByTestId('current-user').waitFor({ state: 'attached' });
    // The ministry's first screen leads to the reports, and has no region calendar to fail on.
    await phone.getByRole('link', { name: 'Laporan pemetaan kerja sama per wilayah' }).waitFor();
    await expect(phone.getByText(/tidak ditemukan/).count()).resolves.toBe(0);
    expect((await phone.locator('header.app-header').boundingBox())!.height).toBeLessThanOrEqual(100);
    await expectFits(phone, PHONE.width);
    const menu = phone.getByRole('button', { name: 'Menu' });
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await expect(phone.getByRole('link', { name: 'Perjanjian' }).isVisible()).resolves.toBe(false);
    await menu.click();
    // Every link of the menu lies within the screen.
    const links = phone.getByRole('navigation').getByRole('link');
    for (const link of await links.all()) {
      const box = (await link.boundingBox())!;
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
    }
    await expectAccessible(phone);
    await screenshot(phone, '34-menu-open-390');
    await phone.getByRole('link', { name: 'Pelaporan pemetaan' }).click();
    await phone.getByRole('heading', { level: 1, name: 'Laporan pemetaan kerja sama per wilayah' }).waitFor();
    await expect(menu.getAttribute('aria-expanded')).resolves.toBe('false');
    await phone.getByLabel('Tahun anggaran').fill(String(YEAR));
    await phone.getByRole('heading', { name: 'Wilayah (552)' }).waitFor();
    await expectFits(phone, PHONE.width);
    await expectAccessible(phone);
    await screenshot(phone, '35-reporting-national-390');

    await phone.goto(`/app/reporting/${KAB}/${YEAR}`);
    await phone.getByTestId('report-notices').waitFor();
    await expectFits(phone, PHONE.width);
    await expectAccessible(phone);
    await screenshot(phone, '36-report-late-390');

    const secretariat = await as('sekretariat.kotabogor', PHONE);
    await secretariat.goto(`/app/reporting/${KOTA}/${YEAR}`);
    await secretariat.getByTestId('report-plans').waitFor();
    await expectFits(secretariat, PHONE.width);
    await expectAccessible(secretariat);
    await screenshot(secretariat, '37-report-accepted-390');
  });
});
