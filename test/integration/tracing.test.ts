// Issue 15: with OTEL_EXPORTER_OTLP_ENDPOINT set, one trace follows a person's request from
// the API through Temporal into the workflow and its activities, and reaches an OTLP/HTTP
// collector (here a small one the test runs, reading what a real collector would receive).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startTracing, type Tracing } from '../../platform/tracing';
import { newPlanBody } from '../support/plan-fixtures';
import { OFFICER, REVIEWER, claim, submit } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';
import { waitFor } from '../support/wait';

interface ReceivedSpan {
  traceId: string;
  spanId: string;
  parentSpanId?: string;
  name: string;
  service: string;
}

interface OtlpExport {
  resourceSpans?: Array<{
    resource?: { attributes?: Array<{ key: string; value: { stringValue?: string } }> };
    scopeSpans?: Array<{ spans?: Array<Omit<ReceivedSpan, 'service'>> }>;
  }>;
}

const received: ReceivedSpan[] = [];
let collector: Server;
let tracing: Tracing;
let stack: TestStack;

beforeAll(async () => {
  collector = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      const exported = JSON.parse(body) as OtlpExport;
      for (const resourceSpans of exported.resourceSpans ?? []) {
        const service = resourceSpans.resource?.attributes?.find((a) => a.key === 'service.name')?.value.stringValue ?? '';
        for (const scope of resourceSpans.scopeSpans ?? []) for (const span of scope.spans ?? []) received.push({ ...span, service });
      }
      response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
  const endpoint = `http://127.0.0.1:${(collector.address() as AddressInfo).port}`;
  tracing = startTracing(endpoint, 'jalin-test')!;
  stack = await startTestStack({ OTEL_EXPORTER_OTLP_ENDPOINT: endpoint }, { plugins: [tracing.plugin] });
});

afterAll(async () => {
  await stack?.stop();
  await tracing?.shutdown();
  await new Promise((resolve) => collector?.close(resolve));
});

/** The spans of the trace that holds the named span, waiting until the collector has them all. */
async function traceOf(name: (span: ReceivedSpan) => boolean, expected: string[]): Promise<ReceivedSpan[]> {
  return waitFor(
    () => `a trace with ${expected.join(', ')}; received: ${[...new Set(received.map((s) => s.name))].join(', ')}`,
    () => {
      const root = received.find(name);
      if (!root) return undefined;
      const trace = received.filter((span) => span.traceId === root.traceId);
      return expected.every((prefix) => trace.some((span) => span.name.startsWith(prefix))) && trace;
    },
  );
}

/** The span that `child` names as its parent. */
function parentOf(trace: ReceivedSpan[], child: ReceivedSpan): ReceivedSpan | undefined {
  return trace.find((span) => span.spanId === child.parentSpanId);
}

describe('OpenTelemetry traces', () => {
  // A plan's workflow starts when it is submitted (update-with-start). Its RunWorkflow span
  // ends only when the plan does, so the test follows the spans that end now.
  it('follow a submission from the HTTP request through the Update into the workflow and its activities', async () => {
    const created = await stack.as(OFFICER).post('/plans').send(newPlanBody()).expect(201);
    const planId = (created.body as { id: string }).id;
    await submit(stack, planId).expect(200);

    const trace = await traceOf(
      (span) => span.name === 'POST /plans/:id/submit',
      ['UpdateWithStartWorkflow:submitPlan', 'HandleUpdate:submitPlan', 'RunActivity:recordPlanTransition'],
    );
    const root = trace.find((span) => span.name === 'POST /plans/:id/submit')!;
    expect(root.parentSpanId ?? '').toBe('');
    const updateWithStart = trace.find((span) => span.name === 'UpdateWithStartWorkflow:submitPlan')!;
    expect(parentOf(trace, updateWithStart)).toBe(root);
    const handled = trace.find((span) => span.name === 'HandleUpdate:submitPlan')!;
    expect(handled.service).toBe('jalin-test');
    // Named by route template and operation: a plan's id never becomes a span name.
    expect(trace.map((span) => span.name).join(' ')).not.toContain(planId);
  });

  it("follow a reviewer's action on a running plan (an Update) into its handler", async () => {
    const created = await stack.as(OFFICER).post('/plans').send(newPlanBody()).expect(201);
    const planId = (created.body as { id: string }).id;
    await submit(stack, planId).expect(200);
    await claim(stack, planId, REVIEWER.VERIFICATION).expect(200);

    const trace = await traceOf((span) => span.name === 'POST /plans/:id/task/claim', ['StartWorkflowUpdate:', 'HandleUpdate:']);
    const update = trace.find((span) => span.name.startsWith('StartWorkflowUpdate:'))!;
    expect(parentOf(trace, update)?.name).toBe('POST /plans/:id/task/claim');
    const handled = trace.find((span) => span.name.startsWith('HandleUpdate:'))!;
    expect(parentOf(trace, handled)).toBe(update);
  });

  it('is off without the setting', () => {
    expect(startTracing(undefined, 'jalin-test')).toBeUndefined();
  });
});
