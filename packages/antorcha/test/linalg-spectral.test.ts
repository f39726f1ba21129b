// torch.linalg's spectral half against PyTorch (packages/core/fixtures/linalg-spectral.json,
// written by tools/golden/linalg_spectral.py): svd, svdvals, eigh, eigvalsh, pinv,
// matrix_rank, cond, lstsq, the 2/−2/'nuc' matrix norms, torch.svd, torch.pinverse and the
// Tensor methods, float32 and float64, batched, 1×1 to 64×64, ill-conditioned (Hilbert)
// and rank-deficient inputs, empty inputs, non-finite inputs, errors and autograd node names.
//
// Unique results (singular values, eigenvalues, pseudoinverses, ranks, least-squares
// solutions, residuals, norms, condition numbers) are compared value by value. Singular
// vectors and eigenvectors are unique only up to sign (the sign LAPACK happens to produce
// is not part of the contract), so each of our vectors is first multiplied by the sign
// that aligns it with PyTorch's (for SVD the same sign must then also align the matching
// row of Vh), and then compared; the extra columns of a full U (or rows of a full Vh) span
// a subspace with no preferred basis, so for them the test checks orthonormality instead.
// Reconstructions (U·diag(S)·Vh = A, V·diag(w)·Vᵀ = A) are checked for every case.
//
// Tolerances come from perturbation theory, never from the observed errors: a backward-
// stable SVD/eigensolver perturbs values by ≲ c·ε·‖A‖ and vectors by ≲ c·ε·‖A‖/gap (gap:
// distance to the nearest other singular value/eigenvalue); pinv and lstsq results by
// ≲ c·ε·κ(A)·‖result‖. Both PyTorch (LAPACK, computing float32 in float32) and Antorcha
// (float64 throughout, rounded once) are within such bounds of the exact answer, so they
// are within twice of each other; c = 64 covers the dimension factors at these sizes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCpuBackend } from '@antorcha/backend-cpu';
import * as torch from '../src/index.js';
import { type EncodedInput, type EncodedResult, decodeElements, decodeInput, decodeValue, isEncodedInput, loadFixture } from '@antorcha/core/testing';

// The stub backends' device types, declared to the type checker as a backend package declares their own.
declare module '@antorcha/core' {
  interface DeviceTypes {
    nospectral: true;
    noconverge: true;
  }
}

type T = torch.Tensor;
interface Case {
  name: string;
  fn: string;
  args: unknown[];
  kwargs: Record<string, unknown>;
  expected: EncodedResult | EncodedResult[] | { error: string; type: string };
  grad_fn?: (string | null)[];
  /** eig cases: the condition number of PyTorch's eigenvector matrix (Bauer–Fike). */
  meta?: { kappa: number };
}

/** A complex expected result (eig): real and imaginary parts, row-major. */
interface EncodedComplex {
  dtype: 'complex64' | 'complex128';
  shape: number[];
  re: EncodedResult['values'];
  im: EncodedResult['values'];
}

const CASES = loadFixture<Case[]>('linalg-spectral.json');
const C = 64;
const EPS = { float32: 2 ** -23, float64: 2 ** -52 } as const;

const kw = (v: unknown): unknown => {
  if (v !== null && typeof v === 'object' && 'float' in (v as object)) return decodeValue((v as { float: never }).float);
  if (isEncodedInput(v)) return decodeInput(v as EncodedInput); // tensor tolerances (atol/rtol)
  return v;
};

