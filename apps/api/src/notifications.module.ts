import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { AdminEmailDeliveriesController } from './controllers/admin-email-deliveries.controller';
import { NotificationsController } from './controllers/notifications.controller';
import { EmailDeliveryRepository } from './repositories/email-delivery.repository';
import { EmailRetryProcessRepository } from './repositories/email-retry-process.repository';
import { NotificationRepository } from './repositories/notification.repository';
import { EmailDeliveryService } from './services/email-delivery.service';
import { NotificationService } from './services/notification.service';

/** Each user's in-app notifications, and the e-mails of them that admins look after. */
@Module({
  imports: [AuditModule],
  controllers: [NotificationsController, AdminEmailDeliveriesController],
  providers: [NotificationRepository, EmailDeliveryRepository, EmailRetryProcessRepository, NotificationService, EmailDeliveryService],
})
export class NotificationsModule {}
