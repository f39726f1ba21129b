// The WebAssembly addcmul/addcdiv kernels against the JavaScript ones, bit for bit, on
// random values, specials, and the rare float32 midpoints where addcmul's emulated FMA
// must not round half to even.
import type { Operand, TensorRef } from '@antorcha/core';
import { contiguousStrides } from '@antorcha/core';
import { afterAll, describe, expect, it } from 'vitest';
import { type CpuBuffer, allocBuffer } from './memory.js';
import { ternary } from './ternary.js';
import { heapAddress, setCpuKernels, wasmKernels } from './wasm/runtime.js';

afterAll(() => setCpuKernels('wasm'));

let seed = 12345;
function rand(): number {
  seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
  return seed / 2 ** 32;
}

const SPECIALS = [0, -0, Infinity, -Infinity, NaN, 1e-45, -1e-45, 1.1754942e-38, 3.4028235e38, -3.4028235e38, 1, -1];
const C_TIE = 2 ** 30 + 128; // odd last bit: half-to-even would round the midpoint up
const A_TIE = Math.fround(64 * (1 + 2 ** -23));
const B_TIE = Math.fround(1 - 2 ** -23); // A·B = 2^6 − 2^-40: C + A·B rounds (in double) onto a midpoint

function heapRef(values: Float32Array, offset = 0): TensorRef {
  const buffer = allocBuffer('float32', values.length + offset);
  (buffer.data as Float32Array).set(values, offset);
  return { buffer, dtype: 'float32', shape: [values.length], strides: [1], offset };
}

function randomValues(n: number, ties: boolean): { s: Float32Array; a: Float32Array; b: Float32Array } {
  const s = new Float32Array(n), a = new Float32Array(n), b = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (ties && r < 0.2) {
      s[i] = C_TIE;
      a[i] = A_TIE;
      b[i] = B_TIE;
    } else if (r < 0.25) {
      s[i] = SPECIALS[Math.floor(rand() * SPECIALS.length)]!;
      a[i] = SPECIALS[Math.floor(rand() * SPECIALS.length)]!;
      b[i] = SPECIALS[Math.floor(rand() * SPECIALS.length)]!;
    } else {
      s[i] = (rand() - 0.5) * 10;
      a[i] = (rand() - 0.5) * 10;
      b[i] = (rand() - 0.5) * 10 + (rand() < 0.1 ? 0 : 0.001);
    }
  }
  return { s, a, b };
}

function run(mode: 'js' | 'wasm', op: 'addcmul' | 'addcdiv', s: TensorRef, a: TensorRef, b: Operand, v: number, n: number): Float32Array {
  setCpuKernels(mode);
  const out: TensorRef = { buffer: allocBuffer('float32', n), dtype: 'float32', shape: [n], strides: contiguousStrides([n]), offset: 0 };
  ternary(op, s, a, b, v, out, 'float32');
  return Float32Array.from((out.buffer as CpuBuffer).data as Float32Array);
}

function sameBits(x: Float32Array, y: Float32Array): void {
  expect(x.length).toBe(y.length);
  for (let i = 0; i < x.length; i++) {
    if (Number.isNaN(x[i]) && Number.isNaN(y[i])) continue;
    if (!Object.is(x[i], y[i])) expect(`${i}: ${y[i]}`).toBe(`${i}: ${x[i]}`);
  }
}

describe('WebAssembly addcmul/addcdiv', () => {
  it('is loaded', () => {
    expect(wasmKernels()).not.toBeNull();
  });

  it('the midpoint case is real: the emulated FMA rounds it down where half-to-even would go up', () => {
    const s = heapRef(new Float32Array(64).fill(C_TIE));
    const a = heapRef(new Float32Array(64).fill(A_TIE));
    const b = heapRef(new Float32Array(64).fill(B_TIE));
    expect(Math.fround(C_TIE + A_TIE * B_TIE)).toBe(C_TIE + 128);
    const got = run('wasm', 'addcmul', s, a, b, 1, 64);
    expect(Array.from(new Set(got))).toEqual([C_TIE]);
  });

  for (const n of [64, 65, 67, 100, 1000, 4099]) {
    for (const ties of [false, true]) {
      it(`addcmul, n = ${n}${ties ? ', with midpoints' : ''}: t2 a tensor, a broadcast value and a number`, () => {
        const { s, a, b } = randomValues(n, ties);
        const S = heapRef(s, n % 3), A = heapRef(a, 1), B = heapRef(b);
        for (const v of [1, -0.5, Math.fround(0.1), 3]) {
          sameBits(run('js', 'addcmul', S, A, B, v, n), run('wasm', 'addcmul', S, A, B, v, n));
          sameBits(run('js', 'addcmul', S, A, -0.01, v, n), run('wasm', 'addcmul', S, A, -0.01, v, n));
          const one = heapRef(new Float32Array(64).fill(Math.fround(-0.3)));
          const B0: TensorRef = { ...one, shape: [n], strides: [0] };
          expect(heapAddress(B0)).toBeGreaterThan(0);
          sameBits(run('js', 'addcmul', S, A, B0, v, n), run('wasm', 'addcmul', S, A, B0, v, n));
        }
      });
    }
    it(`addcdiv, n = ${n}`, () => {
      const { s, a, b } = randomValues(n, false);
      const S = heapRef(s, 2), A = heapRef(a), B = heapRef(b, 1);
      // core passes `value` already cast to the compute dtype
      for (const v of [1, Math.fround(-0.001), Math.fround(0.3)]) sameBits(run('js', 'addcdiv', S, A, B, v, n), run('wasm', 'addcdiv', S, A, B, v, n));
    });
  }

  it('in place (out is self), as the optimizers call it', () => {
    const n = 1000;
    const { s, a, b } = randomValues(n, true);
    const results: Float32Array[] = [];
    for (const mode of ['js', 'wasm'] as const) {
      setCpuKernels(mode);
      const S = heapRef(s), A = heapRef(a), B = heapRef(b);
      ternary('addcmul', S, A, B, 0.5, S, 'float32');
      ternary('addcdiv', S, A, B, -0.25, S, 'float32');
      results.push(Float32Array.from((S.buffer as CpuBuffer).data as Float32Array));
    }
    sameBits(results[0]!, results[1]!);
  });
});
