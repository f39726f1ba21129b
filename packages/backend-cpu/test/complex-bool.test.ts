// complex → bool on every path (.bool(), .to('bool'), copy_ into a bool tensor), on plain,
// conjugate and strided views: true where either part is nonzero, as PyTorch 2.x's cast
// (the golden cases in tools/golden/ops_complex.py hold the values; this checks the paths agree).
import * as torch from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { cpuBackend } from '../src/index.js';

torch.registerBackend(cpuBackend);

const nonzero = (z: torch.Tensor): boolean[] => z.real.ne(0).logicalOr(z.imag.ne(0)).contiguous().tolist() as boolean[];

describe('complex → bool', () => {
  for (const dtype of ['complex64', 'complex128'] as const) {
    const re = torch.tensor([0, 0, 2, 0, -0, Number.NaN, 0, 1.5], { dtype: 'float64' });
    const im = torch.tensor([0, 1, 0, -3, -0, 0, Number.NaN, -1], { dtype: 'float64' });
    const z = torch.complex(re, im).to(dtype);
    const views: [string, torch.Tensor][] = [
      ['plain', z],
      ['conj', z.conj()],
      ['strided', z.view([2, 4]).t()],
    ];
    for (const [name, v] of views) {
      it(`${dtype} ${name}`, () => {
        const want = nonzero(v);
        expect(v.bool().contiguous().tolist()).toEqual(want);
        expect(v.to('bool').contiguous().tolist()).toEqual(want);
        expect(torch.zeros([...v.shape], { dtype: 'bool' }).copy_(v).tolist()).toEqual(want);
      });
    }
  }
});
