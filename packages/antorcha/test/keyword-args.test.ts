// PyTorch's keyword arguments as a trailing options object in the position of an optional flag:
// `x.sort(1, { descending: false })` is `x.sort(1, false)`, never a truthy object taken for
// `true` (a silent wrong result); a value that is not a boolean is PyTorch's type error.
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

const F = torch.nn.functional;
const x = torch.tensor([[3.5, 1, 2, 1], [0, 5, 4, 5]], { dtype: 'float64' });
const spd = torch.tensor([[4.5, 1, 0], [1, 3, 0.5], [0, 0.5, 2]], { dtype: 'float64' });
const L = torch.linalg.cholesky(spd);
const rect = torch.tensor([[1, 2], [3, 4.5], [5, 7]], { dtype: 'float64' });
const qrf = torch.geqrf(torch.tensor([[2, 1, 0], [1, 3, 1], [0, 1, 4.5]], { dtype: 'float64' }));
const C = torch.tensor([[1, 0, 2], [0.5, 1, 0], [3, 1, 1]], { dtype: 'float64' });
const probs = torch.tensor([0.1, 0.2, 0.3, 0.4], { dtype: 'float64' });
const theta = torch.tensor([[[0.5, -1, 0.25], [1, 0.75, -0.5]]], { dtype: 'float64' });
const signal = torch.tensor([[[1, -2, 3, 0.5, 4]]], { dtype: 'float64' });
const image = torch.tensor([[[[1, -2, 3], [0.5, 4, 1], [2, 2, -1]]]], { dtype: 'float64' });

/** Every tensor of a result (tensor, named tuple, list), in order. */
function tensorsOf(r: unknown): torch.Tensor[] {
  if (r instanceof torch.Tensor) return [r];
  if (Array.isArray(r)) return r.flatMap(tensorsOf);
  if (r !== null && typeof r === 'object' && Symbol.iterator in r) return [...(r as Iterable<unknown>)].flatMap(tensorsOf);
  throw new Error(`not a result: ${String(r)}`);
}

/** The result of `f`, or the error it raised: both forms must agree on either. */
function outcome(f: () => unknown): torch.Tensor[] | string {
  try {
    return tensorsOf(f());
  } catch (e) {
    return `${(e as Error).constructor.name}: ${(e as Error).message}`;
  }
}

function expectSame(a: torch.Tensor[] | string, b: torch.Tensor[] | string): void {
  if (typeof a === 'string' || typeof b === 'string') {
    expect(b).toEqual(a);
    return;
  }
  expect(b.length).toBe(a.length);
  a.forEach((t, i) => {
    expect(b[i]!.shape).toEqual(t.shape);
    expect(b[i]!.dtype).toBe(t.dtype);
    expect(torch.equal(b[i]!.nanToNum(), t.nanToNum())).toBe(true);
  });
}

function isSame(a: torch.Tensor[] | string, b: torch.Tensor[] | string): boolean {
  try {
    expectSame(a, b);
    return true;
  } catch {
    return false;
  }
}

interface Case {
  /** The PyTorch keyword (camelCase) read from the options object. */
  key: string;
  /** Its name in PyTorch's error text. */
  pyName: string;
  /** The call with the flag (or an options object) in the flag's position. */
  call: (k: unknown) => unknown;
  /** Draws random numbers: reseed before each call. */
  random?: boolean;
  /** `null` is a valid value (PyTorch's `None`). */
  nullable?: boolean;
  /** `false` and `true` give the same result here (the flag changes nothing on these inputs). */
  sameEitherWay?: boolean;
  /** A number, not a flag: the values tried are 0 and 2, and the type error says float. */
  number?: boolean;
}

