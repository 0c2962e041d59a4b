import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDefined,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { AGREEMENT_STAGES, AGREEMENT_STAGE_INFO, EVALUATION_OUTCOMES, type AgreementStage, type EvaluationOutcome } from '../../../../domain/agreement-stage';
import type { BilingualText } from '../../../../domain/message';
import { AGREEMENT_DUE_SOURCE } from '../../../../domain/agreement-deadline';
import { REPORT_REVIEW_OUTCOMES, type BudgetRealisation, type ReportReviewOutcome } from '../../../../domain/monev-report';
import { StepOutcome } from '../../../../workflows/cooperation-agreement/definitions';
import type { AgreementRecord } from '../services/agreement.service';
import { CursorPageFieldsDto, CursorPageQueryDto } from './page-query.dto';

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const STEP_OUTCOMES = Object.values(StepOutcome);
const STATUS_FILTERS = ['active', 'expiring', 'expired', 'ended'] as const;

export class PowerOfAttorneyDto {
  @ApiProperty({ description: 'Nomor surat kuasa' }) @IsString() @IsNotEmpty() @MaxLength(200) number!: string;
  @ApiProperty({ example: '2027-01-05' }) @Matches(ISO_DATE) grantedOn!: string;
  @ApiProperty({ description: 'Pejabat penerima kuasa' }) @IsString() @IsNotEmpty() @MaxLength(200) grantee!: string;
}

