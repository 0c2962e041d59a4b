// The Indonesian words and number formats that both exports of a mapping print, so the
// workbook and the PDF say the same thing the same way.
import { regionTimeZone } from '../../../../domain/region-time-zone';
import type { MappingMatrix, MappingRow } from '../services/mapping-matrix';

export const MAPPING_TITLE = 'Pemetaan Kerja Sama Daerah';

const rupiahDigits = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });

/** `Rp 1.234.567`: exact for any bigint, since Intl formats bigints digit by digit. */
export function formatRupiah(amount: bigint): string {
  return `Rp ${rupiahDigits.format(amount)}`;
}

/** `28 November 2026`, in the region's own time zone. */
export function formatIndonesianDate(instant: Date, regionCode: string): string {
  return new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeZone: regionTimeZone(regionCode).iana }).format(instant);
}

/** `28 November 2026 pukul 10.13 WIB`, in the region's own time zone. */
export function formatIndonesianDateTime(instant: Date, regionCode: string): string {
  const zone = regionTimeZone(regionCode);
  const formatted = new Intl.DateTimeFormat('id-ID', { dateStyle: 'long', timeStyle: 'short', timeZone: zone.iana }).format(instant);
  return `${formatted} ${zone.abbreviation}`;
}

export const yesNo = (value: boolean) => (value ? 'Ya' : 'Tidak');

/** `pemetaan-ksd-32.71-2027.xlsx`: the region code is digits and dots only, safe in a header. */
export function mappingFileName(regionCode: string, budgetYear: number, extension: 'xlsx' | 'pdf'): string {
  return `pemetaan-ksd-${regionCode}-${budgetYear}.${extension}`;
}

export function regionLine(matrix: MappingMatrix): string {
  return `${matrix.region.name} (kode wilayah ${matrix.region.code})`;
}

/** Says which plans the document holds, since a reader cannot tell from the rows alone. */
export function scopeNote(matrix: MappingMatrix): string {
  return matrix.includeRejected
    ? 'Memuat semua rencana; rencana yang ditolak dicantumkan di bagian akhir dan tidak dihitung dalam jumlah.'
    : 'Memuat semua rencana kecuali yang ditolak.';
}

/** What a reader needs to know about a row beyond its cells, most of all why a cost is empty. */
export function rowRemark(row: MappingRow): string {
  if (!row.countedInTotals) return 'Ditolak: tidak dihitung dalam jumlah.';
  if (row.objectNumber === null) return 'Belum ada objek kerja sama.';
  if (row.continuesPlan) return `Objek ke-${row.objectNumber} dari ${row.objectCount}; biaya rencana ini tercantum pada objek ke-1.`;
  if (row.objectCount > 1) return `Objek ke-1 dari ${row.objectCount}; biaya untuk seluruh rencana.`;
  return '';
}

/** The affair as printed: `2.11 Lingkungan Hidup`, the code alone when its name is unknown. */
export function affairLabel(row: MappingRow): string {
  if (row.affairCode === null) return '';
  return row.affairName ? `${row.affairCode} ${row.affairName}` : row.affairCode;
}
