// Where `npm start` listens. It seeds demo users whose password is published, so by
// default it answers only this machine; HOST opens it to a network on purpose.
import { isLoopbackAddress } from '../../../domain/demo-password';

export const EMBEDDED_DEFAULT_HOST = '127.0.0.1';

export function embeddedListenHost(env: NodeJS.ProcessEnv): string {
  return env.HOST?.trim() || EMBEDDED_DEFAULT_HOST;
}

/** Said at start-up when the API is reachable from other machines while demo users exist. */
export function exposedDemoWarning(host: string, demoUsers: boolean): string | undefined {
  if (!demoUsers || isLoopbackAddress(host) || host === 'localhost') return undefined;
  return (
    `  Warning: HOST=${host} makes Jalin reachable from other machines. The demo password is refused from them\n` +
    `  (it works only from this machine); create real accounts, or start with SEED_DEMO_USERS=false.\n`
  );
}
