// The agreement's documents as the tests send them: small PDFs (with as many page objects as
// asked) as draft versions and signed copies, through the same multipart part `file`.
import type { TestStack } from './test-stack';

/** A small PDF: the header the type check reads, `pages` page objects, and some bytes to tell versions apart. */
export function pdfOf(pages: number, note = ''): Buffer {
  const objects = Array.from({ length: pages }, (_, i) => `${i + 3} 0 obj << /Type /Page /Parent 2 0 R >> endobj`).join('\n');
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Count ${pages} >> endobj\n${objects}\n% ${note}\n%%EOF\n`,
  );
}

export interface SigningFields {
  number: string;
  signedOn: string;
  signatories: string[];
}

/** The signed copy of the KB or PKS, uploaded with its particulars (by the secretariat unless told). */
export function uploadSignedCopy(
  stack: TestStack,
  user: string,
  agreementId: string,
  document: 'KB' | 'PKS',
  signing: SigningFields,
  file = pdfOf(3, signing.number),
) {
  return stack
    .as(user)
    .post(`/agreements/${agreementId}/documents/${document}/signed-copy`)
    .field('number', signing.number)
    .field('signedOn', signing.signedOn)
    .field('signatories', signing.signatories.join('\n'))
    .attach('file', file, { filename: `${document}-ditandatangani.pdf`, contentType: 'application/pdf' });
}

export function uploadDraftVersion(stack: TestStack, user: string, agreementId: string, document: 'KB' | 'PKS', summary: string, file = pdfOf(2, summary)) {
  return stack
    .as(user)
    .post(`/agreements/${agreementId}/documents/${document}/versions`)
    .field('summary', summary)
    .attach('file', file, { filename: `${document}-draf.pdf`, contentType: 'application/pdf' });
}
