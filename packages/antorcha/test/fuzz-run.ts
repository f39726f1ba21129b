// Shared by the fuzz tests: one way to run a seeded property, so that a failure is shrunk by
// fast-check and printed, or (FUZZ_REPORT=1) every distinct failure is listed at once.
import fc from 'fast-check';
import { expect } from 'vitest';
import * as torch from '../src/index.js';

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

/**
 * The input tensors the error fuzzes draw from, made fresh for every call: every dtype, 0-d,
 * empty, transposed, expanded, and a leaf that requires grad.
 */
export function fuzzInputs(): torch.Tensor[] {
  const base = torch.arange(12, { dtype: 'float32' }).reshape(3, 4);
  return [
    torch.arange(6, { dtype: 'float32' }).reshape(2, 3),
    torch.tensor([3, -1, 0]),
    torch.tensor([true, false, true]),
    torch.tensor(2.5, { dtype: 'float64' }),
    torch.zeros(0, 2),
    base.t(),
    torch.tensor([1, 2], { dtype: 'int32' }).reshape(2, 1).expand(2, 3),
    torch.tensor([0.5, -1.5, 2], { requiresGrad: true }),
    torch.tensor([[0, 1], [1, 0]]),
  ];
}
