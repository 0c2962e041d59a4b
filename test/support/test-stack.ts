// The real system for one test file: its own database, a worker on its own task
// queue against the shared Temporal dev server, and the Nest API served over HTTP.
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { Client, Connection, type ClientPlugin } from '@temporalio/client';
import { NativeConnection, type Worker, type WorkerOptions, type WorkerPlugin } from '@temporalio/worker';
import pino from 'pino';
import request from 'supertest';
import { createApiApplication } from '../../apps/api/src/api-application';
import { calendarRulesOf, loadConfig, type AppConfig } from '../../platform/config';
import { createPlanWorker } from '../../apps/worker/src/plan-worker';
import { connectTemporalClient } from '../../platform/temporal-connection';
import { databaseOver } from '../../persistence';
import { authenticatedAgent, type AuthenticatedAgent } from './auth';
import { testEnvironment } from './environment';
import { quietTemporalRuntime } from './quiet-temporal-runtime';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestStack {
  config: AppConfig;
  database: TestDatabase;
  temporal: Client;
  app: INestApplication;
  http: () => ReturnType<typeof request>;
  /** Requests as a user (a demo user, e.g. `officer.kotabogor`, or one from createTestUser), logged in once per stack. */
  as(username: string): AuthenticatedAgent;
  /** Stops the worker: from the server's side, as if it had crashed. */
  stopWorker(): Promise<void>;
  startWorker(): Promise<void>;
  stop(): Promise<void>;
}

/** Fixed, so a test can sign its own tokens (e.g. an expired one); never used outside tests. */
export const TEST_JWT_SECRET = 'jalin-test-secret-not-for-any-deployment-0123456789';

export interface TestStackOptions {
  /** Interceptors of the stack's worker, e.g. to hold an activity while the test acts. */
  workerInterceptors?: WorkerOptions['interceptors'];
  /** Where the API's logs go (with LOG_LEVEL set to keep them), e.g. to see every status it answered. */
  logDestination?: pino.DestinationStream;
  /** No worker in this process: the test runs its own (e.g. a process it kills). */
  withoutWorker?: boolean;
  /** A database of the test's own (e.g. on a PostgreSQL cluster it restarts) instead of a clone of the template. */
  database?: TestDatabase;
  /** A Temporal server of the test's own (one it restarts), reached as production does (lazy, reconnecting). */
  temporalAddress?: string;
  /** Given to both the worker and the API's client, as the processes' main() does (e.g. tracing). */
  plugins?: Array<WorkerPlugin & ClientPlugin>;
}

/** `configOverrides` are settings as the environment would give them, e.g. `{ ATTACHMENT_MAX_BYTES: '1024' }`. */
export async function startTestStack(configOverrides: Record<string, string> = {}, options: TestStackOptions = {}): Promise<TestStack> {
  quietTemporalRuntime();
  const env = { ...testEnvironment(), ...(options.temporalAddress && { temporalAddress: options.temporalAddress }) };
  const database = options.database ?? (await createTestDatabase());
  const attachmentsDir = await mkdtemp(path.join(tmpdir(), 'jalin-attachments-'));
  const taskQueue = `test-${randomBytes(4).toString('hex')}`;
  const config = loadConfig({
    DATABASE_URL: database.url,
    TEMPORAL_ADDRESS: env.temporalAddress,
    TEMPORAL_TASK_QUEUE: taskQueue,
    // Every test file shares one dev server: workflows named by region and year must not be shared.
    TEMPORAL_WORKFLOW_ID_SCOPE: `${taskQueue}:`,
    LOG_LEVEL: process.env.JALIN_TEST_VERBOSE ? 'debug' : 'silent',
    ATTACHMENTS_DIR: attachmentsDir,
    JWT_SECRET: TEST_JWT_SECRET,
    ...configOverrides,
  });
  const logger = options.logDestination ? pino({ level: config.LOG_LEVEL }, options.logDestination) : pino({ level: config.LOG_LEVEL });

  const persistence = databaseOver(database.prisma, { calendarRules: calendarRulesOf(config) });
  const workerConnection = await NativeConnection.connect({ address: env.temporalAddress });
  const startWorker = async () => {
    const worker = await createPlanWorker({
      connection: workerConnection,
      config,
      repositories: persistence.repositories,
      workflowBundlePath: env.workflowBundlePath,
      interceptors: options.workerInterceptors,
      plugins: options.plugins,
    });
    const running = worker.run();
    // As a process supervisor restarts a worker process that failed (apps/worker exits
    // non-zero), a worker whose run fails is replaced, and the failure is shown.
    running.catch((error: unknown) => {
      process.stderr.write(`test stack: the worker failed and is started again: ${error instanceof Error ? error.stack : String(error)}\n`);
      if (current?.worker !== worker || stopping) return;
      current = undefined;
      void startWorker()
        .then((next) => (current = stopping ? (next.worker.shutdown(), undefined) : next))
        .catch((restartError: unknown) => process.stderr.write(`test stack: the worker could not be started again: ${String(restartError)}\n`));
    });
    return { worker, running };
  };
  let stopping = false;
  let current: { worker: Worker; running: Promise<void> } | undefined = options.withoutWorker ? undefined : await startWorker();

  const temporal = options.temporalAddress
    ? connectTemporalClient(config, options.plugins)
    : new Client({ connection: await Connection.connect({ address: env.temporalAddress }), plugins: options.plugins });
  const app = await createApiApplication({ config, database: persistence, temporal, logger });
  await app.init();

  const stopWorker = async () => {
    if (!current) return;
    const { worker, running } = current;
    current = undefined;
    if (worker.getState() === 'RUNNING') worker.shutdown();
    await running.catch(() => undefined);
  };

  const stack: TestStack = {
    config,
    database,
    temporal,
    app,
    http: () => request(app.getHttpServer()),
    as: (username) => authenticatedAgent(stack, username),
    stopWorker,
    startWorker: async () => {
      current ??= await startWorker();
    },
    stop: async () => {
      stopping = true;
      await app.close();
      await stopWorker();
      await temporal.connection.close();
      await workerConnection.close();
      await database.drop();
      await rm(attachmentsDir, { recursive: true, force: true });
    },
  };
  return stack;
}
