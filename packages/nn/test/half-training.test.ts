// A training step in float16 and in bfloat16 against PyTorch 1.13 (tools/golden/half_training.py):
// forward, MSE loss, backward (gradients in the parameters' dtype), SGD with momentum, and the
// loss after the step. The layers use the ops 1.13 has float16 kernels for (see the script).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Tensor, maximum, tensor, zeros } from '@antorcha/core';
import { optim } from '../src/index.js';

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
