import { text, type BilingualText } from './message';
import type { Violation } from './violation';

/**
 * Errors the rules raise. They carry no HTTP status: the API maps them once, in its
 * exception filter, because the same rules run in activities and workflows.
 */
export abstract class DomainError extends Error {
  abstract readonly kind: 'VALIDATION' | 'NOT_FOUND' | 'CONFLICT' | 'FORBIDDEN' | 'UNAUTHENTICATED' | 'TOO_MANY_REQUESTS';

  constructor(
    readonly code: string,
    readonly userMessage: BilingualText,
  ) {
    super(userMessage.en);
    this.name = new.target.name;
  }
}

export class ValidationFailed extends DomainError {
  readonly kind = 'VALIDATION' as const;

  constructor(readonly violations: Violation[]) {
    super('VALIDATION_FAILED', text('Data yang dikirim tidak valid.', 'The submitted data is not valid.'));
  }
}

export class NotFound extends DomainError {
  readonly kind = 'NOT_FOUND' as const;

  constructor(entity: { id: string; en: string }, key: string) {
    super('NOT_FOUND', text(`${entity.id} '${key}' tidak ditemukan.`, `${entity.en} '${key}' was not found.`));
  }
}

export class Conflict extends DomainError {
  readonly kind = 'CONFLICT' as const;

  constructor(
    code: string,
    message: BilingualText,
    readonly violations: Violation[] = [],
  ) {
    super(code, message);
  }
}

/** The caller is known but may not do this. */
export class Forbidden extends DomainError {
  readonly kind = 'FORBIDDEN' as const;

  constructor(
    message: BilingualText = text('Anda tidak berwenang melakukan tindakan ini.', 'You are not allowed to do this.'),
    code = 'FORBIDDEN',
    readonly violations: Violation[] = [],
  ) {
    super(code, message);
  }
}

/** The caller has not proven who they are (no, bad or expired token; wrong password). */
export class Unauthenticated extends DomainError {
  readonly kind = 'UNAUTHENTICATED' as const;

  constructor(message: BilingualText = text('Silakan masuk terlebih dahulu.', 'Please log in first.')) {
    super('UNAUTHENTICATED', message);
  }
}

/** Too many attempts (e.g. logins): try again after `retryAfterSeconds`. */
export class TooManyAttempts extends DomainError {
  readonly kind = 'TOO_MANY_REQUESTS' as const;

  constructor(
    readonly retryAfterSeconds: number,
    message: BilingualText = text(
      `Terlalu banyak percobaan. Coba lagi dalam ${retryAfterSeconds} detik.`,
      `Too many attempts. Try again in ${retryAfterSeconds} seconds.`,
    ),
  ) {
    super('TOO_MANY_ATTEMPTS', message);
  }
}
