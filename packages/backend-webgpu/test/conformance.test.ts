// The golden op suite from @antorcha/core/testing (real PyTorch results) on WebGPU,
// grouped by the dtype of each case's first input. Cases that involve a dtype the
// backend does not store (float64) are skipped by the backend's declared dtypes.
import type { DTypeName } from '@antorcha/core';
import { type OpCase, loadOpCases, runOpCaseAsync } from '@antorcha/core/testing';
import { describe, expect, it } from 'vitest';
import { backend, hasGpu } from './gpu.js';

const DTYPES = new Set(['float32', 'float64', 'int32', 'int64', 'uint8', 'bool']);

/** Every dtype a case mentions (inputs, dtype arguments, expected results). */
function dtypesOf(value: unknown, into = new Set<DTypeName>()): Set<DTypeName> {
  if (typeof value === 'string') {
    if (DTYPES.has(value)) into.add(value as DTypeName);
  } else if (Array.isArray(value)) {
    for (const v of value) dtypesOf(v, into);
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) if (k === 'dtype' || typeof v === 'object') dtypesOf(v, into);
  }
  return into;
}

/** The dtype a case is filed under: its first input tensor's, else its result's. */
function primaryDtype(c: OpCase): string {
  const first = (v: unknown): string | null => {
    if (Array.isArray(v)) {
      for (const x of v) {
        const d = first(x);
        if (d) return d;
      }
      return null;
    }
    if (v !== null && typeof v === 'object' && (v as { tensor?: boolean }).tensor === true) return (v as { dtype: string }).dtype;
    return null;
  };
  const exp = c.expected as { dtype?: string } | { dtype?: string }[];
  return first(c.args) ?? (Array.isArray(exp) ? exp[0]?.dtype : exp.dtype) ?? 'other';
}

const cases = loadOpCases();
const groups = new Map<string, OpCase[]>();
for (const c of cases) {
  const d = primaryDtype(c);
  groups.set(d, [...(groups.get(d) ?? []), c]);
}

describe.skipIf(!hasGpu)('golden ops (PyTorch) on webgpu', () => {
  const supported = backend?.dtypes ?? new Set<string>();
  for (const [dtype, list] of [...groups].sort()) {
    describe(dtype, () => {
      for (const c of list) {
        const missing = [...dtypesOf([c.args, c.kwargs, c.expected])].filter((d) => !supported.has(d));
        if (missing.length > 0) it.skip(`${c.op}: ${c.name} (webgpu does not store ${missing.join(', ')})`, () => {});
        else it(`${c.op}: ${c.name}`, async () => expect(await runOpCaseAsync(c, 'webgpu')).toBeNull());
      }
    });
  }
});
