import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsIn, IsInt, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf, ValidateNested } from 'class-validator';
import { FUNDING_SOURCES, type FundingSource } from '../../../../domain/funding-source';
import { REVIEW_STAGES, type ReviewStage } from '../../../../domain/plan-stage';
import { MAX_COMMENT_LENGTH, REVIEW_OUTCOMES, ReviewOutcome } from '../../../../domain/review-decision';
import { REJECTION_REASONS, type RejectionReason } from '../../../../domain/rejection-reason';

/** TAPD's KUA-PPAS placement; the amounts are checked in domain/review-decision.ts. */
export class BudgetPlacementDto {
  @ApiProperty({ example: 500000000, description: 'Plafon anggaran sementara (rupiah), paling sedikit total rincian rencana' })
  @IsDefined()
  @IsInt()
  ceiling!: number;

  @ApiProperty({ enum: FUNDING_SOURCES, description: 'Sumber dana' })
  @IsDefined()
  @IsIn(FUNDING_SOURCES)
  fundingSource!: FundingSource;
}

export class ReviewDecisionDto {
  @ApiProperty({ enum: REVIEW_STAGES, description: 'Tahap yang diputuskan (harus sama dengan tahap rencana saat ini)' })
  @IsDefined()
  @IsIn(REVIEW_STAGES)
  stage!: ReviewStage;

  @ApiProperty({ enum: REVIEW_OUTCOMES })
  @IsDefined()
  @IsIn(REVIEW_OUTCOMES)
  outcome!: ReviewOutcome;

  @ApiPropertyOptional({ description: 'Wajib untuk pengembalian dan penolakan' })
  @ValidateIf((decision: ReviewDecisionDto) => decision.outcome !== ReviewOutcome.APPROVE || decision.comment !== undefined)
  @IsString()
  @IsNotEmpty()
  @MaxLength(MAX_COMMENT_LENGTH)
  comment?: string;

  @ApiPropertyOptional({ enum: REJECTION_REASONS, description: 'Untuk penolakan: alasan kelayakan' })
  @IsOptional()
  @IsIn(REJECTION_REASONS)
  reasonCode?: RejectionReason;

  @ApiPropertyOptional({ type: BudgetPlacementDto, description: 'Wajib untuk persetujuan BUDGET_SIGNOFF: penempatan KUA-PPAS' })
  @IsOptional()
  @ValidateNested()
  @Type(() => BudgetPlacementDto)
  placement?: BudgetPlacementDto;
}
