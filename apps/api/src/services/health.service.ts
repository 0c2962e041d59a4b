// Reachability of what the API depends on, for load balancers and operators.
import { Inject, Injectable } from '@nestjs/common';
import type { Client } from '@temporalio/client';
import type { Database } from '../../../../persistence';
import { DATABASE, TEMPORAL_CLIENT } from '../tokens';

export interface DependencyHealth {
  up: boolean;
  latencyMs: number;
  error?: string;
}

export interface HealthReport {
  status: 'ok' | 'unavailable';
  database: DependencyHealth;
  temporal: DependencyHealth;
}

const CHECK_TIMEOUT_MS = 3000;

async function probe(check: () => Promise<unknown>): Promise<DependencyHealth> {
  const started = performance.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
      }),
    ]);
    return { up: true, latencyMs: Math.round(performance.now() - started) };
  } catch (error) {
    return { up: false, latencyMs: Math.round(performance.now() - started), error: error instanceof Error ? error.message : String(error) };
  } finally {
    clearTimeout(timer);
  }
}

@Injectable()
export class HealthService {
  constructor(
    @Inject(DATABASE) private readonly database: Database,
    @Inject(TEMPORAL_CLIENT) private readonly temporal: Client,
  ) {}

  async check(): Promise<HealthReport> {
    const [database, temporal] = await Promise.all([probe(() => this.database.ping()), probe(() => this.temporal.workflowService.getSystemInfo({}))]);
    return { status: database.up && temporal.up ? 'ok' : 'unavailable', database, temporal };
  }
}
