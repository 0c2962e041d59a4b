// Structured JSON logs on stdout for every process, and Temporal's core SDK logs
// routed into the same stream.
import pino, { type Logger } from 'pino';
import { DefaultLogger, Runtime, type LogLevel } from '@temporalio/worker';

export type { Logger };

export function createLogger(level: string, name: string): Logger {
  return pino({ level, name, base: { pid: process.pid } });
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
