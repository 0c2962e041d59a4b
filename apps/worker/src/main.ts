// The worker process: `npm run start:worker`. Run as many as the load needs.
import { calendarRulesOf, loadWorkerConfig, smtpServerLabel } from '../../../platform/config';
import { createLogger, routeTemporalLogs } from '../../../platform/logger';
import { connectWorkerConnection } from '../../../platform/temporal-connection';
import { startTracing } from '../../../platform/tracing';
import { openDatabase } from '../../../persistence';
import { createPlanWorker } from './plan-worker';

async function main(): Promise<void> {
  const config = loadWorkerConfig();
  const logger = createLogger(config.LOG_LEVEL, 'jalin-worker');
  routeTemporalLogs(logger, { metricsAddress: config.WORKER_METRICS_ADDRESS });
  const database = openDatabase({ url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX, calendarRules: calendarRulesOf(config) });
  const tracing = startTracing(config.OTEL_EXPORTER_OTLP_ENDPOINT, config.OTEL_SERVICE_NAME ?? 'jalin-worker');
  const connection = await connectWorkerConnection(config);
  try {
    const worker = await createPlanWorker({
      connection,
      config,
      repositories: database.repositories,
      plugins: tracing ? [tracing.plugin] : [],
    });
    // Without SMTP_URL notifications are in-app only: say so, as a missing setting is easy to overlook.
    logger.info({ taskQueue: config.TEMPORAL_TASK_QUEUE, smtp: smtpServerLabel(config) ?? 'off (in-app notifications only)' }, 'worker running');
    // The SDK stops polling on SIGINT/SIGTERM and lets running tasks finish.
    await worker.run();
  } finally {
    await connection.close();
    await database.close();
    await tracing?.shutdown();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
