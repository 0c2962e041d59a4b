import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, MaxLength } from 'class-validator';
import { REVIEW_STAGES, type ReviewStage } from '../../../../domain/plan-stage';
import type { ReviewTaskRecord } from '../repositories/review-task.repository';

export class ListReviewTasksQueryDto {
  @ApiPropertyOptional({ enum: REVIEW_STAGES })
  @IsOptional()
  @IsIn(REVIEW_STAGES)
  stage?: ReviewStage;

  @ApiPropertyOptional({ example: '32.71' })
  @IsOptional()
  @MaxLength(16)
  @IsString()
  regionCode?: string;

  @ApiPropertyOptional({ example: 2027 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  budgetYear?: number;
}

export class ReviewTaskResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() planId!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty({ enum: REVIEW_STAGES }) stage!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() regionCode!: string;
  @ApiProperty() budgetYear!: number;
  @ApiProperty() createdAt!: string;
}

export function toReviewTaskResponse(task: ReviewTaskRecord): ReviewTaskResponseDto {
  return {
    id: task.id,
    planId: task.planId,
    planTitle: task.plan.title,
    stage: task.stage,
    revision: task.revision,
    regionCode: task.regionCode,
    budgetYear: task.budgetYear,
    createdAt: task.createdAt.toISOString(),
  };
}
