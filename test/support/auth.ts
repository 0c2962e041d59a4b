// Logging in from tests: a token per user, fetched once per stack through the real
// POST /auth/login, and requests that carry it.
import { randomUUID } from 'node:crypto';
import type request from 'supertest';
import { type Test } from 'supertest';
import { DEMO_PASSWORD } from '../../prisma/seed/demo-users';
import { hashPassword } from '../../platform/password-hashing';
import type { Role } from '../../domain/role';
import type { PrismaClient } from '../../prisma/client';

/** What logging in needs of a test stack. */
export interface LoginTarget {
  http: () => ReturnType<typeof request>;
}

/** Requests as one user: like `stack.http()`, with that user's `Authorization` header. */
export interface AuthenticatedAgent {
  get(url: string): Test;
  post(url: string): Test;
  put(url: string): Test;
  patch(url: string): Test;
  delete(url: string): Test;
}

const tokens = new WeakMap<LoginTarget, Map<string, Promise<string>>>();

/** Logs in with the demo password (or `password`) and answers the token; 401 fails the test. */
export async function login(stack: LoginTarget, username: string, password: string = DEMO_PASSWORD): Promise<string> {
  const response = await stack.http().post('/auth/login').send({ username, password });
  if (response.status !== 200) throw new Error(`Login as ${username} failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.accessToken as string;
}

/** The user's token, logged in once per stack (Argon2 makes each login take a while). */
export function loginAs(stack: LoginTarget, username: string): Promise<string> {
  let cache = tokens.get(stack);
  if (!cache) tokens.set(stack, (cache = new Map()));
  let token = cache.get(username);
  if (!token) {
    token = login(stack, username);
    // A failed login is not kept, so the next call tries again.
    token.catch(() => cache.delete(username));
    cache.set(username, token);
  }
  return token;
}

/**
 * Requests that log in lazily: the header is set when the request is sent, so a test
 * chains `.send()`, `.attach()` and `.expect()` exactly as on `stack.http()`.
 */
export function authenticatedAgent(stack: LoginTarget, username: string): AuthenticatedAgent {
  const withToken = (test: Test): Test => {
    const send = test.end.bind(test);
    // supertest sends a request from `end` (which `then` calls): log in first.
    test.end = (callback) => {
      loginAs(stack, username).then(
        (token) => {
          test.set('Authorization', `Bearer ${token}`);
          send(callback);
        },
        (error: Error) => callback?.(error, undefined as never),
      );
      return test;
    };
    return test;
  };
  return {
    get: (url) => withToken(stack.http().get(url)),
    post: (url) => withToken(stack.http().post(url)),
    put: (url) => withToken(stack.http().put(url)),
    patch: (url) => withToken(stack.http().patch(url)),
    delete: (url) => withToken(stack.http().delete(url)),
  };
}

export interface TestUser {
  username: string;
  /** Defaults to the region of the first grant. */
  homeRegionCode?: string;
  displayName?: string;
  active?: boolean;
  grants: Array<{ role: Role; regionCode: string; agency?: string }>;
}

let demoPasswordHash: Promise<string> | undefined;

/**
 * Stores a user beside the demo users, with the demo password, straight into the
 * database: for a seat no demo user holds (another agency, a province). Answers its id.
 */
export async function createTestUser(prisma: PrismaClient, user: TestUser): Promise<string> {
  demoPasswordHash ??= hashPassword(DEMO_PASSWORD);
  const id = randomUUID();
  await prisma.user.create({
    data: {
      id,
      username: user.username,
      displayName: user.displayName ?? user.username,
      active: user.active ?? true,
      passwordHash: await demoPasswordHash,
      homeRegionCode: user.homeRegionCode ?? user.grants[0]?.regionCode ?? null,
      grants: { create: user.grants.map((grant) => ({ id: randomUUID(), role: grant.role, regionCode: grant.regionCode, agency: grant.agency ?? '' })) },
    },
  });
  return id;
}
