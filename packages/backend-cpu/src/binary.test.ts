import { castScalar } from '@antorcha/core';
import type { BinaryOp, DTypeName, Operand, TensorRef } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { be, broadcastView, close, type LayoutKind, numelOf, output, read, rng, view } from '../test/helpers.js';
import { BOOL_RESULT, isFloat, refBinary } from '../test/reference.js';

const SHAPE = [3, 4, 5];
const N = numelOf(SHAPE);

const FLOAT_OPS: BinaryOp[] = [
  'add', 'sub', 'mul', 'div', 'floorDivide', 'truncDivide', 'pow', 'maximum', 'minimum', 'fmax', 'fmin',
  'remainder', 'fmod', 'atan2', 'hypot', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logicalAnd', 'logicalOr', 'logicalXor',
  'copysign', 'nextafter',
];
const INT_OPS: BinaryOp[] = [
  'add', 'sub', 'mul', 'floorDivide', 'truncDivide', 'pow', 'maximum', 'minimum', 'remainder', 'fmod',
  'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logicalAnd', 'logicalOr', 'logicalXor', 'bitwiseAnd', 'bitwiseOr', 'bitwiseXor',
  'gcd', 'lcm', 'bitwiseLeftShift', 'bitwiseRightShift',
];
const SHIFTS = new Set<BinaryOp>(['bitwiseLeftShift', 'bitwiseRightShift']);
const BOOL_OPS: BinaryOp[] = [
  'add', 'mul', 'maximum', 'minimum', 'eq', 'ne', 'lt', 'le', 'gt', 'ge',
  'logicalAnd', 'logicalOr', 'logicalXor', 'bitwiseAnd', 'bitwiseOr', 'bitwiseXor',
];
const OPS: Partial<Record<DTypeName, BinaryOp[]>> = {
  float32: FLOAT_OPS, float64: FLOAT_OPS, int32: INT_OPS, int64: INT_OPS, uint8: INT_OPS, bool: BOOL_OPS,
};
const APPROX = new Set<BinaryOp>(['atan2', 'hypot', 'pow']);

/** Values that exercise the op without undefined corners (no integer division by zero, small exponents). */
function values(op: BinaryOp, dt: DTypeName, seed: number, divisor: boolean): number[] {
  const r = rng(seed);
  const out: number[] = [];
  for (let i = 0; i < N; i++) {
    let v: number;
    if (isFloat(dt)) v = Math.round((r() - 0.5) * 64) / 4; // quarters in [-8, 8]
    else if (dt === 'bool') v = r() < 0.5 ? 1 : 0;
    else if (dt === 'uint8') v = Math.floor(r() * 256);
    else v = dt === 'int64' ? Math.floor((r() - 0.5) * 2 ** 26) : Math.floor((r() - 0.5) * 2 ** 32);
    if (op === 'pow' && !isFloat(dt) && !divisor) v = Math.floor((r() - 0.5) * 40);
    if (op === 'pow' && divisor) v = isFloat(dt) ? Math.round(r() * 6) - 2 : Math.floor(r() * 7);
    if (divisor && v === 0 && !isFloat(dt) && dt !== 'bool') v = 3;
    // shift amounts within the dtype's width (int64 values stay below 2^53 after the shift)
    if (SHIFTS.has(op) && divisor) v = Math.floor(r() * (dt === 'uint8' ? 8 : dt === 'int32' ? 32 : 26));
    if (i % 11 === 0 && !divisor) v = castScalar(v, dt) === 0 ? 1 : v; // keep some equal pairs below
    out.push(castScalar(v, dt));
  }
  // a few equal pairs so eq/le/ge/maximum see ties
  return out;
}

function expected(op: BinaryOp, a: number[], b: number[], cd: DTypeName, outDt: DTypeName): number[] {
  return a.map((x, i) => {
    const v = refBinary(op, x, b[i], cd);
    return castScalar(BOOL_RESULT.has(op) ? v : castScalar(v, cd), outDt);
  });
}

