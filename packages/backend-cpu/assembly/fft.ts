// Stockham FFT passes of radix 4 and 2 over split float64 arrays (real parts and imaginary
// parts apart), the passes src/fft/plan.ts runs for the power-of-two part of a length.
// A pass of radix r over sub-length l = r·m at stride s: for p < m, q < s, the inputs
// x[q + s(p + k·m)] (k < r) go through a length-r DFT, and y[q + s(r·p + j)] = DFT_j · ω_l^{jp},
// with tw[(r-1)·p + j-1] = ω_l^{jp}. For s ≥ 2 (s is then even) two q run per f64x2 lane pair;
// for s = 1 the loop over p is scalar. Pointers are byte addresses; counts are elements.

@inline function cmulR(ar: f64, ai: f64, br: f64, bi: f64): f64 { return ar * br - ai * bi; }
@inline function cmulI(ar: f64, ai: f64, br: f64, bi: f64): f64 { return ar * bi + ai * br; }

/** Two twiddles (of p and p + 1, 3 apart in the table) as one vector. */
@inline function tw2(t: usize): v128 {
  return f64x2.replace_lane(f64x2.splat(load<f64>(t)), 1, load<f64>(t, 24));
}

/**
 * The s = 1 radix-4 pass with p and p + 1 in the two lanes (m even): outputs y[4p + j] and
 * y[4p + 4 + j] are regrouped by shuffles into contiguous pairs.
 */
function fftPass4First(m: i32, xr: usize, xi: usize, yr: usize, yi: usize, twr: usize, twi: usize): void {
  const sm = <usize>m << 3;
  for (let p = 0; p < m; p += 2) {
    const t = <usize>(3 * p) << 3;
    const v1r = tw2(twr + t), v1i = tw2(twi + t), v2r = tw2(twr + t + 8), v2i = tw2(twi + t + 8);
    const v3r = tw2(twr + t + 16), v3i = tw2(twi + t + 16);
    const i0 = <usize>p << 3, i1 = i0 + sm, i2 = i1 + sm, i3 = i2 + sm;
    const a0r = v128.load(xr + i0), a0i = v128.load(xi + i0), a1r = v128.load(xr + i1), a1i = v128.load(xi + i1);
    const a2r = v128.load(xr + i2), a2i = v128.load(xi + i2), a3r = v128.load(xr + i3), a3i = v128.load(xi + i3);
    const t0r = f64x2.add(a0r, a2r), t0i = f64x2.add(a0i, a2i), t1r = f64x2.sub(a0r, a2r), t1i = f64x2.sub(a0i, a2i);
    const t2r = f64x2.add(a1r, a3r), t2i = f64x2.add(a1i, a3i);
    const t3r = f64x2.sub(a1i, a3i), t3i = f64x2.sub(a3r, a1r);
    const y0r = f64x2.add(t0r, t2r), y0i = f64x2.add(t0i, t2i);
    const u1r = f64x2.add(t1r, t3r), u1i = f64x2.add(t1i, t3i);
    const u2r = f64x2.sub(t0r, t2r), u2i = f64x2.sub(t0i, t2i);
    const u3r = f64x2.sub(t1r, t3r), u3i = f64x2.sub(t1i, t3i);
    const y1r = f64x2.sub(f64x2.mul(u1r, v1r), f64x2.mul(u1i, v1i)), y1i = f64x2.add(f64x2.mul(u1r, v1i), f64x2.mul(u1i, v1r));
    const y2r = f64x2.sub(f64x2.mul(u2r, v2r), f64x2.mul(u2i, v2i)), y2i = f64x2.add(f64x2.mul(u2r, v2i), f64x2.mul(u2i, v2r));
    const y3r = f64x2.sub(f64x2.mul(u3r, v3r), f64x2.mul(u3i, v3i)), y3i = f64x2.add(f64x2.mul(u3r, v3i), f64x2.mul(u3i, v3r));
    const o = <usize>(4 * p) << 3;
    v128.store(yr + o, v128.shuffle<f64>(y0r, y1r, 0, 2));
    v128.store(yr + o, v128.shuffle<f64>(y2r, y3r, 0, 2), 16);
    v128.store(yr + o, v128.shuffle<f64>(y0r, y1r, 1, 3), 32);
    v128.store(yr + o, v128.shuffle<f64>(y2r, y3r, 1, 3), 48);
    v128.store(yi + o, v128.shuffle<f64>(y0i, y1i, 0, 2));
    v128.store(yi + o, v128.shuffle<f64>(y2i, y3i, 0, 2), 16);
    v128.store(yi + o, v128.shuffle<f64>(y0i, y1i, 1, 3), 32);
    v128.store(yi + o, v128.shuffle<f64>(y2i, y3i, 1, 3), 48);
  }
}

