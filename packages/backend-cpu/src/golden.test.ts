/**
 * PyTorch is the judge: every fact in test/fixtures/kernels.json (written by
 * tools/golden/cpu_kernels.py from real torch) must hold, on contiguous and on
 * permuted/gapped layouts alike.
 */
import type { BinaryOp, DTypeName, ReduceOp, ScanOp, UnaryOp } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { be, close, dec, golden, type GoldenCase, type LayoutKind, output, read, view } from '../test/helpers.js';

/** Ops whose results are exact functions PyTorch and we must agree on bit for bit. */
const APPROX = new Set([
  'pow', 'atan2', 'hypot', 'sigmoid', 'logSigmoid', 'erf', 'erfc', 'erfinv', 'gelu', 'geluTanh', 'silu', 'softplus',
  'elu', 'leakyRelu', 'expm1', 'log1p', 'tanh', 'rsqrt', 'logcumsumexp',
]);

function tolerance(c: GoldenCase): number {
  if (!APPROX.has(c.op) || (c.op === 'pow' && c.scalar !== undefined && c.scalar !== 1.5 && c.scalar !== -0.5)) return 0;
  // float32 expectations of smooth functions are torch's float64 results rounded (see tools/golden/cpu_kernels.py)
  if (c.dtype === 'float32') return c.op === 'erfinv' ? 2e-6 : 1.2e-7;
  return c.op === 'erfinv' ? 1e-13 : 4e-16;
}

function resultDtype(c: GoldenCase): DTypeName {
  if (c.kind === 'copy') return c.dst!;
  if (['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logicalAnd', 'logicalOr', 'logicalXor', 'isnan', 'isinf', 'isfinite', 'signbit', 'logicalNot', 'all', 'any'].includes(c.op)) return 'bool';
  if (c.op === 'argmax' || c.op === 'argmin') return 'int64';
  return c.dtype;
}

function run(c: GoldenCase, layout: LayoutKind): { out: number[]; indices?: number[] } {
  const inputs = c.inputs.map((v) => view(c.dtype, c.shape, v.map(dec), layout));
  const rd = resultDtype(c);
  switch (c.kind) {
    case 'binary': {
      const out = output(rd, c.shape, layout);
      be.binary(c.op as BinaryOp, inputs[0], c.scalar ?? inputs[1], out, c.dtype);
      return { out: read(out) };
    }
    case 'unary': {
      const out = output(rd, c.shape, layout);
      be.unary(c.op as UnaryOp, inputs[0], out, c.dtype, c.params);
      return { out: read(out) };
    }
    case 'reduce': {
      const shape = c.shape.slice(0, -1);
      const out = output(rd, shape, layout);
      be.reduce(c.op as ReduceOp, inputs[0], 1, out, c.dtype);
      return { out: read(out) };
    }
    case 'scan': {
      const out = output(rd, c.shape, layout);
      const idx = output('int64', c.shape, layout);
      be.scan(c.op as ScanOp, inputs[0], c.shape.length - 1, out, c.dtype, idx);
      return { out: read(out), indices: read(idx) };
    }
    case 'sort': {
      const out = output(rd, c.shape, layout);
      const idx = output('int64', c.shape, layout);
      be.sort(inputs[0], c.descending === true, true, out, idx);
      return { out: read(out), indices: read(idx) };
    }
    case 'copy': {
      const out = output(rd, c.shape, layout);
      be.copy(inputs[0], out);
      return { out: read(out) };
    }
    case 'matmul': {
      const out = output(rd, [c.shape[0], c.shape[1], c.shape[1]], layout);
      be.matmul(inputs[0], inputs[1], out, c.dtype);
      return { out: read(out) };
    }
  }
  throw new Error(`unknown kind ${c.kind}`);
}

const cases = golden();

describe('PyTorch kernel facts', () => {
  it('has fixtures', () => expect(cases.length).toBeGreaterThan(100));
  for (const c of cases) {
    const label = `${c.kind} ${c.op}${c.scalar !== undefined ? ' scalar ' + c.scalar : ''} ${c.dtype}${c.dst ? '→' + c.dst : ''}${c.descending ? ' desc' : ''}${c.params ? ' ' + JSON.stringify(c.params) : ''}`;
    it(label, () => {
      const want = c.out.map(dec);
      const rtol = tolerance(c);
      for (const layout of ['contiguous', 'permuted', 'gapped'] as LayoutKind[]) {
        const got = run(c, layout);
        const mismatch = got.out.findIndex((g, i) => (rtol === 0 ? !Object.is(g, want[i]) : !close(g, want[i], rtol)));
        if (mismatch >= 0) {
          expect({ layout, input: c.inputs.map((v) => v[mismatch]), got: got.out[mismatch] })
            .toEqual({ layout, input: c.inputs.map((v) => v[mismatch]), got: want[mismatch] });
        }
        if (c.indices) expect(got.indices).toEqual(c.indices.map(dec));
      }
    });
  }
});
