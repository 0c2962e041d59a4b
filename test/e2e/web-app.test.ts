// The web app end to end, in a real browser against the real stack (Nest API serving the
// built app, worker, Temporal, PostgreSQL): an officer drafts and submits a plan, each
// reviewer acts from their own login, one return for revision, and the plan completes
// after TAPD's KUA-PPAS placement, the DPRD where the plan needs it and the RKA
// confirmation. Access rules and accessibility are checked on the way.
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  cspViolations,
  launchBrowser,
  loginInBrowser,
  screenshot,
  seriousAxeViolations,
  waitForPlanStage,
  watchForCspViolations,
  type UserPage,
} from '../support/browser';
import { createTestUser } from '../support/auth';
import { planAt } from '../support/plan-journey';
import { REPO_ROOT } from '../support/environment';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

jest.setTimeout(120_000);

let stack: TestStack;
let browser: Browser;
let baseUrl: string;
const open: UserPage[] = [];

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'web', 'index.html')))
    throw new Error('dist/web is missing: run the tests with `npm test`, which builds the web app');
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  // A second secretariat member: a colleague to pass the task to.
  await createTestUser(stack.database.prisma, {
    username: 'sekretariat2.kotabogor',
    displayName: 'Rina Kartika',
    grants: [{ role: 'SECRETARIAT', regionCode: '32.71' }],
  });
  await stack.app.listen(0, '127.0.0.1');
  baseUrl = (await stack.app.getUrl()).replace('[::1]', '127.0.0.1');
});

afterAll(async () => {
  await Promise.all(open.map((u) => u.context.close()));
  await browser?.close();
  await stack?.stop();
});

// The Content-Security-Policy the API sends must let every screen work: no violation on any.
afterEach(() => {
  expect(cspViolations.splice(0)).toEqual([]);
});

const sessions = new Map<string, Page>();

/** The user's page, logged in through the login screen once per user (and viewport). */
async function as(username: string, viewport?: { width: number; height: number }): Promise<Page> {
  const key = `${username}@${viewport?.width ?? 'desktop'}`;
  const existing = sessions.get(key);
  if (existing) {
    await existing.goto('/app/');
    await existing.getByTestId('current-user').waitFor();
    return existing;
  }
  const user = await loginInBrowser(browser, baseUrl, username, viewport);
  open.push(user);
  sessions.set(key, user.page);
  return user.page;
}

/** Elements of the page's main area that stick out to the right of a narrow screen (scrolling tables aside). */
function overflowing(page: Page): Promise<string[]> {
  // A string: the test code is compiled without the DOM's types.
  return page.evaluate(`[...document.querySelectorAll('main *')]
    .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1 && !e.closest('.table-wrap, .table-scroll'))
    .map((e) => e.tagName.toLowerCase() + '.' + e.className)
    .slice(0, 5)`);
}

async function expectAccessible(page: Page): Promise<void> {
  expect(await seriousAxeViolations(page)).toEqual([]);
}

/** Takes the open task in the task panel unless the reviewer already holds it. */
async function claimTask(page: Page): Promise<void> {
  const claim = page.getByRole('button', { name: 'Ambil tugas' });
  const release = page.getByRole('button', { name: 'Lepaskan tugas' });
  await claim.or(release).first().waitFor();
  if (await claim.isVisible()) await claim.click();
  await release.waitFor();
}

/** Confirms the decision or vote in the dialog, after checking it restates what is sent. */
async function confirmDialog(page: Page, button: string, restated: string[]): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  for (const text of restated) await expect(dialog.textContent()).resolves.toContain(text);
  await dialog.getByRole('button', { name: button }).click();
}

/** Opens the plan as a reviewer, claims the task and sends a decision through the task panel, confirmed. */
async function decide(page: Page, planId: string, outcome: 'Setujui' | 'Kembalikan untuk revisi' | 'Tolak', comment?: string): Promise<void> {
  await page.goto(`/app/plans/${planId}`);
  await claimTask(page);
  await page.getByLabel(outcome, { exact: true }).check();
  if (comment) await page.getByLabel(/^Catatan (keputusan|rekomendasi)$/).fill(comment);
  await page.getByRole('button', { name: 'Kirim keputusan' }).click();
  await confirmDialog(page, 'Ya, kirim keputusan', [outcome, 'Kerja sama pengelolaan sampah regional', ...(comment ? [comment] : [])]);
  await page.getByTestId('flash').waitFor();
}

const stageOf = async (planId: string) => (await stack.database.prisma.cooperationPlan.findUniqueOrThrow({ where: { id: planId } })).stage;

let planId: string;

