// The name an uploaded file is shown and downloaded under. It is only ever displayed
// and sent back in a header, never used as a path: the store names files itself.

/** Most file systems allow 255 bytes for a name; a longer one could not be saved back. */
export const FILE_NAME_MAX_BYTES = 255;

const FALLBACK_NAME = 'berkas';
// An extension longer than this is more likely part of the name than a file type.
const EXTENSION_MAX_CHARS = 16;

// Control characters (C0, DEL, C1), invisible format characters (among them the
// bidirectional overrides that make `gpj.exe` display as `exe.jpg`) and line separators.
const UNSAFE_CHARACTERS = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

function cutToBytes(value: string, maxBytes: number): string {
  let kept = '';
  let used = 0;
  // By code point, so a character is never split in half.
  for (const character of value) {
    const size = Buffer.byteLength(character);
    if (used + size > maxBytes) break;
    kept += character;
    used += size;
  }
  return kept;
}

function truncateKeepingExtension(name: string): string {
  if (Buffer.byteLength(name) <= FILE_NAME_MAX_BYTES) return name;
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 && name.length - dot <= EXTENSION_MAX_CHARS ? name.slice(dot) : '';
  const stem = name.slice(0, name.length - extension.length);
  return cutToBytes(stem, FILE_NAME_MAX_BYTES - Buffer.byteLength(extension)).trimEnd() + extension;
}

/**
 * The last path segment of what the client sent (old browsers send `C:\fakepath\x.pdf`),
 * without control or invisible characters, at most 255 UTF-8 bytes, the extension kept.
 */
export function sanitiseFileName(raw: string): string {
  const lastSegment = raw.split(/[\\/]/).pop() ?? '';
  const cleaned = lastSegment.normalize('NFC').replace(UNSAFE_CHARACTERS, '').trim();
  if (cleaned === '' || cleaned === '.' || cleaned === '..') return FALLBACK_NAME;
  return truncateKeepingExtension(cleaned);
}

// RFC 8187 attr-char allows fewer characters than encodeURIComponent leaves alone.
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/**
 * `attachment; filename="<ASCII fallback>"; filename*=UTF-8''<the real name>`: current
 * browsers take the second, old clients the first (RFC 6266).
 */
export function attachmentContentDisposition(fileName: string): string {
  const asciiFallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  return `attachment; filename="${asciiFallback}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}
