// Argon2id password hashes (PHC string format, salt and parameters inside), shared by the
// API and the seeders. @node-rs/argon2 ships its native code as npm packages per
// platform, so installing it downloads nothing from elsewhere.
import { hash, verify } from '@node-rs/argon2';

// OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane): about 20-40 ms per hash on a
// server core. The parameters travel in each hash, so raising them later still verifies
// the old hashes.
const OPTIONS = { memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

/** False, not an error, for a stored value that is not an Argon2 hash at all. */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}
