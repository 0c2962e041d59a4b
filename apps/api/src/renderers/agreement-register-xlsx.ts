// The register of cooperation agreements as an Excel workbook (the same library and header
// style as the mapping's export): one row per agreement, with its stage and legal basis.
import { Workbook } from 'exceljs';
import { AGREEMENT_STAGE_INFO, type AgreementStage } from '../../../../domain/agreement-stage';

export interface RegisterRow {
  id: string;
  title: string;
  owningAgency: string;
  regionCode: string;
  budgetYear: number;
  stage: AgreementStage;
  kbNumber: string | null;
  pksNumber: string | null;
  pksSignedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
}

export const REGISTER_COLUMNS: ReadonlyArray<{ header: string; width: number; value: (row: RegisterRow, index: number) => string | number | null }> = [
  { header: 'No.', width: 6, value: (_row, index) => index + 1 },
  { header: 'Judul Kerja Sama', width: 44, value: (row) => row.title },
  { header: 'Perangkat Daerah', width: 28, value: (row) => row.owningAgency },
  { header: 'Kode Wilayah', width: 12, value: (row) => row.regionCode },
  { header: 'Tahun Anggaran Rencana', width: 12, value: (row) => row.budgetYear },
  { header: 'Tahap', width: 32, value: (row) => AGREEMENT_STAGE_INFO[row.stage].label.id },
  { header: 'Nomor KB', width: 22, value: (row) => row.kbNumber },
  { header: 'Nomor PKS', width: 22, value: (row) => row.pksNumber },
  { header: 'Tanggal Tanda Tangan PKS', width: 14, value: (row) => row.pksSignedOn },
  { header: 'Mulai Berlaku', width: 14, value: (row) => row.startsOn },
  { header: 'Berakhir', width: 14, value: (row) => row.endsOn },
  { header: 'Dasar Hukum Tahap', width: 60, value: (row) => AGREEMENT_STAGE_INFO[row.stage].basis.id },
  { header: 'ID Perjanjian', width: 38, value: (row) => row.id },
];

export async function renderAgreementRegisterXlsx(rows: readonly RegisterRow[], title: string): Promise<Buffer> {
  const workbook = new Workbook();
  const sheet = workbook.addWorksheet('Register');
  sheet.addRow([title]).font = { bold: true, size: 13 };
  sheet.addRow([]);
  const header = sheet.addRow(REGISTER_COLUMNS.map((column) => column.header));
  header.font = { bold: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDE6F0' } };
    cell.alignment = { wrapText: true, vertical: 'middle' };
  });
  REGISTER_COLUMNS.forEach((column, index) => (sheet.getColumn(index + 1).width = column.width));
  rows.forEach((row, index) => sheet.addRow(REGISTER_COLUMNS.map((column) => column.value(row, index))));
  sheet.autoFilter = { from: { row: 3, column: 1 }, to: { row: 3, column: REGISTER_COLUMNS.length } };
  sheet.views = [{ state: 'frozen', ySplit: 3 }];
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
