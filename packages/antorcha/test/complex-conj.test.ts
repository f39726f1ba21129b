// PyTorch's conjugate and negative bits against PyTorch 1.13 (tools/golden/complex_conj.py →
// complex-conj.json): conj() is a view sharing storage with the conjugate bit, its imaginary
// part carries the negative bit, kernels read resolved values, in-place writes through the
// views land conjugated/negated in the original, and autograd's nodes and gradients.
// Each scenario below replays the Python scenario of the same name.
import { describe, expect, it } from 'vitest';
import { loadFixture } from '@antorcha/core/testing';
import * as torch from '../src/index.js';

type V = number | string;
interface Enc {
  dtype: string;
  shape: number[];
  values: (V | [V, V])[];
}
interface PerDtype {
  x: Enc;
  other: Enc;
  values: Record<string, Enc>;
  writes: Record<string, Enc>;
  flags: Record<string, boolean>;
  shares: Record<string, boolean>;
  reprs: Record<string, string>;
}
const F = loadFixture<{
  dtypes: Record<string, PerDtype>;
  grads: Record<string, { grad: Enc; names: string[] }>;
  real_leaf: Record<string, { grad: Enc; names: string[] }>;
  serialization: { c: Enc; c_is_conj: boolean; x: Enc };
  errors: Record<string, { message: string }>;
}>('complex-conj.json');

const num = (v: V): number => (v === 'nan' ? NaN : v === 'inf' ? Infinity : v === '-inf' ? -Infinity : v === '-0' ? -0 : (v as number));
function mk(e: Enc): torch.Tensor {
  const vals = e.values.map((v) => (Array.isArray(v) ? torch.cplx(num(v[0]), num(v[1])) : num(v)));
  return torch.tensor(vals, { dtype: e.dtype as torch.DTypeName }).reshape(e.shape);
}
const flat = (e: Enc): number[] => e.values.flatMap((v) => (Array.isArray(v) ? [num(v[0]), num(v[1])] : [num(v)]));

/** dtype, shape, and values within `tol` of the largest magnitude (exact where PyTorch's kernels are). */
function close(t: torch.Tensor, e: Enc, tol: number): void {
  expect(t.dtype.name).toBe(e.dtype);
  expect([...t.shape]).toEqual(e.shape);
  const got = Array.from(t.dataSync()), want = flat(e);
  expect(got.length).toBe(want.length);
  const scale = Math.max(1, ...want.map((v) => (Number.isFinite(v) ? Math.abs(v) : 0)));
  for (let i = 0; i < want.length; i++) {
    if (Number.isNaN(want[i])) expect(got[i]).toBeNaN();
    else expect(Math.abs(got[i]! - want[i]!), `element part ${i}: got ${got[i]}, want ${want[i]}`).toBeLessThanOrEqual(tol * scale);
  }
}

const C = torch.cplx;
type T = torch.Tensor;

const VALUES: Record<string, (x: T, w: T) => T> = {
  conj: (x) => x.conj(),
  conj_imag: (x) => x.conj().imag,
  conj_real: (x) => x.conj().real,
  conj_t: (x) => x.conj().t(),
  conj_row: (x) => x.conj().select(0, 1),
  conj_conj: (x) => x.conj().conj(),
  add: (x, w) => x.conj().add(w),
  mul_self: (x) => x.conj().mul(x),
  matmul: (x, w) => x.conj().matmul(w.t()),
  matmul_t: (x, w) => x.matmul(w.conj().t()),
  sum: (x) => x.conj().sum(0),
  prod: (x) => x.conj().prod(1),
  abs: (x) => x.conj().abs(),
  angle: (x) => x.conj().angle(),
  exp: (x) => x.conj().exp(),
  sgn: (x) => x.conj().sgn(),
  neg: (x) => x.conj().neg(),
  cat: (x) => torch.cat([x.conj(), x]),
  stack_t: (x, w) => torch.stack([x.conj().t(), w.t()]),
  index_select: (x) => x.conj().indexSelect(1, torch.tensor([2, 0])),
  flip: (x) => x.conj().flip(1),
  expand: (x) => x.conj().narrow(0, 0, 1).expand(3, 3),
  imag_mul: (x) => x.conj().imag.mul(2),
  imag_add_imag: (x) => x.conj().imag.add(x.imag),
  resolve_conj: (x) => x.conj().resolveConj(),
  resolve_neg: (x) => x.conj().imag.resolveNeg(),
  conj_physical: (x) => x.conj().conjPhysical(),
  clone: (x) => x.conj().clone(),
  to128: (x) => x.conj().to('complex128'),
  where: (x, w) => torch.where(x.conj().real.gt(0), x.conj(), w),
  mH: (x) => x.mH,
  adjoint_matmul: (x) => x.adjoint().matmul(x),
  conj_mul_sum: (x, w) => x.select(0, 0).conj().mul(w.select(0, 0)).sum().reshape(1),
  item: (x) => torch.tensor([x.conj().select(0, 0).select(0, 1).item() as torch.Complex], { dtype: x.dtype }),
  real_tensor_conj: (x) => x.real.conj(),
  t_: (x) => x.conj().t_(),
};

