// Request and response shapes of a plan's submitted revisions and their differences.
import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, Min } from 'class-validator';
import type { PlanRevisionSummary } from '../../../../persistence/plan.repository';
import type { RevisionDiff } from '../services/plan-revision.service';
import type { RevisionChangeKind } from '../utils/revision-diff';
import { ApiJsonValueProperty } from './json-value.dto';

const CHANGE_KINDS: readonly RevisionChangeKind[] = ['CHANGED', 'ADDED', 'REMOVED'];

export class RevisionDiffQueryDto {
  @ApiProperty({ example: 1, minimum: 1, description: 'The earlier revision' })
  @IsDefined()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  from!: number;

  @ApiProperty({ example: 2, minimum: 2, description: 'The later revision' })
  @IsDefined()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  to!: number;
}

export class PlanRevisionResponseDto {
  @ApiProperty({ example: 1 }) revision!: number;
  @ApiProperty({ example: 'Siti Rahmawati' }) submittedBy!: string;
  @ApiProperty() submittedAt!: string;
}

export class RevisionChangeDto {
  @ApiProperty({ example: 'lineItems[0].amount', description: 'The field, written as validation errors name fields' }) path!: string;
  @ApiProperty({ enum: CHANGE_KINDS }) kind!: RevisionChangeKind;
  @ApiJsonValueProperty('Value in the earlier revision (null when ADDED)') before!: unknown;
  @ApiJsonValueProperty('Value in the later revision (null when REMOVED)') after!: unknown;
}

export class RevisionDiffResponseDto {
  @ApiProperty() from!: number;
  @ApiProperty() to!: number;
  @ApiProperty({ type: [RevisionChangeDto] }) changes!: RevisionChangeDto[];
}

export function toPlanRevisionResponse(revision: PlanRevisionSummary): PlanRevisionResponseDto {
  return { revision: revision.revision, submittedBy: revision.submittedBy, submittedAt: revision.submittedAt.toISOString() };
}

export function toRevisionDiffResponse(diff: RevisionDiff): RevisionDiffResponseDto {
  return { from: diff.from, to: diff.to, changes: diff.changes };
}
