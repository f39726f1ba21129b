/**
 * Reading golden fixtures written by `tools/golden/*.py` (real PyTorch) and
 * comparing results with them. Shared by every backend's conformance run.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { DeviceLike } from '../device.js';
import { type DTypeName, allocHost, toDType } from '../dtype.js';
import { encodeHalf, isHalfDtype } from '../half.js';
import { fromHost } from '../ops/creation.js';
import type { Tensor } from '../tensor.js';

/** A value as the golden scripts encode it: non-finite numbers and -0 are strings. */
export type EncodedValue = number | 'nan' | 'inf' | '-inf' | '-0';

/** A complex element as the golden scripts encode it: its [re, im] pair (`_common.enc_value`). */
export type EncodedComplex = [EncodedValue, EncodedValue];

/** An element of an encoded tensor: a real value, or a [re, im] pair for complex dtypes. */
export type EncodedElement = EncodedValue | EncodedComplex;

/** An input tensor with its exact layout: the storage and a strided view of it. */
export interface EncodedInput {
  tensor: true;
  dtype: DTypeName;
  /** The storage's values; for complex dtypes each is an [re, im] pair ({@link EncodedComplex}: read them with {@link decodeElements}). */
  storage: EncodedValue[];
  size: number[];
  stride: number[];
  offset: number;
}

/** An expected result tensor: row-major values plus PyTorch's layout of the result. */
export interface EncodedResult {
  dtype: DTypeName;
  shape: number[];
  /** Row-major values; for complex dtypes each is an [re, im] pair ({@link EncodedComplex}: read them with {@link decodeElements}). */
  values: EncodedValue[];
  stride: number[];
  offset: number;
  contiguous: boolean;
  /**
   * For ops that accumulate many float terms: per-element bound on PyTorch's own
   * rounding error (K·eps·Σ|terms|), added to the absolute tolerance. For complex
   * results, one bound per element (on the error of either part), e.g. PyTorch's own
   * distance from the exact value where its formula loses digits.
   */
  bound?: EncodedValue[];
  /**
   * PyTorch's CPU kernel rounds this result in a fixed way (IEEE operations, single-rounding
   * FMAs), so a backend with IEEE arithmetic must reproduce it bit for bit.
   */
  exact?: boolean;
}

/** An expected error: PyTorch's message and exception class. */
export interface EncodedError {
  error: string;
  type: string;
}

/** Decodes one encoded value. */
export function decodeValue(v: EncodedValue): number {
  if (typeof v === 'number') return v;
  return { nan: NaN, inf: Infinity, '-inf': -Infinity, '-0': -0 }[v];
}

/** Path of a fixture file in `packages/core/fixtures/`. */
export function fixturePath(name: string): string {
  return fileURLToPath(new URL(`../../fixtures/${name}`, import.meta.url));
}

/** Reads and parses a fixture file. */
export function loadFixture<T>(name: string): T {
  return JSON.parse(readFileSync(fixturePath(name), 'utf8')) as T;
}

/** Whether a dtype name is complex (its encoded elements are [re, im] pairs). */
export function isComplexName(dtype: string): boolean {
  return dtype === 'complex64' || dtype === 'complex128';
}

/**
 * Encoded elements as a host array's numbers: complex pairs interleaved (re, im), as complex
 * storage holds them (the `values`/`storage` of complex cases hold pairs though typed as values).
 */
export function decodeElements(values: readonly EncodedElement[]): number[] {
  return values.flatMap((v) => (Array.isArray(v) ? [decodeValue(v[0]), decodeValue(v[1])] : [decodeValue(v)]));
}

/** Builds the input tensor with its exact layout on `device`. */
export function decodeInput(spec: EncodedInput, device: DeviceLike = 'cpu'): Tensor {
  const dt = toDType(spec.dtype);
  let host = allocHost(spec.dtype, spec.storage.length);
  const numbers = decodeElements(spec.storage);
  if (isHalfDtype(spec.dtype)) host = encodeHalf(numbers, spec.dtype); // bit patterns
  else numbers.forEach((v, i) => (host[i] = v));
  const storage = fromHost(host, [spec.storage.length], dt, { device });
  return storage.asStrided(spec.size, spec.stride, spec.offset);
}

/** Whether a JSON value is an encoded input tensor. */
export function isEncodedInput(v: unknown): v is EncodedInput {
  return typeof v === 'object' && v !== null && (v as EncodedInput).tensor === true;
}

/** Tolerances per dtype for float results (integers and bools compare exactly). */
export interface Tolerance {
  rtol: number;
  atol: number;
}

/**
 * Default tolerances: float32 results may differ from PyTorch's vectorised math by a few ulps.
 * float16/bfloat16 results are float32 results rounded once, so a float32 ulp of difference
 * can move them by one 16-bit ulp (2^-10 and 2^-7 relative at most; atol is the smallest subnormal).
 */
