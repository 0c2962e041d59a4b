// `npm start`: the whole system in one process on embedded defaults. Without
// TEMPORAL_ADDRESS it runs a Temporal dev server (state in data/temporal.db); without
// DATABASE_URL an embedded PostgreSQL (data/pglite). Then it migrates, and runs the
// worker and the API together. Ctrl-C stops everything; a restart keeps every plan.
import 'reflect-metadata';
import path from 'node:path';
import { createApiApplication } from '../../api/src/api-application';
import { calendarRulesOf, loadConfig, smtpServerLabel, workerMetricsAddress, type WorkerConfig } from '../../../platform/config';
import { ReportProcessRepository } from '../../api/src/repositories/report-process.repository';
import { SeasonProcessRepository } from '../../api/src/repositories/season-process.repository';
import { createLogger, routeTemporalLogs } from '../../../platform/logger';
import { onShutdownSignal } from '../../../platform/shutdown';
import { connectTemporalClient, connectWorkerConnection } from '../../../platform/temporal-connection';
import { startTracing } from '../../../platform/tracing';
import { createPlanWorker } from '../../worker/src/plan-worker';
import { databaseOver } from '../../../persistence';
import { createPrismaClient } from '../../../prisma/client';
import { localDateOf } from '../../../domain/local-date';
import { deployMigrations } from '../../../prisma/migrate';
import { DEMO_PASSWORD, DEMO_REGIONS, seedDemoUsers } from '../../../prisma/seed/demo-users';
import { seedReferenceData } from '../../../prisma/seed/index';
import { startEmbeddedPostgres, type EmbeddedPostgres } from './embedded-postgres';
import { ensureJwtSecret } from './jwt-secret';
import { embeddedListenHost, exposedDemoWarning } from './listen-host';
import { ensureTemporalCli } from './temporal-cli';
import { startTemporalDevServer } from './temporal-dev-server';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..', '..');

async function main(): Promise<void> {
  const env = process.env;
  const logger = createLogger(env.LOG_LEVEL ?? 'info', 'jalin');
  const log = (message: string) => logger.info(message);
  routeTemporalLogs(logger, { handleSignals: false, metricsAddress: workerMetricsAddress(env) });
  const dataDir = path.resolve(env.DATA_DIR ?? path.join(REPO_ROOT, 'data'));
  // Stopped in reverse order of starting, also when start-up fails half-way.
  const cleanups: Array<() => Promise<void>> = [];
  const stopAll = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => logger.error({ err }, 'stop failed'));
  };
  onShutdownSignal(logger, stopAll);

  try {
    let temporalAddress = env.TEMPORAL_ADDRESS;
    let temporalUi: string | undefined;
    if (!temporalAddress) {
      const binary = await ensureTemporalCli(log);
      log('Starting the Temporal dev server');
      const server = await startTemporalDevServer({
        binary,
        port: Number(env.TEMPORAL_DEV_PORT ?? 7233),
        uiPort: Number(env.TEMPORAL_UI_PORT ?? 8233),
        dbFile: path.join(dataDir, 'temporal.db'),
        namespace: env.TEMPORAL_NAMESPACE,
        log: (line) => logger.debug(line),
        warn: (line) => logger.warn(line),
      });
      cleanups.push(server.stop);
      log(`Temporal dev server ready at ${server.address}`);
      temporalAddress = server.address;
      temporalUi = server.uiUrl;
    }

    let databaseUrl = env.DATABASE_URL;
    let poolMax = env.DATABASE_POOL_MAX;
    let embedded: EmbeddedPostgres | undefined;
    if (!databaseUrl) {
      log('Starting the embedded PostgreSQL (PGlite; its first start creates the database, which takes a while)');
      const database = (embedded = await startEmbeddedPostgres({
        dataDir: path.join(dataDir, 'pglite'),
        port: Number(env.EMBEDDED_POSTGRES_PORT ?? 54329),
        log,
      }));
      cleanups.push(database.stop);
      databaseUrl = database.url;
      poolMax = '1'; // PGlite serves one connection at a time
    }

    const config = loadConfig({
      ...env,
      HOST: embeddedListenHost(env),
      TEMPORAL_ADDRESS: temporalAddress,
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_MAX: poolMax,
      ATTACHMENTS_DIR: env.ATTACHMENTS_DIR ?? path.join(dataDir, 'attachments'),
      JWT_SECRET: env.JWT_SECRET ?? (await ensureJwtSecret(dataDir)),
    });
    const applied = await deployMigrations(config.DATABASE_URL);
    // The embedded database takes one client: let the migrations' connection go first.
    await embedded?.whenIdle();
    log(applied.length ? `Applied migrations: ${applied.join(', ')}` : 'Database schema is up to date');

    // One database client for worker and API: the embedded database takes one connection.
    const prisma = createPrismaClient({ url: config.DATABASE_URL, poolMax: config.DATABASE_POOL_MAX });
    cleanups.push(() => prisma.$disconnect());
    const database = databaseOver(prisma, { calendarRules: calendarRulesOf(config) });
    // Reference data (affairs, regions, borders) for pickers and plan rules: adds only what is missing.
    const seeded = await seedReferenceData(prisma);
    logger.info({ written: seeded }, 'Reference data is up to date');
    const demoUsers = env.SEED_DEMO_USERS !== 'false';
    if (demoUsers) logger.info({ written: await seedDemoUsers(prisma) }, 'Demo users are present');

    const tracing = startTracing(config.OTEL_EXPORTER_OTLP_ENDPOINT, config.OTEL_SERVICE_NAME ?? 'jalin');
    if (tracing) cleanups.push(() => tracing.shutdown());
    const plugins = tracing ? [tracing.plugin] : [];
    const workerConnection = await connectWorkerConnection(config);
    cleanups.push(() => workerConnection.close());
    const worker = await createPlanWorker({
      connection: workerConnection,
      config,
      repositories: database.repositories,
      plugins,
    });
    const workerRun = worker.run();
    cleanups.push(async () => {
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await workerRun;
    });

    const temporal = connectTemporalClient(config, plugins);
    cleanups.push(() => temporal.connection.close());
    // Before the API answers, so a client that sees it healthy finds the seasons too.
    if (demoUsers) await startDemoSeasons(new SeasonProcessRepository(temporal, config), logger);
    await startReportingDeadlineCheck(new ReportProcessRepository(temporal, config), logger);
    const app = await createApiApplication({ config, database, temporal, logger });
    await app.listen(config.PORT, config.HOST);
    cleanups.push(() => app.close());

    const url = `http://localhost:${config.PORT}`;
    const exposed = exposedDemoWarning(config.HOST, demoUsers);
    logger.info(
      { url, host: config.HOST, webApp: `${url}/app/`, docs: `${url}/docs`, temporalUi, smtp: smtpServerLabel(config) ?? 'off (in-app notifications only)' },
      'Jalin is running',
    );
    process.stdout.write(
      `\n  Jalin is running: ${url}/app/\n  API: ${url} (documentation: ${url}/docs)\n` +
        (temporalUi ? `  Temporal Web UI: ${temporalUi}\n` : '') +
        mailBanner(config) +
        (demoUsers ? demoUsersBanner() : '') +
        (exposed ?? '') +
        `  Data: ${dataDir}\n  Press Ctrl-C to stop.\n\n`,
    );
  } catch (error) {
    logger.fatal({ err: error }, 'start-up failed');
    await stopAll();
    process.exit(1);
  }
}

