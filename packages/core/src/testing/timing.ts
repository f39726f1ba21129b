/** Timing helpers for tests that an error must be raised at once (memory limits, …). */

/** Milliseconds a fail-fast error may take to appear (it takes well under 1 ms; the rest is slack for a loaded machine). */
export const FAST_MS = 200;

/** Runs `fn`, which must throw; returns the error and how long it took. */
export function timedFailure(fn: () => unknown): { error: unknown; ms: number } {
  const t0 = performance.now();
  try {
    fn();
  } catch (error) {
    return { error, ms: performance.now() - t0 };
  }
  throw new Error('expected an error, but the call returned');
}
