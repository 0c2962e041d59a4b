// Request and response shapes of the caller's in-app notifications.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';
import { NotificationTemplate } from '../../../../domain/notification';
import type { NotificationRecord } from '../../../../persistence/notification.repository';
import { PageQueryDto } from './page-query.dto';

export class ListNotificationsQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ description: 'true: hanya yang belum dibaca' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean()
  unread?: boolean;

  @ApiPropertyOptional({ enum: Object.values(NotificationTemplate), description: 'Hanya satu jenis pemberitahuan' })
  @IsOptional()
  @IsIn(Object.values(NotificationTemplate))
  template?: NotificationTemplate;
}

export class NotificationResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ enum: Object.values(NotificationTemplate), example: 'TASK_DUE_SOON' }) template!: string;
  @ApiProperty({ example: '32.71' }) regionCode!: string;
  @ApiProperty({ type: String, nullable: true, description: 'Rencana yang dibicarakan, untuk tautan' }) planId!: string | null;
  @ApiProperty({ example: 'Tenggat Telaah Bappeda 3 hari lagi: Pengelolaan Sampah Regional' }) title!: string;
  @ApiProperty({ description: 'Teks dalam bahasa Indonesia, seperti saat dikirim' }) body!: string;
  @ApiProperty({ type: 'object', additionalProperties: true, description: 'Nilai yang diisikan ke templat (judul rencana, tahap, tenggat…)' })
  params!: unknown;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) readAt!: Date | null;
}

export class NotificationPageResponseDto {
  @ApiProperty({ type: [NotificationResponseDto], description: 'Terbaru lebih dulu' }) items!: NotificationResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export class UnreadCountResponseDto {
  @ApiProperty({ example: 3 }) unread!: number;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { TASK_ARRIVED: 2, PLAN_RETURNED: 1 },
    description: 'Yang belum dibaca per jenis (templat); jenis tanpa pemberitahuan tidak dicantumkan',
  })
  byTemplate!: Record<string, number>;
}

export class ReadAllResponseDto {
  @ApiProperty({ example: 3, description: 'Berapa yang baru ditandai dibaca' }) marked!: number;
}

export function toNotificationResponse(notification: NotificationRecord): NotificationResponseDto {
  return {
    id: notification.id,
    template: notification.template,
    regionCode: notification.regionCode,
    planId: notification.planId,
    title: notification.title,
    body: notification.body,
    params: notification.params,
    createdAt: notification.createdAt,
    readAt: notification.readAt,
  };
}