/** The call each fixture `fn` names, with PyTorch's keyword arguments spelt as Antorcha's options. */
const CALLS: Record<string, (a: T[], k: Record<string, unknown>) => unknown> = {
  'linalg.svd': ([A], k) => torch.linalg.svd(A!, { fullMatrices: (k.full_matrices as boolean | undefined) ?? true }),
  'linalg.svdvals': ([A]) => torch.linalg.svdvals(A!),
  'linalg.eigh': ([A], k) => torch.linalg.eigh(A!, (k.UPLO as 'L' | 'U' | undefined) ?? 'L'),
  'linalg.eigvalsh': ([A], k) => torch.linalg.eigvalsh(A!, (k.UPLO as 'L' | 'U' | undefined) ?? 'L'),
  'linalg.eig': ([A]) => torch.linalg.eig(A!),
  'linalg.eigvals': ([A]) => torch.linalg.eigvals(A!),
  'linalg.pinv': ([A], k) => torch.linalg.pinv(A!, k as never),
  'linalg.matrix_rank': ([A], k) => torch.linalg.matrixRank(A!, k as never),
  'linalg.cond': ([A], k) => torch.linalg.cond(A!, (k.p as never) ?? null),
  'linalg.lstsq': ([A, B], k) => torch.linalg.lstsq(A!, B!, k as never),
  'linalg.matrix_norm': ([A, ord], k) => torch.linalg.matrixNorm(A!, ord as never, (k.dim as number[] | undefined) ?? [-2, -1], (k.keepdim as boolean | undefined) ?? false),
  'linalg.norm': ([A, ord]) => torch.linalg.norm(A!, ord as never),
  svd: ([A], k) => torch.svd(A!, { some: k.some as boolean | undefined, computeUv: k.compute_uv as boolean | undefined }),
  pinverse: ([A], k) => torch.pinverse(A!, k.rcond as number | undefined),
  'Tensor.svd': ([A]) => A!.svd(),
  'Tensor.pinverse': ([A]) => A!.pinverse(),
};

const args = (c: Case): T[] => c.args.map((a) => (isEncodedInput(a) ? decodeInput(a as EncodedInput) : (kw(a) as never)));
const kwargs = (c: Case): Record<string, unknown> => Object.fromEntries(Object.entries(c.kwargs).map(([k, v]) => [k, kw(v)]));

/** Row-major values of an expected result. */
const vals = (e: EncodedResult): number[] => decodeElements(e.values);
/** Row-major values of a tensor as numbers. */
const got = (t: T): number[] => Array.from(t.contiguous().dataSync() as ArrayLike<number | bigint>, Number);

/** |x − y|, with NaN equal to NaN (and infinitely far from a number). */
function diffNaN(x: number, y: number): number {
  if (Number.isNaN(x) || Number.isNaN(y)) return Number.isNaN(x) && Number.isNaN(y) ? 0 : Infinity;
  return Math.abs(x - y);
}

/** Largest |a − b| (NaN at the same places counts as equal; elsewhere as Infinity). */
function maxDiff(a: readonly number[], b: readonly number[]): number {
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (Number.isNaN(x) || Number.isNaN(y)) {
      if (!(Number.isNaN(x) && Number.isNaN(y))) return Infinity;
    } else if (x !== y) m = Math.max(m, Math.abs(x - y));
  }
  return m;
}

function frob(t: T): number {
  const v = got(t.to('float64'));
  let s = 0;
  for (const x of v) if (Number.isFinite(x)) s += x * x;
  return Math.sqrt(s);
}

/** Measured errors by group, relative to the bound each check used (printed at the end for the record). */
const MEASURED = new Map<string, { err: number; rel: number }>();
function record(name: string, err: number, bound: number): void {
  // by op and dtype, and each 64×64 and ill-conditioned (Hilbert) case on its own
  const caseName = name.split(':')[0]!;
  const group = /64x64|hilbert/.test(caseName) ? name : caseName.split('/').slice(0, 2).join('/') + (name.includes(': ') ? `: ${name.split(': ')[1]}` : '');
  const prev = MEASURED.get(group) ?? { err: 0, rel: 0 };
  MEASURED.set(group, { err: Math.max(prev.err, err), rel: Math.max(prev.rel, bound > 0 ? err / bound : 0) });
}

