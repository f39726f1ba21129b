/**
 * Complex scalar functions on (re, im) pairs, with the principal branches and the
 * special values of C99 Annex G (what PyTorch's CPU kernels get from std::complex /
 * glibc). Each writes its result into `r[0]` (real) and `r[1]` (imaginary); `f32`
 * asks for complex64 arithmetic (each step rounded to float32 where PyTorch's
 * c10::complex<float> operators round, so `*`, `/` match bit for bit; transcendental
 * functions are evaluated in double precision and rounded once by the store).
 */

/** Result pair written by every function here. */
export type Out = Float64Array;

const fr = Math.fround;
const id = (x: number): number => x;

/** `a·b`. */
export function cmul(ar: number, ai: number, br: number, bi: number, r: Out, f32: boolean): void {
  const q = f32 ? fr : id;
  r[0] = q(q(ar * br) - q(ai * bi));
  r[1] = q(q(ar * bi) + q(ai * br));
}

/** `a/b` as c10::complex's `operator/=` (numpy's scaled division; 0/0 gives a complex inf or NaN). */
export function cdiv(a: number, b: number, c: number, d: number, r: Out, f32: boolean): void {
  const q = f32 ? fr : id;
  const absC = Math.abs(c), absD = Math.abs(d);
  if (absC >= absD) {
    if (absC === 0 && absD === 0) {
      r[0] = q(a / absC);
      r[1] = q(b / absD);
    } else {
      const rat = q(d / c);
      const scl = q(1 / q(c + q(d * rat)));
      r[0] = q(q(a + q(b * rat)) * scl);
      r[1] = q(q(b - q(a * rat)) * scl);
    }
  } else {
    const rat = q(c / d);
    const scl = q(1 / q(d + q(c * rat)));
    r[0] = q(q(q(a * rat) + b) * scl);
    r[1] = q(q(q(b * rat) - a) * scl);
  }
}

/**
 * `1/z` as PyTorch's vectorized `reciprocal`: `(x − iy)/(x² + y²)` (so `1/0` is NaN, and
 * `1/∞` NaN in the real part, as PyTorch's CPU result).
 */
export function crecip(x: number, y: number, r: Out, f32: boolean): void {
  const q = f32 ? fr : id;
  const den = q(q(x * x) + q(y * y));
  r[0] = q(x / den);
  r[1] = q(-y / den);
}

/** `|z|`. */
export function cabs(x: number, y: number): number {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    if (x === Infinity || x === -Infinity || y === Infinity || y === -Infinity) return Infinity;
    return NaN;
  }
  return Math.hypot(x, y);
}

/**
 * `e^z` as PyTorch's vectorized kernel computes it: `e^x·cos y + i·e^x·sin y`, with no
 * special-value handling (so `exp(∞ + 0i)` is `∞ + NaN·i`, as PyTorch's CPU result).
 */
export function cexp(x: number, y: number, r: Out): void {
  const e = Math.exp(x);
  r[0] = e * Math.cos(y);
  r[1] = e * Math.sin(y);
}

/** Principal `log z`: `log|z| + i·arg z`. */
export function clog(x: number, y: number, r: Out): void {
  r[0] = Math.log(cabs(x, y));
  r[1] = Math.atan2(y, x);
}

/** Principal square root (Kahan's algorithm; the branch cut along the negative real axis keeps im's sign). */
export function csqrt(x: number, y: number, r: Out): void {
  if (y === Infinity || y === -Infinity) {
    r[0] = Infinity;
    r[1] = y;
    return;
  }
  if (Number.isNaN(x) || Number.isNaN(y)) {
    if (x === Infinity) {
      r[0] = x;
      r[1] = NaN;
    } else if (x === -Infinity) {
      // glibc gives the imaginary infinity y's sign; the NaNs x86 arithmetic makes (what
      // PyTorch's kernels pass in) have the sign bit set, which JavaScript cannot see
      r[0] = NaN;
      r[1] = -Infinity;
    } else {
      r[0] = NaN;
      r[1] = NaN;
    }
    return;
  }
  if (x === -Infinity) {
    r[0] = 0;
    r[1] = y < 0 || Object.is(y, -0) ? -Infinity : Infinity;
    return;
  }
  if (x === Infinity) {
    r[0] = Infinity;
    r[1] = y < 0 || Object.is(y, -0) ? -0 : 0;
    return;
  }
  if (x === 0 && y === 0) {
    r[0] = 0;
    r[1] = y;
    return;
  }
  // scale to avoid overflow in |x| + |z|
  const big = Math.abs(x) > 1e300 || Math.abs(y) > 1e300;
  const sx = big ? x / 4 : x, sy = big ? y / 4 : y;
  const t = Math.sqrt((Math.abs(sx) + Math.hypot(sx, sy)) / 2) * (big ? 2 : 1);
  if (x >= 0) {
    r[0] = t;
    r[1] = y / (2 * t);
  } else {
    r[0] = Math.abs(y) / (2 * t);
    r[1] = y < 0 || Object.is(y, -0) ? -t : t;
  }
}

