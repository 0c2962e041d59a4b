// Polls until something the system does asynchronously (a workflow timer, a delivery)
// shows, and fails with what was awaited when it does not within the time. `what` may be
// a function, read only when the time is up, to tell what was last seen.
export async function waitFor<T>(
  what: string | (() => string),
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  timeoutMs = 30_000,
  intervalMs = 100,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${typeof what === 'function' ? what() : what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * Lets a window of time pass so that the test can then check that something did NOT
 * happen in it (no second reminder, no duplicate delivery). Nothing marks the end of such
 * a window, so it cannot be a waitFor: use it only for an absence, and say which.
 */
export async function quietPeriod(ms: number, _nothingHappens: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Lets time pass that the scenario itself needs, e.g. a worker kept down for some
 * timeline days while the server's timers run on: there is no condition to wait for,
 * the passing of the time is the point. Say what the time stands for.
 */
export async function letTimePass(ms: number, _standsFor: string): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}
