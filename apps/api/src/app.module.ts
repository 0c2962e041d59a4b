import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { ApiDependencies } from './api-dependencies';
import { AdminUsersModule } from './admin-users.module';
import { AttachmentsModule } from './attachments.module';
import { AuthModule } from './auth.module';
import { AuditModule } from './audit.module';
import { CalendarModule } from './calendar.module';
import { CollaborationModule } from './collaboration.module';
import { HealthController } from './controllers/health.controller';
import { CoreModule } from './core.module';
import { DocumentsModule } from './documents.module';
import { MappingModule } from './mapping.module';
import { NotificationsModule } from './notifications.module';
import { AgreementsModule } from './agreements.module';
import { AgreementDocumentsModule } from './agreement-documents.module';
import { PlansModule } from './plans.module';
import { ReferenceModule } from './reference.module';
import { ReportingModule } from './reporting.module';
import { HealthService } from './services/health.service';

/** The API's root module, built around connections its caller owns (and closes). */
@Module({})
export class AppModule {
  static register(deps: ApiDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [
        CoreModule.register(deps),
        LoggerModule.forRoot({
          pinoHttp: {
            logger: deps.logger,
            autoLogging: { ignore: (req) => req.url?.startsWith('/health') === true },
            serializers: {
              req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, url: req.url }),
              res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
            },
          },
        }),
        AuthModule,
        AdminUsersModule,
        PlansModule,
        AgreementsModule,
        AgreementDocumentsModule,
        AttachmentsModule,
        ReferenceModule,
        MappingModule,
        AuditModule,
        CollaborationModule,
        CalendarModule,
        NotificationsModule,
        DocumentsModule,
        ReportingModule,
      ],
      controllers: [HealthController],
      providers: [HealthService],
    };
  }
}
