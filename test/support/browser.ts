// A real browser for the end-to-end tests: Debian's Chromium driven by playwright-core,
// with helpers to log in through the login screen, save screenshots and run axe-core.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-users';
import { REPO_ROOT } from './environment';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test', 'artifacts', 'screenshots');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

export interface UserPage {
  context: BrowserContext;
  page: Page;
}

/** Every Content-Security-Policy violation any watched page reported, as "directive: blocked URI on page". */
export const cspViolations: string[] = [];

/**
 * Collects the page's `securitypolicyviolation` events (and CSP errors on the console)
 * into cspViolations. The listener is installed through the DevTools protocol, which the
 * policy itself does not govern.
 */
export async function watchForCspViolations(context: BrowserContext): Promise<void> {
  await context.exposeBinding('__jalinCspViolation', (_source, violation: string) => {
    cspViolations.push(violation);
  });
  await context.addInitScript(`document.addEventListener('securitypolicyviolation', (event) =>
    window.__jalinCspViolation(event.violatedDirective + ': ' + (event.blockedURI || 'inline') + ' on ' + location.pathname));`);
  context.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy/i.test(message.text())) cspViolations.push(message.text());
  });
}

/** A fresh browser context (its own session) logged in through the login screen. */
export async function loginInBrowser(browser: Browser, baseUrl: string, username: string, viewport = { width: 1366, height: 900 }): Promise<UserPage> {
  const context = await browser.newContext({ baseURL: baseUrl, viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  await watchForCspViolations(context);
  const page = await context.newPage();
  await page.goto('/app/');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.getByTestId('current-user').waitFor();
  return { context, page };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`), fullPage: true });
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: Array<{ target: unknown[] }>;
}

/** The serious and critical accessibility violations axe-core finds on the page as it is now. */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated, not added as a <script>: the app's CSP rightly refuses inline scripts.
  await page.evaluate(readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
  // Runs in the page (a string: this file is compiled without the DOM's types).
  const violations = (await page.evaluate(`axe.run(document, { resultTypes: ['violations'] }).then((result) =>
    result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) })))`)) as AxeViolation[];
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Waits until the plan page shows the stage (the hidden `plan-stage` marker carries its code). */
export async function waitForPlanStage(page: Page, stage: string, timeout = 30_000): Promise<void> {
  await page.locator(`[data-testid="plan-stage"][data-stage="${stage}"]`).waitFor({ state: 'attached', timeout });
}