const CASES: Record<string, Case> = {
  sort: { key: 'descending', pyName: 'descending', call: (k) => x.sort(1, k as boolean) },
  torchSort: { key: 'descending', pyName: 'descending', call: (k) => torch.sort(x, 0, k as boolean) },
  argsort: { key: 'descending', pyName: 'descending', call: (k) => x.argsort(1, k as boolean) },
  torchArgsort: { key: 'descending', pyName: 'descending', call: (k) => torch.argsort(x, 1, k as boolean) },
  topkLargest: { key: 'largest', pyName: 'largest', call: (k) => x.topk(2, 1, k as boolean) },
  torchTopkLargest: { key: 'largest', pyName: 'largest', call: (k) => torch.topk(x, 1, 0, k as boolean) },
  topkSorted: { key: 'sorted', pyName: 'sorted', call: (k) => x.topk(2, 1, false, k as boolean), sameEitherWay: true },
  varUnbiased: { key: 'unbiased', pyName: 'unbiased', call: (k) => x.var(1, k as boolean) },
  stdUnbiased: { key: 'unbiased', pyName: 'unbiased', call: (k) => torch.std(x, 1, k as boolean) },
  sumKeepdim: { key: 'keepdim', pyName: 'keepdim', call: (k) => x.sum(1, k as boolean) },
  nansumKeepdim: { key: 'keepdim', pyName: 'keepdim', call: (k) => torch.nansum(x, 1, k as boolean) },
  meanKeepdim: { key: 'keepdim', pyName: 'keepdim', call: (k) => x.mean(1, k as boolean) },
  prodKeepdim: { key: 'keepdim', pyName: 'keepdim', call: (k) => torch.prod(x, 1, k as boolean) },
  multinomial: { key: 'replacement', pyName: 'replacement', call: (k) => torch.multinomial(probs, 3, k as boolean), random: true },
  multinomialMethod: { key: 'replacement', pyName: 'replacement', call: (k) => probs.multinomial(4, k as boolean), random: true },
  vander: { key: 'increasing', pyName: 'increasing', call: (k) => torch.vander(x.select(0, 0), 3, k as boolean) },
  cholesky: { key: 'upper', pyName: 'upper', call: (k) => torch.cholesky(spd, k as boolean) },
  choleskySolve: { key: 'upper', pyName: 'upper', call: (k) => torch.choleskySolve(C, L, k as boolean) },
  choleskyInverse: { key: 'upper', pyName: 'upper', call: (k) => L.choleskyInverse(k as boolean) },
  qr: { key: 'some', pyName: 'some', call: (k) => torch.qr(rect, k as boolean) },
  svdSome: { key: 'some', pyName: 'some', call: (k) => torch.svd(rect, k as boolean) },
  svdComputeUv: { key: 'computeUv', pyName: 'compute_uv', call: (k) => torch.svd(rect, true, k as boolean) },
  linalgSvd: { key: 'fullMatrices', pyName: 'full_matrices', call: (k) => torch.linalg.svd(rect, k as boolean) },
  ormqrLeft: { key: 'left', pyName: 'left', call: (k) => torch.ormqr(qrf.a, qrf.tau, C, k as boolean) },
  ormqrTranspose: { key: 'transpose', pyName: 'transpose', call: (k) => torch.ormqr(qrf.a, qrf.tau, C, true, k as boolean) },
  hannWindow: { key: 'periodic', pyName: 'periodic', call: (k) => torch.hannWindow(6, k as boolean) },
  hammingWindow: { key: 'periodic', pyName: 'periodic', call: (k) => torch.hammingWindow(6, k as boolean) },
  bartlettWindow: { key: 'periodic', pyName: 'periodic', call: (k) => torch.bartlettWindow(6, k as boolean) },
  blackmanWindow: { key: 'periodic', pyName: 'periodic', call: (k) => torch.blackmanWindow(6, k as boolean) },
  kaiserWindow: { key: 'periodic', pyName: 'periodic', call: (k) => torch.kaiserWindow(6, k as boolean) },
  lpPool1d: { key: 'ceilMode', pyName: 'ceil_mode', call: (k) => F.lpPool1d(signal, 2, 2, 2, k as boolean) },
  lpPool2d: { key: 'ceilMode', pyName: 'ceil_mode', call: (k) => F.lpPool2d(image, 2, 2, 2, k as boolean) },
  affineGrid: { key: 'alignCorners', pyName: 'align_corners', call: (k) => F.affineGrid(theta, [1, 1, 2, 3], k as boolean), nullable: true },
  ...inplaceCases(),
  ...dropoutCases(),
  padValue: { key: 'value', pyName: 'value', call: (k) => F.pad(x, [1, 1], 'constant', k as number), nullable: true, number: true },
  requiresGrad_: {
    key: 'requiresGrad',
    pyName: 'requires_grad',
    call: (k) => torch.tensor(torch.ones([2]).requiresGrad_(k as boolean).requiresGrad),
  },
  clipGradNorm: {
    key: 'errorIfNonfinite',
    pyName: 'error_if_nonfinite',
    call: (k) => {
      const p = torch.tensor([1, 2], { dtype: 'float64', requiresGrad: true });
      p.grad = torch.tensor([3, Infinity], { dtype: 'float64' });
      const total = torch.nn.utils.clipGradNorm_([p], 1, 2, k as boolean);
      return [total, p.grad];
    },
  },
};