function expectClose(name: string, actual: T, expected: EncodedResult, bound: number): void {
  expect(actual.dtype.name, `${name}: dtype`).toBe(expected.dtype);
  expect([...actual.shape], `${name}: shape`).toEqual(expected.shape);
  const d = maxDiff(got(actual), vals(expected));
  record(name, d, bound);
  expect(d, `${name}: max |Δ| ${d} > ${bound}`).toBeLessThanOrEqual(bound);
}

/** Smallest distance between distinct values of a sorted list (scale of the vectors' sensitivity). */
function minGap(sv: readonly number[], scale: number): number {
  let g = Infinity;
  for (let i = 1; i < sv.length; i++) g = Math.min(g, Math.abs(sv[i]! - sv[i - 1]!));
  return Number.isFinite(g) && g > 0 ? g : scale;
}

/** Per-matrix slices: `[batch…, r, c]` → list of row-major matrices. */
function matrices(v: readonly number[], shape: readonly number[]): number[][] {
  const r = shape[shape.length - 2]!;
  const c = shape[shape.length - 1]!;
  const n = r * c;
  const out: number[][] = [];
  for (let o = 0; n > 0 && o < v.length; o += n) out.push(v.slice(o, o + n));
  if (n === 0) return [];
  return out;
}

/**
 * Compares vectors up to sign: columns (`byCols`) of `ours` against `ref`, the first `k`
 * of them; `partner` (the matching rows of Vh) flips with the same sign.
 */
function compareUpToSign(name: string, ours: T, ref: EncodedResult, k: number, bound: number, partner?: [T, EncodedResult]): void {
  expect([...ours.shape], `${name}: shape`).toEqual(ref.shape);
  const r = ref.shape[ref.shape.length - 2]!;
  const c = ref.shape[ref.shape.length - 1]!;
  const A = matrices(got(ours), ref.shape);
  const E = matrices(vals(ref), ref.shape);
  const P = partner ? matrices(got(partner[0]), partner[1].shape) : [];
  const PE = partner ? matrices(vals(partner[1]), partner[1].shape) : [];
  const pc = partner ? partner[1].shape[partner[1].shape.length - 1]! : 0;
  let worst = 0;
  for (let b = 0; b < A.length; b++) {
    for (let j = 0; j < k; j++) {
      let dot = 0;
      for (let i = 0; i < r; i++) dot += A[b]![i * c + j]! * E[b]![i * c + j]!;
      const s = dot < 0 ? -1 : 1;
      for (let i = 0; i < r; i++) worst = Math.max(worst, diffNaN(s * A[b]![i * c + j]!, E[b]![i * c + j]!));
      if (partner) for (let i = 0; i < pc; i++) worst = Math.max(worst, diffNaN(s * P[b]![j * pc + i]!, PE[b]![j * pc + i]!));
    }
  }
  record(name, worst, bound);
  expect(worst, `${name}: vectors up to sign, max |Δ| ${worst} > ${bound}`).toBeLessThanOrEqual(bound);
}

/** ‖QᵀQ − I‖ over the columns of every matrix of Q. */
function orthonormalCols(name: string, Q: T, eps: number): void {
  const n = Q.shape[Q.shape.length - 1]!;
  if (Q.numel() === 0) return;
  const I = torch.eye(n, { dtype: 'float64' });
  const d = Q.to('float64').mT.matmul(Q.to('float64')).sub(I).abs().max().item() as number;
  expect(d, `${name}: orthonormality ${d}`).toBeLessThanOrEqual(C * eps * Math.max(1, n));
}

