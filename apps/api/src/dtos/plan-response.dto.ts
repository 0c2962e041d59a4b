// What the API answers about plans, and the mapping from the read model.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { COOPERATION_TYPE_CODES, INITIATORS, KSDPK_KINDS } from '../../../../domain/cooperation-type';
import { CLOSING_RULES, DeliberationOutcome, VOTES } from '../../../../domain/deliberation';
import { MILESTONES } from '../../../../domain/fiscal-calendar';
import { FUNDING_SOURCES } from '../../../../domain/funding-source';
import { estimatedCost } from '../../../../domain/plan-content';
import { PLAN_STAGES, REVIEW_STAGES } from '../../../../domain/plan-stage';
import { DprdApprovalReason, type PlanCheck } from '../../../../domain/plan-rules';
import { ROLES } from '../../../../domain/role';
import { REMEDY_LABELS, Remedy } from '../../../../domain/stage-deadline';
import type { PlanStatus } from '../../../../workflows/cooperation-plan/definitions';
import { toPlanContent, type PlanRecord, type PlanSummaryRecord } from '../../../../persistence/plan.repository';
import { BilingualTextDto, ViolationDto } from './error.dto';
import { FeasibilityStudyDto, MappedObjectDto, PlanLineItemDto, PlanPartnerDto, TermsOfReferenceDto } from './plan-content.dto';
import { CursorPageFieldsDto } from './page-query.dto';

export class PlanTransitionResponseDto {
  @ApiProperty() sequence!: number;
  @ApiProperty({ enum: PLAN_STAGES }) fromStage!: string;
  @ApiProperty({ enum: PLAN_STAGES }) toStage!: string;
  @ApiProperty() action!: string;
  @ApiProperty() revision!: number;
  @ApiProperty({ description: 'Nama tampilan pelaku' }) actor!: string;
  @ApiPropertyOptional({ format: 'uuid', description: 'ID pengguna pelaku (tidak ada untuk langkah sistem)' }) actorId?: string;
  @ApiPropertyOptional() comment?: string;
  @ApiPropertyOptional({ description: 'Alasan penolakan' }) reasonCode?: string;
  @ApiProperty() occurredAt!: string;
}

// The live parts of a plan come from its workflow's status query as they are; these classes
// describe them, and toPlanResponse's types check that the workflow's shapes still fit.

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: 'Siti Rahmawati' }) name!: string;
}

export class TaskAssignmentDto {
  @ApiProperty({ enum: REVIEW_STAGES }) stage!: string;
  @ApiProperty({ description: 'Urutan transisi yang membuka tugas ini' }) openSequence!: number;
  @ApiProperty({ enum: ROLES, description: 'Peran yang memegang tahap ini di wilayah rencana' }) candidateRole!: string;
  @ApiPropertyOptional({ type: PersonDto, description: 'Yang mengambil tugas; tidak ada selama belum diambil' }) assignee?: PersonDto;
  @ApiPropertyOptional({ type: PersonDto, description: 'Selama didelegasikan: pemegang yang mendelegasikan dan dapat menariknya kembali' })
  delegatedFrom?: PersonDto;
  @ApiProperty({ description: 'Naik pada setiap perubahan penugasan' }) version!: number;
}

export class PlanVoteDto {
  @ApiProperty({ type: PersonDto }) voter!: PersonDto;
  @ApiProperty({ enum: VOTES }) vote!: string;
  @ApiPropertyOptional() comment?: string;
  @ApiProperty({ format: 'date-time' }) castAt!: string;
}

export class DeliberationDto {
  @ApiProperty({ description: 'Revisi yang dibahas' }) revision!: number;
  @ApiProperty({ enum: CLOSING_RULES, description: 'Kapan penghitungan suara ditutup (TKKSD_CLOSING_RULE)' }) rule!: string;
  @ApiProperty({ type: [PersonDto], description: 'Anggota TKKSD yang aktif saat rencana tiba (tanpa pengusul)' }) members!: PersonDto[];
  @ApiProperty({ type: [PlanVoteDto] }) votes!: PlanVoteDto[];
  @ApiPropertyOptional({ enum: Object.values(DeliberationOutcome), description: 'Setelah penghitungan ditutup; lalu Sekda mencatat rekomendasi' })
  outcome?: string;
}

export class DeadlineMilestoneDto {
  @ApiProperty({ enum: MILESTONES, description: 'Tonggak kalender yang dilayani tahap ini' }) code!: string;
  @ApiProperty({ example: '2026-07-14', description: 'Tanggal tonggak (YYYY-MM-DD) di zona waktu wilayah' }) date!: string;
  @ApiProperty({ format: 'date-time', description: 'Akhir hari tonggak itu' }) dueAt!: string;
}

export class MissedMilestoneDto {
  @ApiPropertyOptional({ enum: Object.values(Remedy), description: 'Jalur perbaikan yang diperlukan, bila ada' }) remedy?: string;
}

export class StageDeadlineDto {
  @ApiProperty({ enum: REVIEW_STAGES }) stage!: string;
  @ApiProperty({ format: 'date-time', description: 'Akhir hari tenggat di zona waktu wilayah' }) dueAt!: string;
  @ApiProperty({ example: '2026-07-14', description: 'Tanggal tenggat (YYYY-MM-DD)' }) dueDate!: string;
  @ApiProperty({ enum: ['MILESTONE', 'SERVICE_PERIOD'], description: 'Yang menentukan tenggat: tonggak kalender atau masa layanan' }) basis!: string;
  @ApiProperty({ description: 'Masa layanan tahap ini (hari kerja, SERVICE_WORKING_DAYS)' }) serviceWorkingDays!: number;
  @ApiProperty({ example: '2026-07-21', description: 'Akhir masa layanan (YYYY-MM-DD)' }) serviceDueDate!: string;
  @ApiProperty({ type: DeadlineMilestoneDto }) milestone!: DeadlineMilestoneDto;
  @ApiPropertyOptional({ type: MissedMilestoneDto, description: 'Bila tonggak sudah lewat (sebelum tahap dimulai, atau sejak itu)' })
  missedMilestone?: MissedMilestoneDto;
  @ApiProperty({ example: 420, description: 'Selisih zona waktu wilayah dari UTC (menit)' }) utcOffsetMinutes!: number;
}

