// Device-side checks (core's deviceCheck) on WebGPU: queued with the kernels, raised by the next
// read or synchronize with the first failing value (row-major order), and cleared once raised.
import * as core from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { backend, hasGpu } from './gpu.js';

const dev = 'webgpu';
const gpu = (values: number[], dtype: core.DType = core.float32): core.Tensor => core.tensor(values, { dtype, device: dev });

/** The error the next read raises (null when it raises none). */
async function nextReadError(t: core.Tensor): Promise<Error | null> {
  try {
    await t.data();
    return null;
  } catch (e) {
    return e as Error;
  }
}

describe.skipIf(!hasGpu)('deviceCheck on WebGPU', () => {
  it('does not throw when queued; the next read raises the template with the first failing value', async () => {
    const target = gpu([0, 5, 2, 7], core.int64);
    const bad = target.ge(3);
    expect(() => core.deviceCheck('nll_loss', bad, 'Target {value} is out of bounds.', target)).not.toThrow();
    const e = await nextReadError(target.add(1));
    expect(e).toBeInstanceOf(core.TorchRuntimeError);
    expect(e!.message).toBe('Target 5 is out of bounds.');
    expect((e as core.TorchError).op).toBe('nll_loss');
  });

  it('no error when the check passes, and the data read is right', async () => {
    const x = gpu([0.25, 0.5, 1]);
    core.deviceCheck('binary_cross_entropy', x.lt(0).logicalOr(x.gt(1)), 'all elements of input should be between 0 and 1');
    expect(Array.from(await x.mul(2).data())).toEqual([0.5, 1, 2]);
  });

  it('synchronize() raises the report too', async () => {
    const x = gpu([1, Number.NaN, 3]);
    core.deviceCheck('clip_grad_norm_', x.isnan(), { message: 'value {value} is not finite', errorClass: 'RuntimeError' }, x);
    await expect(backend!.synchronize()).rejects.toThrow('value nan is not finite');
  });

  it('the error word is cleared after reporting: the next read is clean and the next check reports again', async () => {
    const x = gpu([-1, 2, -3]);
    core.deviceCheck('check_a', x.lt(0), 'negative {value}', x);
    expect((await nextReadError(x))?.message).toBe('negative -1.0');
    expect(await nextReadError(x)).toBeNull();
    expect(await nextReadError(x)).toBeNull();
    const y = gpu([4, 5, -6]);
    core.deviceCheck('check_a', y.lt(0), 'negative {value}', y);
    expect((await nextReadError(y))?.message).toBe('negative -6.0');
    expect(await nextReadError(y)).toBeNull();
  });

  it('error class and value formatting follow the template and the values dtype', async () => {
    const i = gpu([3, -2, 9], core.int32);
    core.deviceCheck('embedding', i.lt(0), { message: 'index {value} out of range in self', errorClass: 'IndexError' }, i);
    const e = await nextReadError(i);
    expect(e).toBeInstanceOf(core.TorchIndexError);
    expect(e!.message).toBe('index -2 out of range in self');
    const f = gpu([0.5, 1.5]);
    core.deviceCheck('bce', f.gt(1), { message: 'bad probability {value}', errorClass: 'ValueError' }, f);
    const v = await nextReadError(f);
    expect(v).toBeInstanceOf(core.TorchValueError);
    expect(v!.message).toBe('bad probability 1.5');
  });

  it('the first failing element in row-major order of a strided view, across many workgroups', async () => {
    const n = 70000;
    const vals = Array.from({ length: n }, (_, k) => k);
    const x = gpu(vals, core.int32).reshape([n / 100, 100]).t(); // [100, 700]: x[i][j] = 100·j + i
    // 45013 sits at view index 13·700 + 450 = 9550, 69999 at the last one (workgroup 273)
    core.deviceCheck('order', x.eq(69999).logicalOr(x.eq(45013)), 'first {value}', x);
    expect((await nextReadError(x))?.message).toBe('first 45013');
    // 99 comes first in storage but sits at view index 99·700 = 69300; 100 sits at view index 1
    core.deviceCheck('order', x.eq(99).logicalOr(x.eq(100)), 'first {value}', x);
    expect((await nextReadError(x))?.message).toBe('first 100');
  });

  it('the first error reported since the last read wins', async () => {
    const x = gpu([1, 2, 3]);
    core.deviceCheck('first_op', x.gt(2), 'first {value}', x);
    core.deviceCheck('second_op', x.gt(0), 'second {value}', x);
    const e = await nextReadError(x);
    expect(e!.message).toBe('first 3.0');
    expect((e as core.TorchError).op).toBe('first_op');
  });

  it('broadcast values and bool values, empty masks', async () => {
    const flags = gpu([0, 1, 1], core.bool);
    core.deviceCheck('flags', flags, 'flag {value}', flags);
    expect((await nextReadError(flags))?.message).toBe('flag True');
    const scalar = core.tensor(7, { dtype: core.int64, device: dev });
    core.deviceCheck('bcast', gpu([0, 0, 1, 0], core.bool), 'got {value}', scalar);
    expect((await nextReadError(scalar))?.message).toBe('got 7');
    core.deviceCheck('empty', gpu([], core.bool), 'never');
    expect(await nextReadError(scalar)).toBeNull();
  });
});
