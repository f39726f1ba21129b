// Reading the autograd golden fixture (tools/golden/autograd.py, real PyTorch 1.13).
import { readFileSync } from 'node:fs';
import { type Tensor, unaryOp } from '@antorcha/core';
import * as core from '@antorcha/core';
import { type EncodedInput, type EncodedResult, DEFAULT_TOLERANCE, OP_CALLS, compareTensor, decodeArg, decodeInput, isEncodedInput } from '@antorcha/core/testing';
import type { Node } from '../src/index.js';

/** An input as the golden script encodes it, possibly marked as requiring grad. */
export type GoldenInput = EncodedInput & { requires_grad?: boolean };

/** One op case. */
export interface OpCase {
  name: string;
  op: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  gradcheck: boolean;
  gradgrad: boolean;
  grad_outputs: EncodedInput[];
  expected: {
    outputs: EncodedResult[];
    requires_grad: boolean[];
    grad_fn: (string | null)[];
    next: [string | null, number][] | null;
    repr: string;
    grads: (EncodedResult | null)[];
  };
}

/** A composite graph case. */
export interface GraphCase {
  name: string;
  inputs: GoldenInput[];
  loss: EncodedResult;
  names: string[];
  reprs: Record<string, string>;
  grads: EncodedResult[];
}

/** The whole fixture. */
export interface Fixture {
  ops: OpCase[];
  graphs: GraphCase[];
  higher: Record<string, any>[];
  behaviour: Record<string, any>;
  errors: Record<string, { error: string; type: string }>;
}

let cached: Fixture | null = null;

/** Loads `test/fixtures/autograd.json`. */
export function fixture(): Fixture {
  cached ??= JSON.parse(readFileSync(new URL('./fixtures/autograd.json', import.meta.url), 'utf8')) as Fixture;
  return cached;
}

/** Decodes an input, marking it as requiring grad when the fixture says so. */
export function input(spec: GoldenInput): Tensor {
  const t = decodeInput(spec);
  if (spec.requires_grad) t.requiresGrad_(true);
  return t;
}

/** Decodes arguments; tensors marked `requires_grad` are collected into `leaves` in order. */
export function decodeArgs(a: unknown, leaves: Tensor[]): unknown {
  if (isEncodedInput(a)) {
    const t = input(a as GoldenInput);
    if ((a as GoldenInput).requires_grad) leaves.push(t);
    return t;
  }
  if (Array.isArray(a)) return a.map((x) => decodeArgs(x, leaves));
  return decodeArg(a, 'cpu');
}

type Call = (args: any[], kw: Record<string, any>) => unknown;

const inplace = (f: (t: Tensor) => Tensor): Call => ([x]) => f(x.clone());
const act = (name: string, op: string, params?: core.UnaryParams, attrs?: Record<string, unknown>): Call => ([x]) =>
  unaryOp(name, op as core.UnaryOp, x, 'float', params, attrs ?? (params ? { ...params } : undefined));

/** PyTorch op name → Antorcha call: core's conformance table plus autograd-only cases. */
export const CALLS: Record<string, Call> = {
  ...(OP_CALLS as Record<string, Call>),
  gelu: act('gelu', 'gelu'),
  gelu_tanh: act('gelu', 'geluTanh', undefined, { approximate: 'tanh' }),
  silu: act('silu', 'silu'),
  softplus: act('softplus', 'softplus', { a: 2, b: 3 }),
  elu: act('elu', 'elu', { a: 0.7 }),
  leaky_relu: act('leaky_relu', 'leakyRelu', { a: 0.2 }),
  hardtanh: act('hardtanh', 'hardtanh', { a: -0.5, b: 1.5 }),
  log_sigmoid: act('log_sigmoid', 'logSigmoid'),
  elu_: ([x]) => core.unaryInplace('elu_', 'elu', x.clone(), 'float', { a: 0.7 }),
  leaky_relu_: ([x]) => core.unaryInplace('leaky_relu_', 'leakyRelu', x.clone(), 'float', { a: 0.2 }),
  hardtanh_: ([x]) => core.unaryInplace('hardtanh_', 'hardtanh', x.clone(), 'float', { a: -0.5, b: 1.5 }),
  silu_: ([x]) => core.unaryInplace('silu_', 'silu', x.clone(), 'float'),
  cummax: ([x, d]) => core.cummax(x, d),
  cummin: ([x, d]) => core.cummin(x, d),
  to: ([x, d]) => x.to(d),
  sigmoid_: inplace((t) => t.sigmoid_()),
  tanh_: inplace((t) => t.tanh_()),
  relu_: inplace((t) => t.relu_()),
  abs_: inplace((t) => t.abs_()),
  log_: inplace((t) => t.log_()),
  sqrt_: inplace((t) => t.sqrt_()),
  reciprocal_: inplace((t) => t.reciprocal_()),
  inplace_view_mul_: ([x, w]) => {
    const y = x.clone();
    y.index('1:3').mul_(w);
    return y;
  },
  inplace_view_copy_: ([x, w]) => {
    const y = core.zeros([3, 4], { dtype: 'float64' });
    y.index(':', 1).copy_(w);
    return y.mul(x);
  },
  inplace_view_base_written: ([x]) => {
    const y = x.clone();
    const v = y.index(0);
    y.mul_(2);
    return v.mul(3);
  },
};

/** The outputs of a call as a list (values then indices for `[values, indices]` results). */
export function outputsOf(r: unknown): Tensor[] {
  if (r instanceof core.ValuesIndices) return [r.values, r.indices];
  if (Array.isArray(r)) return r as Tensor[];
  return [r as Tensor];
}

/** Node name of a tensor's gradFn. */
export function fnName(t: Tensor): string | null {
  return t.gradFn === null ? null : t.gradFn.name();
}

/** Node names breadth-first along nextFunctions, each node once (as the golden script lists them). */
export function graphNames(t: Tensor): string[] {
  const out: string[] = [];
  const seen = new Set<Node>();
  const queue: (Node | null)[] = [t.gradFn as Node | null];
  while (queue.length > 0) {
    const n = queue.shift()!;
    if (n === null || seen.has(n)) continue;
    seen.add(n);
    out.push(n.name());
    for (const [f] of n.nextFunctions) queue.push(f);
  }
  return out;
}

/**
 * Float64 gradients: ours and PyTorch's come from the same formulas up to the
 * order of a few floating-point operations, so they agree to a few ulps of the
 * values involved: rtol 1e-12, plus an absolute 1e-12 of the tensor's largest
 * magnitude for elements that cancel to ~0.
 */
export function compareGrad(actual: Tensor, expected: EncodedResult): string | null {
  if (expected.dtype !== 'float64') return compareTensor(actual, expected);
  let scale = 0;
  for (const v of expected.values) if (typeof v === 'number') scale = Math.max(scale, Math.abs(v));
  return compareTensor(actual, expected, { rtol: DEFAULT_TOLERANCE.float64.rtol, atol: 1e-12 * scale + DEFAULT_TOLERANCE.float64.atol });
}