function check(op: BinaryOp, got: number[], want: number[], cd: DTypeName): void {
  const rtol = APPROX.has(op) ? (cd === 'float32' ? 3e-7 : 1e-14) : 0;
  const bad = got.findIndex((g, i) => !(close(g, want[i], rtol) || (g === 0 && want[i] === 0)));
  if (bad >= 0) expect({ op, cd, index: bad, got: got[bad] }).toEqual({ op, cd, index: bad, got: want[bad] });
}

type Arg = { kind: 'view'; layout: LayoutKind } | { kind: 'scalar' } | { kind: 'broadcast' };
const COMBOS: [Arg, Arg, LayoutKind][] = [
  [{ kind: 'view', layout: 'contiguous' }, { kind: 'view', layout: 'contiguous' }, 'contiguous'],
  [{ kind: 'view', layout: 'permuted' }, { kind: 'view', layout: 'gapped' }, 'contiguous'],
  [{ kind: 'view', layout: 'offset' }, { kind: 'broadcast' }, 'permuted'],
  [{ kind: 'scalar' }, { kind: 'view', layout: 'permuted' }, 'gapped'],
  [{ kind: 'broadcast' }, { kind: 'scalar' }, 'offset'],
  [{ kind: 'view', layout: 'contiguous' }, { kind: 'scalar' }, 'contiguous'],
];

function operand(arg: Arg, dt: DTypeName, vals: number[]): { op: Operand; logical: number[] } {
  if (arg.kind === 'scalar') return { op: vals[0], logical: new Array(N).fill(vals[0]) };
  if (arg.kind === 'broadcast') {
    // [3, 1, 5] broadcast over dim 1
    const small = vals.slice(0, 15);
    const { ref, values } = broadcastView(dt, SHAPE, [3, 1, 5], small);
    return { op: ref, logical: values };
  }
  return { op: view(dt, SHAPE, vals, arg.layout), logical: vals };
}

describe('binary: every op, dtype and layout against a naive reference', () => {
  for (const cd of Object.keys(OPS) as DTypeName[]) {
    for (const op of OPS[cd] ?? []) {
      it(`${op} ${cd}`, () => {
        const outDt: DTypeName = BOOL_RESULT.has(op) ? 'bool' : cd;
        for (const [ca, cb, lo] of COMBOS) {
          const a = operand(ca, cd, values(op, cd, 7, false));
          const b = operand(cb, cd, values(op, cd, 13, true));
          const out = output(outDt, SHAPE, lo);
          be.binary(op, a.op, b.op, out, cd);
          check(op, read(out), expected(op, a.logical, b.logical, cd, outDt), cd);
        }
      });
    }
  }
});

