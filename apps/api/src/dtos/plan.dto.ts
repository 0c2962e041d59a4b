// Request and response shapes of the plans resource. Types and presence are checked
// here at the edge; the content rules (formats, limits) live in domain/plan-content.
import { ApiProperty, ApiPropertyOptional, OmitType, PartialType } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { PLAN_LIMITS } from '../../../../domain/plan-content';
import { PLAN_STAGES, type PlanStage } from '../../../../domain/plan-stage';
import type { PlanStatus } from '../../../../workflows/cooperation-plan/definitions';
import type { PlanRecord, PlanSummaryRecord } from '../repositories/plan.repository';

// Generous caps against oversized bodies; the domain rules give the precise limits.
const TEXT_CAP = 10_000;

export class PlanLineItemDto {
  @ApiProperty({ example: '1.02.02.2.01.0001', description: 'Kode nomenklatur U.BB.PP.L.KK.SSSS (minimal U.BB)' })
  @IsDefined()
  @IsString()
  @MaxLength(64)
  nomenclatureCode!: string;

  @ApiProperty({ example: 'Pelayanan kesehatan bersama di wilayah perbatasan' })
  @IsDefined()
  @IsString()
  @MaxLength(TEXT_CAP)
  description!: string;

  @ApiProperty({ example: 250000000, description: 'Perkiraan nilai dalam rupiah' })
  @IsDefined()
  @IsInt()
  amount!: number;
}

export class CreatePlanDto {
  @ApiProperty({ example: 'Kerja sama pengelolaan sampah regional' })
  @IsDefined()
  @IsString()
  @MaxLength(TEXT_CAP)
  title!: string;

  @ApiPropertyOptional({ example: 'Pengelolaan TPA bersama dengan kabupaten tetangga' })
  @IsOptional()
  @IsString()
  @MaxLength(TEXT_CAP)
  summary?: string;

  @ApiProperty({ example: '32.71', description: 'Kode wilayah Kemendagri' })
  @IsDefined()
  @IsString()
  @MaxLength(16)
  regionCode!: string;

  @ApiProperty({ example: 2027 })
  @IsDefined()
  @IsInt()
  budgetYear!: number;

  @ApiProperty({ example: 'Dinas Lingkungan Hidup' })
  @IsDefined()
  @IsString()
  @MaxLength(TEXT_CAP)
  proposingAgency!: string;

  @ApiPropertyOptional({ type: [PlanLineItemDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(PLAN_LIMITS.lineItemsMax * 5)
  @ValidateNested({ each: true })
  @Type(() => PlanLineItemDto)
  lineItems?: PlanLineItemDto[];

  @ApiProperty({ example: 'siti.rahma', description: 'Petugas yang menyusun' })
  @IsDefined()
  @IsString()
  @MaxLength(100)
  createdBy!: string;
}

/** Any subset of the draft's fields; `lineItems` replaces the whole list. */
export class UpdatePlanDto extends PartialType(OmitType(CreatePlanDto, ['createdBy'] as const)) {}

export class SubmitPlanDto {
  @ApiProperty({ example: 'siti.rahma' })
  @IsDefined()
  @IsString()
  @MaxLength(100)
  submittedBy!: string;
}

export class ListPlansQueryDto {
  @ApiPropertyOptional({ enum: PLAN_STAGES })
  @IsOptional()
  @IsIn(PLAN_STAGES)
  stage?: PlanStage;

  @ApiPropertyOptional({ example: '32.71' })
  @IsOptional()
  @IsString()
  @MaxLength(16)
  regionCode?: string;

  @ApiPropertyOptional({ example: 2027 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  budgetYear?: number;

  @ApiPropertyOptional({ description: 'Cari pada judul' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 20, minimum: 1, maximum: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export class PlanLineItemResponseDto {
  @ApiProperty() position!: number;
  @ApiProperty() nomenclatureCode!: string;
  @ApiProperty() description!: string;
  @ApiProperty() amount!: number;
}

export class PlanTransitionResponseDto {
  @ApiProperty() sequence!: number;
  @ApiProperty({ enum: PLAN_STAGES }) fromStage!: string;
  @ApiProperty({ enum: PLAN_STAGES }) toStage!: string;
  @ApiProperty() action!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() actor!: string;
  @ApiPropertyOptional() comment?: string;
  @ApiProperty() occurredAt!: string;
}

export class PlanSummaryResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() budgetYear!: number;
  @ApiProperty() proposingAgency!: string;
  @ApiProperty({ enum: PLAN_STAGES }) stage!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class PlanResponseDto extends PlanSummaryResponseDto {
  @ApiProperty() summary!: string;
  @ApiProperty() draftVersion!: number;
  @ApiPropertyOptional() lastComment?: string;
  @ApiProperty({ type: [PlanLineItemResponseDto] }) lineItems!: PlanLineItemResponseDto[];
  @ApiProperty({ type: [PlanTransitionResponseDto] }) history!: PlanTransitionResponseDto[];
  @ApiPropertyOptional({
    description: 'Tahap menurut workflow Temporal saat ini (null bila belum diajukan atau Temporal tidak terjangkau)',
    enum: PLAN_STAGES,
    nullable: true,
  })
  liveStage!: string | null;
}

export class PlanPageResponseDto {
  @ApiProperty({ type: [PlanSummaryResponseDto] }) items!: PlanSummaryResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function toPlanSummary(plan: PlanSummaryRecord): PlanSummaryResponseDto {
  return {
    id: plan.id,
    title: plan.title,
    regionCode: plan.regionCode,
    budgetYear: plan.budgetYear,
    proposingAgency: plan.proposingAgency,
    stage: plan.stage,
    revision: plan.revision,
    createdBy: plan.createdBy,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export function toPlanResponse(plan: PlanRecord, live: PlanStatus | null): PlanResponseDto {
  return {
    ...toPlanSummary(plan),
    summary: plan.summary,
    draftVersion: plan.draftVersion,
    lastComment: plan.lastComment ?? undefined,
    lineItems: plan.lineItems.map((item) => ({
      position: item.position,
      nomenclatureCode: item.nomenclatureCode,
      description: item.description,
      amount: Number(item.amount),
    })),
    history: plan.transitions.map((t) => ({
      sequence: t.sequence,
      fromStage: t.fromStage,
      toStage: t.toStage,
      action: t.action,
      revision: t.revision,
      actor: t.actor,
      comment: t.comment ?? undefined,
      occurredAt: t.occurredAt.toISOString(),
    })),
    liveStage: live?.stage ?? null,
  };
}
