// The all-in-one launcher's token secret: made once, kept beside the data it protects, so
// a restart keeps everyone logged in and no one has to configure a secret to try Jalin.
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

export const JWT_SECRET_FILE = 'jwt-secret';

/** Reads `<dataDir>/jwt-secret`, creating it (owner-only, mode 0600) on first use. */
export async function ensureJwtSecret(dataDir: string): Promise<string> {
  const file = path.join(dataDir, JWT_SECRET_FILE);
  await mkdir(dataDir, { recursive: true });
  try {
    // 'wx' fails when the file exists, so two launchers never overwrite each other's secret.
    await writeFile(file, `${randomBytes(48).toString('base64url')}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const secret = (await readFile(file, 'utf8')).trim();
  if (secret.length < 32) throw new Error(`${file} holds no usable secret (fewer than 32 characters): remove it to have a new one made`);
  return secret;
}
