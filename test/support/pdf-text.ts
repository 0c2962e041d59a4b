// Reads a PDF's text back as a reader would copy it, page by page, with pdf-parse (pdf.js).
// In a separate Node process: pdf.js loads its worker with import(), which Jest's module
// sandbox refuses unless Node runs with --experimental-vm-modules.
import { spawn } from 'node:child_process';
import { REPO_ROOT } from './environment';

export interface PdfText {
  pageCount: number;
  pages: string[];
}

const SCRIPT = `
const { PDFParse } = require('pdf-parse');
const chunks = [];
process.stdin.on('data', (chunk) => chunks.push(chunk));
process.stdin.on('end', async () => {
  const parser = new PDFParse({ data: new Uint8Array(Buffer.concat(chunks)) });
  const result = await parser.getText();
  await parser.destroy();
  process.stdout.write(JSON.stringify({ pageCount: result.total, pages: result.pages.map((page) => page.text) }));
});
`;

export function readPdfText(pdf: Buffer): Promise<PdfText> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', SCRIPT], { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) return reject(new Error(`pdf-parse failed (${code}): ${Buffer.concat(err).toString()}`));
      resolve(JSON.parse(Buffer.concat(out).toString()) as PdfText);
    });
    child.stdin.end(pdf);
  });
}
