// torch.linalg (part 1) errors and options beyond the golden op cases: the error class
// (torch.linalg.LinAlgError), check_errors of the _ex forms, and the error a backend
// without linear-algebra kernels raises (WebGPU today). PyTorch's texts themselves are
// golden-tested in packages/core/fixtures/ops-linalg.json.
import { createCpuBackend } from '@antorcha/backend-cpu';
import { registerBackend, unregisterBackend } from '@antorcha/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

// The stub backend's device type, declared to the type checker as a backend package declares its own.
declare module '@antorcha/core' {
  interface DeviceTypes {
    nolinalg: true;
  }
}

const L = torch.linalg;
const singular = () => torch.tensor([[1, 2], [2, 4]], 'float64');

describe('linalg errors', () => {
  it('numerical failures raise torch.linalg.LinAlgError, a RuntimeError', () => {
    for (const f of [() => L.inv(singular()), () => L.solve(singular(), torch.ones([2], { dtype: 'float64' })), () => L.cholesky(singular().neg())]) {
      expect(f).toThrow(L.LinAlgError);
      expect(f).toThrow(torch.TorchRuntimeError);
    }
  });

  it('the _ex forms return info, and raise with checkErrors', () => {
    expect(L.invEx(singular()).info.item()).toBe(2);
    expect(() => L.invEx(singular(), { checkErrors: true })).toThrow(/linalg\.inv_ex: The diagonal element 2 is zero/);
    expect(L.choleskyEx(singular().neg()).info.item()).toBe(1);
    expect(() => L.choleskyEx(singular().neg(), { checkErrors: true })).toThrow(L.LinAlgError);
    expect(L.luFactorEx(singular()).info.item()).toBe(2);
    expect(() => L.luFactorEx(singular(), { checkErrors: true })).toThrow(/U\[2,2\] is zero/);
    expect(L.solveEx(singular(), torch.ones([2, 1], { dtype: 'float64' })).info.item()).toBe(2);
    expect(() => L.solveEx(singular(), torch.ones([2, 1], { dtype: 'float64' }), { checkErrors: true })).toThrow(L.LinAlgError);
    expect(() => L.ldlFactorEx(torch.zeros([2, 2]), { checkErrors: true })).toThrow(L.LinAlgError);
  });

  it('solve_triangular requires upper, as PyTorch (keyword-only, no default)', () => {
    expect(() => L.solveTriangular(torch.eye(2), torch.ones([2, 1]), undefined as never)).toThrow(torch.TorchTypeError);
    expect(() => L.solveTriangular(torch.eye(2), torch.ones([2, 1]), {} as never)).toThrow('linalg_solve_triangular() missing 1 required positional arguments: "upper"');
  });

  it('the derivative of qr with mode r is refused, as in PyTorch', () => {
    const a = torch.randn([3, 3], { dtype: 'float64', requiresGrad: true });
    const { R } = L.qr(a, 'r');
    expect(() => R.sum().backward()).toThrow(/mode='r'/);
  });
});

describe('a backend without linear-algebra kernels', () => {
  beforeAll(() => {
    const b = { ...createCpuBackend(), name: 'nolinalg' };
    delete (b as { linalg?: unknown }).linalg;
    registerBackend(b);
  });
  afterAll(() => unregisterBackend('nolinalg'));

  it('names the op, the device and the way out', () => {
    const a = torch.eye(3, { device: 'nolinalg' });
    expect(() => L.inv(a)).toThrow(/^linalg\.inv: the 'nolinalg:0' backend has no linear-algebra kernels; move the input to the CPU first \(`await t\.toAsync\('cpu'\)`\)/);
    expect(() => torch.det(a)).toThrow(torch.TorchRuntimeError);
    expect(() => L.qr(a)).toThrow(/linalg\.qr: the 'nolinalg:0' backend/);
  });

  it('ops composed of ordinary kernels still run there', () => {
    const a = torch.eye(3, { device: 'nolinalg' });
    expect(L.matrixPower(a, 3).device.type).toBe('nolinalg');
    expect(L.vectorNorm(a).item()).toBe(L.vectorNorm(torch.eye(3)).item());
  });
});
