// Request and response shapes of reporting upward (issue 18): mapping reports, their
// revisions, the reporting deadline and the national/provincial summary.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsDefined, IsInt, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { REGION_CODE_PATTERN } from '../../../../domain/plan-content';
import { REPORTING_DEADLINE_SOURCE, SUMMARY_STATUSES } from '../../../../domain/mapping-report';
import { BilingualTextDto } from './error.dto';
import { BUDGET_YEAR_MAX, BUDGET_YEAR_MIN } from './mapping.dto';

const digitsToNumber = ({ value }: { value: unknown }) => (typeof value === 'string' && /^\d{1,6}$/.test(value) ? Number(value) : value);
const COUNTS = { type: 'object', additionalProperties: { type: 'integer' } } as const;
const REPORT_STATUSES = ['DRAFTING', 'SIGNED', 'SUBMITTED', 'RETURNED', 'ACCEPTED'];

export class BudgetYearQueryDto {
  @ApiProperty({ example: 2027, minimum: BUDGET_YEAR_MIN, maximum: BUDGET_YEAR_MAX, description: 'Tahun anggaran' })
  @Max(BUDGET_YEAR_MAX)
  @Min(BUDGET_YEAR_MIN)
  @IsInt()
  @Transform(digitsToNumber)
  budgetYear!: number;
}

export class ReportParamsDto extends BudgetYearQueryDto {
  @ApiProperty({ example: '32.71', description: 'Kode wilayah Kemendagri: provinsi (32) atau kabupaten/kota (32.71)' })
  @Matches(REGION_CODE_PATTERN, { message: 'Must be a Kemendagri region code, e.g. 32 or 32.71.' })
  @IsString()
  regionCode!: string;
}

export class RevisionParamsDto extends ReportParamsDto {
  @ApiProperty({ example: 1, minimum: 1 })
  @Max(10_000)
  @Min(1)
  @IsInt()
  @Transform(digitsToNumber)
  revision!: number;
}

export class ReportStepDto {
  @ApiPropertyOptional({ description: 'Catatan (wajib saat mengembalikan laporan)', maxLength: 4000 })
  @IsOptional()
  @MaxLength(4000)
  @IsString()
  comment?: string;
}

export class SetReportingDeadlineDto {
  @ApiProperty({
    example: '2026-02-15',
    description: 'Batas penyampaian laporan kabupaten/kota (YYYY-MM-DD); provinsi menyusul sesuai PROVINCE_REPORTING_AFTER_DAYS',
  })
  @IsDefined()
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'Must be a date, YYYY-MM-DD.' })
  @IsString()
  date!: string;

  @ApiPropertyOptional({ maxLength: 500 })
  @IsOptional()
  @MaxLength(500)
  @IsString()
  @IsNotEmpty()
  note?: string;
}

export class ReportingDeadlineDto {
  @ApiProperty() budgetYear!: number;
  @ApiProperty({ description: 'Batas kabupaten/kota' }) REGENCY!: string;
  @ApiProperty({ description: 'Batas provinsi' }) PROVINCE!: string;
  @ApiProperty({ enum: ['KEEPER', 'SETTING'] }) origin!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ description: 'Sumber', example: REPORTING_DEADLINE_SOURCE.id }) sourceId!: string;
  @ApiProperty({ example: REPORTING_DEADLINE_SOURCE.en }) sourceEn!: string;
}

export class ReportStateDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() budgetYear!: number;
  @ApiProperty({ enum: REPORT_STATUSES, nullable: true, type: String }) status!: string | null;
  @ApiProperty() revision!: number;
  @ApiProperty() steps!: number;
  @ApiProperty({ type: String, nullable: true }) lastAction!: string | null;
}

export class ReportStepViewDto {
  @ApiProperty() sequence!: number;
  @ApiProperty({ enum: ['COMPILE', 'SIGN_OFF', 'SUBMIT', 'ACCEPT', 'RETURN'] }) action!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() actor!: string;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty() occurredAt!: Date;
}