/** The activations' `inplace`: the result and the input after the call (written only in place). */
function inplaceCases(): Record<string, Case> {
  const neg = torch.tensor([[-1.5, 0.5, 2], [3, -0.25, 7]], { dtype: 'float64' });
  const acts: Record<string, (y: torch.Tensor, k: boolean) => torch.Tensor> = {
    relu: (y, k) => F.relu(y, k),
    relu6: (y, k) => F.relu6(y, k),
    leakyRelu: (y, k) => F.leakyRelu(y, 0.1, k),
    elu: (y, k) => F.elu(y, 1, k),
    celu: (y, k) => F.celu(y, 1, k),
    silu: (y, k) => F.silu(y, k),
    hardtanh: (y, k) => F.hardtanh(y, -1, 1, k),
    hardswish: (y, k) => F.hardswish(y, k),
    hardsigmoid: (y, k) => F.hardsigmoid(y, k),
    mish: (y, k) => F.mish(y, k),
    selu: (y, k) => F.selu(y, k),
    threshold: (y, k) => F.threshold(y, 1, 0, k),
  };
  const out: Record<string, Case> = {};
  for (const [name, f] of Object.entries(acts)) {
    out[`F.${name}`] = {
      key: 'inplace',
      pyName: 'inplace',
      call: (k) => {
        const y = neg.clone();
        return [f(y, k as boolean), y];
      },
    };
  }
  return out;
}

/** The dropouts' `training` and `inplace` (seeded: the masks must match). */
function dropoutCases(): Record<string, Case> {
  const y = torch.tensor([[1.5, -2, 3, 0.5], [4, -1, 2, 7]], { dtype: 'float64' });
  const y3 = y.view(1, 2, 4);
  const fns: Record<string, (t: torch.Tensor, p: number, training: boolean, inplace?: boolean) => torch.Tensor> = {
    dropout: (t, p, tr, ip) => F.dropout(t, p, tr, ip),
    dropout1d: (t, p, tr, ip) => F.dropout1d(t, p, tr, ip),
    dropout2d: (t, p, tr, ip) => F.dropout2d(t, p, tr, ip),
    alphaDropout: (t, p, tr, ip) => F.alphaDropout(t, p, tr, ip),
    featureAlphaDropout: (t, p, tr, ip) => F.featureAlphaDropout(t, p, tr, ip),
  };
  const out: Record<string, Case> = {};
  for (const [name, f] of Object.entries(fns)) {
    const input = name === 'dropout' || name === 'alphaDropout' ? y : y3;
    out[`F.${name} training`] = { key: 'training', pyName: 'training', random: true, call: (k) => f(input, 0.5, k as boolean) };
    out[`F.${name} inplace`] = {
      key: 'inplace',
      pyName: 'inplace',
      random: true,
      call: (k) => {
        const t = input.clone();
        return [f(t, 0.5, true, k as boolean), t];
      },
    };
  }
  return out;
}

function run(c: Case, k: unknown): torch.Tensor[] | string {
  return outcome(() => {
    if (c.random === true) torch.manualSeed(3);
    return c.call(k);
  });
}

