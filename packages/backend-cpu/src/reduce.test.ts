import type { DTypeName, ReduceOp, TensorRef } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { be, DTYPES, type LayoutKind, numelOf, output, read, sample, view } from '../test/helpers.js';
import { isFloat, roundFloat, wrapInt } from '../test/reference.js';

const SHAPE = [3, 4, 5];

/** Naive reduction of one block (row-major order), result in the compute dtype. */
function refReduce(op: ReduceOp, block: number[], cd: DTypeName): number {
  const nanIdx = block.findIndex((v) => Number.isNaN(v));
  switch (op) {
    case 'sum':
    case 'nansum': {
      const vals = op === 'nansum' ? block.filter((v) => !Number.isNaN(v)) : block;
      if (isFloat(cd)) return roundFloat(vals.reduce((a, b) => a + b, 0), cd);
      return wrapInt(vals.reduce((a, b) => a + BigInt(b), 0n), cd);
    }
    case 'prod':
      if (isFloat(cd)) return block.reduce((a, b) => roundFloat(a * b, cd), 1);
      return wrapInt(block.reduce((a, b) => a * BigInt(b), 1n), cd);
    case 'max':
      return nanIdx >= 0 ? NaN : Math.max(...block);
    case 'min':
      return nanIdx >= 0 ? NaN : Math.min(...block);
    case 'argmax':
      return nanIdx >= 0 ? nanIdx : block.indexOf(Math.max(...block));
    case 'argmin':
      return nanIdx >= 0 ? nanIdx : block.indexOf(Math.min(...block));
    case 'all':
      return block.every((v) => v !== 0) ? 1 : 0;
    case 'any':
      return block.some((v) => v !== 0) ? 1 : 0;
  }
}

function outDtype(op: ReduceOp, cd: DTypeName): DTypeName {
  return op === 'argmax' || op === 'argmin' ? 'int64' : op === 'all' || op === 'any' ? 'bool' : cd;
}

function expected(op: ReduceOp, values: number[], shape: number[], k: number, cd: DTypeName): number[] {
  const inner = numelOf(shape.slice(shape.length - k));
  const outer = numelOf(shape.slice(0, shape.length - k));
  const res: number[] = [];
  for (let o = 0; o < outer; o++) res.push(refReduce(op, values.slice(o * inner, (o + 1) * inner), cd));
  return res;
}

/** One float32 ulp at |v|. */
function ulp32(v: number): number {
  const a = Math.abs(v);
  if (a < 2 ** -126) return 2 ** -149;
  return 2 ** (Math.floor(Math.log2(a)) - 23);
}

/**
 * float32 sums add in float32 in PyTorch's order (pinned bit for bit against torch.sum by
 * fixtures/sum-order.json in reduce-wasm.test.ts): here each result must lie within the float32
 * summation error bound (n·2⁻²⁴·Σ|x|, plus one ulp) of the exact sum, NaN/±Inf exactly where
 * it has them.
 */
function expectSumsF32(got: number[], values: number[], shape: number[], k: number, tag: unknown): void {
  const inner = numelOf(shape.slice(shape.length - k));
  const want = expected('sum', values, shape, k, 'float32');
  expect(got.length).toBe(want.length);
  for (let o = 0; o < want.length; o++) {
    const w = want[o]!, g = got[o]!;
    if (!Number.isFinite(w)) {
      expect({ tag, o, g }).toEqual({ tag, o, g: w });
      continue;
    }
    let abs = 0;
    for (let i = 0; i < inner; i++) abs += Math.abs(values[o * inner + i]!);
    expect({ tag, o, ok: Math.abs(g - w) <= inner * 2 ** -24 * abs + ulp32(w) }).toEqual({ tag, o, ok: true });
  }
}

const OPS: ReduceOp[] = ['sum', 'nansum', 'prod', 'max', 'min', 'argmax', 'argmin', 'all', 'any'];
const LAYOUTS: [LayoutKind, LayoutKind][] = [['contiguous', 'contiguous'], ['permuted', 'gapped'], ['gapped', 'permuted'], ['offset', 'offset']];

