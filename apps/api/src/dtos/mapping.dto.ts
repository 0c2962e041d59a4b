// Request and response shapes of a region's mapping (the matrix it reports upward).
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, Matches, Max, Min } from 'class-validator';
import { COOPERATION_TYPE_CODES } from '../../../../domain/cooperation-type';
import { REGION_CODE_PATTERN } from '../../../../domain/plan-content';
import { PLAN_STAGES } from '../../../../domain/plan-stage';
import type { MappingMatrix, MappingTotal } from '../services/mapping-matrix';

export const BUDGET_YEAR_MIN = 2000;
export const BUDGET_YEAR_MAX = 2100;

// The lowest decorator is checked first (stopAtFirstError): a wrong type reads as such,
// not as a wrong format. Path and query values arrive as text and are converted only
// when they are plain digits or a plain boolean, so `0x7EB` or `1e3` is refused, not read as a year.
const digitsToNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);
const textToBoolean = ({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value);

export class MappingParamsDto {
  @ApiProperty({ example: '32.71', description: 'Kode wilayah Kemendagri: provinsi (32) atau kabupaten/kota (32.71)' })
  @Matches(REGION_CODE_PATTERN, { message: 'Must be a Kemendagri region code, e.g. 32 or 32.71.' })
  @IsString()
  regionCode!: string;

  @ApiProperty({ example: 2027, minimum: BUDGET_YEAR_MIN, maximum: BUDGET_YEAR_MAX, description: 'Tahun anggaran' })
  @Max(BUDGET_YEAR_MAX)
  @Min(BUDGET_YEAR_MIN)
  @IsInt()
  @Transform(digitsToNumber)
  budgetYear!: number;
}

export class MappingQueryDto {
  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      'Cantumkan juga rencana yang ditolak (di bagian akhir, tidak dihitung dalam jumlah). ' +
      'Bawaan: tidak, karena yang dilaporkan ke atas adalah rencana yang masih berjalan atau selesai.',
  })
  @IsOptional()
  @IsBoolean()
  @Transform(textToBoolean)
  includeRejected?: boolean;
}

export class MappingRegionDto {
  @ApiProperty({ example: '32.71' }) code!: string;
  @ApiProperty({ example: 'Kota Bogor' }) name!: string;
  @ApiProperty({ enum: ['PROVINCE', 'REGENCY'] }) level!: string;
}

export class MappingRowDto {
  @ApiProperty({ example: 1, description: 'Nomor rencana dalam pemetaan; baris-baris satu rencana bernomor sama' }) planNumber!: number;
  @ApiProperty({ format: 'uuid' }) planId!: string;
  @ApiProperty() title!: string;
  @ApiProperty() proposingAgency!: string;
  @ApiProperty({ type: Number, nullable: true, description: 'Urutan objek dalam rencana (mulai 1); null bila rencana belum punya objek' })
  objectNumber!: number | null;
  @ApiProperty({ description: 'Jumlah objek rencana ini' }) objectCount!: number;
  @ApiProperty({ type: String, nullable: true, example: '2.11' }) affairCode!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Lingkungan Hidup', description: 'Menurut versi nomenklatur objek' })
  affairName!: string | null;
  @ApiProperty({ type: String, enum: COOPERATION_TYPE_CODES, nullable: true }) cooperationType!: string | null;
  @ApiProperty({ type: String, nullable: true, example: 'Kerja sama daerah dengan daerah lain (wajib)' }) cooperationTypeName!: string | null;
  @ApiProperty({ example: 'Pemerintah Kabupaten Bogor', description: 'Nama mitra, dipisah "; "' }) partners!: string;
  @ApiProperty({ enum: PLAN_STAGES }) stage!: string;
  @ApiProperty({ example: 'Verifikasi sekretariat kerja sama' }) stageName!: string;
  @ApiProperty({
    type: Number,
    nullable: true,
    description: 'Perkiraan biaya rencana (rupiah) pada baris pertamanya saja; null pada baris objek berikutnya agar tidak terhitung dua kali',
  })
  estimatedCost!: number | null;
  @ApiProperty({ description: 'Baris objek berikutnya dari rencana di atasnya (biayanya ada di baris pertama rencana)' }) continuesPlan!: boolean;
  @ApiProperty({ description: 'False untuk rencana ditolak yang dicantumkan atas permintaan: tidak dijumlahkan' }) countedInTotals!: boolean;
  @ApiProperty() requiresDprdApproval!: boolean;
}

