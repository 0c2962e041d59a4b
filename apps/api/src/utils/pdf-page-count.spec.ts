import { pdfPageCount } from './pdf-page-count';

describe('a PDF’s page count', () => {
  it('counts page objects, not the page tree, and says unknown rather than guess', () => {
    const pdf = '%PDF-1.4\n1 0 obj << /Type /Pages /Count 2 >> endobj\n2 0 obj << /Type /Page >> endobj\n3 0 obj <</Type/Page/Parent 1 0 R>> endobj\n';
    expect(pdfPageCount(Buffer.from(pdf))).toBe(2);
    expect(pdfPageCount(Buffer.from('%PDF-1.7\n<< /Type /ObjStm >>'))).toBeNull();
  });
});
