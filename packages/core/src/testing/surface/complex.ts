/**
 * Golden-case calls of the complex functions (fixture `ops-complex.json`, written by
 * `tools/golden/ops_complex.py`): the ops with no catalogue row. Arithmetic, reductions,
 * products and structural ops on complex tensors reach their calls by name as for any dtype.
 */
import * as core from '../../index.js';
import type { Tensor } from '../../tensor.js';
import type { SurfaceCalls } from './types.js';

/** The calls of this area. */
export const COMPLEX: SurfaceCalls = {
  calls: {
    real: ([x]) => core.real(x as Tensor),
    imag: ([x]) => core.imag(x as Tensor),
    view_as_real: ([x]) => core.viewAsReal(x as Tensor),
    view_as_complex: ([x]) => core.viewAsComplex(x as Tensor),
    conj: ([x]) => core.conj(x as Tensor),
    conj_physical: ([x]) => core.conjPhysical(x as Tensor),
    angle: ([x]) => core.angle(x as Tensor),
    complex: ([re, im]) => core.complex(re as Tensor, im as Tensor),
    polar: ([abs, angle]) => core.polar(abs as Tensor, angle as Tensor),
  },
  viewOps: ['real', 'imag', 'view_as_real', 'view_as_complex'],
};
