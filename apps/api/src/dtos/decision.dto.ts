import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsIn, IsNotEmpty, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';
import { REVIEW_STAGES, type ReviewStage } from '../../../../domain/plan-stage';
import { MAX_COMMENT_LENGTH, REVIEW_OUTCOMES, ReviewOutcome } from '../../../../domain/review-decision';
import { REJECTION_REASONS, type RejectionReason } from '../../../../domain/rejection-reason';

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

}
