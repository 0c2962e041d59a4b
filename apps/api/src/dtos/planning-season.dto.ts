// Response shapes of a region's planning season: its reminders and digests, and whether
// a start request started it.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import type { SeasonStatus } from '../../../../workflows/planning-season/definitions';
import type { SeasonView } from '../services/planning-season.service';

export class NextReminderDto {
  @ApiProperty({ example: 7, description: 'H-n: hari sebelum batas pemetaan' }) offsetDays!: number;
  @ApiProperty({ example: '2027-01-24T00:00:00.000Z' }) at!: string;
}

export class NextDigestDto {
  @ApiProperty({ example: 3, description: 'Nomor ringkasan sejak musim dimulai' }) number!: number;
  @ApiProperty({ example: '2026-12-22T00:00:00.000Z' }) at!: string;
}

export class SeasonStatusResponseDto {
  @ApiProperty({ example: '32.71' }) regionCode!: string;
  @ApiProperty({ example: 2027 }) budgetYear!: number;
  @ApiProperty({ description: 'Kalender sudah dimuat oleh alur kerja' }) loaded!: boolean;
  @ApiProperty({ description: 'Musim sudah berakhir (setelah penetapan APBD)' }) finished!: boolean;
  @ApiPropertyOptional({ example: 'Asia/Jakarta' }) timeZone?: string;
  @ApiPropertyOptional({ example: '2027-01-31' }) mappingDeadline?: string;
  @ApiPropertyOptional({ example: '2027-01-31T17:00:00.000Z', description: 'Akhir hari batas pemetaan di zona waktu wilayah' }) mappingDeadlineAt?: string;
  @ApiPropertyOptional({ example: '2027-12-31T17:00:00.000Z' }) seasonEndsAt?: string;
  @ApiPropertyOptional({ description: 'Waktu yang telah dicapai alur kerja' }) timelineNow?: string;
  @ApiProperty({ type: NextReminderDto, nullable: true }) nextReminder!: NextReminderDto | null;
  @ApiProperty({ type: NextDigestDto, nullable: true }) nextDigest!: NextDigestDto | null;
  @ApiProperty({ type: [Number], example: [30, 14], description: 'Pengingat H-n yang sudah dikirim' }) remindersSent!: number[];
  @ApiProperty({ type: [Number], description: 'Pengingat yang dilewati karena yang lebih dekat sudah jatuh tempo' }) remindersSkipped!: number[];
  @ApiProperty() digestsSent!: number;
  @ApiProperty({ description: 'Jumlah pemberitahuan yang dikirim' }) sentKeys!: number;
  @ApiProperty() calendarChanges!: number;
  @ApiProperty() runs!: number;
}

export class SeasonStartResponseDto {
  @ApiProperty({ example: 'planning-season-32.71-2027' }) workflowId!: string;
  @ApiProperty({ description: 'true: dimulai oleh permintaan ini; false: sudah berjalan atau sudah selesai' }) started!: boolean;
  @ApiProperty({ type: SeasonStatusResponseDto, nullable: true }) status!: SeasonStatusResponseDto | null;
}

export function toSeasonStatusResponse(status: SeasonStatus): SeasonStatusResponseDto {
  return { ...status };
}

export function toSeasonStartResponse(view: SeasonView): SeasonStartResponseDto {
  return { workflowId: view.workflowId, started: view.started, status: view.status && toSeasonStatusResponse(view.status) };
}