function checkCase(c: Case): void {
  const a = args(c);
  const k = kwargs(c);
  const call = () => CALLS[c.fn]!(a, k);
  const exp = c.expected;
  if (!Array.isArray(exp) && 'error' in exp) {
    let err: unknown = null;
    try {
      call();
    } catch (e) {
      err = e;
    }
    expect(err, `${c.name}: expected PyTorch's error "${exp.error}"`).toBeInstanceOf(torch.TorchError);
    expect((err as Error).message).toContain(exp.error);
    if (exp.type === '_LinAlgError') expect(err).toBeInstanceOf(torch.linalg.LinAlgError);
    return;
  }
  const out = call() as T | T[];
  const A = a[0]!;
  const dt = A.dtype.name as 'float32' | 'float64';
  const eps = EPS[dt] ?? EPS.float64;
  const normA = A.numel() > 0 ? frob(A) : 0;
  const scale = Math.max(1, normA);
  if (c.fn === 'linalg.svd' || c.fn === 'svd' || c.fn === 'Tensor.svd') {
    const [eU, eS, eV] = exp as EncodedResult[];
    const [U, S, V] = out as T[];
    const sv = vals(eS!);
    const kk = eS!.shape[eS!.shape.length - 1]!;
    expectClose(`${c.name}: S`, S!, eS!, C * eps * scale);
    const vecBound = (C * eps * scale) / minGap(sv.filter(Number.isFinite), scale);
    if (c.fn !== 'linalg.svd' && k.compute_uv === false) {
      expectClose(`${c.name}: U`, U!, eU!, 0);
      expectClose(`${c.name}: V`, V!, eV!, 0);
      return;
    }
    // torch.svd returns V; compare its columns (= rows of Vh)
    const Vh = c.fn === 'linalg.svd' ? V! : V!.mT;
    const eVh = c.fn === 'linalg.svd' ? eV! : transposeEncoded(eV!);
    compareUpToSign(`${c.name}: U, Vh`, U!, eU!, kk, vecBound, [Vh.contiguous(), eVh]);
    if (!sv.some(Number.isNaN)) {
      orthonormalCols(`${c.name}: U`, U!, eps);
      orthonormalCols(`${c.name}: Vh`, Vh.mT, eps);
      if (A.numel() > 0) {
        const Uk = U!.narrow(-1, 0, kk);
        const rec = Uk.mul(S!.unsqueeze(-2)).matmul(Vh.narrow(-2, 0, kk));
        const d = rec.sub(A).abs().max().item() as number;
        expect(d, `${c.name}: reconstruction`).toBeLessThanOrEqual(C * eps * scale);
      }
    }
    return;
  }
  if (c.fn === 'linalg.eig' || c.fn === 'linalg.eigvals') {
    checkEig(c, A, out, eps, scale);
    return;
  }
  if (c.fn === 'linalg.eigh') {
    const [eW, eV] = exp as EncodedResult[];
    const [W, V] = out as T[];
    const w = vals(eW!);
    expectClose(`${c.name}: eigenvalues`, W!, eW!, C * eps * scale);
    const n = eW!.shape[eW!.shape.length - 1]!;
    compareUpToSign(`${c.name}: eigenvectors`, V!, eV!, n, (C * eps * scale) / minGap(w.filter(Number.isFinite), scale));
    if (!w.some(Number.isNaN)) orthonormalCols(`${c.name}: eigenvectors`, V!, eps);
    return;
  }
  const outs = Array.isArray(out) ? out : [out];
  const exps = Array.isArray(exp) ? exp : [exp];
  expect(outs.length).toBe(exps.length);
  // Condition-dependent bound for results that solve with A (pinv, lstsq, cond): ε·κ·‖result‖.
  const kappa = A.dtype.isFloatingPoint && A.numel() > 0 && (c.fn.includes('pinv') || c.fn === 'linalg.lstsq' || c.fn === 'linalg.cond') ? condOf(A) : 1;
  outs.forEach((t, i) => {
    const e = exps[i]!;
    if (e.dtype === 'int64' || e.dtype === 'bool') {
      expectClose(`${c.name}: output ${i}`, t, e, 0);
      return;
    }
    const ev = vals(e).filter(Number.isFinite);
    const mag = Math.max(1, ...ev.map(Math.abs));
    const bound = C * eps * Math.max(scale, mag) * kappa * (c.fn === 'linalg.cond' ? 1 : 1);
    expectClose(`${c.name}: output ${i}`, t, e, bound);
  });
}