/** `sinh z` with C99 Annex G special values (glibc's csinh, which PyTorch's kernel maps). */
export function csinh(x: number, y: number, r: Out): void {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0) {
      r[0] = Math.sinh(x);
      r[1] = y;
      return;
    }
    r[0] = Math.sinh(x) * Math.cos(y);
    r[1] = Math.cosh(x) * Math.sin(y);
    return;
  }
  if (x === 0) {
    r[0] = x;
    r[1] = NaN;
  } else if (x === Infinity || x === -Infinity) {
    if (y === 0) {
      r[0] = x;
      r[1] = y;
    } else if (Number.isFinite(y)) {
      r[0] = x * Math.cos(y);
      r[1] = Infinity * Math.sin(y);
    } else {
      r[0] = x;
      r[1] = NaN;
    }
  } else if (Number.isNaN(x) && y === 0) {
    r[0] = NaN;
    r[1] = y;
  } else {
    r[0] = NaN;
    r[1] = NaN;
  }
}

/** `cosh z` with C99 Annex G special values (glibc's ccosh). */
export function ccosh(x: number, y: number, r: Out): void {
  if (Number.isFinite(x) && Number.isFinite(y)) {
    if (y === 0) {
      r[0] = Math.cosh(x);
      r[1] = x === 0 ? (Object.is(x, -0) !== Object.is(y, -0) ? -0 : 0) : Math.sinh(x) * y;
      return;
    }
    r[0] = Math.cosh(x) * Math.cos(y);
    r[1] = Math.sinh(x) * Math.sin(y);
    return;
  }
  if (x === 0) {
    r[0] = NaN;
    r[1] = 0;
  } else if (x === Infinity || x === -Infinity) {
    if (y === 0) {
      r[0] = Infinity;
      r[1] = (x < 0) !== Object.is(y, -0) ? -0 : 0;
    } else if (Number.isFinite(y)) {
      r[0] = Infinity * Math.cos(y);
      r[1] = x * Math.sin(y);
    } else {
      r[0] = Infinity;
      r[1] = NaN;
    }
  } else if (Number.isNaN(x) && y === 0) {
    r[0] = NaN;
    r[1] = 0;
  } else {
    r[0] = NaN;
    r[1] = NaN;
  }
}

/** `tanh z` (Kahan's formula, as glibc; saturates for large |re|). */
export function ctanh(x: number, y: number, r: Out): void {
  if (!Number.isFinite(x)) {
    if (Number.isNaN(x)) {
      r[0] = NaN;
      r[1] = y === 0 ? y : NaN;
      return;
    }
    r[0] = Math.sign(x);
    r[1] = Number.isFinite(y) ? (Math.sin(2 * y) < 0 || (Math.sin(2 * y) === 0 && y < 0) ? -0 : 0) : 0;
    return;
  }
  if (!Number.isFinite(y)) {
    r[0] = x === 0 ? x : NaN;
    r[1] = NaN;
    return;
  }
  if (y === 0) {
    r[0] = Math.tanh(x);
    r[1] = y;
    return;
  }
  if (Math.abs(x) > 22) {
    const e = Math.exp(-2 * Math.abs(x));
    r[0] = Math.sign(x);
    r[1] = 4 * Math.sin(y) * Math.cos(y) * e;
    return;
  }
  const t = Math.tan(y);
  const beta = 1 + t * t;
  const s = Math.sinh(x);
  const rho = Math.sqrt(1 + s * s);
  const den = 1 + beta * s * s;
  r[0] = (beta * rho * s) / den;
  r[1] = t / den;
}

/** `sin z = −i·sinh(i·z)`. */
export function csin(x: number, y: number, r: Out): void {
  csinh(-y, x, r);
  const re = r[1], im = -r[0];
  r[0] = re;
  r[1] = im;
}

/** `cos z = cosh(i·z)`. */
export function ccos(x: number, y: number, r: Out): void {
  ccosh(-y, x, r);
}

/** `tan z = −i·tanh(i·z)`. */
export function ctan(x: number, y: number, r: Out): void {
  ctanh(-y, x, r);
  const re = r[1], im = -r[0];
  r[0] = re;
  r[1] = im;
}

