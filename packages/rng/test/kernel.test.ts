import { describe, expect, it } from 'vitest';
import { fma32 } from '../src/index.js';
import { MAX_LANES, logLanes, sincosLanes } from '../src/normal-float32.js';

// SPEC §3.4 written with explicit exact FMAs (fma32 is verified against BigInt arithmetic in fma.test.ts).
const f = Math.fround;
const SQRTHF = f(0.707106781186547524);
const P = [7.0376836292e-2, -1.151461031e-1, 1.167699874e-1, -1.2420140846e-1, 1.4249322787e-1, -1.6668057665e-1,
  2.0000714765e-1, -2.4999993993e-1, 3.3333331174e-1].map(f);
const [P0, P1, P2, P3, P4, P5, P6, P7, P8] = P as [number, number, number, number, number, number, number, number, number];
const Q1 = f(-2.1219444e-4);
const Q2 = f(0.693359375);
const FOPI = f(1.27323954473516);
const DP = [-0.78515625, -2.4187564849853515625e-4, -3.77489497744594108e-8].map(f);
const SIN = [-1.9515295891e-4, 8.3321608736e-3, -1.6666654611e-1].map(f);
const COS = [2.443315711809948e-5, -1.388731625493765e-3, 4.166664568298827e-2].map(f);
const TWO_PI_F = f(2 * Math.PI);

const F32 = new Float32Array(1);
const U32 = new Uint32Array(F32.buffer);

function refLog(u: number): number {
  F32[0] = u;
  const bits = U32[0]!;
  let e = f((bits >>> 23) - 127 + 1);
  U32[0] = (bits & ~0x7f800000) | 0x3f000000;
  const m = F32[0]!;
  let x: number;
  if (m < SQRTHF) {
    x = f(m + f(m - 1));
    e = f(e - 1);
  } else x = f(m - 1);
  let y = P0;
  y = fma32(y, x, P1);
  y = fma32(y, x, P2);
  y = fma32(y, x, P3);
  y = fma32(y, x, P4);
  y = fma32(y, x, P5);
  y = fma32(y, x, P6);
  y = fma32(y, x, P7);
  y = fma32(y, x, P8);
  const t1 = f(e * Q1);
  const z = f(x * x);
  y = f(y * x);
  y = fma32(y, z, t1);
  y = fma32(-z, 0.5, y);
  x = f(x + y);
  return fma32(e, Q2, x);
}

const SC = new Float64Array(2);

function refSinCos(theta: number): void {
  let j = Math.trunc(f(theta * FOPI));
  j = (j + 1) & ~1;
  let x = fma32(j, DP[0]!, theta);
  x = fma32(j, DP[1]!, x);
  x = fma32(j, DP[2]!, x);
  const z = f(x * x);
  let c = fma32(COS[0]!, z, COS[1]!);
  c = fma32(c, z, COS[2]!);
  c = f(c * z);
  c = fma32(c, z, -f(z * 0.5));
  c = f(c + 1);
  let s = fma32(SIN[0]!, z, SIN[1]!);
  s = fma32(s, z, SIN[2]!);
  s = f(s * z);
  s = fma32(s, x, x);
  let sv = (j & 2) === 0 ? s : c;
  let cv = (j & 2) === 0 ? c : s;
  if (j & 4) sv = -sv;
  if (~(j - 2) & 4) cv = -cv;
  SC[0] = sv;
  SC[1] = cv;
}

// raw draws laid out as the kernel reads them: lane i at position i % 8 of 16-block i / 8
const RAW = new Int32Array(2 * MAX_LANES);
const lane = (i: number): number => ((i >> 3) << 4) + (i & 7);
const OUT = new Float64Array(MAX_LANES);
const OUT2 = new Float64Array(MAX_LANES);

describe('float32 AVX2 kernel: exhaustive check of the FMA shortcuts', () => {
  it('log256 lanes equal the exact-FMA algorithm for all 2^24 inputs u1 = M * 2^-24', () => {
    let bad = 0;
    for (let M0 = 1; M0 <= 16777216; M0 += MAX_LANES) {
      const n = Math.min(MAX_LANES, 16777217 - M0);
      // u1 = 1 - (r & 0xFFFFFF)·2^-24 = M·2^-24 for r = 2^24 - M (M = 2^24: r = 0)
      for (let i = 0; i < n; i++) RAW[lane(i)] = (16777216 - (M0 + i)) | (i << 24);
      logLanes(RAW, n, OUT);
      for (let i = 0; i < n; i++) if (!Object.is(OUT[i], refLog((M0 + i) * 2 ** -24))) bad++;
    }
    expect(bad).toBe(0);
  }, 60000);

  it('sincos256 lanes equal the exact-FMA algorithm for all 2^24 angles fround(2pi * k * 2^-24)', () => {
    let bad = 0;
    for (let k0 = 0; k0 < 16777216; k0 += MAX_LANES) {
      const n = Math.min(MAX_LANES, 16777216 - k0);
      for (let i = 0; i < n; i++) RAW[lane(i) + 8] = (k0 + i) | (i << 24);
      sincosLanes(RAW, n, OUT, OUT2);
      for (let i = 0; i < n; i++) {
        refSinCos(f(TWO_PI_F * ((k0 + i) * 2 ** -24)));
        if (!Object.is(OUT[i], SC[0]) || !Object.is(OUT2[i], SC[1])) bad++;
      }
    }
    expect(bad).toBe(0);
  }, 60000);
});
