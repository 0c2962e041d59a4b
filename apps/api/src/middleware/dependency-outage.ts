// Tells a dependency outage from a bug: an error that says PostgreSQL or Temporal could
// not be reached (or did not answer in time) is answered 503 with Retry-After, so clients
// and monitors retry instead of reporting a failure. Nothing was half-done: the request
// failed at the first call that could not reach its dependency.
import { WorkflowUpdateRPCTimeoutOrCancelledError } from '@temporalio/client';
import { text, type BilingualText } from '../../../../domain/message';

export type OutageKind = 'DATABASE_UNAVAILABLE' | 'WORKFLOW_ENGINE_UNAVAILABLE';

export interface Outage {
  code: OutageKind;
  message: BilingualText;
  /** Seconds after which a retry may succeed (the Retry-After header). */
  retryAfterSeconds: number;
}

const RETRY_AFTER_SECONDS = 5;

/** Prisma's codes for an unreachable, timed-out or closed server, and a full pool. */
const PRISMA_OUTAGE_CODES = new Set(['P1001', 'P1002', 'P1008', 'P1017', 'P2024']);
/** What the pg driver adapter reports for the same. */
const ADAPTER_OUTAGE_KINDS = new Set(['DatabaseNotReachable', 'ConnectionClosed', 'SocketTimeout', 'TooManyConnections', 'DatabaseAccessDenied']);
/** gRPC: UNAVAILABLE, DEADLINE_EXCEEDED, RESOURCE_EXHAUSTED. */
const GRPC_OUTAGE_CODES = new Set([14, 4, 8]);
/** PostgreSQL shutting down or starting (57P0x), connection failures (08xxx), and socket errors. */
const SOCKET_OR_SQLSTATE = /^(57P0[1-3]|08\d{3}|ECONNREFUSED|ECONNRESET|ETIMEDOUT|EPIPE|EHOSTUNREACH)$/;

/** What node-postgres says, with no code, when the server went away under a pooled connection. */
const PG_CONNECTION_LOST = /^(Connection terminated unexpectedly|Connection terminated due to connection timeout|timeout exceeded when trying to connect)$/;

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  meta?: { driverAdapterError?: { cause?: { kind?: unknown; originalCode?: unknown } } };
  cause?: unknown;
  message?: unknown;
}

function isDatabaseOutage(error: ErrorLike): boolean {
  const name = typeof error.name === 'string' ? error.name : '';
  if (name === 'PrismaClientInitializationError') return true;
  if (name.startsWith('PrismaClient') && PRISMA_OUTAGE_CODES.has(String(error.code))) return true;
  const adapter = error.meta?.driverAdapterError?.cause;
  if (adapter && (ADAPTER_OUTAGE_KINDS.has(String(adapter.kind)) || SOCKET_OR_SQLSTATE.test(String(adapter.originalCode ?? '')))) return true;
  if (typeof error.code === 'string' && SOCKET_OR_SQLSTATE.test(error.code)) return true;
  // The pg driver's own errors for a connection the server dropped carry no code, only these words.
  return typeof error.message === 'string' && PG_CONNECTION_LOST.test(error.message);
}

function isTemporalOutage(error: ErrorLike): boolean {
  if (error instanceof WorkflowUpdateRPCTimeoutOrCancelledError) return true;
  if (error.name === 'ServiceError') {
    const grpc = error.cause as ErrorLike | undefined;
    return GRPC_OUTAGE_CODES.has(Number(grpc?.code));
  }
  return error.name !== undefined && error.message === 'Failed to connect before the deadline';
}

/** The outage an error reports, looking through its causes; undefined for anything else. */
export function classifyOutage(exception: unknown): Outage | undefined {
  for (
    let error = exception as ErrorLike | undefined, depth = 0;
    error && typeof error === 'object' && depth < 5;
    error = error.cause as ErrorLike, depth += 1
  ) {
    if (isDatabaseOutage(error)) {
      return {
        code: 'DATABASE_UNAVAILABLE',
        message: text(
          'Basis data sedang tidak dapat dijangkau. Tidak ada yang diubah; coba lagi sebentar lagi.',
          'The database cannot be reached at the moment. Nothing was changed; try again shortly.',
        ),
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      };
    }
    if (isTemporalOutage(error)) {
      return {
        code: 'WORKFLOW_ENGINE_UNAVAILABLE',
        message: text(
          'Mesin alur kerja (Temporal) sedang tidak tersedia. Coba lagi sebentar lagi.',
          'The workflow engine (Temporal) is unavailable at the moment. Try again shortly.',
        ),
        retryAfterSeconds: RETRY_AFTER_SECONDS,
      };
    }
  }
  return undefined;
}