describe('optional flags given as PyTorch keywords', () => {
  for (const [name, c] of Object.entries(CASES)) {
    it(name, () => {
      const results: (torch.Tensor[] | string)[] = [];
      for (const v of c.number === true ? [0, 2] : [false, true]) {
        const positional = run(c, v);
        results.push(positional);
        expectSame(positional, run(c, { [c.key]: v }));
      }
      // the flag matters on these inputs, so an object taken for `true` (or `false`) cannot pass
      if (c.sameEitherWay !== true) expect(isSame(results[0]!, results[1]!)).toBe(false);
      // an empty options object is the default
      expectSame(run(c, undefined), run(c, {}));
      const bads: unknown[] = c.number === true ? ['2', torch.tensor(2), [2], { [c.key]: '2' }] : [1, 0, 'yes', torch.tensor(true), [true], { [c.key]: 1 }, { [c.key]: torch.tensor(false) }];
      if (c.nullable !== true) bads.push(null);
      for (const bad of bads) {
        expect(() => c.call(bad)).toThrow(torch.TorchTypeError);
        expect(() => c.call(bad)).toThrow(new RegExp(`argument '${c.pyName}' \\(position \\d\\) must be ${c.number === true ? 'float' : 'bool'}, not`));
      }
      expect(() => c.call({ [c.key]: true, notAnArgument: 1 })).toThrow(/got an unexpected keyword argument 'notAnArgument'/);
    });
  }
});

describe('the other keywords of those options objects', () => {
  it('sort / argsort: descending and stable together', () => {
    const y = torch.tensor([2, 1, 2, 1, 3]);
    expectSame(outcome(() => y.sort(0, true, { stable: true })), outcome(() => y.sort(0, { descending: true, stable: true })));
    expectSame(outcome(() => torch.argsort(y, 0, true, { stable: true })), outcome(() => torch.argsort(y, 0, { descending: true, stable: true })));
    expect(() => y.sort(0, { descending: true }, { descending: false })).toThrow(/got multiple values for argument 'descending'/);
    expect(() => y.sort(0, false, { stable: 1 as unknown as boolean })).toThrow(/argument 'stable' must be bool, not int/);
  });
  it('topk: largest and sorted together', () => {
    expectSame(outcome(() => x.topk(2, 1, false, false)), outcome(() => x.topk(2, 1, { largest: false, sorted: false })));
    expect(() => x.topk(2, 1, { largest: false }, true)).toThrow(torch.TorchTypeError);
  });
  it('vander: N as a keyword', () => {
    const v = x.select(0, 0);
    expectSame(outcome(() => torch.vander(v, 2, true)), outcome(() => torch.vander(v, { N: 2, increasing: true })));
  });
  it('multinomial: replacement with a generator', () => {
    const a = torch.multinomial(probs, 6, true, { generator: new torch.Generator().manualSeed(5) });
    const b = torch.multinomial(probs, 6, { replacement: true, generator: new torch.Generator().manualSeed(5) });
    expectSame([a], [b]);
  });
  it('svd: some and computeUv together', () => {
    expectSame(outcome(() => torch.svd(rect, false, false)), outcome(() => torch.svd(rect, { some: false, computeUv: false })));
  });
  it('ormqr: left and transpose together', () => {
    expectSame(outcome(() => torch.ormqr(qrf.a, qrf.tau, C, false, true)), outcome(() => torch.ormqr(qrf.a, qrf.tau, C, { left: false, transpose: true })));
  });
  it('windows: periodic with the coefficients and the creation options', () => {
    expectSame(outcome(() => torch.hammingWindow(5, false, 0.5, 0.5, { dtype: 'float64' })), outcome(() => torch.hammingWindow(5, { periodic: false, alpha: 0.5, beta: 0.5, dtype: 'float64' })));
    expectSame(outcome(() => torch.kaiserWindow(5, false, 8, { dtype: 'float64' })), outcome(() => torch.kaiserWindow(5, { periodic: false, beta: 8, dtype: 'float64' })));
    expectSame(outcome(() => torch.hannWindow(5, false, { dtype: 'float64' })), outcome(() => torch.hannWindow(5, { periodic: false, dtype: 'float64' })));
    expect(() => torch.hannWindow(5, { periodic: false, alpha: 0.5 } as torch.WindowOptions)).toThrow(/got an unexpected keyword argument 'alpha'/);
  });
  it('dropout: p as a keyword', () => {
    const y = torch.tensor([[1.5, -2, 3, 0.5], [4, -1, 2, 7]], { dtype: 'float64' });
    const seeded = (f: () => torch.Tensor): torch.Tensor[] | string => outcome(() => (torch.manualSeed(5), f()));
    expectSame(seeded(() => F.dropout(y, 0.25)), seeded(() => F.dropout(y, { p: 0.25 })));
    expectSame(seeded(() => F.dropout(y, 0.25, true, false, new torch.Generator().manualSeed(2))), seeded(() => F.dropout(y, { p: 0.25, generator: new torch.Generator().manualSeed(2) })));
    expect(() => F.dropout(y, { p: '0.2' as unknown as number })).toThrow(/argument 'p' \(position 2\) must be float, not str/);
  });
  it('pad: mode and value as keywords', () => {
    expectSame(outcome(() => F.pad(x, [1, 2], 'constant', 3)), outcome(() => F.pad(x, [1, 2], { value: 3 })));
    expectSame(outcome(() => F.pad(x.view(1, 2, 4), [1, 2], 'reflect')), outcome(() => F.pad(x.view(1, 2, 4), [1, 2], { mode: 'reflect' })));
  });
  it('lpPool: stride as a keyword', () => {
    expectSame(outcome(() => F.lpPool1d(signal, 2, 2, 1, true)), outcome(() => F.lpPool1d(signal, 2, 2, { stride: 1, ceilMode: true })));
  });
  it('clipGradNorm_: normType as a keyword', () => {
    const clip = (normType: number | torch.nn.utils.ClipGradNormOptions): torch.Tensor[] => {
      const p = torch.tensor([1, 2], { dtype: 'float64', requiresGrad: true });
      p.grad = torch.tensor([3, -4], { dtype: 'float64' });
      return [torch.nn.utils.clipGradNorm_([p], 1, normType), p.grad];
    };
    expectSame(clip(1), clip({ normType: 1 }));
  });
});

