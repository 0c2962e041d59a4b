import { Module } from '@nestjs/common';
import { AuditController } from './controllers/audit.controller';
import { AuditService } from './services/audit.service';

/**
 * The append-only audit trail: read and exported per plan here; written by the feature
 * modules through the exported AuditRepository (and by the activities directly).
 */
@Module({
  controllers: [AuditController],
  providers: [AuditService],
})
export class AuditModule {}
