// The factorization kernels on their own (no PyTorch involved): P·L·U = A for getrf and
// its pivots, Cholesky reconstruction (both triangles), Q·R = A with QᵀQ = I for
// geqrf/orgqr and ormqr against the formed Q, triangular solves in all four forms, and
// Bunch–Kaufman LDLᵀ solves of symmetric indefinite systems, 1×1 to 40×40. Bounds:
// c·n·ε·‖A‖·(scale of the result) with c = 16. Agreement with PyTorch (values, pivots,
// signs, info) is tested by the golden cases (packages/core/fixtures/ops-linalg.json).
import type { TensorRef } from '@antorcha/core';
import { describe, expect, it } from 'vitest';
import { dataOf, tempRef } from '../memory.js';
import { geqrf } from './geqrf.js';
import { getrf } from './getrf.js';
import { orgqr } from './orgqr.js';
import { ormqr } from './ormqr.js';
import { pivots } from './pivots.js';
import { potrf } from './potrf.js';
import { sytrf } from './sytrf.js';
import { sytrs } from './sytrs.js';
import { trsm } from './trsm.js';

const EPS = 2 ** -52;
const C = 16;

/** Deterministic values in [-1, 1) (Park–Miller). */
function rnd(n: number, seed: number): Float64Array {
  let s = seed;
  const a = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    s = (s * 16807) % 2147483647;
    a[i] = (s / 2147483647) * 2 - 1;
  }
  return a;
}

const ref = (shape: number[], data?: Float64Array | Int32Array, dtype: 'float64' | 'int32' | 'int64' = 'float64'): TensorRef => tempRef(dtype, [1, ...shape], data);
const vals = (r: TensorRef) => dataOf(r) as Float64Array;
const maxAbs = (a: ArrayLike<number>) => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
/** Row-major (r×k)·(k×c). */
function mul(a: ArrayLike<number>, b: ArrayLike<number>, r: number, k: number, c: number): Float64Array {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) {
    let s = 0;
    for (let t = 0; t < k; t++) s += a[i * k + t]! * b[t * c + j]!;
    out[i * c + j] = s;
  }
  return out;
}
const transpose = (a: ArrayLike<number>, r: number, c: number) => {
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) for (let j = 0; j < c; j++) out[j * r + i] = a[i * c + j]!;
  return out;
};
const diffMax = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i]! - b[i]!));
  return m;
};

describe('getrf and pivots', () => {
  for (const [m, n] of [[1, 1], [3, 3], [5, 3], [3, 5], [40, 40]] as const) {
    it(`${m}×${n}: A[perm] = L·U, pivots in range, info 0`, () => {
      const a = rnd(m * n, m * 31 + n);
      const k = Math.min(m, n);
      const LU = ref([m, n]);
      const piv = ref([k], undefined, 'int32');
      const info = tempRef('int32', [1]);
      getrf([ref([m, n], a.slice())], [LU, piv, info]);
      expect((dataOf(info) as Int32Array)[0]).toBe(0);
      const p = dataOf(piv) as Int32Array;
      for (let j = 0; j < k; j++) expect(p[j]! >= j + 1 && p[j]! <= m).toBe(true);
      const perm = ref([m], undefined, 'int64');
      pivots([piv], [perm]);
      const lu = vals(LU);
      const L = new Float64Array(m * k);
      const U = new Float64Array(k * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) L[i * k + j] = i === j ? 1 : i > j ? lu[i * n + j]! : 0;
      for (let i = 0; i < k; i++) for (let j = i; j < n; j++) U[i * n + j] = lu[i * n + j]!;
      const prod = mul(L, U, m, k, n);
      const pr = vals(perm);
      const pa = new Float64Array(m * n);
      for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) pa[i * n + j] = a[pr[i]! * n + j]!;
      expect(diffMax(prod, pa)).toBeLessThanOrEqual(C * Math.max(m, n) * EPS * maxAbs(a) * Math.max(1, maxAbs(U)));
    });
  }

  it('a zero column reports its 1-based position in info and the elimination goes on', () => {
    const a = new Float64Array([1, 0, 2, 3, 0, 1, 2, 0, 5]);
    const info = tempRef('int32', [1]);
    getrf([ref([3, 3], a)], [ref([3, 3]), ref([3], undefined, 'int32'), info]);
    expect((dataOf(info) as Int32Array)[0]).toBe(2);
  });
});

describe('potrf', () => {
  for (const n of [1, 2, 5, 40]) {
    for (const upper of [false, true]) {
      it(`n = ${n}, ${upper ? 'upper: UᵀU' : 'lower: LLᵀ'} = A`, () => {
        const r = rnd(n * n, n + 7);
        const a = mul(r, transpose(r, n, n), n, n, n);
        for (let i = 0; i < n; i++) a[i * n + i]! += n;
        const F = ref([n, n]);
        const info = tempRef('int32', [1]);
        potrf([ref([n, n], a.slice())], [F, info], { upper });
        expect((dataOf(info) as Int32Array)[0]).toBe(0);
        const f = vals(F);
        const back = upper ? mul(transpose(f, n, n), f, n, n, n) : mul(f, transpose(f, n, n), n, n, n);
        expect(diffMax(back, a)).toBeLessThanOrEqual(C * n * EPS * maxAbs(a));
      });
    }
  }

  it('the first non-positive leading minor is reported', () => {
    const info = tempRef('int32', [1]);
    potrf([ref([2, 2], new Float64Array([1, 2, 2, 1]))], [ref([2, 2]), info]);
    expect((dataOf(info) as Int32Array)[0]).toBe(2);
  });
});