describe('the web app', () => {
  it('runs under a Content-Security-Policy that refuses injected inline scripts, and reports them', async () => {
    const context = await browser.newContext({ baseURL: baseUrl });
    await watchForCspViolations(context);
    open.push({ context, page: await context.newPage() });
    const page = open.at(-1)!.page;
    await page.goto('/app/');
    await page.getByLabel('Nama pengguna').waitFor();
    // As an injected script would: it must not run, and the watcher must see it.
    await page.addScriptTag({ content: 'window.injected = true;' }).catch(() => undefined);
    expect(await page.evaluate('window.injected === true')).toBe(false);
    await waitFor('the CSP violation report', () => cspViolations.length > 0, 10_000);
    expect(cspViolations.splice(0)).toContainEqual(expect.stringMatching(/^script-src/));
  });

  it('sends / to the app and shows the server’s message for a failed login, in the chosen language', async () => {
    const context = await browser.newContext({ baseURL: baseUrl });
    await watchForCspViolations(context);
    open.push({ context, page: await context.newPage() });
    const page = open.at(-1)!.page;
    await page.goto('/');
    expect(new URL(page.url()).pathname).toBe('/app/');
    await expectAccessible(page);
    await screenshot(page, '01-login');

    const refused = await stack.http().post('/auth/login').send({ username: 'officer.kotabogor', password: 'salah-sekali' }).expect(401);
    await page.getByLabel('Nama pengguna').fill('officer.kotabogor');
    await page.getByLabel('Kata sandi').fill('salah-sekali');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(refused.body.message.id);
    // The typed username survives the refusal.
    expect(await page.getByLabel('Nama pengguna').inputValue()).toBe('officer.kotabogor');

    await page.getByRole('button', { name: 'EN' }).click();
    await page.getByRole('button', { name: 'Log in', exact: true }).click();
    await expect(page.getByRole('alert').textContent()).resolves.toContain(refused.body.message.en);
  });

  it('lets an officer draft a plan section by section, see the rules it breaks, and submit it', async () => {
    const page = await as('officer.kotabogor');
    await page.getByRole('link', { name: 'Rencana baru' }).click();
    await page.locator('[name="title"]').fill('abc');
    await page.locator('[name="summary"]').fill('TPA regional bersama Kabupaten Bogor');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    // The server refuses a three-letter title: its message sits at the field, and nothing typed is lost.
    const title = page.locator('[name="title"]');
    await page.locator('[name="title"][aria-invalid="true"]').waitFor();
    expect(await title.inputValue()).toBe('abc');
    expect(await page.locator('[name="summary"]').inputValue()).toBe('TPA regional bersama Kabupaten Bogor');

    await title.fill('Kerja sama pengelolaan sampah regional');
    // A half-done draft saves with an object row not filled in yet, and the first save says so.
    await page.getByRole('button', { name: 'Tambah objek' }).click();
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await page.waitForURL(/\/app\/plans\/[0-9a-f-]{36}\/edit$/);
    planId = page.url().split('/').at(-2)!;
    await page.getByTestId('flash').filter({ hasText: 'Draf tersimpan.' }).waitFor();
    expect(await page.evaluate('document.activeElement?.getAttribute("data-testid")')).toBe('flash');

    // Half-done: the check lists exactly the violations the API reports, in Indonesian.
    const check = await stack.as('officer.kotabogor').get(`/plans/${planId}/check`).expect(200);
    expect(check.body.submittable).toBe(false);
    const listed = page.getByTestId('violations').locator('li');
    await listed.first().waitFor();
    expect(await listed.count()).toBe(check.body.violations.length);
    await expect(page.getByTestId('violations').textContent()).resolves.toContain(check.body.violations[0].message.id);
    // Fields by their names, never by their paths or codes.
    await expect(page.getByTestId('violations').textContent()).resolves.not.toMatch(/termsOfReference|lineItems\[|[A-Z]{4,}_[A-Z]+/);
    await expectAccessible(page);
    await screenshot(page, '02-plan-form-violations');

    await page.locator('[name="cooperationType"]').selectOption('KSDD_WAJIB');
    await page.locator('[name="initiator"]').selectOption('REGION');
    await page.getByRole('button', { name: 'Tambah mitra' }).click();
    await page.locator('[name="partners[0].kind"]').selectOption('REGION');
    await page.locator('[name="partners[0].name"]').fill('Pemerintah Kabupaten Bogor');
    await page.locator('[name="partners[0].regionCode"]').fill('32.01');
    await page.locator('[name="objects[0].affairCode"]').fill('2.11');
    await page.locator('[name="objects[0].programCode"]').fill('2.11.03');
    await page.locator('[name="objects[0].kegiatanCode"]').fill('2.11.03.2.01');
    await page.locator('[name="objects[0].potential"]').fill('Lahan TPA regional dan armada angkut bersama');
    await page.locator('[name="objects[0].characteristics"]').fill('Timbulan sampah lintas batas');
    const kak: Record<string, string> = {
      background: 'Kapasitas TPA kota hampir habis.',
      purpose: 'Pengelolaan sampah regional yang berkelanjutan.',
      legalBasis: 'UU 23/2014; PP 28/2018; Permendagri 22/2020.',
      object: 'Pengelolaan sampah (urusan lingkungan hidup).',
      activities: 'Kajian, kesepakatan bersama, pembangunan sarana.',
      expectedResults: 'Sampah terkelola di TPA regional.',
      rolesOfParties: 'Kota menyediakan armada; kabupaten menyediakan lahan.',
    };
    for (const [field, value] of Object.entries(kak)) await page.locator(`[name="termsOfReference.${field}"]`).fill(value);
    await page.locator('[name="fundingSource"]').selectOption('APBD_BUDGETED');
    await page.locator('[name="plannedDurationMonths"]').fill('36');
    // It burdens the community, so the DPRD must approve it after TAPD's placement.
    await page.locator('[name="burdensCommunity"]').selectOption('yes');
    await page.locator('[name="multiYear"]').check();
    await page.getByRole('button', { name: 'Tambah baris' }).click();
    await page.locator('[name="lineItems[0].nomenclatureCode"]').fill('2.11.03.2.01.0001');
    await page.locator('[name="lineItems[0].description"]').fill('Kajian kelayakan TPA regional');
    // Typed as people write rupiah; shown formatted once left.
    await page.locator('[name="lineItems[0].amount"]').fill('350.000.000');
    await page.getByRole('button', { name: 'Simpan draf' }).click();
    await page
      .getByTestId('check-ok')
      .waitFor({ timeout: 10_000 })
      .catch(async (error: Error) => {
        await screenshot(page, 'failed-plan-form');
        throw error;
      });

    await page.getByRole('button', { name: 'Ajukan' }).click();
    await page.waitForURL(`**/app/plans/${planId}`);
    await waitForPlanStage(page, 'VERIFICATION');
    expect(await stageOf(planId)).toBe('VERIFICATION');
    // Amounts in rupiah, Indonesian format.
    await expect(page.locator('.plan-head').textContent()).resolves.toMatch(/Rp\s?350\.000\.000/);

    // Before anyone claims it, the officer may pull it back (a new revision) and submit again.
    await page.getByRole('button', { name: 'Tarik kembali' }).click();
    await waitForPlanStage(page, 'DRAFT');
    await page.getByRole('button', { name: 'Ajukan' }).click();
    await waitForPlanStage(page, 'VERIFICATION');
    expect((await stack.as('officer.kotabogor').get(`/plans/${planId}`).expect(200)).body.revision).toBe(2);
  });

  it('lets the secretariat find it in the inbox, claim it and return it with a comment', async () => {
    const page = await as('sekretariat.kotabogor');
    await page.getByRole('link', { name: 'Kotak tugas' }).click();
    const link = page.getByRole('link', { name: 'Kerja sama pengelolaan sampah regional' });
    await link.waitFor();
    // Each row carries its due date; an escalated task is marked (the row's flag set as the workflow would).
    await waitFor(
      'the task’s due date',
      () => stack.database.prisma.reviewTask.findFirst({ where: { planId, status: 'OPEN', dueAt: { not: null } } }),
      30_000,
      200,
    );
    await stack.database.prisma.reviewTask.updateMany({ where: { planId, status: 'OPEN' }, data: { escalatedAt: new Date() } });
    await page.reload();
    const row = page.locator('ul.tasks li').filter({ has: link });
    await row.getByTestId('escalated').waitFor();
    await expect(row.textContent()).resolves.toMatch(/Tenggat .*2026/);
    // …and names its source: the milestone's regulation (or practice), or the service-period setting.
    await row
      .getByTestId('due-source')
      .filter({ hasText: /PP 12\/2019|Permendagri|Praktik|SERVICE_WORKING_DAYS/ })
      .waitFor();
    await expectAccessible(page);
    await screenshot(page, '03-inbox');
    // Search by words in the title: a miss says so, a hit lists the plan.
    const search = page.getByLabel('Cari judul atau perangkat daerah');
    await search.fill('tidak ada yang cocok');
    await search.press('Enter');
    await page.getByText('Tidak ada tugas terbuka.').waitFor();
    await search.fill('SAMPAH regional');
    await search.press('Enter');
    await link.waitFor();
    await link.click();
    // Nothing can be decided before the task is claimed (the API refuses it too), and no outcome is preset.
    const send = page.getByRole('button', { name: 'Kirim keputusan' });
    await send.waitFor();
    expect(await send.isDisabled()).toBe(true);
    expect(await page.getByLabel('Setujui', { exact: true }).isDisabled()).toBe(true);
    await page.getByText('Ambil tugas ini terlebih dahulu untuk memutus.').waitFor();
    await page.getByRole('button', { name: 'Ambil tugas' }).click();
    await page.getByRole('button', { name: 'Lepaskan tugas' }).waitFor();
    // The result is said, and keyboard focus goes to it.
    await page.getByTestId('flash').filter({ hasText: 'Tugas diambil.' }).waitFor();
    expect(await page.evaluate('document.activeElement?.getAttribute("data-testid")')).toBe('flash');
    const task = await stack.as('sekretariat.kotabogor').get(`/plans/${planId}`).expect(200);
    expect(task.body.task.assignee).toBeTruthy();
    expect(await page.locator('input[name="outcome"]:checked').count()).toBe(0);
    // Passing the task on offers colleagues holding the role here, by name: no typed user id.
    await page.getByText('Alihkan atau delegasikan').click();
    const colleague = page.getByLabel('Kepada rekan');
    await colleague.locator('option', { hasText: 'Rina Kartika' }).waitFor({ state: 'attached' });
    expect(await colleague.locator('option').allTextContents()).not.toContain('Dewi Lestari, S.H.');
    await expectAccessible(page);
    await screenshot(page, '04-plan-with-task');

    // Sending without an outcome, or returning without a comment, is stopped before it reaches the server.
    await send.click();
    await page.getByText('Pilih keputusan terlebih dahulu.').waitFor();
    await page.getByLabel('Kembalikan untuk revisi', { exact: true }).check();
    await send.click();
    await page.getByText('Catatan wajib untuk pengembalian dan penolakan.').waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await stageOf(planId)).toBe('VERIFICATION');

    // The confirmation restates outcome, plan and comment; going back sends nothing.
    await page.getByLabel('Catatan keputusan', { exact: true }).fill('Mohon lengkapi dasar hukum pada KAK.');
    await send.click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expect(dialog.getByTestId('confirm-outcome').textContent()).resolves.toBe('Kembalikan untuk revisi');
    await expect(dialog.getByTestId('confirm-plan').textContent()).resolves.toContain('Kerja sama pengelolaan sampah regional');
    await expect(dialog.getByTestId('confirm-comment').textContent()).resolves.toBe('Mohon lengkapi dasar hukum pada KAK.');
    await expectAccessible(page);
    await screenshot(page, '04b-decision-confirmation');
    await dialog.getByRole('button', { name: 'Kembali' }).click();
    await dialog.waitFor({ state: 'detached' });
    expect(await stageOf(planId)).toBe('VERIFICATION');
    await send.click();
    await confirmDialog(page, 'Ya, kirim keputusan', ['Kembalikan untuk revisi']);
    await waitForPlanStage(page, 'DRAFT');
    await page.getByTestId('flash').filter({ hasText: 'dikembalikan untuk revisi' }).waitFor();
    expect(await stageOf(planId)).toBe('DRAFT');
  });

  it('lets the officer read the comment, revise and resubmit', async () => {
    // The officer is told the plan came back: the bell counts it by kind and opens the full list.
    const officerId = (await stack.database.prisma.user.findUniqueOrThrow({ where: { username: 'officer.kotabogor' } })).id;
    await waitFor('the officer’s return notice', () =>
      stack.database.prisma.notification.findFirst({ where: { userId: officerId, planId, template: 'PLAN_RETURNED' } }),
    );
    const page = await as('officer.kotabogor');
    await page.getByRole('button', { name: /Notifikasi/ }).click();
    await page.getByTestId('unread-by-kind').getByRole('link', { name: 'Dikembalikan untuk revisi' }).click();
    await page.waitForURL('**/app/notifications?template=PLAN_RETURNED');
    await page.getByRole('link', { name: 'Dikembalikan untuk revisi: Kerja sama pengelolaan sampah regional' }).waitFor();
    await expectAccessible(page);
    await screenshot(page, '10-notifications-list');
    await page.goto(`/app/plans/${planId}`);
    await expect(page.getByTestId('last-comment').textContent()).resolves.toBe('Mohon lengkapi dasar hukum pada KAK.');
    // A supporting document goes with the revision; a reviewer's purpose is not offered to the officer.
    expect(await page.getByLabel('Jenis lampiran').locator('option').allTextContents()).not.toContain('Catatan telaah');
    await page.getByLabel('Jenis lampiran').selectOption('SUPPORTING_DOCUMENT');
    await page.getByLabel('Berkas').setInputFiles({ name: 'perda-sampah.pdf', mimeType: 'application/pdf', buffer: Buffer.from('%PDF-1.7\n% Perda\n') });
    await page.getByRole('button', { name: 'Unggah' }).click();
    await page.getByRole('button', { name: 'perda-sampah.pdf' }).waitFor();
    await page.getByRole('link', { name: 'Ubah draf' }).click();
    const legalBasis = page.locator('[name="termsOfReference.legalBasis"]');
    const revised = 'UU 23/2014; PP 28/2018; Permendagri 22/2020; Perda Kota Bogor tentang pengelolaan sampah.';
    await legalBasis.fill(revised);
    // Leaving with unsaved changes asks first; what was typed comes back after a reload.
    const leaving = page.waitForEvent('dialog').then(async (dialog) => {
      expect(dialog.type()).toBe('beforeunload');
      await dialog.accept();
    });
    await page.reload();
    await leaving;
    const recovery = page.getByTestId('draft-recovery');
    await recovery.waitFor();
    expect(await legalBasis.inputValue()).not.toBe(revised);
    await expectAccessible(page);
    await recovery.getByRole('button', { name: 'Pulihkan isian' }).click();
    expect(await legalBasis.inputValue()).toBe(revised);
    await page.getByRole('button', { name: 'Ajukan' }).click();
    await page.waitForURL(`**/app/plans/${planId}`);
    await waitForPlanStage(page, 'VERIFICATION');
    const plan = await stack.as('officer.kotabogor').get(`/plans/${planId}`).expect(200);
    expect(plan.body).toMatchObject({ stage: 'VERIFICATION', revision: 3 });
  });

  it('takes the plan through every review stage, each reviewer from their own login, to COMPLETED', async () => {
    const secretariat = await as('sekretariat.kotabogor');
    await secretariat.goto(`/app/plans/${planId}`);
    // The comparison of the last two revisions shows the officer's change.
    // It names the field as people do, never by its path.
    await secretariat.locator('table.diff').getByText('Kerangka acuan kerja (KAK): dasar hukum').waitFor();
    await expect(secretariat.locator('table.diff').textContent()).resolves.not.toContain('termsOfReference');
    await decide(secretariat, planId, 'Setujui');
    await waitForPlanStage(secretariat, 'BAPPEDA_REVIEW');
    // "My completed tasks" lists it with the decision; the view is saved for next time.
    await secretariat.goto('/app/inbox?scope=completed');
    const done = secretariat.locator('ul.tasks li').filter({ hasText: 'Kerja sama pengelolaan sampah regional' }).first();
    await expect(done.textContent()).resolves.toContain('disetujui');
    await secretariat.locator('summary', { hasText: 'Simpan filter' }).click();
    await secretariat.getByLabel('Simpan filter ini sebagai').fill('Selesai saya');
    await secretariat.getByRole('button', { name: 'Simpan filter' }).click();
    await secretariat.getByRole('link', { name: 'Selesai saya' }).waitFor();
    await expectAccessible(secretariat);
    await screenshot(secretariat, '03b-inbox-completed');

    // Everyone logs in at once (each in their own browser context) while the plan moves on.
    const [bappeda, sekda, walikota, tapd, ...members] = await Promise.all(
      ['bappeda.kotabogor', 'sekda.kotabogor', 'walikota.kotabogor', 'tapd.kotabogor', 'tkksd1.kotabogor', 'tkksd2.kotabogor', 'tkksd3.kotabogor'].map((u) =>
        as(u),
      ),
    );
    // Budget year 2027's RKPD was set on 30 June 2026: reaching Bappeda now records a remedy,
    // which everyone sees in a warning box, with the open stage's due date and its basis.
    const late = await waitFor(
      'the remedy',
      async () => {
        const view = (await stack.as('officer.kotabogor').get(`/plans/${planId}`).expect(200)).body;
        return view.remedy && view.timeline && view;
      },
      30_000,
      200,
    );
    const officer = await as('officer.kotabogor');
    await officer.goto(`/app/plans/${planId}`);
    const warning = officer.getByTestId('remedy');
    await warning.waitFor();
    expect(await warning.getAttribute('data-remedy')).toBe(late.remedy.remedy);
    await expect(warning.textContent()).resolves.toContain(late.remedy.label.id);
    const basis = await officer.getByTestId('due-basis').textContent();
    expect(basis).toMatch(
      late.timeline.deadline.basis === 'MILESTONE' ? /^Tonggak kalender/ : new RegExp(`^Masa layanan ${late.timeline.deadline.serviceWorkingDays} hari kerja`),
    );
    // …and its source: the milestone's regulation (or practice), or the service period's setting.
    await officer
      .getByTestId('due-source')
      .filter({ hasText: late.timeline.deadline.basis === 'MILESTONE' ? /PP 12\/2019|Permendagri|Praktik/ : /SERVICE_WORKING_DAYS/ })
      .waitFor();
    // The timeline names each milestone's rule and source: the regulation and article (or
    // practice), unconfirmed articles said so; in Indonesian, and in English on the switch.
    const rules = officer.getByTestId('milestone-rules');
    await rules.locator('summary').filter({ hasText: 'Dasar setiap tanggal tahapan' }).click();
    const rule = (code: string) => rules.locator(`li[data-milestone="${code}"]`).textContent();
    await expect(rule('KUA_PPAS_SUBMISSION')).resolves.toMatch(/PP 12\/2019 Pasal 90 ayat \(1\) \(tenggat peraturan\)[\s\S]*Paling lambat minggu kedua Juli/);
    await expect(rule('DRAFT_APBD_SUBMISSION')).resolves.toMatch(/PP 12\/2019 Pasal 104 ayat \(1\)[\s\S]*60 hari kerja sebelum 1 Desember/);
    await expect(rule('APBD_JOINT_APPROVAL')).resolves.toContain('PP 12/2019 Pasal 106 ayat (1)');
    await expect(rule('APBD_ENACTMENT')).resolves.toMatch(/pasal belum dikonfirmasi[\s\S]*\(bawaan yang dapat diubah\)/);
    await expect(rule('MUSRENBANG')).resolves.toMatch(/^Musrenbang RKPD: .* Praktik \(bawaan yang dapat diubah\)/);
    await expectAccessible(officer);
    await screenshot(officer, '04a-plan-remedy-deadline');
    await officer.getByRole('button', { name: 'EN', exact: true }).click();
    await rules.locator('summary').filter({ hasText: 'How each milestone date is set' }).waitFor();
    await expect(rule('KUA_PPAS_SUBMISSION')).resolves.toMatch(
      /PP 12\/2019 Pasal 90 ayat \(1\) \(the regulation's deadline\)[\s\S]*By the second week of July/,
    );
    await expect(rule('DRAFT_APBD_SUBMISSION')).resolves.toContain('60 working days before 1 December');
    await expect(rule('MAPPING_DEADLINE')).resolves.toContain('Practice (a configurable default)');
    await expect(rule('APBD_ENACTMENT')).resolves.toContain('not yet confirmed against its text');
    await screenshot(officer, '04b-plan-milestone-rules-en');
    await officer.getByRole('button', { name: 'ID', exact: true }).click();
    await rules.locator('summary').filter({ hasText: 'Dasar setiap tanggal tahapan' }).waitFor();

    await decide(bappeda, planId, 'Setujui');
    await waitForPlanStage(bappeda, 'TKKSD_DELIBERATION');

    // The chair's recommendation is a second step: not offered while the vote is open.
    await sekda.goto(`/app/plans/${planId}`);
    await sekda.getByText('Rekomendasi dapat dicatat setelah pemungutan suara ditutup.').waitFor();
    expect(await sekda.getByRole('button', { name: 'Kirim keputusan' }).count()).toBe(0);
    // The members vote side by side, each confirming; the ballot goes once their vote is counted.
    await Promise.all(
      members.map(async (page) => {
        await page.goto(`/app/plans/${planId}`);
        await page.getByLabel('Setuju', { exact: true }).check();
        await page.getByRole('button', { name: 'Berikan suara' }).click();
        await confirmDialog(page, 'Ya, berikan suara', ['Setuju']);
        await page.getByRole('button', { name: 'Berikan suara' }).waitFor({ state: 'detached' });
      }),
    );
    await sekda.goto(`/app/plans/${planId}`);
    await expect(sekda.getByTestId('tally').textContent()).resolves.toContain('Setuju: 3');
    expect(await sekda.getByTestId('deliberation-outcome').getAttribute('data-outcome')).toBe('PASS');
    await expectAccessible(sekda);
    await screenshot(sekda, '05-tkksd-tally');
    await decide(sekda, planId, 'Setujui', 'TKKSD merekomendasikan persetujuan.');
    await waitForPlanStage(sekda, 'HEAD_OF_REGION_APPROVAL');

    // The head of region reads the tally and the chair's recommendation before deciding.
    await walikota.goto(`/app/plans/${planId}`);
    const summary = walikota.getByTestId('tkksd-summary');
    await expect(summary.getByTestId('tally').textContent()).resolves.toContain('Setuju: 3');
    await expect(summary.getByTestId('recommendation-note').textContent()).resolves.toContain('TKKSD merekomendasikan persetujuan.');
    await expectAccessible(walikota);
    await screenshot(walikota, '05b-head-of-region-summary');
    await decide(walikota, planId, 'Setujui');
    await waitForPlanStage(walikota, 'BUDGET_SIGNOFF');

    // TAPD's approval places the plan in KUA-PPAS: the form asks for the ceiling and the funding source.
    await tapd.goto(`/app/plans/${planId}`);
    await claimTask(tapd);
    await tapd.getByLabel('Setujui', { exact: true }).check();
    const ceiling = tapd.getByLabel('Plafon anggaran sementara (Rp)');
    // Rupiah as people type them: thousands separators are read, and the amount is shown formatted.
    expect(await ceiling.inputValue()).toBe('350.000.000');
    await ceiling.fill('400.000.000');
    await tapd.getByLabel('Sumber pendanaan', { exact: true }).selectOption('APBD_BUDGETED');
    await expectAccessible(tapd);
    await screenshot(tapd, '06a-tapd-placement');
    await tapd.getByRole('button', { name: 'Kirim keputusan' }).click();
    await confirmDialog(tapd, 'Ya, kirim keputusan', ['Rp', '400.000.000']);
    expect((await stack.as('tapd.kotabogor').get(`/plans/${planId}`).expect(200)).body.requiresDprdApproval).toBe(true);
    await waitForPlanStage(tapd, 'DPRD_APPROVAL');
    // The DPRD liaison reads the plan and decides on a phone: claim, choose, confirm, all at 390 px.
    const dprd = await as('dprd.kotabogor', { width: 390, height: 844 });
    await dprd.goto(`/app/plans/${planId}`);
    await claimTask(dprd);
    await expectAccessible(dprd);
    await screenshot(dprd, '06c-dprd-approval-phone');
    await decide(dprd, planId, 'Setujui');
    await waitForPlanStage(dprd, 'RKA_CONFIRMATION');
    await decide(tapd, planId, 'Setujui');
    await waitForPlanStage(tapd, 'COMPLETED');
    expect(await stageOf(planId)).toBe('COMPLETED');
    // The audit trail opens on request and lists what the API records.
    const audit = await stack.as('tapd.kotabogor').get(`/plans/${planId}/audit?pageSize=50`).expect(200);
    expect(audit.body.total).toBeGreaterThan(5);
    await tapd.getByText('Buka', { exact: true }).click();
    const rows = tapd.locator('details tbody tr');
    await rows.nth(Math.min(audit.body.total, 50) - 1).waitFor();
    expect(await rows.count()).toBe(Math.min(audit.body.total, 50));
    await screenshot(tapd, '06-plan-completed');

    // Where the plan's lines went: the table lists what the API lists, with the document and its flag explained.
    const lines = (await stack.as('tapd.kotabogor').get(`/plans/${planId}/document-lines`).expect(200)).body as Array<{
      documentKind: string;
      flag: string | null;
      flagMessage: { id: string } | null;
    }>;
    expect(lines.map((l) => l.documentKind)).toEqual(expect.arrayContaining(['RKPD', 'KUA_PPAS', 'RKA']));
    // The RKA line is written just after the move to COMPLETED: the page open since the decision shows it without a reload.
    const table = tapd.getByTestId('document-lines');
    await table
      .locator('tbody tr')
      .nth(lines.length - 1)
      .waitFor();
    expect(await table.locator('tbody tr').count()).toBe(lines.length);
    await expect(table.textContent()).resolves.toContain('KUA-PPAS');
    for (const flagged of lines.filter((l) => l.flag)) await expect(table.textContent()).resolves.toContain(flagged.flagMessage!.id);
    // TAPD reads the region's documents: every line shows its document's state, the RKA's created at the end too.
    expect(await table.locator('tbody tr td:nth-child(2)').allTextContents()).not.toContain('—');
    const pdf = tapd.waitForEvent('download');
    await tapd.getByRole('button', { name: 'Unduh ringkasan dokumen (PDF)' }).click();
    expect((await pdf).suggestedFilename()).toMatch(/\.pdf$/);
    await table.scrollIntoViewIfNeeded();
    await screenshot(tapd, '06b-document-lines');

    // The same page on a phone.
    const phone = await as('officer.kotabogor', { width: 390, height: 844 });
    await phone.goto(`/app/plans/${planId}`);
    await waitForPlanStage(phone, 'COMPLETED');
    await phone.locator('.plan-head').getByText('32.71 Kota Bogor').waitFor();
    // The header leaves the screen to the plan: two short rows, the menu scrolling sideways.
    expect((await phone.locator('header.app-header').boundingBox())!.height).toBeLessThanOrEqual(100);
    // Nothing wider than the screen but the tables, which scroll within themselves.
    expect(await phone.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
    await expectAccessible(phone);
    await screenshot(phone, '07-plan-phone');
  }, 240_000); // the whole journey by eight people: slow on a busy machine, not a speed target

  it('shows a reviewer of another region nothing of Kota Bogor’s plans', async () => {
    const page = await as('bappeda.kabbogor');
    // Keyboard users start at the skip link.
    await page.keyboard.press('Tab');
    expect(await page.evaluate('document.activeElement.textContent')).toBe('Langsung ke isi');
    await expectAccessible(page);
    await screenshot(page, '08-dashboard-other-region');
    await page.getByRole('link', { name: 'Rencana', exact: true }).click();
    await page.getByText('Belum ada rencana.').waitFor();
    await page.getByRole('link', { name: 'Kotak tugas' }).click();
    await page.getByText('Tidak ada tugas terbuka.').waitFor();
    await page.goto(`/app/plans/${planId}`);
    const refused = await stack.as('bappeda.kabbogor').get(`/plans/${planId}`).expect(404);
    await expect(page.getByRole('alert').textContent()).resolves.toContain(refused.body.message.id);
    await expect(page.locator('body').textContent()).resolves.not.toContain('Kerja sama pengelolaan sampah regional');
  });

  it('lists the region’s planning documents for TAPD, with the XLSX export and the forward state change', async () => {
    const page = await as('tapd.kotabogor');
    await page.getByRole('link', { name: 'Dokumen', exact: true }).click();
    const documents = (await stack.as('tapd.kotabogor').get('/planning-documents?regionCode=32.71&budgetYear=2027').expect(200)).body as Array<{
      id: string;
      kind: string;
      state: string;
    }>;
    const kuaPpas = documents.find((d) => d.kind === 'KUA_PPAS')!;
    const row = page.locator('table.documents tbody tr').filter({ has: page.getByRole('rowheader', { name: 'KUA-PPAS', exact: true }) });
    await row.waitFor();
    expect(await page.locator('table.documents tbody tr').count()).toBe(documents.length);
    // TAPD keeps the budget documents; Bappeda's RKPD is only read here.
    const rkpd = page.locator('table.documents tbody tr').filter({ has: page.getByRole('rowheader', { name: 'RKPD', exact: true }) });
    expect(await rkpd.getByRole('button', { name: /Majukan status/ }).count()).toBe(0);
    await expectAccessible(page);
    await screenshot(page, '13-planning-documents');

    const xlsx = page.waitForEvent('download');
    await row.getByRole('button', { name: /Unduh XLSX/ }).click();
    expect((await xlsx).suggestedFilename()).toMatch(/^KUA_PPAS-32\.71-2027\.xlsx$/);

    // The state only moves forward: the choices start after the current one.
    if (kuaPpas.state !== 'FINAL') {
      const next = await row.locator('select').inputValue();
      await row.getByRole('button', { name: /Majukan status/ }).click();
      await waitFor(
        `the document ${next}`,
        async () => (await stack.as('tapd.kotabogor').get(`/planning-documents/${kuaPpas.id}`).expect(200)).body.state === next,
        30_000,
        200,
      );
      await row
        .getByTestId('document-state')
        .filter({ hasText: next === 'FINAL' ? 'Final' : 'Rancangan' })
        .waitFor();
    }
  });

  it('gives admins their users and the calendar with its overrides', async () => {
    const page = await as('admin.kotabogor');
    await page.getByRole('link', { name: 'Pengguna', exact: true }).click();
    await page.getByText('(officer.kotabogor)').waitFor();
    // A grant's region is read by its code and its name.
    await page.getByTestId('region-label').filter({ hasText: '32.71 Kota Bogor' }).first().waitFor();
    await expectAccessible(page);
    await screenshot(page, '09-admin-users');
    await page.getByRole('link', { name: 'Kalender', exact: true }).click();
    const musrenbang = page.locator('table tbody tr').filter({ hasText: 'Musrenbang' });
    await musrenbang.waitFor();
    // Each calendar year's days off: official with its decree (verified or not) or provisional.
    const status = page.locator('.days-off-status');
    await expect(status.textContent()).resolves.toMatch(/Hari libur 2026: resmi · Resmi: mengikuti SKB[^·]*· SKB Menteri Agama.*No\. 1497 Tahun 2025/);
    // Each day names its source: the decree's number, and whether it was checked against the published copy.
    const days2026 = page.locator('details.days-off').filter({ hasText: 'Hari libur 2026' });
    await days2026.locator('summary').click();
    await expect(days2026.getByTestId('days-off-decree').textContent()).resolves.toMatch(
      /^Sumber hari libur tahun ini: SKB Menteri Agama.*No\. 1497 Tahun 2025.* \(diverifikasi terhadap salinan resmi\)$/,
    );
    const lebaran = days2026.locator('tbody tr').filter({ hasText: '20 Maret 2026' });
    await expect(lebaran.getByTestId('day-off-source').textContent()).resolves.toBe('SKB (terverifikasi)');
    await expectAccessible(page);
    // An override from the screen is the region's date from then on.
    // Dates are typed the Indonesian way, day first, whatever the browser's locale.
    const musrenbangDate = musrenbang.getByPlaceholder('hh/bb/tttt');
    await musrenbangDate.fill('8/4/2026');
    await musrenbangDate.blur();
    await musrenbang.getByRole('button', { name: 'Simpan' }).click();
    await musrenbang.getByText('Penyesuaian wilayah').waitFor();
    const calendar = await stack.as('admin.kotabogor').get('/calendars/32.71/2027').expect(200);
    expect(calendar.body.milestones).toContainEqual(expect.objectContaining({ date: '2026-04-08', origin: 'REGIONAL' }));
    // Each milestone names its rule and source, and whether the regulation's article is verified.
    await expect(page.locator('table tbody tr').filter({ hasText: 'Penetapan Perda APBD' }).textContent()).resolves.toContain(
      'PP 12/2019 (pasal belum dikonfirmasi) (bawaan yang dapat diubah)',
    );
    await expect(page.locator('table tbody tr').filter({ hasText: 'Persetujuan bersama' }).textContent()).resolves.toContain(
      'PP 12/2019 Pasal 106 ayat (1) (tenggat peraturan)',
    );
    await screenshot(page, '10-admin-calendar');
    // A year whose decree is not entered is provisional, and says so; 2027's decree is not yet verified.
    await page.getByLabel('Tahun anggaran').fill('2029');
    await page.locator('.days-off-status').filter({ hasText: 'Hari libur 2028: sementara' }).waitFor();
    await page.getByLabel('Tahun anggaran').fill('2028');
    await expect(page.locator('.days-off-status').textContent()).resolves.toMatch(
      /Hari libur 2027: resmi .*No\. 1205 Tahun 2026.*\(belum diverifikasi terhadap salinan resmi\)/,
    );
    const days2027 = page.locator('details.days-off').filter({ hasText: 'Hari libur 2027' });
    await days2027.locator('summary').click();
    await expect(days2027.getByTestId('days-off-decree').textContent()).resolves.toContain('No. 1205 Tahun 2026');
    await expect(days2027.locator('tbody tr').filter({ hasText: '11 Maret 2027' }).getByTestId('day-off-source').textContent()).resolves.toBe(
      'SKB (belum diverifikasi)',
    );
    const narrow = await as('admin.kotabogor', { width: 390, height: 844 });
    await narrow.goto('/app/admin/calendar');
    await narrow.locator('.days-off-status').waitFor();
    await narrow.locator('details.days-off summary').first().click();
    expect(await overflowing(narrow)).toEqual([]);
    await expectAccessible(narrow);
    await screenshot(narrow, '10b-admin-calendar-390');
    await page.goto('/app/');
    await page.getByRole('heading', { name: /Tonggak kalender berikutnya/ }).waitFor();
    // Each milestone on the dashboard names its source: the regulation and article, or practice.
    await page.getByTestId('milestone-source').first().waitFor();
    for (const source of await page.getByTestId('milestone-source').allTextContents()) expect(source).toMatch(/^(PP 12\/2019|Permendagri|Praktik)/);
    await screenshot(page, '11-dashboard-admin');
  });

  it('lets the national calendar keeper enter and correct a year’s decree from the screen, audited', async () => {
    await createTestUser(stack.database.prisma, { username: 'kalender.e2e', grants: [{ role: 'CALENDAR_KEEPER', regionCode: '00' }] });
    const page = await as('kalender.e2e');
    // Regional admins are not offered the screen; the keeper is.
    expect(await (await as('admin.kotabogor')).getByRole('link', { name: 'Hari libur nasional' }).count()).toBe(0);
    await page.getByRole('link', { name: 'Hari libur nasional' }).click();
    await page.getByRole('heading', { name: 'Hari libur nasional dan SKB' }).waitFor();
    await page.getByLabel('Tahun kalender').fill('2030');
    await page.locator('.days-off-status').filter({ hasText: 'Hari libur 2030: sementara' }).waitFor();
    await page.getByText('Belum ada SKB tercatat untuk tahun ini.').waitFor();
    await expectAccessible(page);
    await screenshot(page, '13-keeper-decree');

    // No number: refused with the reason, nothing stored.
    await page.getByRole('button', { name: 'Simpan SKB' }).click();
    await page.getByText('Nomor SKB wajib diisi.').waitFor();
    await stack
      .as('kalender.e2e')
      .get('/calendars/days-off?year=2030')
      .expect(200)
      .expect((r) => expect(r.body.decree).toBeNull());

    // Entered unverified, then corrected to verified: the year is official and says so.
    await page.getByLabel('Nomor SKB', { exact: true }).fill('SKB No. 1/2029 (uji)');
    await page.getByLabel('Keterangan').fill('Dari salinan sekunder');
    await page.getByRole('button', { name: 'Simpan SKB' }).click();
    await page.getByText('SKB tersimpan; rencana yang berjalan dijadwal ulang.').waitFor();
    await page
      .locator('.days-off-status')
      .filter({ hasText: /Hari libur 2030: resmi .*SKB No\. 1\/2029 \(uji\) \(belum diverifikasi/ })
      .waitFor();
    await page.getByLabel('Nomor dan tanggal telah diperiksa terhadap salinan resmi').check();
    await page.getByRole('button', { name: 'Simpan SKB' }).click();
    await page.locator('.days-off-status').filter({ hasText: 'SKB No. 1/2029 (uji)' }).waitFor();
    await waitFor(
      'the verified decree',
      async () => (await stack.as('kalender.e2e').get('/calendars/days-off?year=2030').expect(200)).body.decree?.verified === true,
    );
    await page.locator('.days-off-status em').waitFor({ state: 'detached' });
    const audit = await stack.database.prisma.auditEvent.findMany({ where: { entity: 'DAY_OFF_DECREE', entityId: '2030' }, orderBy: { id: 'asc' } });
    expect(audit.map((a) => a.action)).toEqual(['DAY_OFF_DECREE_SET', 'DAY_OFF_DECREE_SET']);

    const narrow = await as('kalender.e2e', { width: 390, height: 844 });
    await narrow.goto('/app/keeper/days-off');
    await narrow.getByLabel('Tahun kalender').fill('2030');
    await narrow.locator('.days-off-status').filter({ hasText: 'SKB No. 1/2029 (uji)' }).waitFor();
    expect(await overflowing(narrow)).toEqual([]);
    await expectAccessible(narrow);
    await screenshot(narrow, '13b-keeper-decree-390');
    // Back to provisional, so the year leaves no trace for the other tests.
    await stack.as('kalender.e2e').delete('/calendars/days-off/decrees/2030').expect(204);
  });

  it('shows the bell’s unread notices, opens one to its plan and marks them read', async () => {
    const admin = await stack.database.prisma.user.findUniqueOrThrow({ where: { username: 'admin.kotabogor' } });
    const notice = (n: number, withPlan: boolean) => ({
      id: randomUUID(),
      key: `e2e-bell-${n}`,
      userId: admin.id,
      template: 'TASK_DUE_SOON',
      regionCode: '32.71',
      planId: withPlan ? planId : null,
      title: `Pemberitahuan uji ${n}`,
      body: `Isi pemberitahuan uji ${n}.`,
      params: {},
      createdAt: new Date('2026-11-20T03:00:00Z'),
    });
    await stack.database.prisma.notification.createMany({ data: [notice(1, true), notice(2, false), notice(3, false)] });
    const unread = async () => (await stack.as('admin.kotabogor').get('/notifications/unread-count').expect(200)).body.unread as number;
    const before = await unread();
    expect(before).toBeGreaterThanOrEqual(3);

    const page = await as('admin.kotabogor');
    const bell = page.getByRole('button', { name: /Notifikasi/ });
    await page
      .getByTestId('unread-count')
      .filter({ hasText: String(before) })
      .waitFor();
    await bell.click();
    const first = page.getByRole('link', { name: 'Pemberitahuan uji 1' });
    await first.waitFor();
    await page.getByText('Isi pemberitahuan uji 2.').waitFor();
    // The date in Indonesian, in the region's zone (WIB).
    await expect(page.locator('.bell-panel').textContent()).resolves.toContain('20 Nov 2026');
    await expectAccessible(page);
    await screenshot(page, '12-notifications');

    // Opening the first leads to its plan and marks it read.
    await first.click();
    await page.waitForURL(`**/app/plans/${planId}`);
    await page
      .getByTestId('unread-count')
      .filter({ hasText: String(before - 1) })
      .waitFor();
    expect(await unread()).toBe(before - 1);

    await bell.click();
    await page.getByRole('button', { name: 'Tandai semua dibaca' }).click();
    await page.getByTestId('unread-count').filter({ hasText: /^0$/ }).waitFor();
    expect(await unread()).toBe(0);
    await page.getByText('Tidak ada notifikasi baru.').waitFor();
  });

  it('lets the secretariat start the agreement of a COMPLETED plan and complete its first step', async () => {
    const completed = await planAt(stack, 'COMPLETED');
    const page = await as('sekretariat.kotabogor');
    await page.goto(`/app/plans/${completed}`);
    await page.getByRole('button', { name: 'Mulai perjanjian kerja sama' }).click();
    await page.waitForURL(/\/app\/agreements\/[0-9a-f-]{36}$/);
    const agreementId = page.url().split('/').at(-1)!;
    await page.locator('[data-testid="agreement-stage"][data-stage="PREPARATION"]').waitFor();
    await expect(page.getByTestId('agreement-basis').textContent()).resolves.toContain('PP 28/2018');
    await claimTask(page);
    await page.getByLabel('Selesaikan tahap ini', { exact: true }).check();
    await page.getByRole('button', { name: 'Kirim keputusan' }).click();
    await confirmDialog(page, 'Ya, kirim keputusan', ['Selesaikan tahap ini', 'Persiapan']);
    await page.locator('[data-testid="agreement-stage"][data-stage="OFFER"]').waitFor();
    await expect(page.getByTestId('agreement-stage').textContent()).resolves.toBe('Penawaran dan jawaban mitra');
    expect((await stack.database.prisma.agreement.findUniqueOrThrow({ where: { id: agreementId } })).stage).toBe('OFFER');
    // The plan now links to its agreement, and the register lists it.
    await page.goto(`/app/plans/${completed}`);
    await expect(page.getByTestId('agreement-link').getAttribute('href')).resolves.toBe(`/app/agreements/${agreementId}`);
    await page.goto('/app/agreements');
    await page.locator(`a[href="/app/agreements/${agreementId}"]`).first().waitFor();
  }, 300_000);

  it('shows the main screens usably at 1280 and 390 px, with no serious accessibility finding', async () => {
    const screens: Array<[string, string, string]> = [
      ['officer.kotabogor', '/app/', 'dashboard'],
      ['officer.kotabogor', '/app/plans', 'plans'],
      ['officer.kotabogor', '/app/plans/new', 'plan-form'],
      ['officer.kotabogor', '/app/notifications', 'notifications'],
      ['sekretariat.kotabogor', '/app/inbox', 'inbox'],
      ['sekretariat.kotabogor', `/app/plans/${planId}`, 'plan'],
      ['admin.kotabogor', '/app/admin/users', 'admin-users'],
      ['admin.kotabogor', '/app/admin/calendar', 'admin-calendar'],
      ['kalender.e2e', '/app/keeper/days-off', 'keeper-days-off'],
    ];
    for (const viewport of [
      { width: 1280, height: 900 },
      { width: 390, height: 844 },
    ]) {
      for (const [username, url, name] of screens) {
        const page = await as(username, viewport);
        await page.goto(url);
        await page.locator('main h1').first().waitFor();
        await expectAccessible(page);
        // Only tables scroll sideways; the page itself fits the screen.
        expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(viewport.width);
        await screenshot(page, `20-${name}-${viewport.width}`);
      }
    }
  });
});