const WRITES: Record<string, (t: T, w: T, dt: torch.DTypeName) => unknown> = {
  add_: (t) => t.conj().add_(C(0, 1)),
  mul_: (t) => t.conj().mul_(C(2, 1)),
  mul_tensor: (t, w) => t.conj().mul_(w),
  sub_conj_view: (t, w) => t.conj().sub_(w.conj()),
  setitem: (t) => t.conj().setIndex_([0, 1], C(7, 7)),
  setitem_row: (t, _w, dt) => t.conj().setIndex_(1, torch.tensor([C(1, 1), C(2, 2), C(3, 3)], { dtype: dt })),
  fill_: (t) => t.conj().fill_(C(1, 1)),
  zero_: (t) => t.conj().zero_(),
  copy_: (t, w) => t.conj().copy_(w),
  copy_conj: (t, w) => t.conj().copy_(w.conj()),
  copy_from_conj: (t, w) => t.copy_(w.conj()),
  exp_: (t) => t.conj().exp_(),
  sgn_: (t) => t.conj().sgn_(),
  row_mul_: (t) => t.conj().select(0, 1).mul_(C(0, 2)),
  t_add_: (t, _w, dt) => t.conj().t().add_(torch.tensor([C(0, 1), C(0, 2), C(0, 3)], { dtype: dt }).reshape(3, 1)),
  add_self: (t) => t.conj().add_(t.conj()),
  add_base: (t) => t.conj().add_(t),
  mul_self: (t) => t.conj().mul_(t),
  conj_physical_: (t) => t.conj().conjPhysical_(),
  imag_add_: (t) => t.conj().imag.add_(1),
  imag_mul_: (t) => t.conj().imag.mul_(3),
  imag_fill_: (t) => t.conj().imag.fill_(2),
  real_mul_: (t) => t.conj().real.mul_(-2),
  conj_conj_add_: (t) => t.conj().conj().add_(C(0, 1)),
  index_put_: (t, _w, dt) => t.conj().indexPut_([torch.tensor([0, 1]), torch.tensor([2, 0])], torch.tensor([C(0, 5), C(6, 1)], { dtype: dt })),
};

const FLAGS: Record<string, (x: T) => boolean> = {
  conj: (x) => x.conj().isConj(),
  conj_neg: (x) => x.conj().isNeg(),
  conj_imag_neg: (x) => x.conj().imag.isNeg(),
  conj_imag_conj: (x) => x.conj().imag.isConj(),
  conj_real_neg: (x) => x.conj().real.isNeg(),
  conj_conj: (x) => x.conj().conj().isConj(),
  clone: (x) => x.conj().clone().isConj(),
  contiguous: (x) => x.conj().contiguous().isConj(),
  t_contiguous: (x) => x.conj().t().contiguous().isConj(),
  resolve_conj: (x) => x.conj().resolveConj().isConj(),
  conj_physical: (x) => x.conj().conjPhysical().isConj(),
  detach: (x) => x.conj().detach().isConj(),
  to128: (x) => x.conj().to('complex128').isConj(),
  view: (x) => x.conj().view(3, 2).isConj(),
  t: (x) => x.conj().t().isConj(),
  row: (x) => x.conj().select(0, 1).isConj(),
  expand: (x) => x.conj().narrow(0, 0, 1).expand(3, 3).isConj(),
  neg: (x) => x.conj().neg().isConj(),
  mul: (x) => x.conj().mul(1).isConj(),
  mH: (x) => x.mH.isConj(),
  adjoint: (x) => x.adjoint().isConj(),
  H: (x) => x.H.isConj(),
  mT: (x) => x.mT.isConj(),
  resolve_neg: (x) => x.conj().imag.resolveNeg().isNeg(),
  imag_clone_neg: (x) => x.conj().imag.clone().isNeg(),
  imag_neg_neg: (x) => x.conj().imag.neg().isNeg(),
  imag_conj_neg: (x) => x.conj().imag.conj().isNeg(),
  real_conj: (x) => x.real.conj().isConj(),
  x: (x) => x.isConj(),
  torch_is_conj: (x) => torch.isConj(x.conj()),
  t_: (x) => x.conj().t_().isConj(),
};

