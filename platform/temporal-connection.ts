// Connections to Temporal for the API (client) and the worker (native connection),
// from the same settings: a local dev server, or a cluster with TLS and an API key.
import {
  Client,
  type ClientPlugin,
  Connection,
  WorkflowExecutionAlreadyStartedError,
  defaultGrpcRetryOptions,
  makeGrpcRetryInterceptor,
  type WorkflowStartOptions,
} from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import type { AppConfig } from './config';

type TemporalSettings = Pick<AppConfig, 'TEMPORAL_ADDRESS' | 'TEMPORAL_NAMESPACE' | 'TEMPORAL_TLS' | 'TEMPORAL_API_KEY'>;

function connectionOptions(config: TemporalSettings) {
  return {
    address: config.TEMPORAL_ADDRESS,
    tls: config.TEMPORAL_TLS || undefined,
    apiKey: config.TEMPORAL_API_KEY,
  };
}

/**
 * How the API talks to Temporal in an outage: a call gives up after 4 tries (about 1.5 s,
 * not the default 10 over some 20 s), so the client gets its 503 at once, and the channel
 * tries to reconnect at most 2 s apart, so the API is back within seconds of Temporal.
 */
const API_CALLS = {
  interceptors: [makeGrpcRetryInterceptor(defaultGrpcRetryOptions({ maxAttempts: 4 }))],
  channelArgs: { 'grpc.initial_reconnect_backoff_ms': 250, 'grpc.min_reconnect_backoff_ms': 250, 'grpc.max_reconnect_backoff_ms': 2000 },
};

/** Connects on first use, so the API starts (and answers 503) while Temporal is down. */
export function connectTemporalClient(config: TemporalSettings, plugins: ClientPlugin[] = []): Client {
  const connection = Connection.lazy({ ...connectionOptions(config), ...API_CALLS });
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE, plugins });
}

export function connectWorkerConnection(config: TemporalSettings): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(config));
}

/**
 * Starts a workflow whose id says it must run once; false when it was already started
 * (by another process or an earlier attempt), which counts as done.
 */
export async function startWorkflowOnce(client: Client, workflowType: string, options: WorkflowStartOptions): Promise<boolean> {
  try {
    await client.workflow.start(workflowType, options);
    return true;
  } catch (error) {
    if (error instanceof WorkflowExecutionAlreadyStartedError) return false;
    throw error;
  }
}
