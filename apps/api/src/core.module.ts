import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { ApiDependencies } from './api-dependencies';
import { APP_CONFIG, DATABASE, TEMPORAL_CLIENT } from './tokens';

/**
 * The connections and configuration every feature module injects, and each repository
 * of persistence/ under its own class, so services ask for `PlanRepository` and the like.
 */
@Global()
@Module({})
export class CoreModule {
  static register({ config, database, temporal }: ApiDependencies): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: DATABASE, useValue: database },
      { provide: TEMPORAL_CLIENT, useValue: temporal },
      ...Object.values(database.repositories).map((repository) => ({ provide: repository.constructor, useValue: repository })),
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => p.provide) };
  }
}
