// Request and response shapes of the e-mail deliveries admins look after. The text of
// the e-mail stays out of the list: the subject says what it was.
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional, IsString, Matches } from 'class-validator';
import { REGION_CODE_PATTERN } from '../../../../domain/plan-content';
import { EmailDeliveryStatus } from '../../../../domain/notification';
import type { EmailDeliveryRecord } from '../../../../persistence/email-delivery.repository';
import { PageQueryDto } from './page-query.dto';

const STATUSES = Object.values(EmailDeliveryStatus);

export class ListEmailDeliveriesQueryDto extends PageQueryDto {
  @ApiPropertyOptional({ enum: STATUSES, example: 'FAILED' })
  @IsOptional()
  @IsIn(STATUSES)
  status?: EmailDeliveryStatus;

  @ApiPropertyOptional({ example: '32.71', description: 'Hanya wilayah ini (yang Anda kelola)' })
  @IsOptional()
  @Matches(REGION_CODE_PATTERN, { message: 'Must be a Kemendagri region code, e.g. 32 or 32.71.' })
  @IsString()
  regionCode?: string;
}

export class EmailRecipientDto {
  @ApiProperty({ format: 'uuid' }) userId!: string;
  @ApiProperty({ example: 'officer.kotabogor' }) username!: string;
  @ApiProperty({ example: 'Siti Rahmawati' }) displayName!: string;
}

export class EmailDeliveryResponseDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) notificationId!: string;
  @ApiProperty({ example: 'reminder:…:H-7' }) notificationKey!: string;
  @ApiProperty({ example: 'TASK_DUE_SOON' }) template!: string;
  @ApiProperty({ example: '32.71' }) regionCode!: string;
  @ApiProperty({ type: String, nullable: true }) planId!: string | null;
  @ApiProperty({ type: EmailRecipientDto }) recipient!: EmailRecipientDto;
  @ApiProperty({ example: 'officer.kotabogor@jalin.test' }) toAddress!: string;
  @ApiProperty() subject!: string;
  @ApiProperty({ enum: STATUSES, description: 'PENDING: dikirim atau dicoba ulang; FAILED: menyerah setelah percobaan terakhir; SKIPPED: SMTP tidak diatur' })
  status!: EmailDeliveryStatus;
  @ApiProperty({ description: 'Percobaan pengiriman sejauh ini' }) attempts!: number;
  @ApiProperty({ type: String, nullable: true, description: 'Galat terakhir dari server surel' }) lastError!: string | null;
  @ApiProperty() createdAt!: Date;
  @ApiProperty({ type: Date, nullable: true }) sentAt!: Date | null;
}

export class EmailDeliveryPageResponseDto {
  @ApiProperty({ type: [EmailDeliveryResponseDto], description: 'Terbaru lebih dulu' }) items!: EmailDeliveryResponseDto[];
  @ApiProperty() total!: number;
  @ApiProperty() page!: number;
  @ApiProperty() pageSize!: number;
}

export function toEmailDeliveryResponse(delivery: EmailDeliveryRecord): EmailDeliveryResponseDto {
  const { notification } = delivery;
  return {
    id: delivery.id,
    notificationId: notification.id,
    notificationKey: notification.key,
    template: notification.template,
    regionCode: notification.regionCode,
    planId: notification.planId,
    recipient: { userId: notification.user.id, username: notification.user.username, displayName: notification.user.displayName },
    toAddress: delivery.toAddress,
    subject: delivery.subject,
    status: delivery.status,
    attempts: delivery.attempts,
    lastError: delivery.lastError,
    createdAt: delivery.createdAt,
    sentAt: delivery.sentAt,
  };
}
