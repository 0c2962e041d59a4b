import { passwordStrengthViolations, personalWords } from './password-strength';

describe('password strength', () => {
  it.each(['1234567890', 'password123', 'qwertyuiop', 'jalin2027', 'jalinjalin'])('refuses the common password %s', (password) => {
    expect(passwordStrengthViolations(password, [])).toEqual([expect.objectContaining({ field: 'password', reason: 'TOO_GUESSABLE' })]);
  });

  it('refuses the person’s own login or name with a little added', () => {
    const personal = personalWords(['rina.kusuma', 'Rina Kusuma, S.E.', 'rina.kusuma@kotabogor.go.id']);
    expect(personal).toEqual(expect.arrayContaining(['rina', 'kusuma', 'rina.kusuma']));
    expect(passwordStrengthViolations('rina.kusuma1', personal)).toHaveLength(1);
    expect(passwordStrengthViolations('Kusuma2027', personal)).toHaveLength(1);
  });

  it('accepts a few unrelated words', () => {
    expect(passwordStrengthViolations('sepuluh-karakter', [])).toEqual([]);
    expect(passwordStrengthViolations('kopi tubruk di hujan', personalWords(['rina.kusuma']))).toEqual([]);
  });
});
