// WebGPU results equal the CPU backend's for random inputs: every unary and binary
// op, reductions over any dims of strided views, scans, matmul (batched,
// transposed, broadcast, ragged sizes), sort (short and long rows), indexing ops,
// and every dtype WebGPU stores.
import * as torch from '@antorcha/core';
import type { BinaryOp, Tensor, UnaryOp } from '@antorcha/core';
import { describe, it } from 'vitest';
import { expectMatchesCpu } from './compare.js';
import { hasGpu } from './gpu.js';

const gpu = (t: Tensor): Tensor => t.to('webgpu');

/** Random float32 values plus the special values ops must handle. */
function floats(n: number, scale = 3, seed = 1): Tensor {
  torch.manualSeed(seed);
  const r = torch.randn([n]).mul(scale);
  const special = torch.tensor([0, -0, 1, -1, 0.5, -0.5, 2.5, -2.5, 1e-30, -1e-30, 1e30, -1e30, 88, -104, Infinity, -Infinity, NaN, 3.5, 1e-7, 7], { dtype: 'float32' });
  return torch.cat([special, r]);
}

/** A unary backend op through core's dispatch (for kernels the facade exposes elsewhere, e.g. in nn). */
const kernel = (op: UnaryOp, params?: { a?: number; b?: number }) => (x: Tensor): Tensor => torch.unaryOp(op, op, x, 'float', params);

const UNARY: [UnaryOp, (x: Tensor) => Tensor][] = [
  ['neg', torch.neg], ['exp', torch.exp], ['expm1', torch.expm1], ['log', torch.log], ['log1p', torch.log1p], ['log2', torch.log2],
  ['log10', torch.log10], ['sqrt', torch.sqrt], ['rsqrt', torch.rsqrt], ['abs', torch.abs], ['sign', torch.sign], ['sin', torch.sin],
  ['cos', torch.cos], ['tan', torch.tan], ['asin', torch.asin], ['acos', torch.acos], ['atan', torch.atan], ['sinh', torch.sinh],
  ['cosh', torch.cosh], ['tanh', torch.tanh], ['asinh', kernel('asinh')], ['acosh', kernel('acosh')], ['atanh', kernel('atanh')],
  ['sigmoid', torch.sigmoid], ['relu', torch.relu], ['reciprocal', torch.reciprocal], ['floor', torch.floor], ['ceil', torch.ceil],
  ['round', torch.round], ['trunc', torch.trunc], ['frac', torch.frac], ['erf', torch.erf], ['erfc', torch.erfc], ['erfinv', torch.erfinv],
  ['square', torch.square], ['isnan', torch.isnan], ['isinf', torch.isinf], ['isfinite', torch.isfinite],
  ['exp2', torch.exp2], ['lgamma', torch.lgamma], ['digamma', torch.digamma], ['i0', torch.i0], ['i1', kernel('i1')],
  ['polygammaN', kernel('polygammaN', { a: 1 })], ['frexpMantissa', kernel('frexpMantissa')], ['frexpExponent', kernel('frexpExponent')],
];

