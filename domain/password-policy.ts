// What a password must be. Length is what protects against guessing; composition rules
// only push people to predictable patterns (NIST SP 800-63B), so there are none here.
import { text } from './message';
import type { Violation } from './violation';

export const PASSWORD_MIN_LENGTH = 10;
/** Bounds the work one login or password change can cause. */
export const PASSWORD_MAX_LENGTH = 256;

export function passwordViolations(password: string, field = 'password'): Violation[] {
  // Counted in characters as a person sees them, not UTF-16 units.
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) {
    return [
      {
        field,
        reason: 'TOO_SHORT',
        message: text(`Kata sandi minimal ${PASSWORD_MIN_LENGTH} karakter.`, `The password must have at least ${PASSWORD_MIN_LENGTH} characters.`),
      },
    ];
  }
  if (length > PASSWORD_MAX_LENGTH) {
    return [
      {
        field,
        reason: 'TOO_LONG',
        message: text(`Kata sandi paling banyak ${PASSWORD_MAX_LENGTH} karakter.`, `The password must have at most ${PASSWORD_MAX_LENGTH} characters.`),
      },
    ];
  }
  return [];
}
