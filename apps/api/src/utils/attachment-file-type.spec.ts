import { checkFileType } from './attachment-file-type';

const bytes = (...values: number[]) => Uint8Array.from([...values, 0x00, 0x01, 0x02, 0x03]);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37); // %PDF-1.7
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);
const JPEG = bytes(0xff, 0xd8, 0xff, 0xe0);
const ZIP = bytes(0x50, 0x4b, 0x03, 0x04);
const OLE = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1);

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ODT = 'application/vnd.oasis.opendocument.text';
const ODS = 'application/vnd.oasis.opendocument.spreadsheet';

describe('checkFileType', () => {
  it.each([
    ['kajian.pdf', 'application/pdf', PDF, 'application/pdf'],
    ['kajian.PDF', 'Application/PDF; charset=binary', PDF, 'application/pdf'],
    ['kajian.pdf', 'application/x-pdf', PDF, 'application/pdf'],
    ['surat.doc', 'application/msword', OLE, 'application/msword'],
    ['surat.docx', DOCX, ZIP, DOCX],
    ['anggaran.xls', 'application/vnd.ms-excel', OLE, 'application/vnd.ms-excel'],
    ['anggaran.xlsx', XLSX, ZIP, XLSX],
    ['kak.odt', ODT, ZIP, ODT],
    ['rab.ods', ODS, ZIP, ODS],
    ['peta.png', 'image/png', PNG, 'image/png'],
    ['foto.jpg', 'image/jpeg', JPEG, 'image/jpeg'],
    ['foto.jpeg', 'image/pjpeg', JPEG, 'image/jpeg'],
    ['laporan.final.v2.pdf', 'application/pdf', PDF, 'application/pdf'],
  ])('accepts %s declared as %s, stored as its canonical type', (name, declared, content, contentType) => {
    expect(checkFileType(name, declared, content)).toEqual({ ok: true, extension: expect.any(String), contentType });
  });

  it.each([
    ['an extension not on the list', 'program.exe', 'application/pdf', PDF],
    ['an archive', 'berkas.zip', 'application/zip', ZIP],
    ['no extension', 'kajian', 'application/pdf', PDF],
    ['only a dot-name', '.pdf', 'application/pdf', PDF],
    ['a declared type that does not fit the extension', 'kajian.pdf', 'image/png', PDF],
    ['no declared type', 'kajian.pdf', '', PDF],
    ['an inherited property name as extension', 'x.constructor', 'application/pdf', PDF],
  ])('refuses %s as TYPE_NOT_ALLOWED', (_, name, declared, content) => {
    expect(checkFileType(name, declared, content)).toEqual({ ok: false, reason: 'TYPE_NOT_ALLOWED' });
  });

  it('accepts a generic declared type when the extension and the bytes agree, and refuses it when they do not', () => {
    expect(checkFileType('kajian.pdf', 'application/octet-stream', PDF)).toEqual({ ok: true, extension: 'pdf', contentType: 'application/pdf' });
    expect(checkFileType('kajian.pdf', 'application/octet-stream', PNG)).toEqual({ ok: false, reason: 'CONTENT_MISMATCH' });
    expect(checkFileType('kajian.exe', 'application/octet-stream', PDF)).toEqual({ ok: false, reason: 'TYPE_NOT_ALLOWED' });
  });

  it.each([
    ['PNG bytes named .pdf', 'kajian.pdf', 'application/pdf', PNG],
    ['PDF bytes named .png', 'peta.png', 'image/png', PDF],
    ['a ZIP named .doc', 'surat.doc', 'application/msword', ZIP],
    ['an OLE file named .docx', 'surat.docx', DOCX, OLE],
    ['text named .pdf', 'kajian.pdf', 'application/pdf', new TextEncoder().encode('hello, world')],
    ['a PDF signature not at the start', 'kajian.pdf', 'application/pdf', Uint8Array.from([0x20, ...PDF])],
    ['a truncated signature', 'peta.png', 'image/png', PNG.slice(0, 4)],
    ['no bytes at all', 'kajian.pdf', 'application/pdf', new Uint8Array()],
  ])('refuses %s as CONTENT_MISMATCH', (_, name, declared, content) => {
    expect(checkFileType(name, declared, content)).toEqual({ ok: false, reason: 'CONTENT_MISMATCH' });
  });
});
