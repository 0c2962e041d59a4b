// Structured JSON logs on stdout for every process, and Temporal's core SDK logs
// routed into the same stream. On a terminal (unless LOG_FORMAT=json) the same entries
// are written as readable lines for the person watching.
import pino, { type Logger } from 'pino';
import { readableLogStream } from './readable-log-stream';
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

export type { Logger };

/** JSON when stdout is not a terminal or LOG_FORMAT=json asks for it; readable lines otherwise. */
export function wantsReadableLogs(env: NodeJS.ProcessEnv = process.env, stdout: { isTTY?: boolean } = process.stdout): boolean {
  if (env.LOG_FORMAT === 'json') return false;
  return env.LOG_FORMAT === 'pretty' || stdout.isTTY === true;
}

export function createLogger(level: string, name: string): Logger {
  const options = { level, name, base: { pid: process.pid } };
  return wantsReadableLogs() ? pino(options, readableLogStream()) : pino(options);
}

const TEMPORAL_LEVELS: Record<LogLevel, 'trace' | 'debug' | 'info' | 'warn' | 'error'> = {
  TRACE: 'trace',
  DEBUG: 'debug',
  INFO: 'info',
  WARN: 'warn',
  ERROR: 'error',
};

/**
 * Once per process, before any worker or native connection is made. A process that
 * stops its worker itself passes `handleSignals: false`; `metricsAddress` (host:port)
 * serves the SDK's metrics for Prometheus at /metrics there.
 */
export function routeTemporalLogs(logger: Logger, { handleSignals = true, metricsAddress }: { handleSignals?: boolean; metricsAddress?: string } = {}): void {
  const temporal = logger.child({ component: 'temporal' });
  Runtime.install({
    ...(handleSignals ? {} : { shutdownSignals: [] }),
    ...(metricsAddress && { telemetryOptions: { metrics: { prometheus: { bindAddress: metricsAddress } } } }),
    logger: new DefaultLogger('INFO', (entry) => {
      temporal[TEMPORAL_LEVELS[entry.level]]({ ...entry.meta }, entry.message);
    }),
  });
}
