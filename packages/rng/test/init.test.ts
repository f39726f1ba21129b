import { describe, expect, it } from 'vitest';
import {
  Generator,
  calculateGain,
  fanInAndFanOut,
  initNormal_,
  initUniform_,
  kaimingNormalStd,
  kaimingUniformBound,
  linearBiasBound,
  linearWeightBound,
  resetLinearParameters,
  uniform_,
  xavierNormalStd,
  xavierUniformBound,
} from '../src/index.js';
import { cases, diffs, expected, floatArray, hex, main } from './helpers.js';

describe('nn.init numerics and module initialisation against torch 1.13', () => {
  it('calculate_gain and the Linear/Conv bounds, bit-exact in binary64', () => {
    const c = cases(main(), 'init.numerics')[0]!;
    const g = c.gains as Record<string, string>;
    for (const nl of ['linear', 'conv2d', 'sigmoid', 'tanh', 'relu', 'leaky_relu', 'selu'] as const) {
      expect(calculateGain(nl), nl).toBe(hex(g[nl]!));
    }
    expect(calculateGain('leaky_relu', 0.2)).toBe(hex(g['leaky_relu(0.2)']!));
    expect(calculateGain('leaky_relu', Math.sqrt(5))).toBe(hex(g['leaky_relu(sqrt5)']!));
    for (const [fan, b] of Object.entries(c.bounds as Record<string, { linear_weight: string; linear_bias: string }>)) {
      expect(linearWeightBound(Number(fan)), fan).toBe(hex(b.linear_weight));
      expect(linearBiasBound(Number(fan)), fan).toBe(hex(b.linear_bias));
    }
    expect(linearWeightBound(2)).not.toBe(1 / Math.sqrt(2));
    expect(linearBiasBound(0)).toBe(0);
    expect(fanInAndFanOut([6, 4, 3, 2])).toEqual({ fanIn: 24, fanOut: 36 });
    expect(() => fanInAndFanOut([5])).toThrow('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  });

  it('nn.Linear (float32 and float64, with and without bias), nn.Conv2d (groups, no bias), nn.Sequential', () => {
    const cs = [...cases(main(), 'nn.Linear'), ...cases(main(), 'nn.Conv2d'), ...cases(main(), 'nn.Sequential')];
    expect(cs.length).toBeGreaterThan(30);
    for (const c of cs) {
      const g = new Generator().manualSeed(BigInt(c.seed));
      const dt = c.args.dtype ?? 'float32';
      const got: number[] = [];
      const layer = (fanIn: number, wn: number, bn: number): void => {
        const w = floatArray(dt, wn);
        const b = bn > 0 ? floatArray(dt, bn) : null;
        resetLinearParameters(g, w, b, fanIn);
        got.push(...w, ...(b ?? []));
      };
      if (c.op === 'nn.Linear') layer(c.args.in, c.args.in * c.args.out, c.args.bias === false ? 0 : c.args.out);
      else if (c.op === 'nn.Conv2d') {
        const [kh, kw] = c.args.k as number[];
        layer(c.args.fan_in, c.args.out * (c.args.in / c.args.groups) * kh! * kw!, c.args.bias ? c.args.out : 0);
      } else for (const [i, o] of c.args.layers as Array<[number, number]>) layer(i, i * o, o);
      expect(diffs(got, expected(c)), `${c.op} ${c.seed} ${JSON.stringify(c.args)}`).toEqual([]);
    }
  });

  it('kaiming_/xavier_/normal_/uniform_ initialisers', () => {
    const cs = main().cases.filter((c) => c.op.startsWith('init.') && c.op !== 'init.numerics');
    expect(cs.length).toBe(2 * 2 * 6);
    for (const c of cs) {
      const [o, i] = c.args.shape as [number, number];
      const w = floatArray(c.args.dtype, o * i);
      const g = new Generator().manualSeed(BigInt(c.seed));
      const { fanIn, fanOut } = fanInAndFanOut([o, i]);
      switch (c.op) {
        case 'init.kaiming_uniform_': {
          const b = kaimingUniformBound(fanIn);
          uniform_(g, w, -b, b);
          break;
        }
        case 'init.kaiming_normal_':
          initNormal_(g, w, 0, kaimingNormalStd(fanOut, 0, 'relu'));
          break;
        case 'init.xavier_uniform_': {
          const b = xavierUniformBound(fanIn, fanOut, calculateGain('tanh'));
          uniform_(g, w, -b, b);
          break;
        }
        case 'init.xavier_normal_':
          initNormal_(g, w, 0, xavierNormalStd(fanIn, fanOut));
          break;
        case 'init.normal_':
          initNormal_(g, w, hex(c.args.mean), hex(c.args.std));
          break;
        case 'init.uniform_':
          initUniform_(g, w, hex(c.args.a), hex(c.args.b));
          break;
        default:
          throw new Error(c.op);
      }
      // float64 normal initialisers go through libm: compare float32 exactly, float64 via the
      // correctly-rounded check of normal.test.ts (not repeated here)
      if (c.args.dtype === 'float32' || !c.op.includes('normal')) {
        expect(diffs(w, expected(c)), `${c.op} ${c.seed} ${c.args.dtype}`).toEqual([]);
      }
    }
  });
});
