// Index assignment on WebGPU through the synchronous API (setIndex_ / indexPut): the golden
// conformance suite runs these ops through their async forms, so this file checks the
// device-side path (a single bool mask whose value doesn't vary along the selection is a
// `where` on the device, nothing read back) against the same PyTorch cases, and that the
// other mask cases ask for the async form instead of reading back.
import * as core from '@antorcha/core';
import { type EncodedResult, type OpCase, compareTensor, decodeArg, loadOpCases } from '@antorcha/core/testing';
import { describe, expect, it } from 'vitest';
import { backend, hasGpu } from './gpu.js';

const supported = backend?.dtypes ?? new Set<string>();
const usesMask = (spec: unknown[]) => spec.some((s) => s !== null && typeof s === 'object' && (s as { dtype?: string }).dtype === 'bool');
const cases = loadOpCases().filter(
  (c) =>
    (c.op === 'setitem' || c.op === 'index_put') &&
    !('error' in (c.expected as object)) &&
    usesMask(c.args[1] as unknown[]) &&
    JSON.stringify(c.args).includes('"float32"') &&
    !JSON.stringify(c.args).includes('"float64"') &&
    supported.has('float32'),
);

async function run(c: OpCase): Promise<'device' | 'async'> {
  const [x, spec, v] = c.args.map((a) => decodeArg(a, 'webgpu')) as [core.Tensor, any[], any];
  const accumulate = (c.kwargs.accumulate as boolean | undefined) ?? false;
  let out: core.Tensor;
  try {
    out = c.op === 'setitem' ? core.setIndex_(x, spec, v) : core.indexPut(x, spec, v, { accumulate });
  } catch (e) {
    expect((e as Error).message).toMatch(/can only read asynchronously/);
    return 'async';
  }
  const data = await out.data();
  expect(compareTensor(out, c.expected as EncodedResult, undefined, data)).toBeNull();
  return 'device';
}

describe.skipIf(!hasGpu)('index assignment with bool masks on webgpu, synchronous API', () => {
  const seen = { device: 0, async: 0 };
  for (const c of cases) it(c.name, async () => void seen[await run(c)]++);
  it('ran most mask cases on the device', () => {
    expect(seen.device).toBeGreaterThanOrEqual(5);
    expect(seen.device + seen.async).toBe(cases.length);
  });
});
