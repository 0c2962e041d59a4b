import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { CursorPageFieldsDto, CursorPageQueryDto } from './page-query.dto';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { COOPERATION_TYPE_CODES, type CooperationType } from '../../../../domain/cooperation-type';
import { REVIEW_STAGES, type ReviewStage } from '../../../../domain/plan-stage';
import { ROLES } from '../../../../domain/role';
import { AGREEMENT_STAGES } from '../../../../domain/agreement-stage';
import type { ReviewTaskRecord } from '../../../../persistence/review-task.repository';

const SCOPES = ['mine', 'available', 'all', 'completed'] as const;
const SORTS = ['due', 'priority', 'newest', 'oldest', 'created'] as const;

export class InboxQueryDto extends CursorPageQueryDto {
  @ApiPropertyOptional({
    enum: SCOPES,
    default: 'all',
    description: 'mine: tugas saya; available: dapat saya ambil; all: keduanya; completed: tugas yang sudah saya selesaikan (tertutup)',
  })
  @IsOptional()
  @IsIn(SCOPES)
  scope?: (typeof SCOPES)[number];

  @ApiPropertyOptional({ enum: REVIEW_STAGES })
  @IsOptional()
  @IsIn(REVIEW_STAGES)
  stage?: ReviewStage;

  @ApiPropertyOptional({ format: 'uuid', description: 'Hanya tugas satu rencana' })
  @IsOptional()
  @IsUUID()
  planId?: string;

  @ApiPropertyOptional({ example: 'sampah', description: 'Cari pada judul rencana dan perangkat daerah pengusul (tanpa membedakan huruf besar)' })
  @IsOptional()
  @MaxLength(200)
  @IsString()
  q?: string;

  @ApiPropertyOptional({ example: '32.71' })
  @IsOptional()
  @MaxLength(16)
  @IsString()
  regionCode?: string;

  @ApiPropertyOptional({ enum: COOPERATION_TYPE_CODES })
  @IsOptional()
  @IsIn(COOPERATION_TYPE_CODES)
  cooperationType?: CooperationType;

  @ApiPropertyOptional({ example: '2.11', description: 'Bidang urusan' })
  @IsOptional()
  @MaxLength(16)
  @IsString()
  affairCode?: string;

  @ApiPropertyOptional({ description: 'Hanya yang melewati tenggat' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  overdue?: boolean;

  @ApiPropertyOptional({
    enum: SORTS,
    default: 'due',
    description: 'due: tenggat terdekat; priority; newest: terbaru masuk (selesai, untuk completed) lebih dulu; oldest; created: sama dengan newest',
  })
  @IsOptional()
  @IsIn(SORTS)
  sort?: (typeof SORTS)[number];
}

export class ReviewTaskResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() planId!: string;
  @ApiProperty() planTitle!: string;
  @ApiProperty() proposingAgency!: string;
  @ApiPropertyOptional({ enum: COOPERATION_TYPE_CODES }) cooperationType?: string;
  @ApiProperty({ enum: REVIEW_STAGES, description: 'Tahap rencana (COMPLETED untuk tugas perjanjian) / the plan’s stage (COMPLETED for an agreement’s task)' })
  stage!: string;
  @ApiProperty({ enum: ['PLAN', 'AGREEMENT'], description: 'Tugas rencana atau tugas perjanjian / a plan’s review or an agreement’s step' })
  subject!: string;
  @ApiPropertyOptional() agreementId?: string;
  @ApiPropertyOptional({ enum: AGREEMENT_STAGES }) agreementStage?: string;
  @ApiProperty() revision!: number;
  @ApiProperty() regionCode!: string;
  @ApiProperty() budgetYear!: number;
  @ApiPropertyOptional({ enum: ROLES }) candidateRole?: string;
  @ApiPropertyOptional() assigneeId?: string;
  @ApiPropertyOptional() assigneeName?: string;
  @ApiPropertyOptional() delegatedFromId?: string;
  @ApiProperty() priority!: number;
  @ApiPropertyOptional() dueAt?: string;
  @ApiPropertyOptional({ enum: ['MILESTONE', 'SERVICE_PERIOD'], description: 'Yang menentukan tenggat: tonggak kalender atau masa layanan' })
  dueBasis?: string;
  @ApiPropertyOptional({ description: 'Tonggak kalender yang dilayani tahap ini' }) milestone?: string;
  @ApiPropertyOptional({ description: 'Tanggal tonggak itu (YYYY-MM-DD)' }) milestoneDate?: string;
  @ApiPropertyOptional({ description: 'Saat tugas yang terlambat dieskalasi ke Sekda' }) escalatedAt?: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ description: 'Saat tugas ditutup (untuk tugas yang selesai)' }) closedAt?: string;
  @ApiPropertyOptional({ description: 'Keputusan yang menutupnya: APPROVE, RETURN_FOR_REVISION, REJECT…' }) decision?: string;
}

export class InboxResponseDto extends CursorPageFieldsDto {
  @ApiProperty({ type: [ReviewTaskResponseDto] }) items!: ReviewTaskResponseDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
  @ApiProperty({
    description: 'Jumlah tugas terbuka per tahap; tahap perjanjian sebagai AGREEMENT:<tahap> / open tasks per stage, an agreement stage as AGREEMENT:<stage>',
    type: 'object',
    additionalProperties: { type: 'number' },
  })
  countsByStage!: Record<string, number>;
}

export function toReviewTaskResponse(task: ReviewTaskRecord): ReviewTaskResponseDto {
  return {
    id: task.id,
    planId: task.planId,
    planTitle: task.plan.title,
    proposingAgency: task.plan.proposingAgency,
    cooperationType: task.plan.cooperationType ?? undefined,
    stage: task.stage,
    revision: task.revision,
    regionCode: task.regionCode,
    budgetYear: task.budgetYear,
    candidateRole: task.candidateRole ?? undefined,
    assigneeId: task.assigneeId ?? undefined,
    assigneeName: task.assigneeName ?? undefined,
    delegatedFromId: task.delegatedFromId ?? undefined,
    priority: task.priority,
    dueAt: task.dueAt?.toISOString(),
    dueBasis: task.dueBasis ?? undefined,
    milestone: task.milestone ?? undefined,
    milestoneDate: task.milestoneDate ?? undefined,
    escalatedAt: task.escalatedAt?.toISOString(),
    createdAt: task.createdAt.toISOString(),
    closedAt: task.closedAt?.toISOString(),
    decision: task.decision ?? undefined,
    subject: task.subject,
    agreementId: task.agreementId ?? undefined,
    agreementStage: task.agreementStage ?? undefined,
  };
}
