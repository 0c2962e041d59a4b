// OpenTelemetry traces across API → Temporal Update → workflow → activity, off unless an
// OTLP collector is named (OTEL_EXPORTER_OTLP_ENDPOINT, the standard variable). The
// Temporal SDK's interceptors carry the trace context in workflow and activity headers,
// so one trace shows a person's request from the HTTP call to the database write.
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { Resource } from '@opentelemetry/resources';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { OpenTelemetryPlugin } from '@temporalio/interceptors-opentelemetry';

export interface Tracing {
  /** Give it to the Temporal client and worker: it installs the SDK's tracing interceptors. */
  plugin: OpenTelemetryPlugin;
  /** Sends the spans still buffered, then stops. */
  shutdown(): Promise<void>;
}

/** The OTLP/HTTP traces URL of a collector base URL (`http://collector:4318` → `…/v1/traces`). */
export function otlpTracesUrl(endpoint: string): string {
  return `${endpoint.replace(/\/+$/, '')}/v1/traces`;
}

/**
 * Starts tracing for this process and registers it as the global tracer provider, or does
 * nothing (undefined) when no endpoint is set: tracing costs nothing unless configured.
 */
export function startTracing(endpoint: string | undefined, serviceName: string): Tracing | undefined {
  if (!endpoint) return undefined;
  const resource = new Resource({ 'service.name': serviceName });
  // Batched: a request never waits for the collector, and a collector outage loses spans, not requests.
  const spanProcessor = new BatchSpanProcessor(new OTLPTraceExporter({ url: otlpTracesUrl(endpoint) }), { scheduledDelayMillis: 1000 });
  const provider = new NodeTracerProvider({ resource, spanProcessors: [spanProcessor] });
  provider.register();
  return { plugin: new OpenTelemetryPlugin({ resource, spanProcessor }), shutdown: () => provider.shutdown() };
}
