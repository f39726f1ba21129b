/**
 * Golden-case calls for the products ops (fixture `ops-products.json`, written by
 * `tools/golden/ops_products.py`): PyTorch op name → Antorcha call.
 */
import { outer } from '../../ops/linalg.js';
import * as p from '../../ops/products.js';
import type { Tensor } from '../../tensor.js';
import type { Call, SurfaceCalls } from './types.js';

type Kw = Record<string, unknown>;

const num = (v: unknown, dflt: number): number => (v === undefined || v === null ? dflt : (v as number));
const addOpts = (kw: Kw): p.AddProductOptions => ({ beta: kw.beta as number | undefined, alpha: kw.alpha as number | undefined });
const trapOpts = (kw: Kw): p.TrapezoidOptions => ({ dx: kw.dx as number | undefined, dim: kw.dim as number | undefined });

/** An addmm-family call: the function, or the in-place form on a clone of the input (as the golden script's input is). */
const addProduct =
  (f: (i: Tensor, a: Tensor, b: Tensor, o?: p.AddProductOptions) => Tensor, inplace = false): Call =>
  ([i, a, b], kw) =>
    f(inplace ? (i as Tensor).clone() : i, a, b, addOpts(kw));

/** The calls of this area. */
export const PRODUCTS: SurfaceCalls = {
  calls: {
    diagonal: ([x], kw) => p.diagonal(x, num(kw.offset, 0), num(kw.dim1, 0), num(kw.dim2, 1)),
    diag: ([x], kw) => p.diag(x, num(kw.diagonal, 0)),
    diagflat: ([x], kw) => p.diagflat(x, num(kw.offset, 0)),
    diag_embed: ([x], kw) => p.diagEmbed(x, num(kw.offset, 0), num(kw.dim1, -2), num(kw.dim2, -1)),
    trace: ([x]) => p.trace(x),
    kron: ([a, b]) => p.kron(a, b),
    block_diag: (ts) => p.blockDiag(...ts),
    cross: ([a, b], kw) => p.cross(a, b, kw.dim as number | undefined),
    cdist: ([a, b], kw) => p.cdist(a, b, num(kw.p, 2), kw.compute_mode as p.CdistComputeMode | undefined),
    dist: ([a, b, pp]) => p.dist(a, b, num(pp, 2)),
    tensordot: ([a, b], kw) => p.tensordot(a, b, kw.dims as p.TensordotDims),
    inner: ([a, b]) => p.inner(a, b),
    ger: ([a, b]) => outer(a, b),
    vdot: ([a, b]) => p.vdot(a, b),
    addmm: addProduct(p.addmm),
    addmm_: addProduct(p.addmm_, true),
    addmv: addProduct(p.addmv),
    addmv_: addProduct(p.addmv_, true),
    addr: addProduct(p.addr),
    addr_: addProduct(p.addr_, true),
    baddbmm: addProduct(p.baddbmm),
    baddbmm_: addProduct(p.baddbmm_, true),
    addbmm: addProduct(p.addbmm),
    addbmm_: addProduct(p.addbmm_, true),
    chain_matmul: (ts) => p.chainMatmul(...ts),
    cov: ([x], kw) => p.cov(x, { correction: kw.correction as number | undefined, fweights: kw.fweights as Tensor | undefined, aweights: kw.aweights as Tensor | undefined }),
    corrcoef: ([x]) => p.corrcoef(x),
    diff: ([x], kw) => p.diff(x, num(kw.n, 1), num(kw.dim, -1), kw.prepend as Tensor | undefined, kw.append as Tensor | undefined),
    trapezoid: ([y, x], kw) => (x === undefined ? p.trapezoid(y, trapOpts(kw)) : p.trapezoid(y, x, trapOpts(kw))),
    trapz: ([y, x], kw) => (x === undefined ? p.trapezoid(y, trapOpts(kw)) : p.trapezoid(y, x, trapOpts(kw))),
    cumulative_trapezoid: ([y, x], kw) => (x === undefined ? p.cumulativeTrapezoid(y, trapOpts(kw)) : p.cumulativeTrapezoid(y, x, trapOpts(kw))),
    renorm: ([x, pp, d, m]) => p.renorm(x, pp, d, m),
    renorm_: ([x, pp, d, m]) => p.renorm_(x.clone(), pp, d, m),
    vander: ([x], kw) => p.vander(x, kw.N as number | undefined, (kw.increasing ?? false) as boolean),
  },
  asyncCalls: {
    cov: ([x], kw) => p.covAsync(x, { correction: kw.correction as number | undefined, fweights: kw.fweights as Tensor | undefined, aweights: kw.aweights as Tensor | undefined }),
  },
  viewOps: ['diagonal'],
};