/** One radix-4 Stockham pass (see the file comment). */
export function fftPass4(m: i32, s: i32, xr: usize, xi: usize, yr: usize, yi: usize, twr: usize, twi: usize): void {
  if (s == 1 && (m & 1) == 0) {
    fftPass4First(m, xr, xi, yr, yi, twr, twi);
    return;
  }
  const sm = <usize>(s * m) << 3;
  const s8 = <usize>s << 3;
  for (let p = 0; p < m; p++) {
    const t = <usize>(3 * p) << 3;
    const w1r = load<f64>(twr + t), w1i = load<f64>(twi + t);
    const w2r = load<f64>(twr + t, 8), w2i = load<f64>(twi + t, 8);
    const w3r = load<f64>(twr + t, 16), w3i = load<f64>(twi + t, 16);
    const ib = <usize>(s * p) << 3, ob = <usize>(4 * s * p) << 3;
    if (s >= 2) {
      const v1r = f64x2.splat(w1r), v1i = f64x2.splat(w1i), v2r = f64x2.splat(w2r), v2i = f64x2.splat(w2i);
      const v3r = f64x2.splat(w3r), v3i = f64x2.splat(w3i);
      for (let q = 0; q < s; q += 2) {
        const i0 = ib + (<usize>q << 3), i1 = i0 + sm, i2 = i1 + sm, i3 = i2 + sm;
        const a0r = v128.load(xr + i0), a0i = v128.load(xi + i0), a1r = v128.load(xr + i1), a1i = v128.load(xi + i1);
        const a2r = v128.load(xr + i2), a2i = v128.load(xi + i2), a3r = v128.load(xr + i3), a3i = v128.load(xi + i3);
        const t0r = f64x2.add(a0r, a2r), t0i = f64x2.add(a0i, a2i), t1r = f64x2.sub(a0r, a2r), t1i = f64x2.sub(a0i, a2i);
        const t2r = f64x2.add(a1r, a3r), t2i = f64x2.add(a1i, a3i);
        const t3r = f64x2.sub(a1i, a3i), t3i = f64x2.sub(a3r, a1r);
        const o = ob + (<usize>q << 3);
        v128.store(yr + o, f64x2.add(t0r, t2r));
        v128.store(yi + o, f64x2.add(t0i, t2i));
        const y1r = f64x2.add(t1r, t3r), y1i = f64x2.add(t1i, t3i);
        const y2r = f64x2.sub(t0r, t2r), y2i = f64x2.sub(t0i, t2i);
        const y3r = f64x2.sub(t1r, t3r), y3i = f64x2.sub(t1i, t3i);
        v128.store(yr + o + s8, f64x2.sub(f64x2.mul(y1r, v1r), f64x2.mul(y1i, v1i)));
        v128.store(yi + o + s8, f64x2.add(f64x2.mul(y1r, v1i), f64x2.mul(y1i, v1r)));
        v128.store(yr + o + 2 * s8, f64x2.sub(f64x2.mul(y2r, v2r), f64x2.mul(y2i, v2i)));
        v128.store(yi + o + 2 * s8, f64x2.add(f64x2.mul(y2r, v2i), f64x2.mul(y2i, v2r)));
        v128.store(yr + o + 3 * s8, f64x2.sub(f64x2.mul(y3r, v3r), f64x2.mul(y3i, v3i)));
        v128.store(yi + o + 3 * s8, f64x2.add(f64x2.mul(y3r, v3i), f64x2.mul(y3i, v3r)));
      }
    } else {
      const i0 = ib, i1 = i0 + sm, i2 = i1 + sm, i3 = i2 + sm;
      const a0r = load<f64>(xr + i0), a0i = load<f64>(xi + i0), a1r = load<f64>(xr + i1), a1i = load<f64>(xi + i1);
      const a2r = load<f64>(xr + i2), a2i = load<f64>(xi + i2), a3r = load<f64>(xr + i3), a3i = load<f64>(xi + i3);
      const t0r = a0r + a2r, t0i = a0i + a2i, t1r = a0r - a2r, t1i = a0i - a2i;
      const t2r = a1r + a3r, t2i = a1i + a3i;
      const t3r = a1i - a3i, t3i = a3r - a1r;
      const o = ob;
      store<f64>(yr + o, t0r + t2r);
      store<f64>(yi + o, t0i + t2i);
      const y1r = t1r + t3r, y1i = t1i + t3i, y2r = t0r - t2r, y2i = t0i - t2i, y3r = t1r - t3r, y3i = t1i - t3i;
      store<f64>(yr + o, cmulR(y1r, y1i, w1r, w1i), 8);
      store<f64>(yi + o, cmulI(y1r, y1i, w1r, w1i), 8);
      store<f64>(yr + o, cmulR(y2r, y2i, w2r, w2i), 16);
      store<f64>(yi + o, cmulI(y2r, y2i, w2r, w2i), 16);
      store<f64>(yr + o, cmulR(y3r, y3i, w3r, w3i), 24);
      store<f64>(yi + o, cmulI(y3r, y3i, w3r, w3i), 24);
    }
  }
}

