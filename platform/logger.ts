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
 * stops its worker itself passes `handleSignals: false`.
 */
export function routeTemporalLogs(logger: Logger, { handleSignals = true } = {}): void {
  const temporal = logger.child({ component: 'temporal' });
  Runtime.install({
    ...(handleSignals ? {} : { shutdownSignals: [] }),
    logger: new DefaultLogger('INFO', (entry) => {
      temporal[TEMPORAL_LEVELS[entry.level]]({ ...entry.meta }, entry.message);
    }),
  });
}
