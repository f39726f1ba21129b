// A training step in float16 and in bfloat16 against PyTorch 1.13 (tools/golden/half_training.py):
// forward, MSE loss, backward (gradients in the parameters' dtype), SGD with momentum, and the
// loss after the step. The layers use the ops 1.13 has float16 kernels for (see the script).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Tensor, logSoftmax, maximum, relu, softmax, tensor, zeros } from '@antorcha/core';
import { nn, optim } from '../src/index.js';

interface Enc {
  dtype: 'float16' | 'bfloat16';
  shape: number[];
  values: (number | string)[];
}
interface Step {
  params: Enc[];
  x: Enc;
  t: Enc;
  loss: Enc;
  grad_fn: string;
  grads: Enc[];
  updated: Enc[];
  loss2: Enc;
}
const golden = JSON.parse(readFileSync(new URL('./fixtures/half/half_training.json', import.meta.url), 'utf8')) as Record<string, Step>;
const num = (v: number | string): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : (v as number));
const make = (e: Enc, requiresGrad = false): Tensor => tensor(e.values.map(num), { dtype: e.dtype }).reshape(e.shape).requiresGrad_(requiresGrad);

/** Bit-for-bit: every value is a 16-bit float, so equal values are equal bits (−0 aside, which no case has). */
function expectSame(t: Tensor, e: Enc, label: string): void {
  expect(t.dtype.name, label).toBe(e.dtype);
  expect([...t.shape], label).toEqual(e.shape);
  const got = Array.from(t.detach().dataSync()), want = e.values.map(num);
  const diff = got.flatMap((v, i) => (Object.is(v, want[i]) ? [] : [`[${i}] ${v} != ${want[i]}`]));
  expect(diff, label).toEqual([]);
}

describe('a training step in 16-bit floats matches PyTorch', () => {
  for (const [dt, g] of Object.entries(golden)) {
    it(dt, () => {
      const [w1, b1, w2, b2] = g.params.map((p) => make(p, true)) as [Tensor, Tensor, Tensor, Tensor];
      const x = make(g.x), t = make(g.t);
      const zero = zeros([], { dtype: g.x.dtype });
      const forward = (): Tensor => {
        let h = x.unsqueeze(2).mul(w1.t()).sum(1).add(b1);
        h = maximum(h, zero);
        const y = h.unsqueeze(2).mul(w2.t()).sum(1).add(b2);
        const d = y.sub(t);
        return d.mul(d).mean();
      };
      const opt = new optim.SGD([w1, b1, w2, b2], { lr: 0.125, momentum: 0.9 });
      const loss = forward();
      expectSame(loss, g.loss, 'loss');
      expect(loss.gradFn?.name()).toBe(g.grad_fn);
      loss.backward();
      [w1, b1, w2, b2].forEach((p, i) => expectSame(p.grad!, g.grads[i]!, `grad ${i}`));
      opt.step();
      [w1, b1, w2, b2].forEach((p, i) => expectSame(p, g.updated[i]!, `updated ${i}`));
      expectSame(forward(), g.loss2, 'loss after the step');
    });
  }
});

interface GradCase {
  name: string;
  x: Enc;
  g: Enc;
  y: Enc;
  grad: Enc;
}

describe('gradients through bfloat16 ops match PyTorch (tools/golden/half_grads.py)', () => {
  const F: Record<string, (x: Tensor) => Tensor> = {
    exp: (x) => x.exp(),
    tanh: (x) => x.tanh(),
    sigmoid: (x) => x.sigmoid(),
    sin: (x) => x.sin(),
    log: (x) => x.abs().add(0.5).log(),
    sqrt: (x) => x.abs().add(0.1).sqrt(),
    softmax: (x) => softmax(x, 1),
    log_softmax: (x) => logSoftmax(x, 1),
    relu: (x) => relu(x),
    gelu: (x) => nn.functional.gelu(x),
    mean: (x) => x.mean(1, true),
    sum_sq: (x) => x.mul(x).sum(0, true),
  };
  const cases = JSON.parse(readFileSync(new URL('./fixtures/half/half_grads.json', import.meta.url), 'utf8')) as GradCase[];
  // A known difference, kept visible: PyTorch's log_softmax backward starts from the rounded
  // bfloat16 output, where Antorcha's float32 composite differentiates the unrounded one (a few
  // bfloat16 ulps). (tanh and gelu backward round once, as PyTorch's fused kernels: derivatives/half.ts.)
  const KNOWN = new Set(['log_softmax']);
  for (const c of cases) {
    (KNOWN.has(c.name) ? it.fails : it)(c.name, () => {
      const x = make(c.x, true);
      const y = F[c.name]!(x);
      expectClose16(y, c.y, 'y');
      y.mul(make(c.g)).sum().backward();
      expect(x.grad!.dtype.name).toBe('bfloat16');
      expectClose16(x.grad!, c.grad, 'grad');
    });
  }
});

/** Within one bfloat16 ulp (the suite's 16-bit tolerance: float32 results rounded once may differ by one). */
function expectClose16(t: Tensor, e: Enc, label: string): void {
  expect(t.dtype.name, label).toBe(e.dtype);
  expect([...t.shape], label).toEqual(e.shape);
  const got = Array.from(t.detach().dataSync()), want = e.values.map(num);
  const bad = got.flatMap((v, i) => (Math.abs(v - want[i]!) <= 2 ** -7 * Math.abs(want[i]!) + 2 ** -133 ? [] : [`[${i}] ${v} != ${want[i]}`]));
  expect(bad, label).toEqual([]);
}
