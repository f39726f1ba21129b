// Shared by the fuzz tests: one way to run a seeded property, so that a failure is shrunk by
// fast-check and printed, or (FUZZ_REPORT=1) every distinct failure is listed at once.
import fc from 'fast-check';
import { expect } from 'vitest';

/** FUZZ_REPORT=1: list every distinct failure instead of stopping at the first (shrunk) one. */
export const REPORT = process.env.FUZZ_REPORT === '1';

/**
 * Runs `body` over `numRuns` draws of `arbs` from `seed`. `body` returns null when the
 * contract holds, else a reproducer. `keyOf` groups reproducers into distinct failures
 * for the report mode.
 */
export function runProperty<T extends unknown[]>(
  arbs: { [K in keyof T]: fc.Arbitrary<T[K]> },
  body: (...v: T) => string | null,
  seed: number,
  numRuns: number,
  keyOf: (verdict: string) => string,
): void {
  if (!REPORT) {
    fc.assert(
      fc.property(...(arbs as unknown as [fc.Arbitrary<unknown>]), ((...v: T) => {
        const verdict = body(...v);
        if (verdict !== null) throw new Error(verdict);
      }) as never),
      { seed, numRuns },
    );
    return;
  }
  const seen = new Map<string, string>();
  for (const v of fc.sample(fc.tuple(...(arbs as unknown as [fc.Arbitrary<unknown>])), { seed, numRuns })) {
    const verdict = body(...(v as unknown as T));
    if (verdict === null) continue;
    const key = keyOf(verdict);
    if (!seen.has(key)) seen.set(key, verdict);
  }
  console.log([...seen.values()].join('\n'));
  expect(seen.size).toBe(0);
}
