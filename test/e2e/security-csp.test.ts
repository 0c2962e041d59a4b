// Issue 14, finding 3 in a real browser: the pages Jalin serves work under the
// Content-Security-Policy it sends (the web app's own policy, and the looser one of the
// API documentation), and nothing may frame them.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { cspViolations, launchBrowser, watchForCspViolations } from '../support/browser';
import { REPO_ROOT } from '../support/environment';
import { startTestStack, type TestStack } from '../support/test-stack';

jest.setTimeout(60_000);

let stack: TestStack;
let browser: Browser;
let baseUrl: string;
let context: BrowserContext;

beforeAll(async () => {
  if (!existsSync(path.join(REPO_ROOT, 'dist', 'web', 'index.html')))
    throw new Error('dist/web is missing: run the tests with `npm test`, which builds the web app');
  [stack, browser] = await Promise.all([startTestStack(), launchBrowser()]);
  await stack.app.listen(0, '127.0.0.1');
  baseUrl = (await stack.app.getUrl()).replace('[::1]', '127.0.0.1');
  context = await browser.newContext({ baseURL: baseUrl });
  await watchForCspViolations(context);
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
  await stack?.stop();
});

it('shows the API documentation under its policy without a violation', async () => {
  const page = await context.newPage();
  await page.goto('/docs');
  await page.locator('.swagger-ui .opblock').first().waitFor();
  expect(cspViolations.splice(0)).toEqual([]);
});

it('refuses to show the web app in a frame, even of its own origin', async () => {
  const page = await context.newPage();
  // 'none' refuses every framing page, its own origin included: frame the login screen from one.
  await page.goto('/health');
  await page.evaluate(`new Promise((resolve) => {
    const frame = document.createElement('iframe');
    frame.src = '/app/';
    frame.onload = resolve;
    document.body.appendChild(frame);
  })`);
  const frame = page.frames().find((f) => f !== page.mainFrame())!;
  // The browser shows its own error page instead: no login form to click on.
  expect(frame.url()).toMatch(/^chrome-error:/);
  expect(await frame.locator('input').count()).toBe(0);
  cspViolations.splice(0);
});