export class TimelineRemedyDto {
  @ApiProperty({ enum: MILESTONES }) milestone!: string;
  @ApiProperty({ enum: Object.values(Remedy) }) remedy!: string;
}

export class StageTimelineDto {
  @ApiProperty({ description: 'Urutan transisi yang membuka tahap ini' }) openSequence!: number;
  @ApiProperty({ type: StageDeadlineDto }) deadline!: StageDeadlineDto;
  @ApiPropertyOptional({ format: 'date-time', description: 'Pengingat berikutnya (waktu nyata)' }) nextReminderAt?: string;
  @ApiPropertyOptional({ example: 'H-7', description: 'H-n sebelum tenggat, atau OVERDUE-n sesudahnya' }) nextReminderId?: string;
  @ApiPropertyOptional({ type: TimelineRemedyDto, description: 'Tonggak yang terlewat selama tahap ini dan jalur perbaikannya' })
  remedy?: TimelineRemedyDto;
  @ApiProperty({ description: 'Keterlambatan sudah dieskalasi ke Sekda' }) escalated!: boolean;
}

export class PlanRemedyDto {
  @ApiProperty({ enum: Object.values(Remedy) }) remedy!: string;
  @ApiProperty({ type: String, enum: MILESTONES, nullable: true, description: 'Tonggak yang terlewat' }) milestone!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) recordedAt!: string | null;
  @ApiProperty({ type: BilingualTextDto }) label!: BilingualTextDto;
}

export class PlanSummaryResponseDto {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() regionCode!: string;
  @ApiProperty() budgetYear!: number;
  @ApiProperty() proposingAgency!: string;
  @ApiPropertyOptional({ enum: COOPERATION_TYPE_CODES }) cooperationType?: string;
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
  @ApiPropertyOptional({ enum: KSDPK_KINDS }) ksdpkKind?: string;
  @ApiPropertyOptional({ enum: INITIATORS }) initiator?: string;
  @ApiProperty({ type: [PlanPartnerDto] }) partners!: PlanPartnerDto[];
  @ApiProperty({ type: [MappedObjectDto] }) objects!: MappedObjectDto[];
  @ApiPropertyOptional({ type: TermsOfReferenceDto }) termsOfReference?: TermsOfReferenceDto;
  @ApiPropertyOptional({ type: FeasibilityStudyDto }) feasibilityStudy?: FeasibilityStudyDto;
  @ApiPropertyOptional() plannedDurationMonths?: number;
  @ApiPropertyOptional({ enum: FUNDING_SOURCES }) fundingSource?: string;
  @ApiPropertyOptional() burdensCommunity?: boolean;
  @ApiProperty() multiYear!: boolean;
  @ApiProperty({ description: 'Jumlah rincian anggaran (rupiah)' }) estimatedCost!: number;
  @ApiProperty({ enum: Object.values(DprdApprovalReason), isArray: true, description: 'Mengapa rencana memerlukan persetujuan DPRD' })
  dprdApprovalReasons!: string[];
  @ApiPropertyOptional() lastComment?: string;
  @ApiProperty({ type: [PlanLineItemDto] }) lineItems!: PlanLineItemDto[];
  @ApiProperty({ type: [PlanTransitionResponseDto] }) history!: PlanTransitionResponseDto[];
  @ApiProperty({
    type: String,
    enum: PLAN_STAGES,
    nullable: true,
    description: 'Tahap menurut workflow Temporal (status terakhir yang dicatatnya; null bila belum diajukan)',
  })
  liveStage!: string | null;
  @ApiProperty({ type: TaskAssignmentDto, nullable: true, description: 'Tugas peninjauan yang terbuka: peran, pemegang, delegasi' })
  task!: TaskAssignmentDto | null;
  @ApiProperty({ type: DeliberationDto, nullable: true, description: 'Pembahasan TKKSD: anggota, suara, hasil' })
  deliberation!: DeliberationDto | null;
  @ApiProperty({
    type: StageTimelineDto,
    nullable: true,
    description: 'Tenggat tahap yang terbuka: tanggal, dasarnya (tonggak kalender atau masa layanan), pengingat berikutnya',
  })
  timeline!: StageTimelineDto | null;
  @ApiProperty({ type: PlanRemedyDto, nullable: true, description: 'Jalur perbaikan bila rencana terlambat dari tonggak kalender' })
  remedy!: PlanRemedyDto | null;
}

export class PlanPageResponseDto extends CursorPageFieldsDto {
  @ApiProperty({ type: [PlanSummaryResponseDto] }) items!: PlanSummaryResponseDto[];
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class PlanCheckResponseDto {
  @ApiProperty({ description: 'Dapat diajukan' }) submittable!: boolean;
  @ApiProperty({ type: [ViolationDto] }) violations!: ViolationDto[];
  @ApiProperty({ type: [ViolationDto] }) warnings!: ViolationDto[];
  @ApiProperty() estimatedCost!: number;
  @ApiProperty() requiresDprdApproval!: boolean;
  @ApiProperty({ enum: Object.values(DprdApprovalReason), isArray: true }) dprdApprovalReasons!: string[];
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
      actorId: t.actorId ?? undefined,
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
