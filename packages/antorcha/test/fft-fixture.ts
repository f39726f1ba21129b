// The torch.fft golden fixtures (packages/core/fixtures/fft-*.json, written by tools/golden/fft.py
// with PyTorch 1.13) and how their cases are decoded and called. Shared by fft.test.ts and
// fft-grad.test.ts (the package source, CPU) and by packages/backend-webgpu's fft-webgpu.test.ts
// (the built facade, WebGPU), which loads this file by URL and passes its own `torch`, so each
// side runs one copy of the library.
import { readFileSync } from 'node:fs';
import type * as Torch from '../src/index.js';

/** What the helpers call: the facade's namespace (the source's or the built one). */
export type FftLib = Pick<typeof Torch, 'tensor' | 'viewAsComplex' | 'fft' | 'stft' | 'istft'>;

type T = Torch.Tensor;

/** A tensor as the fixtures encode it: complex values as (re, im) pairs, a layout, the allowed error. */
export interface Enc { dtype: string; shape: number[]; values: (number | string)[]; layout?: string; bound?: number }

/** A case of fft-transforms.json: a call and its result (or error). */
export interface FftCase {
  name: string;
  fn: string;
  input: Enc;
  args: unknown[];
  kwargs: Record<string, unknown>;
  expected: Enc | { error: string; type: string };
}

/** A case of fft-grad.json: the gradient of sum(viewAsReal(f(x))·weight). */
export interface GradCase { name: string; fn: string; kwargs: Record<string, unknown>; input: Enc; weight: Enc; grad_fn: string; grad: Enc }

/** Reads `packages/core/fixtures/<name>`. */
export function fftFixture<X>(name: string): X {
  return JSON.parse(readFileSync(new URL(`../../core/fixtures/${name}`, import.meta.url), 'utf8')) as X;
}

/** A fixture number ('inf', '-inf', 'nan' are strings). */
export const num = (v: number | string): number => (typeof v === 'number' ? v : Number(v.replace('inf', 'Infinity')));

const COMPLEX: Record<string, 'float32' | 'float64'> = { complex64: 'float32', complex128: 'float64' };

/** Row-major values of shape `s` (w floats per element) from those of the shape with the last two dims swapped. */
function transposeLast2(values: number[], s: number[], w: number): number[] {
  const R = s[s.length - 2]!, C = s[s.length - 1]!, batch = values.length / (R * C * w);
  const out: number[] = [];
  for (let b = 0; b < batch; b++)
    for (let i = 0; i < R; i++)
      for (let j = 0; j < C; j++)
        for (let k = 0; k < w; k++) out.push(values[((b * C + j) * R + i) * w + k]!);
  return out;
}

const camel = (k: string): string => k.replace(/_([a-z])/g, (_, ch: string) => ch.toUpperCase());

/** The decoding and calling helpers over `torch`. */
export function fftHelpers(torch: FftLib) {
  /**
   * A tensor from the fixture's encoding, its contiguous storage passed through `place` (e.g.
   * a move to another device) before the view is made: 'transposed' layouts transpose the
   * last two dims of a contiguous tensor, so the result is a strided view on that device.
   */
  function decode(e: Enc, place: (t: T) => T = (t) => t): T {
    const part = COMPLEX[e.dtype];
    const values = e.values.map(num);
    if (e.layout === 'transposed') {
      const s = e.shape.slice();
      [s[s.length - 2], s[s.length - 1]] = [s[s.length - 1]!, s[s.length - 2]!];
      return decode({ ...e, layout: 'contig', shape: s, values: transposeLast2(values, s, part ? 2 : 1) }, place).transpose(-2, -1);
    }
    if (part) return torch.viewAsComplex(place(torch.tensor(values, { dtype: part }).reshape([...e.shape, 2])));
    return place(torch.tensor(values, { dtype: e.dtype as Torch.DTypeName }).reshape(e.shape));
  }

  /** Calls the case's function on `x`; tensors among stft/istft's keyword arguments (the window) are decoded through `place`. */
  function call(c: { fn: string; args?: unknown[]; kwargs: Record<string, unknown> }, x: T, place?: (t: T) => T): T {
    if (c.fn === 'stft' || c.fn === 'istft') {
      // torch.stft(x, n_fft, { hopLength, window, … }): keyword arguments camelCased, a window decoded
      const o = Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [camel(k), v !== null && typeof v === 'object' ? decode(v as Enc, place) : v]));
      return (torch[c.fn] as (x: T, n: number, o: object) => T)(x, c.args![0] as number, o);
    }
    const f = (torch.fft as unknown as Record<string, (...a: unknown[]) => T>)[c.fn]!;
    const args = c.args ?? [];
    return Object.keys(c.kwargs).length ? f(x, ...args, c.kwargs) : f(x, ...args);
  }

  return { decode, call };
}

/** The largest |got − want| (want decoded from the fixture). */
export function maxAbsError(got: ArrayLike<number>, want: readonly (number | string)[]): number {
  let worst = 0;
  for (let i = 0; i < want.length; i++) worst = Math.max(worst, Math.abs(got[i]! - num(want[i]!)));
  return got.length === want.length ? worst : Infinity;
}
