import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { ApiDependencies } from './app.module';
import { APP_CONFIG, PRISMA, TEMPORAL_CLIENT } from './tokens';

/** The connections and configuration every feature module injects. */
@Global()
@Module({})
export class CoreModule {
  static register({ config, prisma, temporal }: ApiDependencies): DynamicModule {
    const providers = [
      { provide: APP_CONFIG, useValue: config },
      { provide: PRISMA, useValue: prisma },
      { provide: TEMPORAL_CLIENT, useValue: temporal },
    ];
    return { module: CoreModule, providers, exports: providers.map((p) => p.provide) };
  }
}
