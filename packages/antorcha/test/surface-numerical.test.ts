// torch.gradient and torch.frombuffer through the facade, plus get/setNumThreads:
// golden gradients of torch.gradient (and gradcheck), frombuffer's memory sharing and its
// int64 values past 32 bits, and the thread setting's errors, against
// packages/antorcha/test/fixtures/numerical.json (written by tools/golden/ops_numerical.py).
// Values, dtypes and errors of gradient/frombuffer are checked by the op conformance
// suites (packages/core/fixtures/ops-numerical.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

interface GradCase {
  name: string;
  shape: number[];
  kwargs: { spacing?: number | number[]; dim?: number[]; edge_order?: number; coords?: number[][] };
  input: number[];
  weights: number[][];
  grad: number[];
  coordGrads: number[][];
  gradFn: string;
}
interface ErrorCase {
  error: string;
  type: string;
}
const fx = JSON.parse(readFileSync(new URL('./fixtures/numerical.json', import.meta.url), 'utf8')) as {
  grads: GradCase[];
  int64_large: { bytes: number[]; values: number[] };
  shared: { bytes: number[]; afterTensorWrite: number[]; afterBufferWrite: number[] };
  missing_dtype: ErrorCase;
  resize_grow: ErrorCase;
  resize_shrink_shape: number[];
  threads: { after_set_3: number; zero: ErrorCase; negative: ErrorCase; float: ErrorCase; bool: ErrorCase };
};
const f64 = (v: number[], requiresGrad = false) => torch.tensor(v, { dtype: 'float64', requiresGrad });

function expectClose(got: ArrayLike<number>, want: number[]): void {
  expect(got.length).toBe(want.length);
  for (let i = 0; i < want.length; i++) expect(Math.abs(got[i]! - want[i]!)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(want[i]!)));
}

function expectError(f: () => unknown, e: ErrorCase): void {
  let thrown: unknown;
  try {
    f();
  } catch (err) {
    thrown = err;
  }
  expect(thrown).toBeInstanceOf(torch.TorchError);
  expect((thrown as Error).message).toBe(e.error);
  expect((thrown as torch.TorchError).pythonName).toBe(e.type);
}

describe('torch.gradient: gradients', () => {
  for (const c of fx.grads) {
    it(`matches PyTorch's backward: ${c.name}`, () => {
      const x = f64(c.input, true).reshape(c.shape).detach().requiresGrad_(true);
      const coords = (c.kwargs.coords ?? []).map((v) => f64(v, true));
      const opts: torch.GradientOptions = {
        spacing: coords.length ? coords : c.kwargs.spacing,
        dim: c.kwargs.dim,
        edgeOrder: c.kwargs.edge_order,
      };
      const outs = torch.gradient(x, opts);
      expect(outs[0]!.gradFn?.name()).toBe(c.gradFn);
      let total = outs[0]!.mul(f64(c.weights[0]!).reshape(outs[0]!.shape)).sum();
      for (let i = 1; i < outs.length; i++) total = total.add(outs[i]!.mul(f64(c.weights[i]!).reshape(outs[i]!.shape)).sum());
      total.backward();
      expectClose(x.grad!.dataSync(), c.grad);
      coords.forEach((t, i) => expectClose(t.grad!.dataSync(), c.coordGrads[i]!));
    });
  }

  for (const edgeOrder of [1, 2]) {
    it(`gradcheck and gradgradcheck (float64), edge order ${edgeOrder}: uniform, per-dim and coordinate spacing`, () => {
      torch.manualSeed(3);
      const x = torch.randn([3, 4], { dtype: 'float64', requiresGrad: true });
      const co = f64([0, 0.5, 2, 2.25], true);
      const fns: ((a: torch.Tensor, b: torch.Tensor) => torch.Tensor[])[] = [
        (a) => torch.gradient(a, { edgeOrder }),
        (a) => torch.gradient(a, { spacing: [2, 0.5], edgeOrder }),
        (a, b) => torch.gradient(a, { spacing: [b], dim: 1, edgeOrder }),
      ];
      for (const f of fns) {
        expect(torch.autograd.gradcheck(f, [x, co], { raiseException: true })).toBe(true);
        expect(torch.autograd.gradgradcheck(f, [x, co], null, { raiseException: true })).toBe(true);
      }
    }, 60_000);
  }
});

describe('torch.frombuffer', () => {
  it('shares the buffer: writes through the tensor reach the bytes and back', () => {
    const bytes = new Uint8Array(fx.shared.bytes);
    const t = torch.frombuffer(bytes, { dtype: 'float32', offset: 4, count: 2 });
    t.mul_(3);
    expect([...bytes]).toEqual(fx.shared.afterTensorWrite);
    new DataView(bytes.buffer).setFloat32(0, -1, true);
    new DataView(bytes.buffer).setFloat32(4, 0.5, true);
    expect([...t.dataSync()]).toEqual(fx.shared.afterBufferWrite);
  });

  it('shares an ArrayBuffer and a typed array view (its byteOffset counts)', () => {
    const ab = new ArrayBuffer(16);
    const t = torch.frombuffer(ab, { dtype: 'int32' });
    new Int32Array(ab)[2] = 7;
    expect([...t.dataSync()]).toEqual([0, 0, 7, 0]);
    const view = new Float64Array(ab, 8, 1);
    const u = torch.frombuffer(view, { dtype: 'float64' });
    u.fill_(2.5);
    expect(view[0]).toBe(2.5);
    expect(t.device.type).toBe('cpu');
    expect(t._base).toBeNull();
  });

  it('int64 values past 32 bits (read as a copy: int64 is held as float64 values)', () => {
    const t = torch.frombuffer(new Uint8Array(fx.int64_large.bytes), { dtype: 'int64' });
    expect(t.dtype.name).toBe('int64');
    expect([...t.dataSync()]).toEqual(fx.int64_large.values);
  });

  it("a shared storage can't grow (resize_), but can shrink", () => {
    const ab = new ArrayBuffer(16);
    const t = torch.frombuffer(ab, { dtype: 'float32' });
    expectError(() => t.resize_(100), fx.resize_grow);
    expect(t.shape).toEqual([4]);
    const u = torch.frombuffer(ab, { dtype: 'float32' }).resize_(2);
    expect(u.shape).toEqual(fx.resize_shrink_shape);
    u.fill_(1);
    expect(new Float32Array(ab)[1]).toBe(1);
  });

  it('requires dtype, as PyTorch does', () => {
    expectError(() => torch.frombuffer(new Uint8Array(4), undefined as never), fx.missing_dtype);
  });
});

describe('torch.getNumThreads / setNumThreads', () => {
  it('stores and returns the setting; PyTorch errors for bad values', async () => {
    const before = torch.getNumThreads();
    // the default is the host's processor count, at most 8 (PyTorch's: physical cores)
    const { availableParallelism } = await import('node:os');
    expect(before).toBe(Math.min(availableParallelism(), 8));
    try {
      torch.setNumThreads(3);
      expect(torch.getNumThreads()).toBe(fx.threads.after_set_3);
      expectError(() => torch.setNumThreads(0), fx.threads.zero);
      expectError(() => torch.setNumThreads(-2), fx.threads.negative);
      expectError(() => torch.setNumThreads(2.5), fx.threads.float);
      expectError(() => torch.setNumThreads(true as never), fx.threads.bool);
      expect(torch.getNumThreads()).toBe(3);
    } finally {
      torch.setNumThreads(before);
    }
  });
});
