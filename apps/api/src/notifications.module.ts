import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { AdminEmailDeliveriesController } from './controllers/admin-email-deliveries.controller';
import { NotificationsController } from './controllers/notifications.controller';
import { EmailRetryProcessRepository } from './repositories/email-retry-process.repository';
import { EmailDeliveryService } from './services/email-delivery.service';
import { NotificationService } from './services/notification.service';

/** Each user's in-app notifications, and the e-mails of them that admins look after. */
@Module({
  imports: [AuditModule],
  controllers: [NotificationsController, AdminEmailDeliveriesController],
  providers: [EmailRetryProcessRepository, NotificationService, EmailDeliveryService],
})
export class NotificationsModule {}