/** `asinh z = log(z + √(z² + 1))`, evaluated on the right half-plane (asinh is odd). */
export function casinh(x: number, y: number, r: Out): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    const xi = x === Infinity || x === -Infinity, yi = y === Infinity || y === -Infinity;
    if (xi || yi) {
      r[0] = xi ? x : Number.isNaN(x) || !(x < 0 || Object.is(x, -0)) ? Infinity : -Infinity;
      r[1] = Number.isNaN(y) || Number.isNaN(x) ? NaN : xi && yi ? Math.sign(y) * Math.PI / 4 : yi ? Math.sign(y) * Math.PI / 2 : y < 0 || Object.is(y, -0) ? -0 : 0;
      return;
    }
    r[0] = NaN;
    r[1] = y === 0 ? y : NaN;
    return;
  }
  const neg = x < 0 || (x === 0 && Object.is(x, -0));
  const ax = neg ? -x : x, ay = neg ? -y : y;
  if (Math.abs(ax) < 1e-8 && Math.abs(ay) < 1e-8) {
    r[0] = neg ? -ax : ax;
    r[1] = neg ? -ay : ay;
    return;
  }
  if (ax < 0.5 && Math.abs(ay) < 0.5) {
    // small |z|: asinh z = log1p(z + z²/(1 + √(1 + z²))), free of the cancellation in log(z + …)
    const zr = ax * ax - ay * ay, zi = 2 * ax * ay;
    csqrt(1 + zr, zi, r);
    cdiv(zr, zi, 1 + r[0], r[1], r, false);
    clog1p(ax + r[0], ay + r[1], r);
    if (neg) {
      r[0] = -r[0];
      r[1] = -r[1];
    }
    return;
  }
  // √(z² + 1) = √((z + i)(z − i)) keeps precision near ±i
  csqrt(ax, ay + 1, r);
  const p0 = r[0], p1 = r[1];
  csqrt(ax, ay - 1, r);
  const q0 = r[0], q1 = r[1];
  const s0 = p0 * q0 - p1 * q1, s1 = p0 * q1 + p1 * q0;
  clog(ax + s0, ay + s1, r);
  if (neg) {
    r[0] = -r[0];
    r[1] = -r[1];
  }
}

/** `asin z = −i·log(iz + √(1 − z²))`, the formula (and so the special values) of PyTorch's vectorized kernel. */
export function casin(x: number, y: number, r: Out): void {
  // evaluated in double precision for complex64 too: PyTorch's float lanes lose digits to
  // cancellation near 0 that no emulation reproduces bit for bit; the result is closer to exact
  const q = id;
  const re = q(1 - q(q(x * x) - q(y * y)));
  const im = q(-q(2 * q(x * y)));
  csqrt(re, im, r);
  const s0 = q(r[0]), s1 = q(r[1]);
  clog(q(-y + s0), q(x + s1), r);
  const l0 = q(r[0]), l1 = q(r[1]);
  r[0] = l1;
  r[1] = -l0;
}

/**
 * `acos z` of complex64 (PyTorch's float kernel maps glibc's cacosf): Kahan's
 * `2·atan2(re √(1−z), re √(1+z)) + i·asinh(im(conj(√(1+z))·√(1−z)))`, with Annex G's infinities.
 */
export function cacosAnnexG(x: number, y: number, r: Out): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    const xi = x === Infinity || x === -Infinity, yi = y === Infinity || y === -Infinity;
    const imInf = y < 0 || Object.is(y, -0) ? Infinity : -Infinity;
    if (yi) {
      r[0] = Number.isNaN(x) ? NaN : x === Infinity ? Math.PI / 4 : x === -Infinity ? (3 * Math.PI) / 4 : Math.PI / 2;
      r[1] = y > 0 ? -Infinity : Infinity;
    } else if (xi) {
      r[0] = Number.isNaN(y) ? NaN : x > 0 ? 0 : Math.PI;
      r[1] = Number.isNaN(y) ? Infinity : imInf;
    } else {
      r[0] = NaN;
      r[1] = NaN;
    }
    return;
  }
  csqrt(1 + x, y, r);
  const a0 = r[0], a1 = r[1];
  csqrt(1 - x, -y, r);
  const b0 = r[0], b1 = r[1];
  r[0] = 2 * Math.atan2(b0, a0);
  r[1] = Math.asinh(a0 * b1 - a1 * b0);
}

/** `acos z = π/2 − asin z`, as PyTorch's vectorized complex128 kernel. */
export function cacos(x: number, y: number, r: Out, f32 = false): void {
  const q = f32 ? fr : id;
  casin(x, y, r);
  r[0] = q(q(Math.PI / 2) - r[0]);
  r[1] = q(0 - r[1]);
}

