// The API process: `npm run start:api`. Run as many as the load needs.
import 'reflect-metadata';
import { openDatabase } from '../../../persistence';
import { calendarRulesOf, loadConfig } from '../../../platform/config';
import { createLogger } from '../../../platform/logger';
import { onShutdownSignal } from '../../../platform/shutdown';
import { connectTemporalClient } from '../../../platform/temporal-connection';
import { startTracing } from '../../../platform/tracing';
import { createApiApplication } from './api-application';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.LOG_LEVEL, 'jalin-api');
  const database = openDatabase({ url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX, calendarRules: calendarRulesOf(config) });
  const tracing = startTracing(config.OTEL_EXPORTER_OTLP_ENDPOINT, config.OTEL_SERVICE_NAME ?? 'jalin-api');
  const temporal = connectTemporalClient(config, tracing ? [tracing.plugin] : []);
  const app = await createApiApplication({ config, database, temporal, logger });
  await app.listen(config.PORT, config.HOST);
  logger.info({ url: await app.getUrl() }, 'API listening');
  onShutdownSignal(logger, async () => {
    await app.close();
    await temporal.connection.close();
    await database.close();
    await tracing?.shutdown();
  });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