/** One radix-2 Stockham pass (see the file comment). */
export function fftPass2(m: i32, s: i32, xr: usize, xi: usize, yr: usize, yi: usize, twr: usize, twi: usize): void {
  const sm = <usize>(s * m) << 3;
  const s8 = <usize>s << 3;
  for (let p = 0; p < m; p++) {
    const t = <usize>p << 3;
    const wr = load<f64>(twr + t), wi = load<f64>(twi + t);
    const ib = <usize>(s * p) << 3, ob = <usize>(2 * s * p) << 3;
    if (s >= 2) {
      const vr = f64x2.splat(wr), vi = f64x2.splat(wi);
      for (let q = 0; q < s; q += 2) {
        const i0 = ib + (<usize>q << 3), i1 = i0 + sm;
        const ar = v128.load(xr + i0), ai = v128.load(xi + i0), br = v128.load(xr + i1), bi = v128.load(xi + i1);
        const o = ob + (<usize>q << 3);
        v128.store(yr + o, f64x2.add(ar, br));
        v128.store(yi + o, f64x2.add(ai, bi));
        const dr = f64x2.sub(ar, br), di = f64x2.sub(ai, bi);
        v128.store(yr + o + s8, f64x2.sub(f64x2.mul(dr, vr), f64x2.mul(di, vi)));
        v128.store(yi + o + s8, f64x2.add(f64x2.mul(dr, vi), f64x2.mul(di, vr)));
      }
    } else {
      const ar = load<f64>(xr + ib), ai = load<f64>(xi + ib), br = load<f64>(xr + ib + sm), bi = load<f64>(xi + ib + sm);
      store<f64>(yr + ob, ar + br);
      store<f64>(yi + ob, ai + bi);
      const dr = ar - br, di = ai - bi;
      store<f64>(yr + ob, cmulR(dr, di, wr, wi), 8);
      store<f64>(yi + ob, cmulI(dr, di, wr, wi), 8);
    }
  }
}

// ------------------------------------------------------------------ line load/store (src/fft/lines.ts)
// A line of n values at a float stride; the imaginary part of value k sits `imOff` floats
// after its real part (1 for complex data, the real stride for a real line read as pairs),
// and imOff < 0 means a real line (zero imaginary part on load, none stored).

/** dr[k] = src[k·stride], di[k] = src[k·stride + imOff] (0 when imOff < 0), from float32. */
export function fftLoadF32(src: usize, n: i32, stride: i32, imOff: i32, dr: usize, di: usize): void {
  const st = <usize>stride << 2, io = <usize>imOff << 2;
  for (let k = 0; k < n; k++) {
    const p = src + <usize>k * st, d = <usize>k << 3;
    store<f64>(dr + d, <f64>load<f32>(p));
    store<f64>(di + d, imOff >= 0 ? <f64>load<f32>(p + io) : 0.0);
  }
}

/** dr[k] = src[k·stride], di[k] = src[k·stride + imOff] (0 when imOff < 0), from float64. */
export function fftLoadF64(src: usize, n: i32, stride: i32, imOff: i32, dr: usize, di: usize): void {
  const st = <usize>stride << 3, io = <usize>imOff << 3;
  for (let k = 0; k < n; k++) {
    const p = src + <usize>k * st, d = <usize>k << 3;
    store<f64>(dr + d, load<f64>(p));
    store<f64>(di + d, imOff >= 0 ? load<f64>(p + io) : 0.0);
  }
}

/** dst[k·stride] = f32(sr[k]·reScale), and dst[k·stride + imOff] = f32(si[k]·imScale) when imOff ≥ 0. */
export function fftStoreF32(sr: usize, si: usize, n: i32, reScale: f64, imScale: f64, dst: usize, stride: i32, imOff: i32): void {
  const st = <usize>stride << 2, io = <usize>imOff << 2;
  for (let k = 0; k < n; k++) {
    const p = dst + <usize>k * st, d = <usize>k << 3;
    store<f32>(p, <f32>(load<f64>(sr + d) * reScale));
    if (imOff >= 0) store<f32>(p + io, <f32>(load<f64>(si + d) * imScale));
  }
}

/** dst[k·stride] = sr[k]·reScale, and dst[k·stride + imOff] = si[k]·imScale when imOff ≥ 0, float64. */
export function fftStoreF64(sr: usize, si: usize, n: i32, reScale: f64, imScale: f64, dst: usize, stride: i32, imOff: i32): void {
  const st = <usize>stride << 3, io = <usize>imOff << 3;
  for (let k = 0; k < n; k++) {
    const p = dst + <usize>k * st, d = <usize>k << 3;
    store<f64>(p, load<f64>(sr + d) * reScale);
    if (imOff >= 0) store<f64>(p + io, load<f64>(si + d) * imScale);
  }
}
