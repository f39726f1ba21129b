// The golden cases of tools/golden/cpu_scalar_operand.py (a 0-dim tensor as an operand
// beside dimensioned tensors) and how to run them; shared by the WebGPU test and the
// asynchronous-test-device test here. A copy of packages/backend-webgpu/test/cpu-scalar-cases.ts
// (a test module can't import across packages under each package's rootDir): keep them in step.
import { readFileSync } from 'node:fs';
import * as torch from '../src/index.js';

export type Encoded = number | 'nan' | 'inf' | '-inf' | '-0';
export interface Result {
  dtype?: string;
  shape?: number[];
  values?: Encoded[];
  error?: string;
}
export interface Case {
  op: string;
  order: 'xs' | 'sx';
  x: string;
  xValues: (number | boolean)[];
  s: string;
  sValue: number | boolean;
  /** `torch.result_type(x, s)`: the dtype the op computes in. */
  promoted: string;
  result: Result;
}
export interface GradCase {
  s: string;
  sValue: number;
  sRequiresGrad: boolean;
  xValues: number[];
  y: Result;
  xGrad: Result;
  sGrad: Result | null;
}
export const golden = JSON.parse(readFileSync(new URL('../../backend-webgpu/test/fixtures/cpu_scalar_operand.json', import.meta.url), 'utf8')) as {
  cases: Case[];
  grads: GradCase[];
};

export const decode = (v: Encoded): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : v);

/** The op of a golden case on `x` (dimensioned) and `s` (0-dim), as the golden script calls it. */
export function runCase(c: Case, x: torch.Tensor, s: torch.Tensor): torch.Tensor {
  const [a, b] = c.order === 'xs' ? [x, s] : [s, x];
  switch (c.op) {
    case 'add': return torch.add(a, b);
    case 'sub': return torch.sub(a, b);
    case 'mul': return torch.mul(a, b);
    case 'div': return torch.div(a, b);
    case 'maximum': return torch.maximum(a, b);
    case 'eq': return torch.eq(a, b);
    case 'lt': return torch.lt(a, b);
    case 'addAlpha': return torch.add(a, b, { alpha: 2 });
    case 'add_': return x.add_(s);
    case 'mul_': return x.mul_(s);
    case 'sub_': return x.sub_(s);
    case 'div_': return x.div_(s);
    case 'where': return torch.where(torch.tensor([true, false, false, true], { device: x.device }), x, s);
    case 'clampMin': return torch.clamp(x, s);
    case 'addcmul': return torch.addcmul(x, s, x);
    case 'whereCond': return torch.where(s, x, x.mul(2));
  }
  throw new Error(`unknown op ${c.op}`);
}