describe('numeric arguments as keywords', () => {
  const y = torch.tensor([[-1.5, 0.5, 2], [3, -0.25, 7]], { dtype: 'float64' });
  it('activations', () => {
    expectSame(outcome(() => F.leakyRelu(y, 0.2)), outcome(() => F.leakyRelu(y, { negativeSlope: 0.2 })));
    expectSame(outcome(() => F.leakyRelu(y.clone(), 0.2, true)), outcome(() => F.leakyRelu(y.clone(), { negativeSlope: 0.2, inplace: true })));
    expectSame(outcome(() => F.elu(y, 2)), outcome(() => F.elu(y, { alpha: 2 })));
    expectSame(outcome(() => F.celu(y, 2)), outcome(() => F.celu(y, { alpha: 2 })));
    expectSame(outcome(() => F.softplus(y, 2, 3)), outcome(() => F.softplus(y, { beta: 2, threshold: 3 })));
    expectSame(outcome(() => F.softplus(y, 1, 3)), outcome(() => F.softplus(y, 1, { threshold: 3 })));
    expectSame(outcome(() => F.hardtanh(y, 0, 2)), outcome(() => F.hardtanh(y, { minVal: 0, maxVal: 2 })));
    expectSame(outcome(() => F.hardtanh(y, -1, 0.5)), outcome(() => F.hardtanh(y, -1, { maxVal: 0.5 })));
    for (const bad of ['0.2', torch.tensor(0.2), null]) {
      expect(() => F.leakyRelu(y, bad as unknown as number)).toThrow(/argument 'negative_slope' \(position 2\) must be float, not/);
      expect(() => F.elu(y, { alpha: bad as unknown as number })).toThrow(/argument 'alpha' \(position 2\) must be float, not/);
    }
    expect(() => F.softplus(y, { beta: 2, alpha: 1 } as never)).toThrow(/got an unexpected keyword argument 'alpha'/);
  });
  it('bernoulli_: p (and the generator) as keywords', () => {
    const ones = torch.ones([6], { dtype: 'float64' });
    const seeded = (f: () => torch.Tensor): torch.Tensor[] | string => outcome(() => (torch.manualSeed(9), f()));
    expectSame(seeded(() => ones.clone().bernoulli_(0.3)), seeded(() => ones.clone().bernoulli_({ p: 0.3 })));
    expectSame(outcome(() => ones.clone().bernoulli_(0.3, { generator: new torch.Generator().manualSeed(2) })), outcome(() => ones.clone().bernoulli_({ p: 0.3, generator: new torch.Generator().manualSeed(2) })));
    expect(() => ones.clone().bernoulli_('0.3' as unknown as number)).toThrow(/argument 'p' \(position 2\) must be float, not str/);
  });
  it('pinverse: rcond', () => {
    expectSame(outcome(() => rect.pinverse(0.1)), outcome(() => rect.pinverse({ rcond: 0.1 })));
    expectSame(outcome(() => torch.pinverse(rect, 1e-15)), outcome(() => torch.pinverse(rect, {})));
    expect(() => torch.pinverse(rect, { rcond: 'x' as unknown as number })).toThrow(/argument 'rcond' \(position 2\) must be float, not str/);
  });
});

