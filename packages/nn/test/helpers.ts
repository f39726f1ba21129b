// Fixture decoding and comparison helpers for the nn golden tests.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type Tensor, allocHost, fromHost, toDType } from '@antorcha/core';
import { type EncodedResult, type EncodedValue, compareTensor, decodeValue } from '@antorcha/core/testing';
import { expect } from 'vitest';

export type { EncodedResult };

/** A tensor compared bit for bit: SHA-256 of its row-major little-endian bytes. */
export interface EncodedExact {
  dtype: string;
  shape: number[];
  sha256: string;
  head: EncodedValue[];
  values?: EncodedValue[];
}

/** Reads `test/fixtures/<name>`. */
export function fixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/** Builds the tensor an encoded result describes. */
export function decode(e: { dtype: string; shape: number[]; values: EncodedValue[] }): Tensor {
  const dt = toDType(e.dtype as 'float32');
  const host = allocHost(dt.name, e.values.length);
  e.values.forEach((v, i) => (host[i] = decodeValue(v)));
  return fromHost(host, e.shape, dt);
}

/** Row-major little-endian bytes of a tensor (int64 as 8-byte integers, bool as bytes). */
export function tensorBytes(t: Tensor): Uint8Array {
  const v = t.contiguous().dataSync();
  if (t.dtype.name === 'int64') {
    const b = new BigInt64Array(v.length);
    for (let i = 0; i < v.length; i++) b[i] = BigInt(v[i]!);
    return new Uint8Array(b.buffer);
  }
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

/** null when `t` equals `e` bit for bit, else a description of the difference. */
export function compareExact(t: Tensor, e: EncodedExact): string | null {
  if (t.dtype.name !== e.dtype) return `dtype ${t.dtype.name} != ${e.dtype}`;
  if (t.ndim !== e.shape.length || t._shape.some((d, i) => d !== e.shape[i])) return `shape [${t._shape}] != [${e.shape}]`;
  const hash = createHash('sha256').update(tensorBytes(t)).digest('hex');
  if (hash === e.sha256) return null;
  const vals = t.reshape(-1).dataSync();
  const ref = e.values ?? e.head;
  for (let i = 0; i < ref.length; i++) {
    const want = decodeValue(ref[i]!);
    if (!Object.is(vals[i], want)) return `element ${i}: ${vals[i]} != ${want}`;
  }
  return 'bytes differ (beyond the recorded values)';
}

/** Float64 results: agreement far below any formula error (float64 rounding is ~1e-16 relative). */
export const F64_TOL = { rtol: 1e-10, atol: 1e-12 };

/** Compares with `compareTensor` (float64 default: {@link F64_TOL}), throwing a labelled error. */
export function expectClose(actual: Tensor, expected: EncodedResult, label: string, tol?: { rtol: number; atol: number }): void {
  const err = compareTensor(actual.contiguous(), expected, tol ?? (expected.dtype === 'float64' ? F64_TOL : undefined));
  if (err !== null) throw new Error(`${label}: ${err}`);
}

/** One forward (and backward) call of a layer golden case (tools/golden/nn_layers.py, nn_surface_layers.py). */
export interface LayerCall {
  mode: 'train' | 'eval';
  inputs: EncodedResult[];
  outputs: EncodedResult[];
  out_grads?: EncodedResult[];
  input_grads?: (EncodedResult | null)[];
  param_grads?: Record<string, EncodedResult | null>;
}

/** A layer golden case: seeded init, repr, calls, and the state after them. */
export interface LayerCase {
  name: string;
  seed: number;
  repr: string;
  init: Record<string, EncodedExact>;
  inits: Record<string, Record<string, EncodedExact>>;
  calls: LayerCall[];
  state?: Record<string, EncodedResult>;
}

/** A layer's outputs as a flat list of tensors (tuples and nested lists flattened, None dropped). */
export function flatOutputs(out: unknown): Tensor[] {
  if (out === null || out === undefined) return [];
  if (Array.isArray(out)) return out.flatMap(flatOutputs);
  return [out as Tensor];
}

/** A state dict equals PyTorch's: the same keys in the same order, every tensor bit for bit. */
export function checkState(sd: Record<string, Tensor>, want: Record<string, EncodedExact>, label: string): void {
  expect(Object.keys(sd), `${label}: state dict keys`).toEqual(Object.keys(want));
  for (const [k, e] of Object.entries(want)) {
    const err = compareExact(sd[k]!, e);
    if (err !== null) throw new Error(`${label} ${k}: ${err}`);
  }
}
