// One span per API request when tracing is on (platform/tracing.ts): the parent of the
// Temporal client's spans, so a trace starts at the person's request. Named by the route
// template once routing knows it, never by a plan's id.
import type { INestApplication } from '@nestjs/common';
import { SpanKind, SpanStatusCode, context, trace } from '@opentelemetry/api';
import type { Express, NextFunction, Request, Response } from 'express';
import { routeOf } from './http-metrics';

export function traceHttpRequests(app: INestApplication): void {
  const tracer = trace.getTracer('jalin-api');
  const server = app.getHttpAdapter().getInstance() as Express;
  server.use((request: Request, response: Response, next: NextFunction) => {
    const span = tracer.startSpan(`${request.method} ${request.path}`, { kind: SpanKind.SERVER, attributes: { 'http.request.method': request.method } });
    response.on('finish', () => {
      const route = routeOf(request);
      span.updateName(`${request.method} ${route}`);
      span.setAttributes({ 'http.route': route, 'http.response.status_code': response.statusCode });
      if (response.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.end();
    });
    context.with(trace.setSpan(context.active(), span), next);
  });
}