describe('backward: its keywords in the place of gradient', () => {
  it('retainGraph as { retainGraph } alone keeps the graph for a second pass', () => {
    const a = torch.tensor([1.5, -2], { dtype: 'float64', requiresGrad: true });
    const y = a.mul(a).sum();
    y.backward({ retainGraph: true });
    y.backward({ retainGraph: false });
    const b = torch.tensor([1.5, -2], { dtype: 'float64', requiresGrad: true });
    const z = b.mul(b).sum();
    z.backward(null, { retainGraph: true });
    z.backward();
    expectSame([b.grad!], [a.grad!]);
    expect(() => a.mul(2).sum().backward(null, { retainGraph: 1 as unknown as boolean })).toThrow(/argument 'retain_graph' must be bool, not int/);
    expect(() => a.mul(2).sum().backward({ createGraph: 'no' as unknown as boolean })).toThrow(/argument 'create_graph' must be bool, not str/);
  });
});

// Flags inside an options object: a number (or another non-boolean) is PyTorch's type error, not a truthy flag.
const OPTION_FLAGS: Record<string, [name: string, call: (bad: unknown) => unknown]> = {
  linalgCholesky: ['upper', (v) => torch.linalg.cholesky(spd, { upper: v as boolean })],
  choleskyEx: ['check_errors', (v) => torch.linalg.choleskyEx(spd, { checkErrors: v as boolean })],
  linalgSolve: ['left', (v) => torch.linalg.solve(spd, C, { left: v as boolean })],
  solveEx: ['check_errors', (v) => torch.linalg.solveEx(spd, C, { checkErrors: v as boolean })],
  invEx: ['check_errors', (v) => torch.linalg.invEx(spd, { checkErrors: v as boolean })],
  solveTriangular: ['upper', (v) => torch.linalg.solveTriangular(L, C, { upper: v as boolean })],
  solveTriangularLeft: ['left', (v) => torch.linalg.solveTriangular(L, C, { upper: false, left: v as boolean })],
  triangularSolve: ['upper', (v) => torch.triangularSolve(C, L, { upper: v as boolean })],
  triangularSolveTranspose: ['transpose', (v) => torch.triangularSolve(C, L, { transpose: v as boolean })],
  matrixRank: ['hermitian', (v) => torch.linalg.matrixRank(spd, { hermitian: v as boolean })],
  pinv: ['hermitian', (v) => torch.linalg.pinv(spd, { hermitian: v as boolean })],
  luFactor: ['pivot', (v) => torch.linalg.luFactor(spd, { pivot: v as boolean })],
  lu: ['pivot', (v) => torch.linalg.lu(spd, { pivot: v as boolean })],
  luSolve: ['adjoint', (v) => {
    const f = torch.linalg.luFactor(spd);
    return torch.linalg.luSolve(f.LU, f.pivots, C, { adjoint: v as boolean });
  }],
  luUnpack: ['unpack_data', (v) => {
    const f = torch.linalg.luFactor(spd);
    return torch.luUnpack(f.LU, f.pivots, { unpackData: v as boolean });
  }],
  ldlFactor: ['hermitian', (v) => torch.linalg.ldlFactor(spd, { hermitian: v as boolean })],
  torchLu: ['get_infos', (v) => torch.lu(spd, { getInfos: v as boolean })],
  stft: ['center', (v) => torch.stft(torch.arange(16, { dtype: 'float64' }), 4, { center: v as boolean, returnComplex: true })],
  interpolate: ['align_corners', (v) => F.interpolate(signal, { size: 7, mode: 'linear', alignCorners: v as boolean })],
  gridSample: ['align_corners', (v) => F.gridSample(image, F.affineGrid(theta, [1, 1, 2, 3], false), { alignCorners: v as boolean })],
  avgPool1d: ['ceil_mode', (v) => F.avgPool1d(signal, 2, { ceilMode: v as boolean })],
};

