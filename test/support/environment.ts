// What the global setup prepared, as the test files read it from their environment.
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

export interface TestEnvironment {
  temporalAddress: string;
  /** A database on the test server that test databases are cloned from. */
  templateDatabaseUrl: string;
  workflowBundlePath: string;
  temporalCliPath: string;
  /** Names every database this run creates, so the teardown finds them. */
  runId: string;
}

export function testEnvironment(): TestEnvironment {
  const read = (name: string) => {
    const value = process.env[name];
    if (!value) throw new Error(`${name} is not set: run the tests with \`npm test\`, whose global setup prepares it`);
    return value;
  };
  return {
    temporalAddress: read('JALIN_TEST_TEMPORAL_ADDRESS'),
    templateDatabaseUrl: read('JALIN_TEST_TEMPLATE_DATABASE_URL'),
    workflowBundlePath: read('JALIN_TEST_WORKFLOW_BUNDLE'),
    temporalCliPath: read('JALIN_TEST_TEMPORAL_CLI'),
    runId: read('JALIN_TEST_RUN_ID'),
  };
}

export function databaseUrlFor(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}
