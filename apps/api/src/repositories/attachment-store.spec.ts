import { createHash } from 'node:crypto';
import { mkdtemp, readdir, rm, stat, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { FileSystemAttachmentStore } from './attachment-store';

let root: string;
let store: FileSystemAttachmentStore;

beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'jalin-store-'));
  store = new FileSystemAttachmentStore(root);
  await store.prepare();
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Every file under the root, `.incoming` included, as relative paths. */
async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => path.relative(root, path.join(e.parentPath, e.name)));
}

const sha256 = (value: string | Buffer) => createHash('sha256').update(value).digest('hex');

describe('FileSystemAttachmentStore', () => {
  it('keeps a buffer under <yyyy>/<mm>/<uuid> with its size and SHA-256, and reads it back', async () => {
    const stored = await store.put(Buffer.from('isi kajian kelayakan'));
    const now = new Date();
    const month = `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, '0')}`;
    expect(stored.key).toMatch(new RegExp(`^${month}/[0-9a-f-]{36}$`));
    expect(stored).toMatchObject({ sizeBytes: 20, sha256: sha256('isi kajian kelayakan') });
    expect(await text(await store.read(stored.key))).toBe('isi kajian kelayakan');
    expect(await filesIn(root)).toEqual([stored.key]);
  });

  it('hashes a stream as it writes it, chunk by chunk', async () => {
    const chunks = ['bagian satu, ', 'bagian dua, ', 'bagian tiga'].map((c) => Buffer.from(c));
    const stored = await store.put(Readable.from(chunks));
    expect(stored).toMatchObject({ sizeBytes: Buffer.concat(chunks).length, sha256: sha256(Buffer.concat(chunks)) });
  });

  it('gives every file its own key, whatever its content', async () => {
    const a = await store.put(Buffer.from('sama'));
    const b = await store.put(Buffer.from('sama'));
    expect(a.key).not.toBe(b.key);
    expect(a.sha256).toBe(b.sha256);
  });

  it('leaves nothing, neither under a key nor half-written, when the source fails mid-way', async () => {
    async function* failing() {
      yield Buffer.from('awal berkas');
      throw new Error('connection reset');
    }
    await expect(store.put(failing())).rejects.toThrow('connection reset');
    expect(await filesIn(root)).toEqual([]);
  });

  it('deletes a file, and deleting it again is not an error', async () => {
    const stored = await store.put(Buffer.from('x'));
    await store.delete(stored.key);
    await store.delete(stored.key);
    expect(await filesIn(root)).toEqual([]);
  });

  it('refuses to read a key that holds nothing, before streaming', async () => {
    await expect(store.read('2026/01/00000000-0000-4000-8000-000000000000')).rejects.toThrow(/ENOENT/);
  });

  it.each(['../outside', '2026/01/../../x', '/etc/passwd', '2026/01/not-a-uuid', ''])('refuses the malformed key %j', async (key) => {
    await expect(store.read(key)).rejects.toThrow('Not an attachment storage key');
    await expect(store.delete(key)).rejects.toThrow('Not an attachment storage key');
  });

  it('removes stale leftovers of crashed writes when prepared, and leaves recent ones to their writer', async () => {
    const incoming = path.join(root, '.incoming');
    await writeFile(path.join(incoming, 'stale.part'), 'x');
    await writeFile(path.join(incoming, 'recent.part'), 'y');
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 60 * 60 * 1000);
    await utimes(path.join(incoming, 'stale.part'), twoDaysAgo, twoDaysAgo);
    await store.prepare();
    expect(await filesIn(root)).toEqual([path.join('.incoming', 'recent.part')]);
  });

  it('creates its root when missing', async () => {
    const nested = new FileSystemAttachmentStore(path.join(root, 'a', 'b'));
    await nested.prepare();
    expect((await stat(path.join(root, 'a', 'b', '.incoming'))).isDirectory()).toBe(true);
  });
});
