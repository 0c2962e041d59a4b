// Where the bytes of attachments live. A database row names a key; the store keeps the
// bytes under it. Files on disk now; an S3-like object store can implement the same
// contract later without its callers changing.
import { createHash, randomUUID } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, open, readdir, rename, rm, stat, writeFile, type FileHandle } from 'node:fs/promises';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredObject {
  key: string;
  sizeBytes: number;
  /** Lower-case hex. */
  sha256: string;
}

/** What an attachment store does. Also the token Nest injects one by. */
export abstract class AttachmentStore {
  /** Keeps the bytes under a new key. The key exists only once every byte is written. */
  abstract put(content: Uint8Array | AsyncIterable<Uint8Array>): Promise<StoredObject>;
  /** The bytes under a key. Rejects, before any byte is read, when the key holds nothing. */
  abstract read(key: string): Promise<Readable>;
  /** Removes the bytes under a key; a key that holds nothing is not an error. */
  abstract delete(key: string): Promise<void>;
}

const KEY_PATTERN = /^\d{4}\/\d{2}\/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
// Inside the root, so the final rename stays on one file system and is atomic.
const INCOMING_DIR = '.incoming';
// Older than this, a file in INCOMING_DIR is left over from a crash, not being written
// by another API process sharing the directory.
const STALE_INCOMING_MS = 24 * 60 * 60 * 1000;
const FILE_MODE = 0o640;

/** `<yyyy>/<mm>/<uuid>`: months keep directories small; the uuid never repeats a user's name. */
function newKey(now: Date): string {
  const year = String(now.getUTCFullYear());
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${year}/${month}/${randomUUID()}`;
}

async function* measured(content: Uint8Array | AsyncIterable<Uint8Array>, onChunk: (chunk: Uint8Array) => void): AsyncGenerator<Uint8Array> {
  const chunks = content instanceof Uint8Array ? [content] : content;
  for await (const chunk of chunks) {
    onChunk(chunk);
    yield chunk;
  }
}

/** Makes a rename durable: on Linux the new name is only safe once its directory is synced. */
async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, 'r');
    await handle.sync();
  } catch {
    // Some platforms (Windows) cannot sync a directory; the rename itself has happened.
  } finally {
    await handle?.close();
  }
}

export class FileSystemAttachmentStore extends AttachmentStore {
  private readonly incoming: string;

  constructor(private readonly root: string) {
    super();
    this.incoming = path.join(root, INCOMING_DIR);
  }

  /**
   * Creates the store's directories, so an unwritable ATTACHMENTS_DIR stops the process
   * at start rather than failing the first upload, and removes what crashed writes left.
   */
  async prepare(now = Date.now()): Promise<void> {
    await mkdir(this.incoming, { recursive: true });
    await access(this.incoming, constants.W_OK);
    for (const name of await readdir(this.incoming)) {
      const file = path.join(this.incoming, name);
      const info = await stat(file).catch(() => undefined);
      if (info?.isFile() && now - info.mtimeMs > STALE_INCOMING_MS) await rm(file, { force: true });
    }
  }

  async put(content: Uint8Array | AsyncIterable<Uint8Array>): Promise<StoredObject> {
    const key = newKey(new Date());
    const finalPath = this.pathOf(key);
    const tempPath = path.join(this.incoming, `${randomUUID()}.part`);
    const hash = createHash('sha256');
    let sizeBytes = 0;
    let handle: FileHandle | undefined;
    try {
      handle = await open(tempPath, 'wx', FILE_MODE);
      await writeFile(
        handle,
        measured(content, (chunk) => {
          hash.update(chunk);
          sizeBytes += chunk.byteLength;
        }),
      );
      // On disk before the final name points at them: a crash leaves a whole file or none.
      await handle.sync();
      await handle.close();
      handle = undefined;
      await mkdir(path.dirname(finalPath), { recursive: true });
      await rename(tempPath, finalPath);
    } catch (error) {
      await handle?.close().catch(() => undefined);
      await rm(tempPath, { force: true });
      throw error;
    }
    await syncDirectory(path.dirname(finalPath));
    return { key, sizeBytes, sha256: hash.digest('hex') };
  }

  async read(key: string): Promise<Readable> {
    // Opened here, so a missing file fails the request before a header is sent.
    const handle = await open(this.pathOf(key), 'r');
    return handle.createReadStream();
  }

  async delete(key: string): Promise<void> {
    await rm(this.pathOf(key), { force: true });
  }

  /** Keys come from our own rows, but a malformed one must never reach outside the root. */
  private pathOf(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error(`Not an attachment storage key: ${JSON.stringify(key)}`);
    return path.join(this.root, ...key.split('/'));
  }
}
