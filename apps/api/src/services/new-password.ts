// The rule for every password set (create, reset, change): long enough, and not easy to
// guess for this person (common passwords, patterns, their own names and login).
import { ValidationFailed } from '../../../../domain/errors';
import { passwordViolations } from '../../../../domain/password-policy';
import { passwordStrengthViolations, personalWords } from '../../../../platform/password-strength';

export function checkNewPassword(password: string, personal: Array<string | null | undefined>, field = 'password'): void {
  const violations = passwordViolations(password, field);
  if (violations.length) throw new ValidationFailed(violations);
  const weak = passwordStrengthViolations(password, personalWords(personal), field);
  if (weak.length) throw new ValidationFailed(weak);
}
