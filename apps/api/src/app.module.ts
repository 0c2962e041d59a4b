import { Module, type DynamicModule } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import type { PrismaClient } from '../../../prisma/client';
import type { AppConfig } from '../../platform/src/config';
import { HealthController } from './controllers/health.controller';
import { PlansController } from './controllers/plans.controller';
import { ReviewTasksController } from './controllers/review-tasks.controller';
import { PlanProcessRepository } from './repositories/plan-process.repository';
import { PlanRepository } from './repositories/plan.repository';
import { ReviewTaskRepository } from './repositories/review-task.repository';
import { HealthService } from './services/health.service';
import { PlanService } from './services/plan.service';
import { ReviewTaskService } from './services/review-task.service';
import { APP_CONFIG, PRISMA, TEMPORAL_CLIENT } from './tokens';

export interface ApiDependencies {
  config: AppConfig;
  prisma: PrismaClient;
  temporal: Client;
  logger: Logger;
}

/** The API's module, built around connections its caller owns (and closes). */
@Module({})
export class AppModule {
  static register({ config, prisma, temporal, logger }: ApiDependencies): DynamicModule {
    return {
      module: AppModule,
      imports: [LoggerModule.forRoot({ pinoHttp: { logger, autoLogging: { ignore: (req) => req.url === '/health' } } })],
      controllers: [PlansController, ReviewTasksController, HealthController],
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: PRISMA, useValue: prisma },
        { provide: TEMPORAL_CLIENT, useValue: temporal },
        PlanRepository,
        PlanProcessRepository,
        ReviewTaskRepository,
        PlanService,
        ReviewTaskService,
        HealthService,
      ],
    };
  }
}
