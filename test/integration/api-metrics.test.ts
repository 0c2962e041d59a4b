// Issue 15: operators scrape the API process with Prometheus. GET /metrics needs no token
// and gives request latency by method, route template and outcome, and Node's own metrics.
import { OFFICER } from '../support/plan-journey';
import { startTestStack, type TestStack } from '../support/test-stack';

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
});
afterAll(async () => {
  await stack?.stop();
});

describe('GET /metrics', () => {
  it('times requests by route template and outcome, without a token', async () => {
    await stack.as(OFFICER).get('/plans').expect(200);
    await stack.as(OFFICER).get('/plans/00000000-0000-4000-8000-000000000000').expect(404);
    await stack.http().get('/plans').expect(401);

    const scraped = await stack.http().get('/metrics').expect(200);
    expect(scraped.headers['content-type']).toMatch(/^text\/plain/);
    const count = (labels: string) => Number(new RegExp(`^jalin_http_request_duration_seconds_count\\{${labels}\\} (\\d+)$`, 'm').exec(scraped.text)?.[1] ?? 0);
    expect(count('method="GET",route="/plans",outcome="success"')).toBeGreaterThanOrEqual(1);
    expect(count('method="GET",route="/plans/:id",outcome="refused"')).toBeGreaterThanOrEqual(1);
    expect(count('method="GET",route="/plans",outcome="refused"')).toBeGreaterThanOrEqual(1);
    expect(scraped.text).toContain('nodejs_eventloop_lag_seconds');
    // A plan's id never becomes a label.
    expect(scraped.text).not.toContain('00000000-0000-4000-8000-000000000000');
  });
});