describe('binary: dtype conversions', () => {
  it('reads inputs of other dtypes converted to the compute dtype', () => {
    // int64 values beyond 2^24 must round to float32 before adding
    const a = view('int64', [4], [16777217, 3, -16777219, 2 ** 40 + 1]);
    const b = view('float32', [4], [0, 0.5, 0, 0]);
    const out = output('float32', [4]);
    be.binary('add', a, b, out, 'float32');
    expect(read(out)).toEqual([16777216, 3.5, -16777220, Math.fround(2 ** 40)]);
    // float64 input in float32 compute
    const c = view('float64', [2], [0.1, 1 + 2 ** -30]);
    const out2 = output('float32', [2]);
    be.binary('mul', c, 1, out2, 'float32');
    expect(read(out2)).toEqual([Math.fround(0.1), 1]);
  });

  it('rounds to the compute dtype before casting to another output dtype', () => {
    const a = view('float32', [2], [1, 0.1]);
    const out = output('float64', [2]);
    be.binary('add', a, Math.fround(1e-8), out, 'float32');
    expect(read(out)).toEqual([1, Math.fround(Math.fround(0.1) + Math.fround(1e-8))]);
    const i = view('int32', [2], [2 ** 31 - 1, -5]);
    const o64 = output('int64', [2]);
    be.binary('add', i, 1, o64, 'int32');
    expect(read(o64)).toEqual([-(2 ** 31), -4]);
    const ob = output('bool', [2]);
    be.binary('sub', view('float64', [2], [1, 1]), view('float64', [2], [1, 0.5]), ob, 'float64');
    expect(read(ob)).toEqual([0, 1]);
    const of = output('float32', [3]);
    be.binary('add', view('bool', [3], [1, 1, 0]), view('bool', [3], [1, 0, 0]), of, 'bool');
    expect(read(of)).toEqual([1, 1, 0]);
    const oi = output('int64', [2]);
    be.binary('mul', view('float64', [2], [2.5, -1.5]), 3, oi, 'float64');
    expect(read(oi)).toEqual([7, -4]);
  });

  it('integer division by zero gives 0 without hanging', () => {
    for (const dt of ['int32', 'int64', 'uint8'] as DTypeName[]) {
      for (const op of ['floorDivide', 'truncDivide', 'remainder', 'fmod'] as BinaryOp[]) {
        const out = output(dt, [3]);
        be.binary(op, view(dt, [3], [5, 0, 7]), 0, out, dt);
        expect(read(out)).toEqual([0, 0, 0]);
      }
    }
  });

  it('produces no negative zero in int64', () => {
    const out = output('int64', [4]);
    be.binary('mul', view('int64', [4], [0, 0, -3, 4]), view('int64', [4], [-5, 5, 0, 0]), out, 'int64');
    read(out).forEach((v) => expect(Object.is(v, -0)).toBe(false));
    be.binary('truncDivide', view('int64', [2], [-1, 1]), view('int64', [2], [3, -3]), out, 'int64');
    be.binary('remainder', view('int64', [4], [-4, 4, -3, 0]), view('int64', [4], [2, -2, 3, -7]), out, 'int64');
    read(out).forEach((v) => expect(Object.is(v, -0)).toBe(false));
  });

  it('handles empty and 0-d tensors', () => {
    const e: TensorRef = output('float32', [0, 3]);
    be.binary('add', e, e, e, 'float32');
    const s = view('float32', [], [2]);
    const o = output('float32', []);
    be.binary('mul', s, 3, o, 'float32');
    expect(read(o)).toEqual([6]);
  });

  it('shifts int64 past 32 bits, the count taken mod 64 as x86 does', () => {
    const o = output('int64', [4]);
    be.binary('bitwiseLeftShift', view('int64', [4], [1, -5, 3, 1]), view('int64', [4], [40, 33, 62, -3]), o, 'int64');
    expect(read(o)).toEqual([2 ** 40, -5 * 2 ** 33, -(2 ** 62), 2 ** 61]);
    be.binary('bitwiseRightShift', view('int64', [4], [2 ** 40, -(2 ** 40), -5, 7]), view('int64', [4], [33, 35, 65, -62]), o, 'int64');
    expect(read(o)).toEqual([128, -32, -3, 1]);
  });

  it('supports in-place ops (out is the same view as an input)', () => {
    const a = view('float32', [2, 3], [1, 2, 3, 4, 5, 6], 'permuted');
    be.binary('mul', a, 2, a, 'float32');
    expect(read(a)).toEqual([2, 4, 6, 8, 10, 12]);
  });
});

describe('where', () => {
  it('selects over layouts, broadcasts and scalars, casting to the output dtype', () => {
    const r = rng(5);
    const cond = Array.from({ length: N }, () => (r() < 0.5 ? 1 : 0));
    const a = Array.from({ length: N }, (_, i) => i * 1.5);
    for (const [lc, la, lo] of [['contiguous', 'contiguous', 'contiguous'], ['permuted', 'gapped', 'offset']] as LayoutKind[][]) {
      const out = output('float32', SHAPE, lo);
      const { ref: b, values: bv } = broadcastView('int32', SHAPE, [1, 4, 1], [10, 20, 30, 40]);
      be.where(view('bool', SHAPE, cond, lc), view('float64', SHAPE, a, la), b, out);
      expect(read(out)).toEqual(cond.map((c, i) => (c ? Math.fround(a[i]) : bv[i])));
      be.where(view('uint8', SHAPE, cond.map((c) => c * 7), lc), -1, 2.5, out);
      expect(read(out)).toEqual(cond.map((c) => (c ? -1 : 2.5)));
    }
    const ob = output('bool', [3]);
    be.where(view('bool', [3], [1, 0, 1]), view('float32', [3], [0.5, 1, 0]), 0, ob);
    expect(read(ob)).toEqual([1, 0, 0]);
  });
});
