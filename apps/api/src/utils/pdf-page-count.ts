// A PDF's page count, read cheaply: the page objects (`/Type /Page`, not `/Pages`) in its
// bytes. A PDF that keeps its objects in compressed object streams shows none: then the
// count is unknown (null), never a guess.
const PAGE_OBJECT = /\/Type\s*\/Page(?![A-Za-z])/g;

export function pdfPageCount(content: Uint8Array): number | null {
  const count = Buffer.from(content).toString('latin1').match(PAGE_OBJECT)?.length ?? 0;
  return count > 0 ? count : null;
}