/** Whether notifications are mailed: by default (no SMTP_URL) they are in-app only. */
function mailBanner(config: WorkerConfig): string {
  const server = smtpServerLabel(config);
  return server
    ? `  Notifications: in-app, and e-mailed through ${server} from ${config.MAIL_FROM}\n`
    : `  Notifications: in-app only (set SMTP_URL, e.g. smtp://mail.example:587, to e-mail them too)\n`;
}

/** The budget year being planned: next year, by the WIB calendar. */
function comingBudgetYear(now: Date): number {
  return Number(localDateOf(now, 'Asia/Jakarta').slice(0, 4)) + 1;
}

/**
 * The demo regions' planning season of the budget year being planned (next year), so
 * their reminders and digests run; starting it again finds the running one.
 */
async function startDemoSeasons(seasons: SeasonProcessRepository, logger: ReturnType<typeof createLogger>): Promise<void> {
  const budgetYear = comingBudgetYear(new Date());
  for (const region of DEMO_REGIONS) {
    const { workflowId, started } = await seasons.start(region.code, budgetYear);
    logger.info({ workflowId, started }, started ? 'Planning season started' : 'Planning season already there');
  }
}

/**
 * The reporting-deadline check (issue 18) of the coming budget year, so the regions that
 * have not reported their mapping are reminded, and their Sekda told, without a hand step;
 * starting it again finds the running one (and does not disturb it).
 */
async function startReportingDeadlineCheck(reports: ReportProcessRepository, logger: ReturnType<typeof createLogger>): Promise<void> {
  const budgetYear = comingBudgetYear(new Date());
  const { workflowId, started } = await reports.startDeadlineCheck(budgetYear, { tellIfRunning: false });
  logger.info({ workflowId, budgetYear, started }, started ? 'Reporting deadline check started' : 'Reporting deadline check already there');
}

/** Who to log in as (POST /auth/login): the demo users are not for a real deployment. */
function demoUsersBanner(): string {
  const regions = DEMO_REGIONS.map((region) => `${region.name} (${region.code}): *.${region.suffix}`).join(', ');
  return (
    `  Demo users (SEED_DEMO_USERS=false to leave them out), password "${DEMO_PASSWORD}":\n` +
    `    officer, officer2, sekretariat, bappeda, tkksd1-3, tapd, sekda, walikota/bupati, dprd, admin\n` +
    `    ${regions}, e.g. officer.kotabogor, bupati.kabbogor\n`
  );
}

void main();