describe.skipIf(!hasGpu)('webgpu matches cpu on random inputs', () => {
  it.each(UNARY)('unary %s (float32, with special values)', async (name, f) => {
    for (const x of [floats(300, 3, 1), floats(300, 0.4, 2), floats(100, 40, 3)]) {
      // i0/i1 beyond ±80 overflow float32's exp on the GPU (the CPU computes in double); polygamma away from its poles
      const domain = name === 'asin' || name === 'acos' || name === 'atanh' || name === 'erfinv' ? x.clamp(-1, 1)
        : name === 'i0' || name === 'i1' ? x.clamp(-80, 80) : name === 'polygammaN' ? x.abs().add(0.05) : x;
      await expectMatchesCpu(f(gpu(domain)), f(domain), { rtol: 2e-5, atol: 1e-6 }, name);
    }
  });

  it('sin/cos/tan of large arguments (Payne-Hanek reduction)', async () => {
    torch.manualSeed(3);
    const x = torch.cat([torch.rand([200]).mul(1e6), torch.rand([200]).mul(1e20), torch.rand([100]).mul(3e38), torch.tensor([8192, 8191.99, 1e30, 2 ** 100, 3.4e38])]);
    for (const f of [torch.sin, torch.cos, torch.tan]) await expectMatchesCpu(f(gpu(x)), f(x), { rtol: 1e-5, atol: 2e-6 });
  });

  it('parametrised activations', async () => {
    const x = floats(300, 4, 5);
    const act = (t: Tensor): Tensor[] => [
      kernel('leakyRelu', { a: 0.2 })(t), kernel('elu', { a: 1.5 })(t), kernel('softplus', { a: 2, b: 10 })(t), kernel('hardtanh', { a: -0.5, b: 2 })(t),
      kernel('silu')(t), kernel('gelu')(t), kernel('geluTanh')(t), kernel('logSigmoid')(t), kernel('elu')(t), kernel('leakyRelu')(t),
    ];
    const g = act(gpu(x)), c = act(x);
    for (let i = 0; i < g.length; i++) await expectMatchesCpu(g[i]!, c[i]!, { rtol: 2e-5, atol: 1e-6 }, `activation ${i}`);
  });

  const BINARY: [BinaryOp, (a: Tensor, b: Tensor | number) => Tensor][] = [
    ['add', (a, b) => torch.add(a, b)], ['sub', (a, b) => torch.sub(a, b)], ['mul', torch.mul], ['div', (a, b) => torch.div(a, b)],
    ['floorDivide', torch.floorDivide], ['pow', torch.pow], ['maximum', (a, b) => torch.maximum(a, b as Tensor)],
    ['minimum', (a, b) => torch.minimum(a, b as Tensor)], ['fmax', (a, b) => torch.fmax(a, b as Tensor)], ['fmin', (a, b) => torch.fmin(a, b as Tensor)],
    ['remainder', torch.remainder], ['fmod', torch.fmod], ['atan2', (a, b) => torch.atan2(a, b as Tensor)], ['hypot', (a, b) => torch.hypot(a, b as Tensor)],
    ['eq', torch.eq], ['ne', torch.ne], ['lt', torch.lt], ['le', torch.le], ['gt', torch.gt], ['ge', torch.ge],
    ['logicalAnd', torch.logicalAnd], ['logicalOr', torch.logicalOr], ['logicalXor', torch.logicalXor],
    ['copysign', torch.copysign], ['nextafter', (a, b) => torch.nextafter(a, b as Tensor)],
    ['igamma', (a, b) => torch.igamma(a.abs(), (b as Tensor).abs())], ['igammac', (a, b) => torch.igammac(a.abs(), (b as Tensor).abs())],
  ];

  it.each(BINARY)('binary %s (float32, broadcast views)', async (name, f) => {
    const a = floats(180, 3, 7).view(10, 20);
    const b = floats(200, 2, 8).narrow(0, 0, 20).view(1, 20);
    const bt = floats(200, 2, 9).narrow(0, 0, 10).view(10, 1);
    await expectMatchesCpu(f(gpu(a), gpu(b)), f(a, b), { rtol: 2e-5 }, `${name} row-broadcast`);
    await expectMatchesCpu(f(gpu(a.t()), gpu(bt.t())), f(a.t(), bt.t()), { rtol: 2e-5 }, `${name} transposed`);
    if (name !== 'maximum' && name !== 'minimum' && name !== 'fmax' && name !== 'fmin' && name !== 'atan2' && name !== 'hypot' && name !== 'nextafter' && !name.startsWith('logical') && !name.startsWith('igamma')) {
      await expectMatchesCpu(f(gpu(a), 1.5), f(a, 1.5), { rtol: 2e-5 }, `${name} scalar`);
    }
  });

  it('pow with scalar exponents PyTorch special-cases', async () => {
    const x = floats(200, 3, 11);
    for (const e of [2, 0.5, -0.5, -1, 3, -2, 1.7, 0, 4]) await expectMatchesCpu(torch.pow(gpu(x), e), torch.pow(x, e), { rtol: 2e-5 }, `pow ${e}`);
  });

  it('integer and bool elementwise ops (int32, int64, uint8, bool)', async () => {
    torch.manualSeed(4);
    for (const dtype of ['int32', 'int64', 'uint8'] as const) {
      const lo = dtype === 'uint8' ? 0 : -50;
      const a = torch.randint(lo, 50, [6, 7], { dtype });
      const b = torch.randint(1, 9, [7], { dtype });
      const ops = (x: Tensor, y: Tensor): Tensor[] => [
        x.add(y), x.sub(y), x.mul(y), x.floorDivide(y), x.remainder(y), torch.fmod(x, y), torch.maximum(x, y), x.eq(y), x.lt(y),
        torch.bitwiseAnd(x, y), torch.bitwiseOr(x, y), torch.bitwiseXor(x, y), torch.bitwiseNot(x), x.neg(), x.abs(), torch.pow(x, y.remainder(4)),
        x.div(y), x.sum(1), x.narrow(0, 0, 3).remainder(5).prod(0), x.amax(1), x.argmin(0), x.cumsum(1), x.float(), x.bool(), x.mul(3).to('int32'),
        torch.gcd(x, y), torch.lcm(x, y), torch.bitwiseLeftShift(x, y), torch.bitwiseRightShift(x, y),
      ];
      const g = ops(gpu(a), gpu(b)), c = ops(a, b);
      for (let i = 0; i < g.length; i++) await expectMatchesCpu(g[i]!, c[i]!, {}, `${dtype} op ${i}`);
    }
    const p = torch.rand([5, 6]).gt(0.5), q = torch.rand([6]).gt(0.3);
    const bops = (x: Tensor, y: Tensor): Tensor[] => [x.logicalAnd(y), x.logicalXor(y), torch.bitwiseNot(x), x.add(y), x.mul(y), x.all(1), x.any(0), x.sum(), x.int(), x.float().mul(2)];
    const g = bops(gpu(p), gpu(q)), c = bops(p, q);
    for (let i = 0; i < g.length; i++) await expectMatchesCpu(g[i]!, c[i]!, {}, `bool op ${i}`);
  });

  it('casts between every stored dtype', async () => {
    const x = torch.tensor([-3.7, -1, -0.2, 0, 0.5, 1.5, 2.5, 255.9, 300, 1e6], { dtype: 'float32' });
    for (const from of ['float32', 'int32', 'int64', 'uint8', 'bool'] as const) {
      const src = x.to(from);
      for (const to of ['float32', 'int32', 'int64', 'uint8', 'bool'] as const) await expectMatchesCpu(gpu(src).to(to), src.to(to), {}, `${from}->${to}`);
    }
  });

  it('reductions over any dims of strided views', async () => {
    torch.manualSeed(12);
    const base = torch.randn([6, 5, 40, 3]);
    const views = [base, base.permute(2, 0, 3, 1), base.narrow(2, 3, 30).transpose(0, 2)];
    for (const x of views) {
      const g = gpu(x);
      const rs = (t: Tensor): Tensor[] => [
        t.sum(), t.sum(1), t.sum([0, 2]), t.mean(-1, true), t.prod(3), t.amax([1, 3]), t.amin(0), t.argmax(2), t.argmin(), t.argmax(),
        t.var(1), t.std([0, 1]), t.logsumexp(2), t.norm(), t.gt(0).all(1), t.gt(0).any(2), t.nansum(0), t.max(1).values, t.min(0).indices,
        torch.softmax(t, 1), torch.logSoftmax(t, -1), t.sum(2, true),
      ];
      const a = rs(g), c = rs(x);
      for (let i = 0; i < a.length; i++) await expectMatchesCpu(a[i]!, c[i]!, { rtol: 1e-4, atol: 1e-5 }, `reduction ${i}`);
    }
    const big = torch.randn([3, 70000]);
    await expectMatchesCpu(gpu(big).sum(1), big.sum(1), { rtol: 1e-4, atol: 1e-3 }, 'long sum (split over workgroups)');
    const long = torch.cat([torch.randn([300000]), torch.tensor([NaN])]);
    const longOps = (t: Tensor): Tensor[] => [t.nansum(), t.sum(), t.amax(), t.amin(), t.isnan().any(), t.gt(-10).all(), t.narrow(0, 0, 300000).mean(), t.narrow(0, 0, 300000).abs().add(0.5).log().sum()];
    const gl = longOps(gpu(long)), cl = longOps(long);
    for (let i = 0; i < gl.length; i++) await expectMatchesCpu(gl[i]!, cl[i]!, { rtol: 1e-4, atol: 2e-3 }, `long reduction ${i}`);
    const withNan = torch.tensor([[1, NaN, 3], [2, 5, 4]]);
    for (const f of [(t: Tensor) => t.amax(1), (t: Tensor) => t.argmax(1), (t: Tensor) => t.argmin(0), (t: Tensor) => t.nansum(1)]) {
      await expectMatchesCpu(f(gpu(withNan)), f(withNan), {}, 'NaN reduction');
    }
  });

  it('scans', async () => {
    torch.manualSeed(13);
    const x = torch.randn([5, 40, 3]);
    const v = x.transpose(0, 1);
    for (const t of [x, v]) {
      const g = gpu(t);
      await expectMatchesCpu(g.cumsum(1), t.cumsum(1), { rtol: 1e-4, atol: 1e-5 });
      await expectMatchesCpu(g.cumprod(0), t.cumprod(0), { rtol: 1e-4, atol: 1e-5 });
      for (const d of [0, 1, 2]) {
        const [gv, gi] = torch.cummax(g, d), [cv, ci] = torch.cummax(t, d);
        await expectMatchesCpu(gv, cv);
        await expectMatchesCpu(gi, ci);
        const [mv, mi] = torch.cummin(g, d), [nv, ni] = torch.cummin(t, d);
        await expectMatchesCpu(mv, nv);
        await expectMatchesCpu(mi, ni);
      }
    }
    const ties = torch.tensor([1, 3, 3, NaN, 2, NaN, 5]);
    const [gv, gi] = torch.cummax(gpu(ties), 0), [cv, ci] = torch.cummax(ties, 0);
    await expectMatchesCpu(gv, cv);
    await expectMatchesCpu(gi, ci);
  });

  it('matmul: ragged, batched, transposed, broadcast, int32', async () => {
    torch.manualSeed(14);
    const cases: [Tensor, Tensor][] = [
      [torch.randn([70, 33]), torch.randn([33, 130])],
      [torch.randn([1, 5]), torch.randn([5, 1])],
      [torch.randn([128, 64]), torch.randn([64, 128])],
      [torch.randn([3, 17, 9]), torch.randn([3, 9, 65])],
      [torch.randn([40, 70]).t(), torch.randn([40, 50])],
      [torch.randn([50, 30]), torch.randn([70, 30]).t()],
      [torch.randn([4, 2, 10, 6]), torch.randn([6, 7])],
      [torch.randn([200, 300]), torch.randn([300, 150]).t().contiguous().t()],
    ];
    for (const [a, b] of cases) await expectMatchesCpu(gpu(a).matmul(gpu(b)), a.matmul(b), { rtol: 1e-4, atol: 1e-4 }, `matmul ${a.shape} x ${b.shape}`);
    const ai = torch.randint(-9, 9, [37, 21], { dtype: 'int32' }), bi = torch.randint(-9, 9, [21, 66], { dtype: 'int32' });
    await expectMatchesCpu(gpu(ai).matmul(gpu(bi)), ai.matmul(bi));
    const v = torch.randn([33]);
    await expectMatchesCpu(gpu(torch.randn([70, 33])).mv(gpu(v)).sub(gpu(v).sum()).mul(0), torch.zeros([70]), { atol: 1e-6 });
  });

  it('sort: short rows, long rows (global network), ties, NaN, descending, every dtype', async () => {
    torch.manualSeed(15);
    const rows = [torch.randn([7, 13]), torch.randint(0, 4, [5, 300]).float(), torch.randn([2, 3000]), torch.randn([1025])];
    for (const x of rows) {
      for (const desc of [false, true]) {
        const g = torch.sort(gpu(x), -1, desc, { stable: true }), c = torch.sort(x, -1, desc, { stable: true });
        await expectMatchesCpu(g.values, c.values);
        await expectMatchesCpu(g.indices, c.indices);
      }
    }
    const special = torch.tensor([3, NaN, -0, 0, -Infinity, Infinity, 1, NaN, -2, 1]);
    for (const desc of [false, true]) {
      const g = torch.sort(gpu(special), 0, desc, { stable: true }), c = torch.sort(special, 0, desc, { stable: true });
      await expectMatchesCpu(g.values, c.values);
      await expectMatchesCpu(g.indices, c.indices);
    }
    for (const dtype of ['int32', 'int64', 'uint8', 'bool'] as const) {
      const x = torch.randint(0, 3, [4, 50]).to(dtype);
      const g = torch.sort(gpu(x), 1, true, { stable: true }), c = torch.sort(x, 1, true, { stable: true });
      await expectMatchesCpu(g.values, c.values, {}, dtype);
      await expectMatchesCpu(g.indices, c.indices, {}, dtype);
    }
    const t = torch.randn([6, 40]);
    const g = torch.topk(gpu(t), 5, 1), c = torch.topk(t, 5, 1);
    await expectMatchesCpu(g.values, c.values);
    await expectMatchesCpu(g.indices, c.indices);
  });

  it('gather, scatter (duplicates, reductions), indexSelect, masks, nonzero', async () => {
    torch.manualSeed(16);
    const x = torch.randn([6, 8, 5]);
    const idx = torch.randint(0, 8, [6, 4, 5]);
    await expectMatchesCpu(torch.gather(gpu(x), 1, gpu(idx)), torch.gather(x, 1, idx));
    const xt = x.transpose(0, 2);
    const it0 = torch.randint(0, 5, [3, 8, 6]);
    await expectMatchesCpu(torch.gather(gpu(xt), 0, gpu(it0)), torch.gather(xt, 0, it0));
    const src = torch.randn([6, 4, 5]);
    for (const reduce of [undefined, 'add', 'multiply'] as const) {
      const opts = reduce ? { reduce } : undefined;
      await expectMatchesCpu(torch.scatter(gpu(x), 1, gpu(idx), gpu(src), opts), torch.scatter(x, 1, idx, src, opts), { rtol: 1e-5 }, `scatter ${reduce}`);
    }
    await expectMatchesCpu(torch.scatterAdd(gpu(x), 1, gpu(idx), gpu(src)), torch.scatterAdd(x, 1, idx, src), { rtol: 1e-5 });
    const i2 = idx.narrow(2, 0, 3).remainder(5);
    await expectMatchesCpu(torch.scatter(gpu(x), 2, gpu(i2), 2.5), torch.scatter(x, 2, i2, 2.5));
    const sel = torch.tensor([4, 0, 0, 2]);
    for (const d of [0, 1, 2]) await expectMatchesCpu(torch.indexSelect(gpu(xt), d, gpu(sel)), torch.indexSelect(xt, d, sel));
    const mask = x.gt(0.3);
    await expectMatchesCpu(torch.maskedFill(gpu(x), gpu(mask), -7), torch.maskedFill(x, mask, -7));
    await expectMatchesCpu(await torch.maskedSelectAsync(gpu(x), gpu(mask)), torch.maskedSelect(x, mask));
    await expectMatchesCpu(await torch.nonzeroAsync(gpu(mask)), torch.nonzero(mask));
    for (const f of [(t: Tensor) => torch.flip(t, [0, 2]), (t: Tensor) => torch.roll(t, [2, -1], [1, 2]), (t: Tensor) => t.repeat(2, 1, 3), (t: Tensor) => torch.tril(t.select(2, 1), 1), (t: Tensor) => torch.cat([t, t.mul(2)], 1)]) {
      await expectMatchesCpu(f(gpu(x)), f(x));
    }
  });

  it('in-place ops on views write through (same kernels, out = input view)', async () => {
    torch.manualSeed(17);
    const c = torch.randn([8, 6]);
    const g = gpu(c);
    const steps = (t: Tensor): void => {
      t.narrow(0, 2, 3).mul_(2);
      t.t().narrow(0, 1, 2).add_(t.narrow(1, 4, 2).t());
      t.select(1, 0).exp_();
      t.index('::2').clamp_(-0.5, 0.5);
      t.narrow(1, 3, 1).fill_(3);
    };
    steps(c);
    steps(g);
    await expectMatchesCpu(g, c);
  });
});