/** [re, im] values of a complex tensor. */
function parts(t: T): [number[], number[]] {
  const v = got(torch.viewAsReal(t));
  return [v.filter((_, i) => i % 2 === 0), v.filter((_, i) => i % 2 === 1)];
}

/**
 * eig/eigvals: complex dtype and shape; eigenvalues matched to PyTorch's as sets (the
 * order is the QR iteration's, LAPACK's may differ) within the Bauer–Fike bound
 * C·ε·‖A‖·κ(V); for eig, every eigenpair of ours satisfies A·v = λ·v to C·ε·‖A‖
 * (backward stability), ‖v‖ = 1, and its largest component is real (geev's normalisation),
 * and each of our vectors equals PyTorch's vector of the matched eigenvalue up to a phase
 * (|⟨v, v_pt⟩| = 1 within the bound divided by the eigenvalue gap).
 */
function checkEig(c: Case, A: T, out: T | T[], eps: number, scale: number): void {
  const vectors = c.fn === 'linalg.eig';
  const exps = (vectors ? c.expected : [c.expected]) as unknown as EncodedComplex[];
  const outs = vectors ? (out as T[]) : [out as T];
  outs.forEach((t, i) => {
    expect(t.dtype.name, `${c.name}: dtype`).toBe(exps[i]!.dtype);
    expect([...t.shape], `${c.name}: shape`).toEqual(exps[i]!.shape);
  });
  const n = A.shape[A.shape.length - 1]!;
  if (n === 0) return;
  const [lr, li] = parts(outs[0]!);
  const er = decodeElements(exps[0]!.re);
  const ei = decodeElements(exps[0]!.im);
  const valBound = C * eps * scale * (c.meta?.kappa ?? 1);
  const batches = lr.length / n;
  const Ad = got(A.to('float64'));
  const [vr, vi] = vectors ? parts(outs[1]!) : [[], []];
  const [evr, evi] = vectors ? [decodeElements(exps[1]!.re), decodeElements(exps[1]!.im)] : [[], []];
  let worstVal = 0;
  let worstRes = 0;
  let worstPhase = 0;
  for (let b = 0; b < batches; b++) {
    const used = new Set<number>();
    for (let j = 0; j < n; j++) {
      const x = lr[b * n + j]!;
      const y = li[b * n + j]!;
      if (Number.isNaN(x)) {
        expect(Number.isNaN(er[b * n + j]!), `${c.name}: NaN eigenvalue`).toBe(true);
        continue;
      }
      // nearest unused eigenvalue of PyTorch's
      let best = -1;
      let bestD = Infinity;
      for (let q = 0; q < n; q++) {
        if (used.has(q)) continue;
        const d = Math.hypot(x - er[b * n + q]!, y - ei[b * n + q]!);
        if (d < bestD) {
          bestD = d;
          best = q;
        }
      }
      used.add(best);
      worstVal = Math.max(worstVal, bestD);
      if (!vectors) continue;
      // A·v − λ·v, ‖v‖, the phase of the largest component, and ⟨v, v_pt⟩
      const col = (re: number[], im: number[], k: number): [number[], number[]] => [
        Array.from({ length: n }, (_, i) => re[b * n * n + i * n + k]!),
        Array.from({ length: n }, (_, i) => im[b * n * n + i * n + k]!),
      ];
      const [xr, xi] = col(vr, vi, j);
      const [pr, pi] = col(evr, evi, best);
      let norm2 = 0;
      let big = 0;
      for (let i = 0; i < n; i++) {
        norm2 += xr[i]! ** 2 + xi[i]! ** 2;
        if (xr[i]! ** 2 + xi[i]! ** 2 > xr[big]! ** 2 + xi[big]! ** 2) big = i;
        let ar = 0;
        let ai = 0;
        for (let k = 0; k < n; k++) {
          ar += Ad[b * n * n + i * n + k]! * xr[k]!;
          ai += Ad[b * n * n + i * n + k]! * xi[k]!;
        }
        worstRes = Math.max(worstRes, Math.hypot(ar - (x * xr[i]! - y * xi[i]!), ai - (x * xi[i]! + y * xr[i]!)));
      }
      expect(Math.abs(Math.sqrt(norm2) - 1), `${c.name}: ‖v‖`).toBeLessThanOrEqual(C * eps);
      expect(Math.abs(xi[big]!), `${c.name}: largest component real`).toBeLessThanOrEqual(C * eps);
      let dr = 0;
      let di = 0;
      for (let i = 0; i < n; i++) {
        dr += xr[i]! * pr[i]! + xi[i]! * pi[i]!;
        di += xr[i]! * pi[i]! - xi[i]! * pr[i]!;
      }
      let gap = Infinity;
      for (let q = 0; q < n; q++) if (q !== best) gap = Math.min(gap, Math.hypot(er[b * n + q]! - er[b * n + best]!, ei[b * n + q]! - ei[b * n + best]!));
      const phaseBound = (C * eps * scale * (c.meta?.kappa ?? 1)) / Math.min(1, gap);
      const dev = Math.abs(1 - Math.hypot(dr, di));
      worstPhase = Math.max(worstPhase, dev);
      expect(dev, `${c.name}: vector ${j} up to phase`).toBeLessThanOrEqual(phaseBound);
    }
  }
  record(`${c.name}: eigenvalues`, worstVal, valBound);
  expect(worstVal, `${c.name}: eigenvalues (as sets) ${worstVal} > ${valBound}`).toBeLessThanOrEqual(valBound);
  if (vectors) {
    record(`${c.name}: A·v − λ·v`, worstRes, C * eps * scale);
    expect(worstRes, `${c.name}: A·v − λ·v`).toBeLessThanOrEqual(C * eps * scale);
  }
}