/** `acosh z = log(z + √(z+1)·√(z−1))`. */
export function cacosh(x: number, y: number, r: Out): void {
  // Kahan: acosh z = 2·log(√((z+1)/2) + √((z−1)/2))
  csqrt(x + 1, y, r);
  const a0 = r[0], a1 = r[1];
  csqrt(x - 1, y, r);
  const b0 = r[0], b1 = r[1];
  r[0] = Math.asinh(a0 * b0 + a1 * b1);
  r[1] = 2 * Math.atan2(b1, a0);
}

/** `atanh z = (log1p(z) − log1p(−z))/2`. */
export function catanh(x: number, y: number, r: Out): void {
  if (!Number.isFinite(x) || !Number.isFinite(y)) {
    const xi = x === Infinity || x === -Infinity, yi = y === Infinity || y === -Infinity;
    const neg = x < 0 || Object.is(x, -0);
    if (yi) {
      r[0] = neg ? -0 : 0;
      r[1] = Math.sign(y) * Math.PI / 2;
    } else if (xi) {
      r[0] = neg ? -0 : 0;
      r[1] = Number.isNaN(y) ? NaN : (y < 0 || Object.is(y, -0) ? -1 : 1) * Math.PI / 2;
    } else {
      r[0] = NaN;
      r[1] = NaN;
    }
    return;
  }
  // re = log1p(4x / ((1−x)² + y²))/4, im = atan2(2y, (1−x)(1+x) − y²)/2
  const ax = Math.abs(x);
  const re = 0.25 * Math.log1p((4 * ax) / ((1 - ax) * (1 - ax) + y * y));
  r[0] = x < 0 || Object.is(x, -0) ? -re : re;
  r[1] = 0.5 * Math.atan2(2 * y, (1 - x) * (1 + x) - y * y);
}

/**
 * `atan z = (i/2)·log((i + z)/(i − z))`, as PyTorch's vectorized kernel (its quotient is
 * the plain `(ac + bd, bc − ad)/(c² + d²)`).
 */
export function catan(x: number, y: number, r: Out, f32 = false): void {
  const q = f32 ? fr : id;
  // i + z and i − z lane by lane (so 0 − 0 is +0), then (ac + bd, (−ad) + bc)/(c² + d²)
  const a = q(0 + x), b = q(1 + y), c = q(0 - x), d = q(1 - y);
  const den = q(q(c * c) + q(d * d));
  const nr = q(q(q(a * c) + q(b * d)) / den), ni = q(q(q(a * -d) + q(b * c)) / den);
  clog(nr, ni, r);
  const l0 = q(r[0]), l1 = q(r[1]);
  // (i/2)·(l0 + i·l1) = −l1/2 + i·l0/2
  r[0] = q(-0.5 * l1);
  r[1] = q(0.5 * l0);
}

/** `log(1 + z)`, accurate for small |z|. */
export function clog1p(x: number, y: number, r: Out): void {
  const ax = Math.abs(x), ay = Math.abs(y);
  if (ax < 0.5 && ay < 0.5) {
    r[0] = 0.5 * Math.log1p(x * (2 + x) + y * y);
    r[1] = Math.atan2(y, 1 + x);
    return;
  }
  clog(1 + x, y, r);
}

/** `e^z − 1`, accurate for small |z|. */
export function cexpm1(x: number, y: number, r: Out): void {
  if (y === 0) {
    r[0] = Math.expm1(x);
    r[1] = y;
    return;
  }
  const s = Math.sin(y / 2);
  r[0] = Math.expm1(x) * Math.cos(y) - 2 * s * s;
  r[1] = Math.exp(x) * Math.sin(y);
}

/** `e^z` with C99 Annex G special values (glibc's cexp, which std::pow reaches). */
function cexpG(x: number, y: number, r: Out): void {
  if (y === 0) {
    r[0] = Math.exp(x);
    r[1] = y;
    return;
  }
  if (x === -Infinity && !Number.isFinite(y)) {
    r[0] = 0;
    r[1] = 0;
    return;
  }
  if (x === Infinity && !Number.isFinite(y)) {
    r[0] = Infinity;
    r[1] = NaN;
    return;
  }
  cexp(x, y, r);
}

/** `z^w = e^{w·log z}` (glibc's cpow, which PyTorch's pow kernel maps). */
export function cpow(x: number, y: number, u: number, v: number, r: Out): void {
  clog(x, y, r);
  const lr = r[0], li = r[1];
  cexpG(u * lr - v * li, u * li + v * lr, r);
}