export const DEFAULT_TOLERANCE: Record<'float32' | 'float64' | 'float16' | 'bfloat16' | 'complex64' | 'complex128', Tolerance> = {
  float32: { rtol: 1e-5, atol: 1e-6 },
  float64: { rtol: 1e-12, atol: 1e-14 },
  // complex: the parts' tolerance, relative to the element's modulus (see compareTensor)
  complex64: { rtol: 1e-5, atol: 1e-6 },
  complex128: { rtol: 1e-12, atol: 1e-14 },
  float16: { rtol: 2 ** -10, atol: 2 ** -24 },
  bfloat16: { rtol: 2 ** -7, atol: 2 ** -133 },
};

/**
 * Compares a tensor with an expected result: dtype, shape, NaN positions,
 * values (exact for integer/bool, within tolerance for floats). Returns a
 * description of the first mismatch, or null. `data` is the tensor's row-major
 * values when already read (asynchronous devices); otherwise they are read with
 * `dataSync()`. Complex results compare part by part, NaN and infinities in the same
 * parts, each finite part within `atol + rtol·|element|` (the complex modulus, so a
 * part that is a small difference of large terms is judged against the element's size).
 */
export function compareTensor(actual: Tensor, expected: EncodedResult, tol?: Tolerance, data?: ArrayLike<number>): string | null {
  if (actual.dtype.name !== expected.dtype) return `dtype ${actual.dtype.name} != expected ${expected.dtype}`;
  const shape = [...actual.shape];
  if (shape.length !== expected.shape.length || shape.some((d, i) => d !== expected.shape[i])) {
    return `shape [${shape}] != expected [${expected.shape}]`;
  }
  const values = data ?? actual.dataSync();
  const t = tol ?? (expected.dtype in DEFAULT_TOLERANCE ? DEFAULT_TOLERANCE[expected.dtype as keyof typeof DEFAULT_TOLERANCE] : { rtol: 0, atol: 0 });
  const k = isComplexName(expected.dtype) ? 2 : 1;
  const want = decodeElements(expected.values);
  if (values.length < want.length) return `${values.length / k} elements read, expected ${want.length / k}`;
  for (let i = 0; i < want.length; i += k) {
    // the scale of the relative tolerance: |e|, or the modulus of a complex element's finite parts
    let mag = 0;
    for (let j = 0; j < k; j++) if (Number.isFinite(want[i + j]!)) mag = Math.hypot(mag, want[i + j]!);
    const el = i / k;
    const bound = expected.bound ? decodeValue(expected.bound[el]!) : 0;
    const atol = t.atol + (Number.isFinite(bound) ? bound : 0);
    for (let j = 0; j < k; j++) {
      const e = want[i + j]!;
      const a = values[i + j]!;
      const where = k === 2 ? `element ${el} (${j === 0 ? 're' : 'im'})` : `element ${el}`;
      if (Number.isNaN(e) || Number.isNaN(a)) {
        if (Number.isNaN(e) !== Number.isNaN(a)) return `${where}: ${a} != expected ${e}`;
        continue;
      }
      if (!Number.isFinite(e) || !Number.isFinite(a)) {
        if (a !== e) return `${where}: ${a} != expected ${e}`;
        continue;
      }
      if (Math.abs(a - e) > atol + t.rtol * mag) return `${where}: ${a} != expected ${e} (rtol ${t.rtol}, atol ${atol})`;
    }
  }
  return null;
}

/** Compares layout (strides, offset, contiguity) for ops whose result is a view. */
export function compareLayout(actual: Tensor, expected: EncodedResult): string | null {
  const s = actual.stride();
  if (actual.numel() > 1 && (s.length !== expected.stride.length || s.some((v, i) => v !== expected.stride[i] && expected.shape[i] !== 1))) {
    return `stride [${s}] != expected [${expected.stride}]`;
  }
  if (actual.isContiguous() !== expected.contiguous) return `isContiguous ${actual.isContiguous()} != expected ${expected.contiguous}`;
  if (actual.numel() > 0 && actual.storageOffset() !== expected.offset) return `storageOffset ${actual.storageOffset()} != expected ${expected.offset}`;
  return null;
}

/** A CPU tensor as an expected result, to compare another device's result with it. */
export function encodeForCompare(t: Tensor): EncodedResult {
  const enc = (v: number): EncodedValue => (Number.isNaN(v) ? 'nan' : v === Infinity ? 'inf' : v === -Infinity ? '-inf' : Object.is(v, -0) ? '-0' : v);
  const flat = Array.from(t.contiguous().dataSync(), enc);
  const pairs = (): EncodedComplex[] => Array.from({ length: flat.length / 2 }, (_, i): EncodedComplex => [flat[2 * i]!, flat[2 * i + 1]!]);
  // complex elements are [re, im] pairs in the same field (see EncodedResult.values)
  const values = t.dtype.isComplex ? (pairs() as unknown as EncodedValue[]) : flat;
  return {
    dtype: t.dtype.name,
    shape: [...t.shape],
    values,
    stride: t.stride() as number[],
    offset: t.storageOffset(),
    contiguous: t.isContiguous(),
  };
}
