// Issue 10's findings that are about behaviour rather than values: a failed in-place op
// writes nothing and keeps the version counter; gradient mode cannot silently leak across
// an await. (The findings' values and error texts are golden cases in packages/core/fixtures/ops.json.)
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

describe('a failed in-place op changes nothing (finding 4)', () => {
  it('scatter_ with a negative index raises before writing and keeps the version', () => {
    const x = torch.zeros(4);
    const before = Array.from(x.dataSync() as Float32Array);
    const version = x._version;
    let error: unknown;
    try {
      x.scatter_(0, torch.tensor([0, 1, -1]), torch.tensor([5, 6, 7], { dtype: 'float32' }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(torch.TorchError);
    expect((error as torch.TorchError).pythonName).toBe('RuntimeError');
    expect(Array.from(x.dataSync() as Float32Array)).toEqual(before);
    expect(x._version).toBe(version);
  });

  it('a bad in-place op on a view leaves its base untouched', () => {
    const base = torch.arange(6, { dtype: 'float32' });
    const view = base.narrow(0, 2, 3);
    const before = Array.from(base.dataSync() as Float32Array);
    expect(() => view.add_(torch.ones(4))).toThrow(torch.TorchError);
    expect(() => view.clamp_(torch.zeros(2, 3))).toThrow(torch.TorchError);
    expect(() => view.maskedFill_(torch.tensor([true, false]), 1)).toThrow(torch.TorchError);
    expect(Array.from(base.dataSync() as Float32Array)).toEqual(before);
    expect(base._version).toBe(0);
  });
});

describe('copies never alias their input', () => {
  it('repeat with all-ones repeats and pad with zero or negative pads return copies (found by the autograd fuzz)', () => {
    const x = torch.tensor([1.5, 2.5]);
    for (const r of [x.repeat(1), x.repeat(1, 1), torch.tile(x, [1]), torch.nn.functional.pad(x, [0, 0]), torch.nn.functional.pad(x, [-1, 0])]) {
      r.add_(5);
      expect(Array.from(x.dataSync() as Float32Array)).toEqual([1.5, 2.5]);
    }
  });
});

describe('gradients reach every input (found by the autograd fuzz)', () => {
  it('fill_ with a 0-d tensor value that requires grad passes gradcheck', () => {
    const value = torch.tensor(0.7, { dtype: 'float64', requiresGrad: true });
    const f = (v: torch.Tensor) => torch.zeros([2, 3], { dtype: 'float64' }).fill_(v).mul(torch.arange(6, { dtype: 'float64' }).view(2, 3));
    expect(torch.autograd.gradcheck(f, [value])).toBe(true);
  });
});

describe('a view reads what its base holds now (found by the autograd fuzz)', () => {
  it('a view made before its base was written with a value that requires grad gets that gradient', () => {
    const w = torch.tensor([0.5, -1.25, 2], { dtype: 'float64', requiresGrad: true });
    const f = (x: torch.Tensor) => {
      const base = torch.zeros(3, { dtype: 'float64' });
      const v = base.narrow(0, 0, 2);
      base.copy_(x.mul(2));
      return v.mul(v);
    };
    expect(torch.autograd.gradcheck(f, [w])).toBe(true);
    const base = torch.zeros(3);
    const v = base.narrow(0, 1, 2);
    base.copy_(torch.ones(3, { requiresGrad: true }).mul(3));
    expect(v.requiresGrad).toBe(true);
    expect(v.gradFn?.name()).toBe('AsStridedBackward0');
  });
});

describe('gradient mode and async code (finding 12)', () => {
  it('noGrad refuses an async function before running it, and the mode is unchanged', async () => {
    let ran = false;
    expect(() =>
      torch.noGrad(async () => {
        ran = true;
        await null;
      }),
    ).toThrow(/must be synchronous/);
    expect(ran).toBe(false);
    expect(torch.isGradEnabled()).toBe(true);
  });

  it('a function that returns a promise is refused too, with the mode restored', () => {
    expect(() => torch.noGrad(() => Promise.resolve(1))).toThrow(torch.TorchError);
    expect(torch.isGradEnabled()).toBe(true);
    expect(() => torch.enableGrad(() => Promise.resolve(1))).toThrow(/must be synchronous/);
  });

  it('synchronous work inside noGrad records nothing', () => {
    const w = torch.ones(2, { requiresGrad: true });
    const y = torch.noGrad(() => w.mul(2));
    expect(y.requiresGrad).toBe(false);
    expect(torch.isGradEnabled()).toBe(true);
  });
});
