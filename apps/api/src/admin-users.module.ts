import { Module } from '@nestjs/common';
import { AuditModule } from './audit.module';
import { AuthModule } from './auth.module';
import { AdminUsersController } from './controllers/admin-users.controller';
import { AdminUserService } from './services/admin-user.service';

/** Users and their role grants, managed by each region's administrators. */
@Module({
  imports: [AuthModule, AuditModule],
  controllers: [AdminUsersController],
  providers: [AdminUserService],
})
export class AdminUsersModule {}
