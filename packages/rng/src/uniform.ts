/**
 * `torch.rand` / `Tensor.uniform_(from, to)` (SPEC §2).
 */

import { is113 } from './compat.js';
import { RngError, formatCppDouble } from './errors.js';
import { fma32, fma64 } from './fma.js';
import type { Generator } from './generator.js';
import type { FloatArray } from './types.js';

const FLT_MAX = 3.4028234663852886e38;
const DBL_MAX = Number.MAX_VALUE;
const TWO_M24 = 5.9604644775390625e-8;
const TWO_M53 = 1.1102230246251565e-16;

/**
 * PyTorch's argument checks of `uniform_(from, to)` for a floating tensor of
 * `dtype`, in PyTorch's order and with its texts:
 * `from is out of bounds for float`, `to is out of bounds for double`,
 * `uniform_ expects to return a [from, to) range, but found from=2 > to=1`,
 * `uniform_ expects to-from <= std::numeric_limits<Float>::max(), but found to=3e+38 and from=-3e+38 which result in to-from to exceed the limit`.
 * @throws RngError (RuntimeError).
 */
export function checkUniformArgs(from: number, to: number, dtype: 'float32' | 'float64'): void {
  const max = dtype === 'float32' ? FLT_MAX : DBL_MAX;
  const cname = dtype === 'float32' ? 'float' : 'double';
  if (!(from >= -max && from <= max)) throw new RngError('uniform_', `from is out of bounds for ${cname}`);
  if (!(to >= -max && to <= max)) throw new RngError('uniform_', `to is out of bounds for ${cname}`);
  if (!(from <= to)) {
    throw new RngError(
      'uniform_',
      `uniform_ expects to return a [from, to) range, but found from=${formatCppDouble(from)} > to=${formatCppDouble(to)}`,
    );
  }
  if (!(to - from <= max)) {
    throw new RngError(
      'uniform_',
      `uniform_ expects to-from <= std::numeric_limits<${dtype === 'float32' ? 'Float' : 'Double'}>::max(), but found to=${formatCppDouble(to)} and from=${formatCppDouble(from)} which result in to-from to exceed the limit`,
    );
  }
}

/** Scratch for bulk engine draws. */
const BUF = new Int32Array(1248);

/**
 * out[start..end) = float32 standard uniforms (`(random() & 0xFFFFFF) * 2^-24`,
 * one draw each), drawn in bulk.
 */
export function fillUnit24(gen: Generator, out: FloatArray, start: number, end: number): void {
  gen.engine.fillScaled(out, start, end, 0xffffff, TWO_M24);
}

/**
 * out[start..end) = float64 standard uniforms (low 53 bits of `random64()`
 * times 2^-53, two draws each, the first the high word), drawn in bulk.
 */
export function fillUnit53(gen: Generator, out: FloatArray, start: number, end: number): void {
  const eng = gen.engine;
  for (let i = start; i < end; ) {
    const m = end - i < 624 ? end - i : 624;
    eng.fillInt32(BUF, 2 * m);
    for (let k = 0; k < m; k++) {
      out[i + k] = ((BUF[2 * k]! & 0x1fffff) * 4294967296 + (BUF[2 * k + 1]! >>> 0)) * TWO_M53;
    }
    i += m;
  }
}

/**
 * `Tensor.uniform_(from, to)`: fills `out` (float32 for a `Float32Array`,
 * float64 for a `Float64Array`) element by element in TensorIterator order
 * (any layout: this kernel has no layout-dependent path).
 *
 * float32: one `random()` per element, `fma32(x24, fround(to32 - from32), from32)`.
 * float64: one `random64()` per element, `fma64(x53, to - from, from)`.
 * PyTorch 2.x maps a result equal to `to` back to `from`; 1.13 keeps it.
 * Arguments are checked first (no draw happens on error).
 * @throws RngError as {@link checkUniformArgs}.
 */
export function uniform_(gen: Generator, out: FloatArray, from = 0, to = 1): void {
  const f32 = out instanceof Float32Array;
  checkUniformArgs(from, to, f32 ? 'float32' : 'float64');
  const n = out.length;
  const clamp = !is113();
  if (f32) {
    const a = Math.fround(from);
    const b = Math.fround(to);
    const rng = Math.fround(b - a);
    fillUnit24(gen, out, 0, n);
    // x*1 + 0 is exact: the common torch.rand case needs no transformation
    if (a === 0 && rng === 1) return;
    for (let i = 0; i < n; i++) {
      let v = fma32(out[i]!, rng, a);
      if (clamp && v === b) v = a;
      out[i] = v;
    }
    return;
  }
  fillUnit53(gen, out, 0, n);
  const a = from;
  const b = to;
  const rng = b - a;
  if (a === 0 && rng === 1) return;
  for (let i = 0; i < n; i++) {
    let v = fma64(out[i]!, rng, a);
    if (clamp && v === b) v = a;
    out[i] = v;
  }
}

/** `torch.rand`: {@link uniform_} on [0, 1). */
export function rand(gen: Generator, out: FloatArray): void {
  uniform_(gen, out, 0, 1);
}
