// Limits logins per client address and per account name (@nestjs/throttler), before the
// password is checked: guessing is slowed and Argon2's CPU cannot be spent without bound.
// The count is per API process; the lockout after wrong passwords (AuthService) is shared.
import { Injectable, type ExecutionContext } from '@nestjs/common';
import { ThrottlerGuard, type ThrottlerLimitDetail, type ThrottlerModuleOptions } from '@nestjs/throttler';
import type { Request } from 'express';
import { TooManyAttempts } from '../../../../domain/errors';
import { text } from '../../../../domain/message';
import type { AppConfig } from '../../../../platform/config';

const MINUTE_MS = 60_000;

/** The account a login names, as the login reads it; the address when it names none. */
export function loginAccountTracker(req: Record<string, unknown>): Promise<string> {
  const body = (req as unknown as Request).body as { username?: unknown } | undefined;
  const username = body?.username;
  return Promise.resolve(typeof username === 'string' ? `account:${username.trim().toLowerCase()}` : `address:${(req as unknown as Request).ip}`);
}

export function loginThrottlerOptions(config: Pick<AppConfig, 'LOGIN_RATE_PER_ADDRESS' | 'LOGIN_RATE_PER_ACCOUNT'>): ThrottlerModuleOptions {
  return {
    setHeaders: false,
    throttlers: [
      { name: 'address', ttl: MINUTE_MS, limit: config.LOGIN_RATE_PER_ADDRESS },
      { name: 'account', ttl: MINUTE_MS, limit: config.LOGIN_RATE_PER_ACCOUNT, getTracker: loginAccountTracker },
    ],
  };
}

@Injectable()
export class LoginThrottlerGuard extends ThrottlerGuard {
  // The exception filter answers it 429 with Retry-After.
  protected override throwThrottlingException(_context: ExecutionContext, detail: ThrottlerLimitDetail): Promise<void> {
    const seconds = Math.max(1, Math.ceil(detail.timeToBlockExpire));
    throw new TooManyAttempts(
      seconds,
      text(`Terlalu banyak percobaan masuk. Coba lagi dalam ${seconds} detik.`, `Too many login attempts. Try again in ${seconds} seconds.`),
    );
  }
}
