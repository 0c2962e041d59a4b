// Issue 14, finding 3: no browser security headers. The app could be framed (clickjacking
// on approve and reject), had no Content-Security-Policy, no nosniff, no Referrer-Policy,
// sent X-Powered-By, and cached authenticated answers and downloads. Replayed here.
import type { Response } from 'supertest';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;

beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

function expectBrowserHeaders(response: Response): void {
  const csp = response.headers['content-security-policy'];
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("default-src 'self'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers['x-frame-options']).toBe('DENY');
  expect(response.headers['x-content-type-options']).toBe('nosniff');
  expect(response.headers['referrer-policy']).toBe('no-referrer');
  expect(response.headers).not.toHaveProperty('x-powered-by');
}

describe('security headers', () => {
  it('sends them, and no-store, on an authenticated answer', async () => {
    const response = await stack.as('officer.kotabogor').get('/auth/me').expect(200);
    expectBrowserHeaders(response);
    expect(response.headers['cache-control']).toBe('no-store');
    const csp = response.headers['content-security-policy'];
    // Scripts only from the app's own origin: an injected inline script cannot run.
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe');
  });

  it('sends them on refusals and before logging in', async () => {
    for (const response of [
      await stack.http().get('/auth/me').expect(401),
      await stack.http().post('/auth/login').send({ username: 'x', password: 'y' }).expect(401),
      await stack.http().get('/app/assets/missing.js').expect(404),
    ]) {
      expectBrowserHeaders(response);
    }
  });

  it('keeps downloads out of every cache', async () => {
    const response = await stack.as('bappeda.kotabogor').get('/mappings/32.71/2027/export.xlsx').expect(200);
    expectBrowserHeaders(response);
    expect(response.headers['cache-control']).toBe('no-store');
  });

  it('frames the API documentation nowhere either', async () => {
    const response = await stack.http().get('/docs').expect(200);
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers).not.toHaveProperty('x-powered-by');
  });
});
