// Activities that wait on the network (an SMTP server, a webhook receiver) heartbeat
// while they wait, so an attempt whose worker died is retried after the heartbeat
// timeout (seconds), not after its whole start-to-close timeout (minutes).
import { Context } from '@temporalio/activity';

export const HEARTBEAT_EVERY_MS = 2_000;
/** For the workflow side: a few missed heartbeats mean the worker is gone. */
export const HEARTBEAT_TIMEOUT = '10 seconds';

export async function heartbeating<T>(work: () => Promise<T>): Promise<T> {
  const context = Context.current();
  context.heartbeat();
  const timer = setInterval(() => context.heartbeat(), HEARTBEAT_EVERY_MS);
  try {
    return await work();
  } finally {
    clearInterval(timer);
  }
}
