// Prometheus metrics of an API process at GET /metrics (no token: scrapers carry none,
// and it tells only counts and timings by route template): request latency by method,
// route and outcome, besides Node's own (event loop lag, memory, GC).
import type { INestApplication } from '@nestjs/common';
import type { Express, NextFunction, Request, Response } from 'express';
import { Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export const METRICS_PATH = '/metrics';

/** 2xx and 3xx: success; 4xx: refused (the caller's input or rights); 5xx: failed. */
function outcomeOf(status: number): 'success' | 'refused' | 'failed' {
  return status >= 500 ? 'failed' : status >= 400 ? 'refused' : 'success';
}

/** The route template (`/plans/:id`), so every plan counts under one label. */
export function routeOf(request: Request): string {
  const route = (request as Request & { route?: { path?: unknown } }).route;
  return typeof route?.path === 'string' ? `${request.baseUrl}${route.path}` : 'unmatched';
}

export function serveHttpMetrics(app: INestApplication): void {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const duration = new Histogram({
    name: 'jalin_http_request_duration_seconds',
    help: 'API requests by method, route template and outcome (success, refused: 4xx, failed: 5xx)',
    labelNames: ['method', 'route', 'outcome'] as const,
    buckets: [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5],
    registers: [registry],
  });
  const server = app.getHttpAdapter().getInstance() as Express;
  server.use((request: Request, response: Response, next: NextFunction) => {
    if (request.path === METRICS_PATH) return next();
    const stop = duration.startTimer();
    response.on('finish', () => stop({ method: request.method, route: routeOf(request), outcome: outcomeOf(response.statusCode) }));
    next();
  });
  server.get(METRICS_PATH, (_request: Request, response: Response, next: NextFunction) => {
    registry
      .metrics()
      .then((text) => response.type(registry.contentType).send(text))
      .catch(next);
  });
}