describe('reduce: every op, dtype, layout and number of reduced dims', () => {
  for (const cd of DTYPES) {
    for (const op of OPS) {
      if (cd === 'bool' && (op === 'sum' || op === 'nansum' || op === 'prod')) continue;
      if (op === 'nansum' && !isFloat(cd)) continue;
      it(`${op} ${cd}`, () => {
        let values = sample(cd, numelOf(SHAPE), 4, true);
        if (op === 'prod') values = values.map((v) => (isFloat(cd) ? roundFloat(Number.isFinite(v) ? 1 + v / 16 : v, cd) : cd === 'uint8' ? v : v % 7));
        // ties for the arg-reductions
        values[5] = values[9];
        for (let k = 0; k <= SHAPE.length; k++) {
          const outShape = SHAPE.slice(0, SHAPE.length - k);
          for (const [lx, lo] of LAYOUTS) {
            const out = output(outDtype(op, cd), outShape, lo);
            be.reduce(op, view(cd, SHAPE, values, lx), k, out, cd);
            if (op === 'sum' && cd === 'float32') {
              expectSumsF32(read(out), values, SHAPE, k, { k, lx });
              continue;
            }
            const want = expected(op, values, SHAPE, k, cd);
            expect({ k, lx, got: read(out) }).toEqual({ k, lx, got: want });
          }
        }
      });
    }
  }
});

describe('reduce: column mode and special cases', () => {
  it('reduces leading memory dims (sum over dim 0 of a matrix) like the row walk', () => {
    // memory [6, 5] contiguous; core permutes the reduced dim 0 last: view [5, 6] strides [1, 5]
    const mem = sample('float32', 30, 8, true);
    const buf = view('float32', [30], mem);
    const x: TensorRef = { ...buf, shape: [5, 6], strides: [1, 5] };
    const logical: number[] = [];
    for (let i = 0; i < 5; i++) for (let j = 0; j < 6; j++) logical.push(mem[j * 5 + i]);
    for (const op of OPS) {
      const cd: DTypeName = 'float32';
      const out = output(outDtype(op, cd), [5]);
      be.reduce(op, x, 1, out, cd);
      if (op === 'sum') expectSumsF32(read(out), logical, [5, 6], 1, op);
      else expect({ op, got: read(out) }).toEqual({ op, got: expected(op, logical, [5, 6], 1, cd) });
    }
  });

  it('sums float32 within the float32 summation error bound on an ill-conditioned input', () => {
    // 1e8 then 10000 × 0.1 (fixtures/sum-order.json pins the bits of float32 sums against torch.sum)
    const n = 10001;
    const values = new Array(n).fill(0.1);
    values[0] = 1e8;
    const out = output('float32', []);
    be.reduce('sum', view('float32', [n], values), 1, out, 'float32');
    const exact = values.reduce((a, b) => a + Math.fround(b), 0);
    expect(Math.abs(read(out)[0]! - exact)).toBeLessThanOrEqual(n * 2 ** -24 * Math.abs(exact));
  });

  it('empty reductions give the identities', () => {
    const x = view('float32', [3, 0], []);
    for (const [op, v] of [['sum', 0], ['prod', 1], ['all', 1], ['any', 0], ['nansum', 0]] as [ReduceOp, number][]) {
      const out = output(op === 'all' || op === 'any' ? 'bool' : 'float32', [3]);
      be.reduce(op, x, 1, out, 'float32');
      expect(read(out)).toEqual([v, v, v]);
    }
  });

  it('casts to a different output dtype after rounding to the compute dtype', () => {
    const out = output('int64', [1]);
    be.reduce('sum', view('int32', [1, 2], [2 ** 31 - 1, 1]), 1, out, 'int32');
    expect(read(out)).toEqual([-(2 ** 31)]);
    const o2 = output('float64', [1]);
    be.reduce('sum', view('float32', [1, 2], [1, 1e-8]), 1, o2, 'float32');
    expect(read(o2)).toEqual([1]);
    const o3 = output('int64', [1]);
    be.reduce('sum', view('bool', [1, 3], [1, 1, 0]), 1, o3, 'int64');
    expect(read(o3)).toEqual([2]);
  });
});
