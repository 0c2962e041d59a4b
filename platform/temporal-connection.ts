// Connections to Temporal for the API (client) and the worker (native connection),
// from the same settings: a local dev server, or a cluster with TLS and an API key.
import { Client, Connection } from '@temporalio/client';
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

export async function connectTemporalClient(config: TemporalSettings): Promise<Client> {
  const connection = await Connection.connect(connectionOptions(config));
  return new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
}

export function connectWorkerConnection(config: TemporalSettings): Promise<NativeConnection> {
  return NativeConnection.connect(connectionOptions(config));
}
