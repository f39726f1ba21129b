// core's deviceCheck on the CPU (a backend that reads synchronously): evaluated at once, it throws
// the template's error class and text with the first failing value in row-major order.
import * as core from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { cpuBackend } from './index.js';

core.registerBackend(cpuBackend);

function thrown(fn: () => void): core.TorchError {
  try {
    fn();
  } catch (e) {
    return e as core.TorchError;
  }
  throw new Error('expected an error');
}

describe('deviceCheck on the CPU', () => {
  it('throws at once, with the first failing value', () => {
    const target = core.tensor([0, 5, 2, 7], { dtype: core.int64 });
    const e = thrown(() => core.deviceCheck('nll_loss', target.ge(3), 'Target {value} is out of bounds.', target));
    expect(e).toBeInstanceOf(core.TorchRuntimeError);
    expect(e.message).toBe('Target 5 is out of bounds.');
    expect(e.op).toBe('nll_loss');
  });

  it('passes silently when nothing fails, and for empty masks', () => {
    const x = core.tensor([0.25, 0.5, 1]);
    expect(() => core.deviceCheck('bce', x.lt(0).logicalOr(x.gt(1)), 'all elements of input should be between 0 and 1')).not.toThrow();
    expect(() => core.deviceCheck('bce', core.tensor([], { dtype: core.bool }), 'never')).not.toThrow();
  });

  it('error classes and value formatting (ints bare, floats as Python prints them, bools)', () => {
    const i = core.tensor([3, -2, 9], { dtype: core.int32 });
    const e = thrown(() => core.deviceCheck('embedding', i.lt(0), { message: 'index {value} out of range', errorClass: 'IndexError' }, i));
    expect(e).toBeInstanceOf(core.TorchIndexError);
    expect(e.message).toBe('index -2 out of range');
    const f = core.tensor([1, Number.POSITIVE_INFINITY, 2], { dtype: core.float64 });
    expect(thrown(() => core.deviceCheck('norm', f.isinf(), { message: 'got {value}', errorClass: 'ValueError' }, f))).toBeInstanceOf(core.TorchValueError);
    expect(thrown(() => core.deviceCheck('norm', f.isinf(), 'got {value}', f)).message).toBe('got inf');
    expect(thrown(() => core.deviceCheck('half', core.tensor([1.5]).gt(1), 'got {value}', core.tensor([1.5]))).message).toBe('got 1.5');
    const flags = core.tensor([false, true], { dtype: core.bool });
    expect(thrown(() => core.deviceCheck('flags', flags, 'flag {value}', flags)).message).toBe('flag True');
  });

  it('row-major order of a strided mask, values broadcast to its shape', () => {
    const x = core.arange(12).reshape([3, 4]).t(); // [4, 3]: x[i][j] = 4·j + i
    // 3 comes first in storage but sits at view index 9; 4 sits at view index 1
    expect(thrown(() => core.deviceCheck('order', x.eq(3).logicalOr(x.eq(4)), 'first {value}', x)).message).toBe('first 4');
    const scalar = core.tensor(7, { dtype: core.int64 });
    expect(thrown(() => core.deviceCheck('bcast', x.eq(5), 'got {value}', scalar)).message).toBe('got 7');
  });

  it('rejects a mask that is not bool', () => {
    expect(thrown(() => core.deviceCheck('op', core.tensor([1]), 'x'))).toBeInstanceOf(core.TorchTypeError);
  });

  it('deviceCheckError builds the interned template (ids are stable across calls)', () => {
    const t = core.tensor([1, 2], { dtype: core.int64 });
    const m1 = thrown(() => core.deviceCheck('stable', t.gt(0), 'v {value}', t));
    const m2 = thrown(() => core.deviceCheck('stable', t.gt(1), 'v {value}', t));
    expect([m1.message, m2.message]).toEqual(['v 1', 'v 2']);
    expect(() => core.deviceCheckError(1e9, 0)).toThrow(/unknown template id/);
  });
});