describe('flags in options objects must be booleans', () => {
  for (const [name, [pyName, call]] of Object.entries(OPTION_FLAGS)) {
    it(name, () => {
      // a boolean is taken (pivot: false is refused on the CPU, so either one may serve)
      expect([false, true].some((v) => typeof outcome(() => call(v)) !== 'string')).toBe(true);
      for (const bad of [1, 'yes', torch.tensor(true)]) {
        expect(() => call(bad)).toThrow(torch.TorchTypeError);
        expect(() => call(bad)).toThrow(new RegExp(`argument '${pyName}' must be bool, not`));
      }
    });
  }
});

describe('layer constructors: PyTorch keywords as the trailing options object', () => {
  const nn = torch.nn;
  const y = torch.tensor([[-1.5, 0.5, 2], [3, -0.25, 7]], { dtype: 'float64' });
  // [positional, keyword] constructions of the same layer
  const LAYERS: Record<string, [() => torch.nn.Module, () => torch.nn.Module]> = {
    ReLU: [() => new nn.ReLU(true), () => new nn.ReLU({ inplace: true })],
    ReLU6: [() => new nn.ReLU6(true), () => new nn.ReLU6({ inplace: true })],
    SiLU: [() => new nn.SiLU(true), () => new nn.SiLU({ inplace: true })],
    LeakyReLU: [() => new nn.LeakyReLU(0.2, true), () => new nn.LeakyReLU({ negativeSlope: 0.2, inplace: true })],
    LeakyReLUInplace: [() => new nn.LeakyReLU(0.01, true), () => new nn.LeakyReLU(0.01, { inplace: true })],
    ELU: [() => new nn.ELU(2, true), () => new nn.ELU({ alpha: 2, inplace: true })],
    CELU: [() => new nn.CELU(2, false), () => new nn.CELU({ alpha: 2 })],
    Softplus: [() => new nn.Softplus(2, 3), () => new nn.Softplus({ beta: 2, threshold: 3 })],
    Hardtanh: [() => new nn.Hardtanh(0, 2, true), () => new nn.Hardtanh({ minVal: 0, maxVal: 2, inplace: true })],
    Hardswish: [() => new nn.Hardswish(true), () => new nn.Hardswish({ inplace: true })],
    Threshold: [() => new nn.Threshold(1, 0, true), () => new nn.Threshold(1, 0, { inplace: true })],
    Softmax: [() => new nn.Softmax(0), () => new nn.Softmax({ dim: 0 })],
    GLU: [() => new nn.GLU(0), () => new nn.GLU({ dim: 0 })],
    Hardshrink: [() => new nn.Hardshrink(1), () => new nn.Hardshrink({ lambd: 1 })],
    Dropout: [() => new nn.Dropout(0.25, true), () => new nn.Dropout({ p: 0.25, inplace: true })],
  };
  for (const [name, [positional, keyword]] of Object.entries(LAYERS)) {
    it(name, () => {
      const apply = (m: torch.nn.Module): torch.Tensor[] | string =>
        outcome(() => {
          torch.manualSeed(4);
          const input = y.clone();
          const r = (m as unknown as { forward(t: torch.Tensor): torch.Tensor }).forward(input);
          return [r, input];
        });
      const a = positional();
      const b = keyword();
      expect(String(b)).toBe(String(a));
      expectSame(apply(a), apply(b));
    });
  }
  it('bad values stay type errors', () => {
    expect(() => new nn.ReLU({ inplace: 1 as unknown as boolean })).toThrow(/ReLU\(\): argument 'inplace' \(position 1\) must be bool, not int/);
    expect(() => new nn.LeakyReLU({ negativeSlope: '1' as unknown as number })).toThrow(torch.TorchTypeError);
    expect(() => new nn.Dropout(0.5, { p: 0.2 } as never)).toThrow(/got an unexpected keyword argument 'p'/);
    expect(() => new nn.ReLU({ inplace: true, slope: 1 } as never)).toThrow(/got an unexpected keyword argument 'slope'/);
  });
});