const sharesStorage = (a: T, b: T) => a._storage === b._storage;
const SHARES: Record<string, (x: T) => boolean> = {
  conj: (x) => sharesStorage(x.conj(), x),
  conj_is_view: (x) => x.conj()._base === (x._base ?? x),
  contiguous: (x) => sharesStorage(x.conj().contiguous(), x),
  clone: (x) => sharesStorage(x.conj().clone(), x),
  resolve_conj: (x) => sharesStorage(x.conj().resolveConj(), x),
  real_conj_is_self: (x) => ((r) => r.conj() === r)(x.real),
  conj_conj_is_x: (x) => x.conj().conj() === x,
};

const REPRS: Record<string, (x: T) => T> = {
  conj: (x) => x.conj(),
  conj_imag: (x) => x.conj().imag,
  conj_row: (x) => x.conj().select(0, 0),
  conj_scalar: (x) => x.conj().select(0, 0).select(0, 0),
};

for (const [dt, P] of Object.entries(F.dtypes)) {
  const tol = dt === 'complex64' ? 2e-6 : 1e-14;
  describe(`conjugate views (${dt})`, () => {
    it('every PyTorch scenario has a replay here', () => {
      expect(Object.keys(VALUES).sort()).toEqual(Object.keys(P.values).sort());
      expect(Object.keys(WRITES).sort()).toEqual(Object.keys(P.writes).sort());
      expect(Object.keys(FLAGS).sort()).toEqual(Object.keys(P.flags).sort());
      expect(Object.keys(SHARES).sort()).toEqual(Object.keys(P.shares).sort());
      expect(Object.keys(REPRS).sort()).toEqual(Object.keys(P.reprs).sort());
    });
    for (const [name, f] of Object.entries(VALUES)) {
      it(`reads: ${name}`, () => {
        const x = mk(P.x), w = mk(P.other);
        close(f(x, w), P.values[name]!, tol);
        close(x, P.x, 0); // reading never changes the original
      });
    }
    for (const [name, f] of Object.entries(WRITES)) {
      it(`writes through: ${name}`, () => {
        const t = mk(P.x), w = mk(P.other);
        f(t, w, dt as torch.DTypeName);
        close(t, P.writes[name]!, tol);
        close(w, P.other, 0); // the other operand is untouched
      });
    }
    for (const [name, f] of Object.entries(FLAGS)) {
      it(`flags: ${name}`, () => expect(f(mk(P.x))).toBe(P.flags[name]));
    }
    for (const [name, f] of Object.entries(SHARES)) {
      it(`storage: ${name}`, () => expect(f(mk(P.x))).toBe(P.shares[name]));
    }
    for (const [name, f] of Object.entries(REPRS)) {
      it(`repr: ${name}`, () => expect(f(mk(P.x)).toString()).toBe(P.reprs[name]));
    }
  });
}

