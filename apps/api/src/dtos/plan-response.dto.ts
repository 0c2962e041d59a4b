// What the API answers about plans, and the mapping from the read model.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { estimatedCost } from '../../../../domain/plan-content';
import { PLAN_STAGES } from '../../../../domain/plan-stage';
import type { PlanCheck } from '../../../../domain/plan-rules';
import type { BilingualText } from '../../../../domain/message';
import { REMEDY_LABELS } from '../../../../domain/stage-deadline';
import type { PlanStatus, StageTimelineStatus } from '../../../../workflows/cooperation-plan/definitions';
import type { Deliberation } from '../../../../domain/deliberation';
import type { TaskAssignment } from '../../../../domain/review-task';
import { toPlanContent, type PlanRecord, type PlanSummaryRecord } from '../../../../persistence/plan.repository';
import { ViolationDto } from './error.dto';
import { FeasibilityStudyDto, MappedObjectDto, PlanLineItemDto, PlanPartnerDto, TermsOfReferenceDto } from './plan-content.dto';

export class PlanTransitionResponseDto {
  @ApiProperty() sequence!: number;
  @ApiProperty({ enum: PLAN_STAGES }) fromStage!: string;
  @ApiProperty({ enum: PLAN_STAGES }) toStage!: string;
  @ApiProperty() action!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() actor!: string;
  @ApiPropertyOptional() comment?: string;
  @ApiPropertyOptional({ description: 'Alasan penolakan' }) reasonCode?: string;
  @ApiProperty() occurredAt!: string;
}

export class PlanSummaryResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() budgetYear!: number;
  @ApiProperty() proposingAgency!: string;
  @ApiPropertyOptional() cooperationType?: string;
  @ApiProperty({ enum: PLAN_STAGES }) stage!: string;
  @ApiProperty() revision!: number;
  @ApiProperty() requiresDprdApproval!: boolean;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty() updatedAt!: string;
}

export class PlanResponseDto extends PlanSummaryResponseDto {
  @ApiProperty() summary!: string;
  @ApiProperty() draftVersion!: number;
  @ApiPropertyOptional() ksdpkKind?: string;
  @ApiPropertyOptional() initiator?: string;
  @ApiProperty({ type: [PlanPartnerDto] }) partners!: PlanPartnerDto[];
  @ApiProperty({ type: [MappedObjectDto] }) objects!: MappedObjectDto[];
  @ApiPropertyOptional({ type: TermsOfReferenceDto }) termsOfReference?: TermsOfReferenceDto;
  @ApiPropertyOptional({ type: FeasibilityStudyDto }) feasibilityStudy?: FeasibilityStudyDto;
  @ApiPropertyOptional() plannedDurationMonths?: number;
  @ApiPropertyOptional() fundingSource?: string;
  @ApiPropertyOptional() burdensCommunity?: boolean;
  @ApiProperty() multiYear!: boolean;
  @ApiProperty({ description: 'Jumlah rincian anggaran (rupiah)' }) estimatedCost!: number;
  @ApiProperty({ type: [String] }) dprdApprovalReasons!: string[];
  @ApiPropertyOptional() lastComment?: string;
  @ApiProperty({ type: [PlanLineItemDto] }) lineItems!: PlanLineItemDto[];
  @ApiProperty({ type: [PlanTransitionResponseDto] }) history!: PlanTransitionResponseDto[];
  @ApiPropertyOptional({
    description: 'Tahap menurut workflow Temporal saat ini (null bila belum diajukan atau Temporal tidak terjangkau)',
    enum: PLAN_STAGES,
    nullable: true,
  })
  liveStage!: string | null;
  @ApiPropertyOptional({ description: 'Tugas peninjauan yang terbuka: peran, pemegang, delegasi', nullable: true, type: 'object', additionalProperties: true })
  task!: TaskAssignment | null;
  @ApiPropertyOptional({ description: 'Pembahasan TKKSD: anggota, suara, hasil', nullable: true, type: 'object', additionalProperties: true })
  deliberation!: Deliberation | null;
  @ApiPropertyOptional({
    description: 'Tenggat tahap yang terbuka: tanggal, dasarnya (tonggak kalender atau masa layanan), pengingat berikutnya',
    nullable: true,
    type: 'object',
    additionalProperties: true,
  })
  timeline!: StageTimelineStatus | null;
  @ApiPropertyOptional({ description: 'Jalur perbaikan bila rencana terlambat dari tonggak kalender', nullable: true, type: 'object', additionalProperties: true })
  remedy!: { remedy: string; milestone: string | null; recordedAt: string | null; label: BilingualText } | null;
}

export class PlanPageResponseDto {
  @ApiProperty({ type: [PlanSummaryResponseDto] }) items!: PlanSummaryResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class PlanCheckResponseDto {
  @ApiProperty({ description: 'Dapat diajukan' }) submittable!: boolean;
  @ApiProperty({ type: [ViolationDto] }) violations!: ViolationDto[];
  @ApiProperty({ type: [ViolationDto] }) warnings!: ViolationDto[];
  @ApiProperty() estimatedCost!: number;
  @ApiProperty() requiresDprdApproval!: boolean;
  @ApiProperty({ type: [String] }) dprdApprovalReasons!: string[];
}

export function toPlanCheckResponse(check: PlanCheck): PlanCheckResponseDto {
  return { submittable: check.violations.length === 0, ...check };
}

export function toPlanSummary(plan: PlanSummaryRecord): PlanSummaryResponseDto {
  return {
    id: plan.id,
    title: plan.title,
    regionCode: plan.regionCode,
    budgetYear: plan.budgetYear,
    proposingAgency: plan.proposingAgency,
    cooperationType: plan.cooperationType ?? undefined,
    stage: plan.stage,
    revision: plan.revision,
    requiresDprdApproval: plan.requiresDprdApproval,
    createdBy: plan.createdBy,
    createdAt: plan.createdAt.toISOString(),
    updatedAt: plan.updatedAt.toISOString(),
  };
}

export function toPlanResponse(plan: PlanRecord, live: PlanStatus | null): PlanResponseDto {
  const content = toPlanContent(plan);
  return {
    ...toPlanSummary(plan),
    summary: plan.summary,
    draftVersion: plan.draftVersion,
    ksdpkKind: content.ksdpkKind,
    initiator: content.initiator,
    partners: content.partners,
    objects: content.objects,
    termsOfReference: content.termsOfReference,
    feasibilityStudy: content.feasibilityStudy,
    plannedDurationMonths: content.plannedDurationMonths,
    fundingSource: content.fundingSource,
    burdensCommunity: content.burdensCommunity,
    multiYear: content.multiYear,
    estimatedCost: estimatedCost(content),
    dprdApprovalReasons: plan.dprdApprovalReasons,
    lastComment: plan.lastComment ?? undefined,
    lineItems: content.lineItems,
    history: plan.transitions.map((t) => ({
      sequence: t.sequence,
      fromStage: t.fromStage,
      toStage: t.toStage,
      action: t.action,
      revision: t.revision,
      actor: t.actor,
      comment: t.comment ?? undefined,
      reasonCode: t.reasonCode ?? undefined,
      occurredAt: t.occurredAt.toISOString(),
    })),
    liveStage: live?.stage ?? null,
    task: live?.task ?? null,
    deliberation: live?.deliberation ?? null,
    timeline: live?.timeline ?? null,
    remedy: plan.remedy
      ? { remedy: plan.remedy, milestone: plan.remedyMilestone, recordedAt: plan.remedyRecordedAt?.toISOString() ?? null, label: REMEDY_LABELS[plan.remedy] }
      : null,
  };
}
