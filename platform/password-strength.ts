// Whether a password resists guessing (OWASP ASVS 2.1.7, NIST SP 800-63B 5.1.1.2): zxcvbn
// scores it against common passwords, keyboard patterns, dates and repeats, and against the
// account's own names, so `1234567890` or a username with a digit is refused.
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import { DEMO_PASSWORD } from '../domain/demo-password';
import { text } from '../domain/message';
import type { Violation } from '../domain/violation';

/** zxcvbn's 3: "safely unguessable", about 10^8 guesses or more. */
export const MIN_PASSWORD_SCORE = 3;

/** Words anyone guessing a Jalin password would try first, beyond the common lists. */
const LOCAL_WORDS = [
  DEMO_PASSWORD,
  'jalin',
  'kerjasama',
  'kerja sama',
  'pemda',
  'bappeda',
  'sekda',
  'tkksd',
  'rahasia',
  'katasandi',
  'kata sandi',
  'indonesia',
  'merdeka',
];

let factory: ZxcvbnFactory | undefined;

function checker(): ZxcvbnFactory {
  // Built once: loading the dictionaries takes a moment.
  factory ??= new ZxcvbnFactory({
    dictionary: { ...common.dictionary, jalin: LOCAL_WORDS },
    graphs: common.adjacencyGraphs,
  });
  return factory;
}

/** The parts of a person's names and login a guesser would try: `rina.kusuma` gives rina, kusuma. */
export function personalWords(values: Array<string | null | undefined>): string[] {
  const words = values.flatMap((value) => {
    if (!value) return [];
    const lower = value.toLowerCase();
    return [lower, ...lower.split(/[^\p{L}\p{N}]+/u)];
  });
  return [...new Set(words.filter((word) => word.length >= 3))];
}

/** A violation when the password is too easy to guess for this person; none otherwise. */
export function passwordStrengthViolations(password: string, personal: string[], field = 'password'): Violation[] {
  const result = checker().check(password, personal);
  if (result.score >= MIN_PASSWORD_SCORE) return [];
  return [
    {
      field,
      reason: 'TOO_GUESSABLE',
      message: text(
        'Kata sandi terlalu mudah ditebak (kata sandi umum, pola, atau memuat nama/nama pengguna Anda). Gunakan beberapa kata yang tidak berhubungan.',
        'The password is too easy to guess (a common password, a pattern, or it contains your name or username). Use several unrelated words.',
      ),
    },
  ];
}
