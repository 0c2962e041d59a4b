// Builds the configured Nest application (validation, error mapping, OpenAPI at /docs)
// for the API process, the all-in-one launcher and the tests alike.
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { ApiDependencies } from './api-dependencies';
import { AppModule } from './app.module';
import { DomainExceptionFilter } from './middleware/domain-exception.filter';
import { createValidationPipe } from './utils/validation';
import { serveWebApp } from './web-app';

export async function createApiApplication(deps: ApiDependencies): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.register(deps), { bufferLogs: true, abortOnError: false });
  app.useLogger(app.get(PinoNestLogger));
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter(deps.logger));

  const openApi = new DocumentBuilder()
    .setTitle('Jalin API')
    .setDescription('Perencanaan kerja sama daerah: draf, peninjauan, sinkronisasi dokumen, dan persetujuan anggaran.')
    .setVersion('0.1.0')
    // A token from POST /auth/login; every route but /health, /auth/login and /docs needs it.
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  SwaggerModule.setup('docs', app, () => SwaggerModule.createDocument(app, openApi), { jsonDocumentUrl: 'docs/json' });
  serveWebApp(app);
  return app;
}
