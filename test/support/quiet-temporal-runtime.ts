import { DefaultLogger, Runtime } from '@temporalio/worker';

/** Temporal's core logs only warnings in tests, unless JALIN_TEST_VERBOSE is set. */
export function quietTemporalRuntime(): void {
  try {
    Runtime.install({ logger: new DefaultLogger(process.env.JALIN_TEST_VERBOSE ? 'INFO' : 'WARN') });
  } catch {
    // Installed already by an earlier stack in this process.
  }
}