describe('geqrf, orgqr, ormqr', () => {
  for (const [m, n] of [[1, 1], [4, 4], [6, 3], [3, 6], [40, 30]] as const) {
    it(`${m}×${n}: Q·R = A, QᵀQ = I, ormqr = Q·C, Qᵀ·C, C·Q, C·Qᵀ`, () => {
      const a = rnd(m * n, m * 7 + n);
      const k = Math.min(m, n);
      const QR = ref([m, n]);
      const tau = ref([k]);
      geqrf([ref([m, n], a.slice())], [QR, tau]);
      // Q (m×m) from the k reflectors padded to m columns.
      const v = new Float64Array(m * m);
      const qr = vals(QR);
      for (let i = 0; i < m; i++) for (let j = 0; j < k; j++) v[i * m + j] = qr[i * n + j]!;
      const Q = ref([m, m]);
      orgqr([ref([m, m], v), tau], [Q]);
      const q = vals(Q);
      const R = new Float64Array(m * n);
      for (let i = 0; i < k; i++) for (let j = i; j < n; j++) R[i * n + j] = qr[i * n + j]!;
      expect(diffMax(mul(q, R, m, m, n), a)).toBeLessThanOrEqual(C * m * EPS * maxAbs(a) * m);
      const eye = new Float64Array(m * m);
      for (let i = 0; i < m; i++) eye[i * m + i] = 1;
      expect(diffMax(mul(transpose(q, m, m), q, m, m, m), eye)).toBeLessThanOrEqual(C * m * EPS);
      const c = rnd(m * 2, 3);
      const cr = rnd(2 * m, 5);
      const Vk = ref([m, k], new Float64Array(Array.from({ length: m * k }, (_, t) => qr[Math.floor(t / k) * n + (t % k)]!)));
      const cases: [boolean, boolean, Float64Array, Float64Array, [number, number]][] = [
        [true, false, c, mul(q, c, m, m, 2), [m, 2]],
        [true, true, c, mul(transpose(q, m, m), c, m, m, 2), [m, 2]],
        [false, false, cr, mul(cr, q, 2, m, m), [2, m]],
        [false, true, cr, mul(cr, transpose(q, m, m), 2, m, m), [2, m]],
      ];
      for (const [left, trans, cc, want, shape] of cases) {
        const out = ref(shape);
        ormqr([Vk, tau, ref(shape, cc.slice())], [out], { left, transpose: trans });
        expect(diffMax(vals(out), want)).toBeLessThanOrEqual(C * m * EPS * m);
      }
    });
  }
});

describe('trsm', () => {
  for (const n of [1, 3, 30]) {
    for (const upper of [false, true]) {
      for (const trans of [false, true]) {
        for (const unit of [false, true]) {
          it(`n = ${n}, ${upper ? 'upper' : 'lower'}${trans ? ', transposed' : ''}${unit ? ', unit diagonal' : ''}: op(T)·X = R`, () => {
            const t = rnd(n * n, n * 3 + 1);
            for (let i = 0; i < n; i++) t[i * n + i] = 2 + Math.abs(t[i * n + i]!);
            const r = rnd(n * 2, 9);
            const X = ref([n, 2]);
            trsm([ref([n, n], t), ref([n, 2], r.slice())], [X], { upper, transpose: trans, unitDiagonal: unit });
            // op(T) with only the named triangle (and a unit diagonal when asked)
            const tri = new Float64Array(n * n);
            for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) {
              if (i === j) tri[i * n + j] = unit ? 1 : t[i * n + j]!;
              else if (upper ? j > i : j < i) tri[i * n + j] = t[i * n + j]!;
            }
            const op = trans ? transpose(tri, n, n) : tri;
            const x = vals(X);
            expect(diffMax(mul(op, x, n, n, 2), r)).toBeLessThanOrEqual(C * n * EPS * maxAbs(op) * Math.max(1, maxAbs(x)));
          });
        }
      }
    }
  }
});

describe('sytrf and sytrs (Bunch–Kaufman)', () => {
  for (const n of [1, 2, 3, 6, 40]) {
    it(`n = ${n}: A·X = B for symmetric indefinite A; pivots in LAPACK's encoding`, () => {
      const r = rnd(n * n, n * 5 + 3);
      const a = new Float64Array(n * n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) a[i * n + j] = r[i * n + j]! + r[j * n + i]!;
      const LD = ref([n, n]);
      const piv = ref([n], undefined, 'int32');
      const info = tempRef('int32', [1]);
      sytrf([ref([n, n], a.slice())], [LD, piv, info]);
      expect((dataOf(info) as Int32Array)[0]).toBe(0);
      const p = dataOf(piv) as Int32Array;
      for (let k = 0; k < n; k++) {
        if (p[k]! > 0) expect(p[k]! >= k + 1 && p[k]! <= n).toBe(true);
        else {
          expect(p[k + 1]).toBe(p[k]);
          expect(-p[k]! >= k + 2 && -p[k]! <= n).toBe(true);
          k++;
        }
      }
      const b = rnd(n * 3, 11);
      const X = ref([n, 3]);
      sytrs([LD, piv, ref([n, 3], b.slice())], [X]);
      const x = vals(X);
      expect(diffMax(mul(a, x, n, n, 3), b)).toBeLessThanOrEqual(C * n * EPS * maxAbs(a) * Math.max(1, maxAbs(x)) * n);
    });
  }

  it('the matrix with zero diagonal needs a 2×2 block (negative pivots)', () => {
    const a = new Float64Array([0, 1, 2, 1, 0, 3, 2, 3, 0]);
    const piv = ref([3], undefined, 'int32');
    sytrf([ref([3, 3], a)], [ref([3, 3]), piv, tempRef('int32', [1])]);
    expect(Array.from(dataOf(piv) as Int32Array).some((v) => v < 0)).toBe(true);
  });
});