/** σ_max/σ_min of A (the largest over a batch), for the pinv/lstsq bounds; 1 for a rank-deficient A (its pseudoinverse is conditioned by the kept values). */
function condOf(A: T): number {
  const S = got(torch.linalg.svdvals(A.to('float64')));
  const k = A.shape[A.shape.length - 1]! < A.shape[A.shape.length - 2]! ? A.shape[A.shape.length - 1]! : A.shape[A.shape.length - 2]!;
  let worst = 1;
  for (let o = 0; o + k <= S.length && k > 0; o += k) {
    const max = S[o]!;
    if (!(max > 0)) continue;
    const kept = S.slice(o, o + k).filter((s) => s > max * 1e-6);
    worst = Math.max(worst, max / kept[kept.length - 1]!);
  }
  return worst;
}

/** The expected result of a transposed (last two dims) matrix stack. */
function transposeEncoded(e: EncodedResult): EncodedResult {
  const r = e.shape[e.shape.length - 2]!;
  const c = e.shape[e.shape.length - 1]!;
  const v = e.values;
  const out: typeof v = [];
  for (let o = 0; o < v.length; o += r * c) for (let j = 0; j < c; j++) for (let i = 0; i < r; i++) out.push(v[o + i * c + j]!);
  return { ...e, shape: [...e.shape.slice(0, -2), c, r], values: out };
}

const groups = new Map<string, Case[]>();
for (const c of CASES) {
  const g = c.name.startsWith('error/') || c.name.startsWith('grad_fn/') ? c.name.split('/')[0]! : c.name.split('/').slice(0, 2).join('/');
  groups.set(g, [...(groups.get(g) ?? []), c]);
}

