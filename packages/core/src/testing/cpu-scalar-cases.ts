/**
 * Conformance cases for a 0-dim CPU tensor used as an operand beside tensors on another
 * device (PyTorch's CPU-scalar rule), from `tools/golden/cpu_scalar_operand.py`: each case
 * names the op, the operand order, dtypes and values, and PyTorch's result or error. A
 * backend's tests run {@link runCpuScalarCase} on its own device and compare with the result.
 */
import * as core from '../index.js';
import type { Tensor } from '../tensor.js';
import { type EncodedValue, loadFixture } from './golden.js';

/** PyTorch's result of a case: dtype, shape and values, or the error text. */
export interface CpuScalarResult {
  /** Result dtype name. */
  dtype?: string;
  /** Result shape. */
  shape?: number[];
  /** Row-major values. */
  values?: EncodedValue[];
  /** The error text PyTorch raised instead. */
  error?: string;
}

/** One op between a dimensioned tensor `x` and a 0-dim tensor `s`. */
export interface CpuScalarCase {
  /** The op, as {@link runCpuScalarCase} spells it. */
  op: string;
  /** Operand order: `x op s` or `s op x`. */
  order: 'xs' | 'sx';
  /** dtype of `x`. */
  x: string;
  /** Values of `x`. */
  xValues: (number | boolean)[];
  /** dtype of `s`. */
  s: string;
  /** Value of `s`. */
  sValue: number | boolean;
  /** `torch.result_type(x, s)`: the dtype the op computes in. */
  promoted: string;
  /** PyTorch's result. */
  result: CpuScalarResult;
}

/** Autograd through `x·s + s / s − (|x| − s)·x`, summed, with `s` 0-dim. */
export interface CpuScalarGradCase {
  /** dtype of `s`. */
  s: string;
  /** Value of `s`. */
  sValue: number;
  /** Whether `s` requires grad. */
  sRequiresGrad: boolean;
  /** Values of `x` (float32, requires grad). */
  xValues: number[];
  /** The summed output. */
  y: CpuScalarResult;
  /** Gradient of `x`. */
  xGrad: CpuScalarResult;
  /** Gradient of `s`, or null when it doesn't require grad. */
  sGrad: CpuScalarResult | null;
}

/** The golden cases (read from `fixtures/cpu_scalar_operand.json` on first use). */
export function cpuScalarGolden(): { cases: CpuScalarCase[]; grads: CpuScalarGradCase[] } {
  return loadFixture('cpu_scalar_operand.json');
}

/** The op of a golden case on `x` (dimensioned) and `s` (0-dim), as the golden script calls it. */
export function runCpuScalarCase(c: CpuScalarCase, x: Tensor, s: Tensor): Tensor {
  const [a, b] = c.order === 'xs' ? [x, s] : [s, x];
  switch (c.op) {
    case 'add': return core.add(a, b);
    case 'sub': return core.sub(a, b);
    case 'mul': return core.mul(a, b);
    case 'div': return core.div(a, b);
    case 'maximum': return core.maximum(a, b);
    case 'eq': return core.eq(a, b);
    case 'lt': return core.lt(a, b);
    case 'addAlpha': return core.add(a, b, { alpha: 2 });
    case 'add_': return x.add_(s);
    case 'mul_': return x.mul_(s);
    case 'sub_': return x.sub_(s);
    case 'div_': return x.div_(s);
    case 'where': return core.where(core.tensor([true, false, false, true], { device: x.device }), x, s);
    case 'clampMin': return core.clamp(x, s);
    case 'addcmul': return core.addcmul(x, s, x);
    case 'whereCond': return core.where(s, x, x.mul(2));
  }
  throw new Error(`unknown op ${c.op}`);
}
