// What the API is built around: connections its caller owns (and closes).
import type { Client } from '@temporalio/client';
import type { Logger } from 'pino';
import type { Database } from '../../../persistence';
import type { AppConfig } from '../../../platform/config';

export interface ApiDependencies {
  config: AppConfig;
  database: Database;
  temporal: Client;
  logger: Logger;
}