const W = () => torch.tensor([C(1, 1), C(2, -1), C(-0.5, 0.25)], { dtype: 'complex128' });
const name = (t: T) => (t.gradFn as { name(): string } | null)?.name() ?? 'null';
const GRADS: Record<string, (a: T) => string[]> = {
  conj: (a) => {
    const c = a.conj();
    c.mul(W()).sum().abs().backward();
    return [name(c)];
  },
  resolve_conj: (a) => {
    const r = a.conj().resolveConj();
    r.mul(W()).sum().abs().backward();
    return [name(r)];
  },
  conj_physical: (a) => {
    const p = a.conjPhysical();
    p.mul(W()).sum().abs().backward();
    return [name(p)];
  },
  conj_physical_: (a) => {
    const y = a.mul(1);
    y.conjPhysical_();
    y.mul(W()).sum().abs().backward();
    return [name(y)];
  },
  conj_imag: (a) => {
    const n = a.conj().imag;
    n.mul(n).sum().backward();
    return [];
  },
  write_conj: (a) => {
    const y = a.clone();
    const c = y.conj();
    c.mul_(C(0, 1));
    const names = [name(c), name(y)];
    y.mul(W()).sum().abs().backward();
    return names;
  },
  write_conj_row: (a) => {
    const y = a.clone();
    const c = y.conj().narrow(0, 1, 2);
    c.mul_(W().narrow(0, 1, 2));
    const names = [name(c), name(y)];
    y.mul(W()).sum().abs().backward();
    return names;
  },
  write_conj_imag: (a) => {
    const y = a.clone();
    const c = y.conj().imag;
    c.mul_(3);
    const names = [name(c), name(y)];
    y.mul(W()).sum().abs().backward();
    return names;
  },
  write_base_then_conj: (a) => {
    const y = a.clone();
    const c = y.conj();
    y.mul_(W());
    const names = [name(c)];
    c.mul(W()).sum().abs().backward();
    return names;
  },
  copy_into_conj: (a) => {
    const y = torch.zeros(3, { dtype: 'complex128' });
    y.conj().copy_(a.mul(W()));
    const names = [name(y)];
    y.sum().abs().backward();
    return names;
  },
  // in-place writes into .real/.imag (views of another dtype)
  real_mul_: (a) => {
    const y = a.clone();
    const r = y.real;
    r.mul_(2);
    const names = [name(r), name(y)];
    y.sum().abs().backward();
    return names;
  },
  imag_mul_: (a) => {
    const y = a.clone();
    const i = y.imag;
    i.mul_(-3);
    const names = [name(i), name(y)];
    y.mul(W()).sum().abs().backward();
    return names;
  },
  real_add_imag: (a) => {
    const y = a.clone();
    y.real.add_(y.imag);
    const names = [name(y)];
    y.mul(W()).sum().abs().backward();
    return names;
  },
  imag_copy_: (a) => {
    const y = a.clone();
    y.imag.copy_(a.real.mul(a.imag));
    const names = [name(y)];
    y.mul(W()).sum().abs().backward();
    return names;
  },
  real_row_write: (a) => {
    const y = a.clone();
    const r = y.real.narrow(0, 1, 2);
    r.pow_(2);
    const names = [name(r), name(y)];
    y.mul(W()).sum().abs().backward();
    return names;
  },
  view_as_real_write: (a) => {
    const y = a.clone();
    const v = torch.viewAsReal(y);
    v.select(1, 1).mul_(0.5);
    const names = [name(y)];
    y.mul(W()).sum().abs().backward();
    return names;
  },
  base_write_then_real: (a) => {
    const y = a.clone();
    const r = y.real;
    y.mul_(W());
    // Antorcha regenerates a view's node when the view is next used (PyTorch: when grad_fn is read)
    const loss = r.mul(r).sum();
    const names = [name(r)];
    loss.backward();
    return names;
  },
  part_names: (a) => {
    const names = [name(a.real), name(a.imag), name(torch.viewAsReal(a))];
    a.real.mul(a.imag).sum().backward();
    return names;
  },
};

describe('autograd through conjugate views', () => {
  it('every PyTorch scenario has a replay here', () => expect(Object.keys(GRADS).sort()).toEqual(Object.keys(F.grads).sort()));
  for (const [key, f] of Object.entries(GRADS)) {
    it(key, () => {
      const a = torch.tensor([C(1, 2), C(3, -1), C(-0.5, 0.75)], { dtype: 'complex128', requiresGrad: true });
      const names = f(a);
      expect(names).toEqual(F.grads[key]!.names);
      close(a.grad!, F.grads[key]!.grad, 1e-12);
    });
  }
});

describe('autograd through writes into a complex view of a real tensor', () => {
  it('view_as_complex_write', () => {
    const b = torch.tensor([[1, 2], [3, -4], [0.5, 0.25]], { dtype: 'float64', requiresGrad: true });
    const y = b.clone();
    const v = torch.viewAsComplex(y);
    v.mul_(C(0, 1));
    expect([name(v), name(y)]).toEqual(F.real_leaf.view_as_complex_write!.names);
    y.mul(torch.tensor([[1, 2], [3, 5], [-1, 0.5]], { dtype: 'float64' })).sum().backward();
    close(b.grad!, F.real_leaf.view_as_complex_write!.grad, 1e-12);
  });
});

describe('torch.save of a conjugate view', () => {
  it('writes the storage as stored; the view loads without its bit, the base unchanged (PyTorch 1.13)', () => {
    const x = mk(F.dtypes.complex64!.x);
    const d = torch.load(torch.save({ c: x.conj(), x })) as Record<string, T>;
    expect(d.c!.isConj()).toBe(F.serialization.c_is_conj);
    close(d.c!, F.serialization.c, 0);
    close(d.x!, F.serialization.x, 0);
  });
});

describe('errors', () => {
  it('view_as_real of a conjugate view', () => {
    expect(() => torch.viewAsReal(torch.tensor([C(1, 2)]).conj())).toThrow(F.errors.view_as_real!.message);
  });
  it('an in-place write through a conjugate view of a leaf that requires grad', () => {
    const a = torch.tensor([C(1, 2)], { requiresGrad: true });
    expect(() => a.conj().mul_(2)).toThrow(F.errors.leaf_view_write!.message);
  });
  it('an in-place write into .real of a leaf that requires grad', () => {
    const a = torch.tensor([C(1, 2)], { requiresGrad: true });
    expect(() => a.real.mul_(2)).toThrow(F.errors.leaf_real_write!.message);
  });
});
