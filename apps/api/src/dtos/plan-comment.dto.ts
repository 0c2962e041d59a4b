// Request and response shapes of a plan's comments. The length rule on the text is the
// domain's (checkCommentBody); the cap here only bounds what the parser holds.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsDefined, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { COMMENT_MAX_CHARS } from '../../../../domain/plan-comment';
import type { PlanCommentRecord } from '../../../../persistence/plan-comment.repository';

export class CreatePlanCommentDto {
  @ApiProperty({ minLength: 1, maxLength: COMMENT_MAX_CHARS, example: 'Mohon lengkapi dasar hukum pada KAK.' })
  @IsDefined()
  @IsString()
  // Room for characters that take two UTF-16 units: the domain counts characters.
  @MaxLength(COMMENT_MAX_CHARS * 2)
  body!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'A review task of this plan the comment is about' })
  @IsOptional()
  @IsUUID()
  taskId?: string;
}

export class PlanCommentResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The review task the comment is about, if any' }) taskId!: string | null;
  @ApiProperty({ format: 'uuid' }) authorId!: string;
  @ApiProperty({ example: 'Siti Rahmawati' }) authorName!: string;
  @ApiProperty() body!: string;
  @ApiProperty() createdAt!: string;
}

export function toPlanCommentResponse(comment: PlanCommentRecord): PlanCommentResponseDto {
  return {
    id: comment.id,
    taskId: comment.taskId,
    authorId: comment.authorId,
    authorName: comment.authorName,
    body: comment.body,
    createdAt: comment.createdAt.toISOString(),
  };
}
