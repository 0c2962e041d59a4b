// Request and response shapes of a plan's audit trail.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { PLAN_STAGES } from '../../../../domain/plan-stage';
import type { AuditEventRecord } from '../../../../persistence/audit.repository';
import { ApiJsonValueProperty } from './json-value.dto';

/** The formats the audit trail is exported in. */
export type AuditExportFormat = 'csv' | 'json';
const EXPORT_FORMATS: readonly AuditExportFormat[] = ['csv', 'json'];

export class AuditPageQueryDto {
  @ApiPropertyOptional({ default: 1, minimum: 1 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  page?: number;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  pageSize?: number;
}

export class AuditExportQueryDto {
  @ApiPropertyOptional({ enum: EXPORT_FORMATS, default: 'csv' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: AuditExportFormat;
}

export class AuditEventResponseDto {
  @ApiProperty({ example: '42', description: 'Increasing: the order entries were recorded in' }) id!: string;
  @ApiProperty({ format: 'date-time', example: '2026-03-02T03:04:05.678Z' }) occurredAt!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'Null for the system (e.g. the RKPD sync)' }) actorId!: string | null;
  @ApiProperty({ example: 'Siti Rahmawati' }) actorName!: string;
  @ApiProperty({ type: String, example: 'OFFICER', nullable: true, description: 'Role(s) held where the action was taken' }) actorRole!: string | null;
  @ApiProperty({ example: 'PLAN_EDITED' }) action!: string;
  @ApiProperty({ example: 'PLAN' }) entity!: string;
  @ApiProperty({ type: String, nullable: true }) entityId!: string | null;
  @ApiProperty({ enum: PLAN_STAGES, nullable: true }) fromStage!: string | null;
  @ApiProperty({ enum: PLAN_STAGES, nullable: true }) toStage!: string | null;
  @ApiJsonValueProperty('The entity before the action, as recorded') before!: unknown;
  @ApiJsonValueProperty('The entity after the action, as recorded') after!: unknown;
  @ApiJsonValueProperty('What else the action recorded') details!: unknown;
}

export class AuditPageResponseDto {
  @ApiProperty({ type: [AuditEventResponseDto], description: 'Oldest first' }) items!: AuditEventResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function toAuditEventResponse(event: AuditEventRecord): AuditEventResponseDto {
  return {
    // A bigint has no JSON form; ids stay exact as text.
    id: event.id.toString(),
    occurredAt: event.occurredAt.toISOString(),
    actorId: event.actorId,
    actorName: event.actorName,
    actorRole: event.actorRole,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    fromStage: event.fromStage,
    toStage: event.toStage,
    before: event.before,
    after: event.after,
    details: event.details,
  };
}