export class MappingTotalDto {
  @ApiProperty() planCount!: number;
  @ApiProperty({ description: 'Rupiah' }) estimatedCost!: number;
}

export class MappingTypeTotalDto extends MappingTotalDto {
  @ApiProperty({ type: String, enum: COOPERATION_TYPE_CODES, nullable: true, description: 'null: jenis belum diisi' }) cooperationType!: string | null;
  @ApiProperty() name!: string;
}

export class MappingStageTotalDto extends MappingTotalDto {
  @ApiProperty({ enum: PLAN_STAGES }) stage!: string;
  @ApiProperty() name!: string;
}

export class MappingAgencyTotalDto extends MappingTotalDto {
  @ApiProperty() proposingAgency!: string;
}

export class MappingGrandTotalDto extends MappingTotalDto {
  @ApiProperty({ description: 'Jumlah objek kerja sama dari rencana yang dihitung' }) objectCount!: number;
}

export class MappingSummaryDto {
  @ApiProperty({ type: [MappingTypeTotalDto], description: 'Semua jenis kerja sama, termasuk yang nol' }) byCooperationType!: MappingTypeTotalDto[];
  @ApiProperty({ type: [MappingStageTotalDto], description: 'Semua tahap selain Ditolak, termasuk yang nol' }) byStage!: MappingStageTotalDto[];
  @ApiProperty({ type: [MappingAgencyTotalDto] }) byAgency!: MappingAgencyTotalDto[];
  @ApiProperty({ type: MappingGrandTotalDto }) grandTotal!: MappingGrandTotalDto;
  @ApiProperty({ type: MappingTotalDto, description: 'Rencana ditolak: tidak pernah dihitung, dicantumkan atau tidak' }) rejected!: MappingTotalDto;
}

export class MappingResponseDto {
  @ApiProperty({ type: MappingRegionDto }) region!: MappingRegionDto;
  @ApiProperty({ example: 'Gubernur Jawa Barat', description: 'Penerima laporan: gubernur untuk kabupaten/kota, Kemendagri untuk provinsi' })
  reportedTo!: string;
  @ApiProperty({ example: 2027 }) budgetYear!: number;
  @ApiProperty({ format: 'date-time' }) generatedAt!: string;
  @ApiProperty() includeRejected!: boolean;
  @ApiProperty({ type: [MappingRowDto] }) rows!: MappingRowDto[];
  @ApiProperty({ type: MappingSummaryDto }) summary!: MappingSummaryDto;
}

// JSON numbers, like every other rupiah amount of the API: exact below 2^53 rupiah (about
// 9 quadrillion), far above any regional budget. The exports print the exact bigint.
const rupiah = (amount: bigint) => Number(amount);
const total = <T extends MappingTotal>(value: T) => ({ ...value, estimatedCost: rupiah(value.estimatedCost) });

export function toMappingResponse(matrix: MappingMatrix): MappingResponseDto {
  return {
    region: { ...matrix.region },
    reportedTo: matrix.reportedTo,
    budgetYear: matrix.budgetYear,
    generatedAt: matrix.generatedAt.toISOString(),
    includeRejected: matrix.includeRejected,
    rows: matrix.rows.map((row) => ({ ...row, estimatedCost: row.estimatedCost === null ? null : rupiah(row.estimatedCost) })),
    summary: {
      byCooperationType: matrix.summary.byCooperationType.map(total),
      byStage: matrix.summary.byStage.map(total),
      byAgency: matrix.summary.byAgency.map(total),
      grandTotal: total(matrix.summary.grandTotal),
      rejected: total(matrix.summary.rejected),
    },
  };
}
