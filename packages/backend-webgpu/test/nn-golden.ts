// Shared by the nn-*-golden WebGPU tests: the nn golden fixtures (packages/nn/test/fixtures,
// written by tools/golden/nn_*.py with real PyTorch) and their case tables
// (packages/nn/test/cases) run on WebGPU, with results read asynchronously and compared at
// float32 tolerances.
import { readFileSync } from 'node:fs';
import * as torch from 'antorcha';
import { type EncodedResult, decodeElements, decodeValue } from '@antorcha/core/testing';
import { expect } from 'vitest';

type Tensor = torch.Tensor;

/** Reads `packages/nn/test/fixtures/<name>`. */
export function nnFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../nn/test/fixtures/${name}`, import.meta.url), 'utf8')) as T;
}

/**
 * Loads a case table module of packages/nn/test/cases. It is imported by URL: it lies outside
 * this package's TypeScript root, and it is given the built `antorcha` to build with (see
 * cases/lib.ts), so this process runs one copy of nn.
 */
export async function nnCases<T>(name: string): Promise<T> {
  return (await import(new URL(`../../nn/test/cases/${name}.ts`, import.meta.url).href)) as T;
}

/** What the case tables build with (cases/lib.ts's CaseLib): the built facade. */
export const lib = torch;

/**
 * A fixture tensor on WebGPU. float64 values (PyTorch's reference precision) are rounded to
 * float32, the precision the device computes in; integer and bool tensors keep their dtype.
 */
export function onGpu(e: { dtype: string; shape: number[]; values: unknown[] }): Tensor {
  const dtype = e.dtype === 'float64' ? 'float32' : e.dtype;
  const vals = (e.values as Parameters<typeof decodeValue>[0][]).map(decodeValue);
  const host = torch.allocHost(dtype as 'float32', vals.length);
  vals.forEach((v, i) => (host[i] = v));
  return torch.fromHost(host, e.shape, torch.toDType(dtype as 'float32'), { device: 'webgpu' });
}

/**
 * Tolerance of a float comparison: `|actual − expected| ≤ rtol·|expected| + atol·max|expected| + abs`.
 * The absolute part scales with the tensor's largest magnitude because float32 rounding in
 * sums and products grows with the size of the terms, not of the (possibly cancelled) result;
 * `abs` is for results that are zero up to rounding, where that scale is itself rounding.
 */
export interface Tol {
  rtol: number;
  atol: number;
  abs?: number;
}

/**
 * Bit for bit: PyTorch's float32 result is reproduced exactly (copies, selections, IEEE
 * products); against a float64 reference, the float32 rounding of PyTorch's value.
 */
export const EXACT: Tol = { rtol: 0, atol: 0 };

/**
 * The default for a float32 run against PyTorch's float64 reference: inputs are rounded to
 * float32 (u = 2⁻²⁴ ≈ 6e-8) and every op rounds once more; over the few chained ops and short
 * reductions of these cases that is tens of u, so 2e-6 (~32u) relative plus 2e-6 of the
 * tensor's scale.
 */
export const F32: Tol = { rtol: 2e-6, atol: 2e-6 };

/** Checks that a golden result's dtype is what the device gives for it (float64 → float32). */
function deviceDtype(expected: string): string {
  return expected === 'float64' ? 'float32' : expected;
}

/** Compares `actual` (a WebGPU tensor, read asynchronously) with a golden result; throws a labelled error. */
export async function expectGolden(actual: Tensor, expected: EncodedResult, label: string, tol: Tol = F32): Promise<void> {
  expect(actual.device.type, `${label}: device`).toBe('webgpu');
  expect(actual.dtype.name, `${label}: dtype`).toBe(deviceDtype(expected.dtype));
  expect([...actual.shape], `${label}: shape`).toEqual(expected.shape);
  const got = await actual.data();
  const want = decodeElements(expected.values);
  const exact = !actual.dtype.isFloatingPoint || (tol.rtol === 0 && tol.atol === 0 && !tol.abs);
  const err = compareValues(got, exact && actual.dtype.name === 'float32' ? want.map(Math.fround) : want, exact ? EXACT : tol);
  if (err !== null) throw new Error(`${label}: ${err}`);
}

/** null when `got` matches `want` within `tol` (NaN at the same places, infinities equal), else the first difference. */
export function compareValues(got: ArrayLike<number>, want: number[], tol: Tol): string | null {
  if (got.length !== want.length) return `${got.length} values != expected ${want.length}`;
  let scale = 0;
  for (const v of want) if (Number.isFinite(v)) scale = Math.max(scale, Math.abs(v));
  for (let i = 0; i < want.length; i++) {
    const a = Number(got[i]), e = want[i]!;
    if (Number.isNaN(a) || Number.isNaN(e)) {
      if (Number.isNaN(a) !== Number.isNaN(e)) return `element ${i}: ${a} != expected ${e}`;
      continue;
    }
    if (!Number.isFinite(a) || !Number.isFinite(e)) {
      if (a !== e) return `element ${i}: ${a} != expected ${e}`;
      continue;
    }
    const bound = tol.rtol * Math.abs(e) + tol.atol * scale + (tol.abs ?? 0);
    if (Math.abs(a - e) > bound) return `element ${i}: ${a} != expected ${e} (|diff| ${Math.abs(a - e).toExponential(2)} > ${bound.toExponential(2)}, rtol ${tol.rtol}, atol ${tol.atol}·${scale.toPrecision(3)})`;
  }
  return null;
}

/** A layer's outputs as a flat list of tensors (tuples and nested lists flattened, None dropped). */
export function flatOutputs(out: unknown): Tensor[] {
  if (out === null || out === undefined) return [];
  if (Array.isArray(out)) return out.flatMap(flatOutputs);
  return [out as Tensor];
}

// The fixture shapes below restate packages/nn/test's (helpers.ts, cases/*.ts): this package's
// TypeScript root does not reach there, so only the case tables are shared, loaded by URL.

/** One forward (and backward) call of a layer golden case. */
export interface LayerCall {
  mode: 'train' | 'eval';
  inputs: EncodedResult[];
  outputs: EncodedResult[];
  out_grads?: EncodedResult[];
  input_grads?: (EncodedResult | null)[];
  param_grads?: Record<string, EncodedResult | null>;
}

/** A layer golden case (its init bit patterns and repr are checked on the CPU only). */
export interface LayerCase {
  name: string;
  seed: number;
  calls: LayerCall[];
  state?: Record<string, EncodedResult>;
}

/** A module as the layer case tables build it. */
export type Module = torch.nn.Module;

/** Calls a built module on a case's inputs (cases/layers.ts's Run). */
export type Run = (m: Module, xs: Tensor[]) => unknown;

/**
 * Runs a layer golden case (tools/golden/nn_layers.py, nn_surface_layers.py) on WebGPU: the
 * module is built and seeded on the CPU (PyTorch's initialisation, which the nn tests check bit
 * for bit with the repr) and moved to the device; each call's outputs, input gradients and
 * parameter gradients, then the state (running statistics), are compared with PyTorch's. Cases
 * PyTorch ran in float64 run in float32 from the rounded inputs and compare within `tol`;
 * float32 cases replay PyTorch's stream (inputs, the layer's draws on the device, output
 * gradients) and compare within `tol32`.
 */
export async function runLayerCase(c: LayerCase, make: () => Module, run: Run, tol: Tol = F32, tol32: Tol = EXACT): Promise<void> {
  torch.manualSeed(c.seed);
  const m = make().to('webgpu');
  const float32 = c.calls[0]!.inputs.some((x) => x.dtype === 'float32');
  const t = float32 ? tol32 : tol;
  if (float32) torch.manualSeed(100 + c.seed);
  const input = (e: EncodedResult): Tensor => (float32 ? torch.randn(e.shape).to('webgpu') : onGpu(e));
  for (const [ci, call] of c.calls.entries()) {
    const label = `${c.name} call ${ci} (${call.mode})`;
    m.train(call.mode === 'train');
    const xs = call.inputs.map(input);
    for (const x of xs) if (x.dtype.isFloatingPoint) x.requiresGrad_(true);
    const outs = flatOutputs(run(m, xs));
    expect(outs.length, `${label}: number of outputs`).toBe(call.outputs.length);
    for (const [i, o] of outs.entries()) await expectGolden(o, call.outputs[i]!, `${label} output ${i}`, t);
    if (!call.out_grads) continue;
    const diff = outs.filter((o) => o.dtype.isFloatingPoint && o.requiresGrad);
    const gs = call.out_grads.map(input);
    let loss = diff[0]!.mul(gs[0]!).sum();
    for (let i = 1; i < diff.length; i++) loss = loss.add(diff[i]!.mul(gs[i]!).sum());
    const floatXs = xs.filter((x) => x.dtype.isFloatingPoint);
    const named = m.namedParameters();
    const grads = torch.autograd.grad([loss], [...floatXs, ...named.map(([, p]) => p)], { allowUnused: true });
    for (const [i] of floatXs.entries()) {
      const want = call.input_grads![i];
      if (want === null) expect(grads[i], `${label} input grad ${i}`).toBeNull();
      else await expectGolden(grads[i]!, want!, `${label} input grad ${i}`, t);
    }
    for (const [j, [name]] of named.entries()) {
      const want = call.param_grads![name];
      const g = grads[floatXs.length + j];
      if (want === null || want === undefined) expect(g ?? null, `${label} grad of ${name}`).toBeNull();
      else await expectGolden(g!, want, `${label} grad of ${name}`, t);
    }
  }
  const sd = m.stateDict();
  expect(Object.keys(sd)).toEqual(Object.keys(c.state!));
  for (const [k, e] of Object.entries(c.state!)) await expectGolden(sd[k]!, e, `${c.name} state ${k}`, t);
}