export class ReportRevisionViewDto {
  @ApiProperty() revision!: number;
  @ApiProperty() compiledAt!: Date;
  @ApiProperty() compiledBy!: string;
  @ApiProperty() plans!: number;
  @ApiProperty({ type: [String], description: 'Rencana di balik angka revisi ini' }) planIds!: string[];
}

export class ReportNoticeRecipientDto {
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Perannya di wilayah itu (SEKDA, SECRETARIAT, HEAD_OF_REGION…)' }) role!: string | null;
  @ApiProperty({ description: 'Sudah dibaca' }) read!: boolean;
}

export class ReportNoticeDto {
  @ApiProperty({ example: 'OVERDUE-3', description: 'H-n, OVERDUE-n, atau ESCALATED (kepada Sekda)' }) kind!: string;
  @ApiProperty() sentAt!: Date;
  @ApiProperty({ type: [ReportNoticeRecipientDto], description: 'Siapa yang diberi tahu (dari notifikasi)' }) recipients!: ReportNoticeRecipientDto[];
}

export class ReportDeadlineSourceDto {
  @ApiProperty({ enum: ['KEEPER', 'SETTING'], description: 'Ditetapkan pengelola kalender untuk tahun itu, atau pengaturan bawaan' }) origin!: string;
  @ApiProperty({ type: String, nullable: true }) note!: string | null;
  @ApiProperty({ type: BilingualTextDto, description: 'Dasar tenggatnya' }) source!: BilingualTextDto;
}

export class DeadlineCheckDto {
  @ApiProperty() workflowId!: string;
  @ApiProperty() started!: boolean;
}

export class ReportViewDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ enum: ['PROVINCE', 'REGENCY'] }) level!: string;
  @ApiProperty() provinceCode!: string;
  @ApiProperty() budgetYear!: number;
  @ApiProperty({ enum: REPORT_STATUSES, nullable: true, type: String }) status!: string | null;
  @ApiProperty({ enum: SUMMARY_STATUSES, description: 'Status seperti di tampilan atas: terlambat bila lewat tenggat tanpa disampaikan' }) standing!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() dueDate!: string;
  @ApiProperty({ type: ReportDeadlineSourceDto }) deadline!: ReportDeadlineSourceDto;
  @ApiProperty({ enum: ['COMPILE', 'SIGN_OFF', 'SUBMIT', 'ACCEPT', 'RETURN'], isArray: true, description: 'Langkah yang boleh diambil pemanggil sekarang' })
  allowedActions!: string[];
  @ApiProperty({ type: String, nullable: true }) signedBy!: string | null;
  @ApiProperty({ type: Date, nullable: true }) submittedAt!: Date | null;
  @ApiProperty({ type: Date, nullable: true }) decidedAt!: Date | null;
  @ApiProperty({ type: String, nullable: true }) decidedBy!: string | null;
  @ApiProperty({ type: String, nullable: true }) comment!: string | null;
  @ApiProperty({ type: [ReportStepViewDto] }) steps!: ReportStepViewDto[];
  @ApiProperty({ type: [ReportRevisionViewDto] }) revisions!: ReportRevisionViewDto[];
  @ApiProperty({ type: [ReportNoticeDto] }) notices!: ReportNoticeDto[];
}

export class ReportPlanDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() proposingAgency!: string;
  @ApiProperty({ type: String, nullable: true }) cooperationType!: string | null;
  @ApiProperty() stage!: string;
  @ApiProperty({ type: [String] }) affairCodes!: string[];
  @ApiProperty() inRkpd!: boolean;
  @ApiProperty() inKuaPpas!: boolean;
}

export class ReportTotalsDto {
  @ApiProperty() plans!: number;
  @ApiProperty(COUNTS) byType!: Record<string, number>;
  @ApiProperty(COUNTS) byAffair!: Record<string, number>;
  @ApiProperty() reachedRkpd!: number;
  @ApiProperty() reachedKuaPpas!: number;
}

export class IncludedReportDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: ReportTotalsDto }) totals!: ReportTotalsDto;
}