export class SigningDto {
  @ApiProperty({ description: 'Nomor naskah (unik per daerah)', example: '180/12/KS/2027' }) @IsString() @IsNotEmpty() @MaxLength(200) number!: string;
  @ApiProperty({ example: '2027-01-10' }) @Matches(ISO_DATE) signedOn!: string;
  @ApiProperty({ type: [String] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(200, { each: true })
  signatories!: string[];

  @ApiPropertyOptional({ type: PowerOfAttorneyDto, description: 'Bila ditandatangani pejabat atas kuasa kepala daerah' })
  @IsOptional()
  @ValidateNested()
  @Type(() => PowerOfAttorneyDto)
  powerOfAttorney?: PowerOfAttorneyDto;
}

export class TermDto {
  @ApiProperty({ example: '2027-02-01' }) @Matches(ISO_DATE) startsOn!: string;
  @ApiProperty({ example: '2032-01-31' }) @Matches(ISO_DATE) endsOn!: string;
}

export class StepDecisionDto {
  @ApiProperty({ enum: AGREEMENT_STAGES, description: 'Tahap yang diputus (halaman usang ditolak)' })
  @IsDefined()
  @IsIn(AGREEMENT_STAGES)
  stage!: AgreementStage;
  @ApiProperty({ enum: STEP_OUTCOMES }) @IsDefined() @IsIn(STEP_OUTCOMES) outcome!: StepOutcome;
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
  @ApiPropertyOptional({ type: SigningDto }) @IsOptional() @ValidateNested() @Type(() => SigningDto) signing?: SigningDto;
  @ApiPropertyOptional({ type: TermDto }) @IsOptional() @ValidateNested() @Type(() => TermDto) term?: TermDto;
  @ApiPropertyOptional({ enum: EVALUATION_OUTCOMES }) @IsOptional() @IsIn(EVALUATION_OUTCOMES) evaluation?: EvaluationOutcome;
}

export class TerminateAgreementDto {
  @ApiProperty({ description: 'Alasan pengakhiran sebelum waktunya' }) @IsString() @IsNotEmpty() @MaxLength(4000) reason!: string;
}

export class RequestEvaluationDto {
  @ApiPropertyOptional() @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class BudgetRealisationInputDto {
  @ApiProperty({ description: 'Baris anggaran rencana / the plan’s budget line' }) @IsUUID('4') lineId!: string;
  @ApiProperty({ description: 'Realisasi sampai saat ini (rupiah)', minimum: 0 }) @IsNumber() @Min(0) realised!: number;
}

export class SubmitReportDto {
  @ApiProperty({ description: 'Kemajuan pelaksanaan (%)', minimum: 0, maximum: 100 }) @IsNumber() @Min(0) @Max(100) progressPercent!: number;
  @ApiProperty({ type: [BudgetRealisationInputDto], description: 'Realisasi anggaran per baris rencana' })
  @IsArray()
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => BudgetRealisationInputDto)
  budgetLines!: BudgetRealisationInputDto[];
  @ApiPropertyOptional({ description: 'Permasalahan dan kendala' }) @IsOptional() @IsString() @MaxLength(8000) problems?: string;
}

export class ReviewReportDto {
  @ApiProperty({ enum: REPORT_REVIEW_OUTCOMES }) @IsDefined() @IsIn(REPORT_REVIEW_OUTCOMES) outcome!: ReportReviewOutcome;
  @ApiPropertyOptional({ description: 'Wajib bila dikembalikan' }) @IsOptional() @IsString() @MaxLength(4000) comment?: string;
}

export class ListAgreementsQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({ example: '32.71' }) @IsOptional() @IsString() @MaxLength(16) regionCode?: string;
  @ApiPropertyOptional({ description: 'Perjanjian satu rencana / the agreement of one plan' }) @IsOptional() @IsUUID('4') planId?: string;
  @ApiPropertyOptional({ enum: STATUS_FILTERS, description: 'active: berjalan; expiring: berakhir dalam 90 hari; expired; ended: selesai/diakhiri' })
  @IsOptional()
  @IsIn(STATUS_FILTERS)
  status?: (typeof STATUS_FILTERS)[number];
}

export class BilingualTextDto {
  @ApiProperty() id!: string;
  @ApiProperty() en!: string;
}

export class AgreementTransitionDto {
  @ApiProperty() sequence!: number;
  @ApiProperty({ enum: AGREEMENT_STAGES }) fromStage!: string;
  @ApiProperty({ enum: AGREEMENT_STAGES }) toStage!: string;
  @ApiProperty() outcome!: string;
  @ApiProperty() actor!: string;
  @ApiPropertyOptional() comment?: string;
  @ApiProperty() occurredAt!: string;
}

export class AgreementTaskDto {
  @ApiProperty() id!: string;
  @ApiProperty({ enum: AGREEMENT_STAGES }) stage!: string;
  @ApiPropertyOptional() candidateRole?: string;
  @ApiPropertyOptional({ description: 'Pemegang tugas / the holder’s user id' }) assigneeId?: string;
  @ApiPropertyOptional() assigneeName?: string;
  @ApiPropertyOptional() dueAt?: string;
  @ApiPropertyOptional({ enum: ['SERVICE_PERIOD'], description: 'Dasar tenggat: masa layanan (AGREEMENT_SERVICE_WORKING_DAYS)' }) dueBasis?: string;
  @ApiPropertyOptional({ type: BilingualTextDto, description: 'Sumber tenggat / where the due date comes from' }) dueSource?: BilingualText;
  @ApiPropertyOptional({ description: 'Saat tugas yang terlambat dieskalasi ke Sekda' }) escalatedAt?: string;
}

export class BudgetRealisationDto {
  @ApiProperty() lineId!: string;
  @ApiProperty({ description: 'Pagu pada rencana (rupiah)' }) planned!: number;
  @ApiProperty({ description: 'Realisasi (rupiah)' }) realised!: number;
}

/** One of the plan's budget lines, which a monev report realises (the report form lists them). */
export class PlanBudgetLineDto {
  @ApiProperty() id!: string;
  @ApiProperty() nomenclatureCode!: string;
  @ApiProperty() description!: string;
  @ApiProperty({ description: 'Pagu pada rencana (rupiah)' }) amount!: number;
}

export class AgreementReportDto {
  @ApiProperty() sequence!: number;
  @ApiProperty({ description: 'Periode pelaporan (semester ke-)' }) period!: number;
  @ApiProperty() progressPercent!: number;
  @ApiProperty({ type: [BudgetRealisationDto] }) budgetLines!: BudgetRealisationDto[];
  @ApiPropertyOptional() problems?: string;
  @ApiProperty() submittedByName!: string;
  @ApiProperty() submittedAt!: string;
  @ApiProperty({ enum: ['SUBMITTED', 'ACCEPTED', 'RETURNED'] }) status!: string;
  @ApiPropertyOptional() reviewedByName?: string;
  @ApiPropertyOptional() reviewComment?: string;
  @ApiPropertyOptional() reviewedAt?: string;
}

export class AgreementSummaryDto {
  @ApiProperty() id!: string;
  @ApiProperty() planId!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() budgetYear!: number;
  @ApiProperty() title!: string;
  @ApiProperty() owningAgency!: string;
  @ApiProperty({ enum: AGREEMENT_STAGES }) stage!: string;
  @ApiProperty({ type: BilingualTextDto }) stageLabel!: BilingualText;
  @ApiProperty({ type: BilingualTextDto, description: 'Dasar hukum tahap ini' }) stageBasis!: BilingualText;
  @ApiProperty() partnerInitiated!: boolean;
  @ApiProperty() dprdApprovalOwed!: boolean;
  @ApiPropertyOptional() kbNumber?: string;
  @ApiPropertyOptional() kbSignedOn?: string;
  @ApiPropertyOptional() pksNumber?: string;
  @ApiPropertyOptional() pksSignedOn?: string;
  @ApiPropertyOptional() startsOn?: string;
  @ApiPropertyOptional() endsOn?: string;
}

export class AgreementResponseDto extends AgreementSummaryDto {
  @ApiProperty({ type: [AgreementTransitionDto] }) transitions!: AgreementTransitionDto[];
  @ApiPropertyOptional({ type: AgreementTaskDto }) task?: AgreementTaskDto;
  @ApiProperty({ type: [AgreementReportDto], description: 'Laporan monev, tidak berubah setelah dikirim' }) reports!: AgreementReportDto[];
  @ApiPropertyOptional({
    description: 'Draf rencana tahun berikutnya yang dibuka evaluasi (CONTINUE/EXPAND) / the next year’s plan draft the evaluation opened',
  })
  nextPlanId?: string;
  @ApiPropertyOptional({
    type: [PlanBudgetLineDto],
    description: 'Baris anggaran rencana yang direalisasikan laporan monev (pada GET) / the plan’s budget lines a monev report realises (on GET)',
  })
  planBudgetLines?: PlanBudgetLineDto[];
}

export class AgreementPageResponseDto extends CursorPageFieldsDto {
  @ApiProperty({ type: [AgreementSummaryDto] }) items!: AgreementSummaryDto[];
}

type AgreementRow = Omit<AgreementRecord, 'transitions' | 'tasks' | 'reports'>;

export function toAgreementSummary(row: AgreementRow): AgreementSummaryDto {
  const info = AGREEMENT_STAGE_INFO[row.stage];
  return {
    id: row.id,
    planId: row.planId,
    regionCode: row.regionCode,
    budgetYear: row.budgetYear,
    title: row.title,
    owningAgency: row.owningAgency,
    stage: row.stage,
    stageLabel: info.label,
    stageBasis: info.basis,
    partnerInitiated: row.partnerInitiated,
    dprdApprovalOwed: row.dprdApprovalOwed,
    ...(row.kbNumber && { kbNumber: row.kbNumber, kbSignedOn: row.kbSignedOn ?? undefined }),
    ...(row.pksNumber && { pksNumber: row.pksNumber, pksSignedOn: row.pksSignedOn ?? undefined }),
    ...(row.startsOn && { startsOn: row.startsOn }),
    ...(row.endsOn && { endsOn: row.endsOn }),
  };
}

export function toAgreementResponse(row: AgreementRecord, nextPlanId?: string | null): AgreementResponseDto {
  const task = row.tasks[0];
  return {
    ...toAgreementSummary(row),
    transitions: row.transitions.map((t) => ({
      sequence: t.sequence,
      fromStage: t.fromStage,
      toStage: t.toStage,
      outcome: t.outcome,
      actor: t.actor,
      ...(t.comment && { comment: t.comment }),
      occurredAt: t.occurredAt.toISOString(),
    })),
    ...(task && {
      task: {
        id: task.id,
        stage: task.agreementStage ?? row.stage,
        ...(task.candidateRole && { candidateRole: task.candidateRole }),
        ...(task.assigneeId && { assigneeId: task.assigneeId }),
        ...(task.assigneeName && { assigneeName: task.assigneeName }),
        ...(task.dueAt && { dueAt: task.dueAt.toISOString(), dueBasis: task.dueBasis ?? 'SERVICE_PERIOD', dueSource: AGREEMENT_DUE_SOURCE }),
        ...(task.escalatedAt && { escalatedAt: task.escalatedAt.toISOString() }),
      },
    }),
    reports: row.reports.map((r) => ({
      sequence: r.sequence,
      period: r.period,
      progressPercent: r.progressPercent,
      budgetLines: r.budgetLines as unknown as BudgetRealisation[],
      ...(r.problems && { problems: r.problems }),
      submittedByName: r.submittedByName,
      submittedAt: r.submittedAt.toISOString(),
      status: r.status,
      ...(r.reviewedByName && { reviewedByName: r.reviewedByName }),
      ...(r.reviewComment && { reviewComment: r.reviewComment }),
      ...(r.reviewedAt && { reviewedAt: r.reviewedAt.toISOString() }),
    })),
    ...(nextPlanId && { nextPlanId }),
  };
}
