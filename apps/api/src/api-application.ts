// Builds the configured Nest application (validation, error mapping, OpenAPI at /docs)
// for the API process, the all-in-one launcher and the tests alike.
import { NestFactory } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import type { ApiDependencies } from './api-dependencies';
import { AppModule } from './app.module';
import { DomainExceptionFilter } from './middleware/domain-exception.filter';
import { serveHttpMetrics } from './middleware/http-metrics';
import { traceHttpRequests } from './middleware/http-tracing';
import { requestErrors } from './middleware/request-errors';
import { SafeInputPipe } from './utils/safe-input';
import { createValidationPipe } from './utils/validation';
import { applySecurityHeaders } from './security-headers';
import { serveWebApp } from './web-app';

export async function createApiApplication(deps: ApiDependencies): Promise<INestApplication> {
  // The body parsers are added here rather than by Nest's init, so their errors reach requestErrors below.
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(deps), { bufferLogs: true, abortOnError: false, bodyParser: false });
  app.useLogger(app.get(PinoNestLogger));
  // Behind a TLS-terminating proxy, the client's address (for login throttling) is in X-Forwarded-For.
  app.set('trust proxy', deps.config.TRUST_PROXY);
  // First, so every request is traced and timed, refused ones included.
  if (deps.config.OTEL_EXPORTER_OTLP_ENDPOINT) traceHttpRequests(app);
  if (deps.config.API_METRICS) serveHttpMetrics(app);
  app.disable('x-powered-by');
  applySecurityHeaders(app);
  app.useBodyParser('json');
  app.useBodyParser('urlencoded', { extended: true });
  app.useGlobalPipes(new SafeInputPipe(), createValidationPipe());
  app.useGlobalFilters(new DomainExceptionFilter(deps.logger));
  SwaggerModule.setup('docs', app, () => createOpenApiDocument(app), { jsonDocumentUrl: 'docs/json' });
  serveWebApp(app);
  app.use(requestErrors);
  return app;
}

/** The bearer scheme's name in the document: every operation needs it unless it says `security: []`. */
const BEARER_SCHEME = 'bearer';

const TAGS: Array<[name: string, description: string]> = [
  ['auth', 'Logging in and the logged-in user'],
  ['plans', 'Cooperation plans: drafts, the rule check, submission, review decisions, review tasks and TKKSD votes'],
  ['review-tasks', 'The reviewer inbox: open review tasks the caller may act on'],
  ['attachments', 'Files attached to a plan'],
  ['comments', 'Comments on a plan'],
  ['revisions', 'Submitted revisions of a plan and their differences'],
  ['audit', 'A plan’s audit trail'],
  ['mappings', 'A region’s mapping of cooperation plans for a budget year, and its exports'],
  ['planning-documents', 'The region’s planning and budget documents (RKPD, Renja, KUA-PPAS, RKA, APBD, DPA) and their lines'],
  ['calendar', 'The planning and budget calendar, collective leave days and the planning season'],
  ['notifications', 'The caller’s in-app notifications'],
  ['reference', 'Reference data for pickers: regions and borders, government affairs, cooperation types, fixed choices'],
  ['admin', 'User administration and e-mail deliveries, for a region’s admins'],
  ['health', 'Reachability of the database and Temporal'],
];

/**
 * The OpenAPI document of the application's routes: served at /docs/json, and exported by
 * `npm run openapi:export` (from an application that is never started) for the web app's types.
 */
export function createOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Jalin API')
    .setDescription(
      'Perencanaan kerja sama daerah: draf, peninjauan, sinkronisasi dokumen, dan persetujuan anggaran.\n\n' +
        'Regional cooperation planning: drafting, review, document sync and budget sign-off. Every route needs a ' +
        'token from `POST /auth/login` (`Authorization: Bearer <accessToken>`) but `POST /auth/login` and `GET /health`. ' +
        'Errors answer with a code and a bilingual message (`ErrorResponseDto`).',
    )
    .setVersion('0.1.0')
    // The API serves this document itself, so its own origin is the server, wherever it is deployed.
    .addServer('/', 'The API that serves this document')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, BEARER_SCHEME)
    .addSecurityRequirements(BEARER_SCHEME);
  for (const [name, description] of TAGS) config.addTag(name, description);
  const document = SwaggerModule.createDocument(app, config.build());
  // As package.json says: not licensed for use by others, so there is no licence text to link to.
  document.info.license = { name: 'UNLICENSED' };
  // DocumentBuilder starts with an empty contact; there is no public one to give.
  delete document.info.contact;
  return document;
}