export class ReportSnapshotDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() regionName!: string;
  @ApiProperty({ enum: ['PROVINCE', 'REGENCY'] }) level!: string;
  @ApiProperty() provinceCode!: string;
  @ApiProperty() budgetYear!: number;
  @ApiProperty() revision!: number;
  @ApiProperty() compiledAt!: string;
  @ApiProperty() compiledBy!: string;
  @ApiProperty({ type: [ReportPlanDto] }) plans!: ReportPlanDto[];
  @ApiProperty({ type: ReportTotalsDto }) totals!: ReportTotalsDto;
  @ApiPropertyOptional({ type: [IncludedReportDto] }) included?: IncludedReportDto[];
  @ApiPropertyOptional({ type: [String] }) missing?: string[];
}

export class ReviewInboxItemDto {
  @ApiProperty() regionCode!: string;
  @ApiProperty() budgetYear!: number;
  @ApiProperty() provinceCode!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ type: String, nullable: true }) dueDate!: string | null;
  @ApiProperty({ type: Date, nullable: true }) submittedAt!: Date | null;
}

export class StatusCountsDto {
  @ApiProperty() NOT_STARTED!: number;
  @ApiProperty() DRAFTING!: number;
  @ApiProperty() SUBMITTED!: number;
  @ApiProperty() RETURNED!: number;
  @ApiProperty() ACCEPTED!: number;
  @ApiProperty() LATE!: number;
}
const STATUS_COUNTS = { type: StatusCountsDto };

export class RegionSummaryDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ['PROVINCE', 'REGENCY'] }) level!: string;
  @ApiProperty() provinceCode!: string;
  @ApiProperty({ enum: SUMMARY_STATUSES }) status!: string;
  @ApiProperty({ type: Number, nullable: true }) revision!: number | null;
  @ApiProperty() dueDate!: string;
  @ApiProperty() plans!: number;
  @ApiProperty(COUNTS) byType!: Record<string, number>;
  @ApiProperty() reachedRkpd!: number;
  @ApiProperty() reachedKuaPpas!: number;
  @ApiProperty({ description: 'Rencana yang sudah berjalan (selesai) padahal laporan pemetaan wilayahnya belum disampaikan' }) withoutMapping!: number;
  @ApiProperty({ description: 'Pengingat tenggat yang sudah dikirim' }) reminders!: number;
  @ApiProperty({ description: 'Sekda sudah menerima eskalasi' }) escalated!: boolean;
}

export class ProvinceBarDto {
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() regions!: number;
  @ApiProperty(STATUS_COUNTS) byStatus!: Record<string, number>;
  @ApiProperty() plans!: number;
  @ApiProperty() reachedRkpd!: number;
  @ApiProperty() reachedKuaPpas!: number;
  @ApiProperty() withoutMapping!: number;
}

export class SummaryTotalsDto {
  @ApiProperty() regions!: number;
  @ApiProperty(STATUS_COUNTS) byStatus!: Record<string, number>;
  @ApiProperty() plans!: number;
  @ApiProperty() reachedRkpd!: number;
  @ApiProperty() reachedKuaPpas!: number;
  @ApiProperty() withoutMapping!: number;
}

export class SummaryDeadlinesDto {
  @ApiProperty() REGENCY!: string;
  @ApiProperty() PROVINCE!: string;
}

export class ReportingSummaryDto {
  @ApiProperty() budgetYear!: number;
  @ApiProperty({ description: 'Tanggal (WIB) yang menjadi acuan status terlambat' }) asOf!: string;
  @ApiProperty({ type: SummaryDeadlinesDto }) deadlines!: SummaryDeadlinesDto;
  @ApiProperty({ type: SummaryTotalsDto }) totals!: SummaryTotalsDto;
  @ApiProperty(COUNTS) byAffair!: Record<string, number>;
  @ApiProperty({ type: [ProvinceBarDto] }) provinces!: ProvinceBarDto[];
  @ApiProperty({ type: [RegionSummaryDto] }) regions!: RegionSummaryDto[];
}
