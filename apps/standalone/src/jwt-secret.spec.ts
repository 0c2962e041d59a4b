import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { JWT_SECRET_FILE, ensureJwtSecret } from './jwt-secret';

describe('ensureJwtSecret', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'jalin-secret-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('makes a long secret once, readable by its owner only, and keeps it across starts', async () => {
    const dataDir = path.join(dir, 'data'); // not there yet
    const first = await ensureJwtSecret(dataDir);
    expect(first.length).toBeGreaterThanOrEqual(64);
    const file = path.join(dataDir, JWT_SECRET_FILE);
    expect((await stat(file)).mode & 0o777).toBe(0o600);
    expect(await ensureJwtSecret(dataDir)).toBe(first);
    expect((await readFile(file, 'utf8')).trim()).toBe(first);
  });

  it('gives every data directory its own secret, even when started together', async () => {
    const [a, b] = await Promise.all([ensureJwtSecret(path.join(dir, 'a')), ensureJwtSecret(path.join(dir, 'b'))]);
    expect(a).not.toBe(b);
    const same = await Promise.all([ensureJwtSecret(path.join(dir, 'c')), ensureJwtSecret(path.join(dir, 'c'))]);
    expect(same[0]).toBe(same[1]);
  });

  it('refuses a file that holds no usable secret, naming it', async () => {
    await writeFile(path.join(dir, JWT_SECRET_FILE), 'kurang\n');
    await expect(ensureJwtSecret(dir)).rejects.toThrow(JWT_SECRET_FILE);
  });
});
