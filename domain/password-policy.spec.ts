import { passwordViolations } from './password-policy';

describe('passwordViolations', () => {
  it('accepts 10 to 256 characters of any kind, counted as a person sees them', () => {
    expect(passwordViolations('sepuluh-10')).toEqual([]);
    expect(passwordViolations('x'.repeat(256))).toEqual([]);
    // Ten characters, some outside the Basic Multilingual Plane (two UTF-16 units each).
    expect(passwordViolations('🔑🔑🔑🔑🔑abcde')).toEqual([]);
  });

  it('refuses fewer than 10 and more than 256, in both languages', () => {
    expect(passwordViolations('sembilan9')).toEqual([
      { field: 'password', reason: 'TOO_SHORT', message: { id: 'Kata sandi minimal 10 karakter.', en: 'The password must have at least 10 characters.' } },
    ]);
    expect(passwordViolations('🔑'.repeat(9))).toEqual([expect.objectContaining({ reason: 'TOO_SHORT' })]);
    expect(passwordViolations('x'.repeat(257), 'newPassword')).toEqual([expect.objectContaining({ field: 'newPassword', reason: 'TOO_LONG' })]);
  });
});