describe('torch.linalg spectral ops against PyTorch', () => {
  for (const [g, cs] of groups) {
    if (g === 'grad_fn') continue;
    it(`${g} (${cs.length} cases)`, () => {
      for (const c of cs) checkCase(c);
    });
  }

  it('autograd node names', () => {
    for (const c of groups.get('grad_fn') ?? []) {
      const a = args(c).map((t) => (t instanceof torch.Tensor && t.dtype.isFloatingPoint ? t.detach().requiresGrad_() : t));
      const out = CALLS[c.fn]!(a, kwargs(c)) as T | T[];
      const outs = Array.isArray(out) ? out : [out];
      expect(outs.map((t) => t.gradFn?.name() ?? null), c.name).toEqual(c.grad_fn);
    }
  });

  it('records the measured errors', () => {
    const rows = [...MEASURED].map(([g, m]) => `${g}: max |Δ| ${m.err.toExponential(2)} (${(m.rel * 100).toFixed(2)}% of its bound)`);
    console.log(rows.join('\n'));
    expect(MEASURED.size).toBeGreaterThan(10);
  });
});

describe('a backend without linear-algebra kernels', () => {
  beforeAll(() => {
    const b = { ...createCpuBackend(), name: 'nospectral' };
    delete (b as { linalg?: unknown }).linalg;
    torch.registerBackend(b);
  });
  afterAll(() => torch.unregisterBackend('nospectral'));

  it('every spectral op names the op, the device and the way out', () => {
    const a = torch.eye(3, { device: 'nospectral' });
    const L = torch.linalg;
    const calls: [string, () => unknown][] = [
      ['linalg.svd', () => L.svd(a)],
      ['linalg.svdvals', () => L.svdvals(a)],
      ['linalg.eigh', () => L.eigh(a)],
      ['linalg.eigvalsh', () => L.eigvalsh(a)],
      ['linalg.eig', () => L.eig(a)],
      ['linalg.eigvals', () => L.eigvals(a)],
      ['linalg.pinv', () => L.pinv(a)],
      ['linalg.matrix_rank', () => L.matrixRank(a)],
      ['linalg.lstsq', () => L.lstsq(a, a)],
      ['linalg.svdvals', () => L.cond(a)],
      ['linalg.svd', () => L.matrixNorm(a, 'nuc')],
    ];
    for (const [op, f] of calls) expect(f, op).toThrow(new RegExp(`^${op.replace('.', '\\.')}: the 'nospectral:0' backend has no linear-algebra kernels`));
  });
});

describe('a kernel that reports non-convergence', () => {
  // The CPU kernels converge on every finite input of these tests, so a backend whose
  // spectral kernels report LAPACK's info = 3 checks the error path: PyTorch's texts
  // (_linalg_check_errors), with the batch element for batched input.
  beforeAll(() => {
    const cpu = createCpuBackend();
    const b = {
      ...cpu,
      name: 'noconverge',
      linalg(kernel: never, inputs: never, outputs: readonly { buffer: never; offset: number; shape: readonly number[] }[], params: never) {
        cpu.linalg!(kernel, inputs, outputs as never, params);
        const info = outputs[outputs.length - 1]!;
        const data = cpu.readSync!(info.buffer) as Int32Array;
        data[info.offset + info.shape[0]! - 1] = 3;
      },
    };
    torch.registerBackend(b as never);
  });
  afterAll(() => torch.unregisterBackend('noconverge'));

  it('raises LinAlgError with PyTorch text', () => {
    const a = torch.eye(3, { device: 'noconverge' });
    const b = torch.eye(3, { device: 'noconverge' }).expand([2, 3, 3]);
    const L = torch.linalg;
    expect(() => L.svd(a)).toThrow(torch.linalg.LinAlgError);
    expect(() => L.svd(a)).toThrow('linalg.svd: The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated singular values (error code: 3).');
    expect(() => L.svdvals(b)).toThrow('linalg.svd: (Batch element 1): The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated singular values (error code: 3).');
    expect(() => L.eigh(a)).toThrow('linalg.eigh: The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated eigenvalues (error code: 3).');
    expect(() => L.eigvalsh(b)).toThrow('linalg.eigh: (Batch element 1): The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated eigenvalues (error code: 3).');
    expect(() => L.eig(a)).toThrow('linalg.eig: The algorithm failed to converge because the input matrix is ill-conditioned or has too many repeated eigenvalues (error code: 3).');
  });
});
