// Which files may be attached. The name's extension, the content type the client
// declares and the first bytes of the content must all agree: the name and the type
// are only claims, the bytes are what a reviewer's program will open.

type Signature = 'PDF' | 'PNG' | 'JPEG' | 'ZIP' | 'OLE';

interface AllowedType {
  /** Stored and served: the client's spelling of the type is not kept. */
  contentType: string;
  /** Other spellings clients send for the same type. */
  declaredAlso?: readonly string[];
  signature: Signature;
}

const PDF: AllowedType = { contentType: 'application/pdf', declaredAlso: ['application/x-pdf'], signature: 'PDF' };
const JPEG: AllowedType = { contentType: 'image/jpeg', declaredAlso: ['image/jpg', 'image/pjpeg'], signature: 'JPEG' };

const BY_EXTENSION: Readonly<Record<string, AllowedType>> = {
  pdf: PDF,
  doc: { contentType: 'application/msword', signature: 'OLE' },
  docx: { contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', signature: 'ZIP' },
  xls: { contentType: 'application/vnd.ms-excel', signature: 'OLE' },
  xlsx: { contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', signature: 'ZIP' },
  odt: { contentType: 'application/vnd.oasis.opendocument.text', signature: 'ZIP' },
  ods: { contentType: 'application/vnd.oasis.opendocument.spreadsheet', signature: 'ZIP' },
  png: { contentType: 'image/png', signature: 'PNG' },
  jpg: JPEG,
  jpeg: JPEG,
};

export const ALLOWED_EXTENSIONS: readonly string[] = Object.keys(BY_EXTENSION);

// OOXML and ODF files are ZIP containers; legacy .doc and .xls are OLE compound files.
const SIGNATURES: Readonly<Record<Signature, readonly number[]>> = {
  PDF: [0x25, 0x50, 0x44, 0x46, 0x2d], // %PDF-
  PNG: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a],
  JPEG: [0xff, 0xd8, 0xff],
  ZIP: [0x50, 0x4b, 0x03, 0x04], // PK\x03\x04
  OLE: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1],
};

export type FileTypeCheck = { ok: true; extension: string; contentType: string } | { ok: false; reason: 'TYPE_NOT_ALLOWED' | 'CONTENT_MISMATCH' };

function extensionOf(fileName: string): string {
  const dot = fileName.lastIndexOf('.');
  return dot > 0 ? fileName.slice(dot + 1).toLowerCase() : '';
}

/** `Application/PDF; charset=binary` → `application/pdf`. */
function essence(contentType: string): string {
  return contentType.split(';', 1)[0].trim().toLowerCase();
}

function startsWith(content: Uint8Array, signature: readonly number[]): boolean {
  return content.length >= signature.length && signature.every((byte, i) => content[i] === byte);
}

export function checkFileType(fileName: string, declaredContentType: string, content: Uint8Array): FileTypeCheck {
  const extension = extensionOf(fileName);
  const allowed = Object.hasOwn(BY_EXTENSION, extension) ? BY_EXTENSION[extension] : undefined;
  const declared = essence(declaredContentType);
  // Some browsers send office documents as a generic octet stream: the extension and
  // the bytes then decide.
  const generic = declared === 'application/octet-stream';
  if (!allowed || (!generic && declared !== allowed.contentType && !allowed.declaredAlso?.includes(declared))) {
    return { ok: false, reason: 'TYPE_NOT_ALLOWED' };
  }
  if (!startsWith(content, SIGNATURES[allowed.signature])) return { ok: false, reason: 'CONTENT_MISMATCH' };
  return { ok: true, extension, contentType: allowed.contentType };
}
