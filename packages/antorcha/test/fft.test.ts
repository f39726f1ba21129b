// torch.fft's transforms on the CPU against PyTorch 1.13 (fixtures written by tools/golden/fft.py):
// values of all 18 transforms over lengths 1 … 1024 (primes 7, 97, 1009; mixed 60, 360; powers of
// two), norm modes, n/s/dim padding and trimming, layouts and errors (fft-transforms.json: each
// result's bound is PyTorch's own error against a float64 evaluation plus one float32 rounding);
// round trips and arguments. Gradients: fft-grad.test.ts.
// torch.stft/istft cases live in the same fixture. Window functions, fftfreq and the shifts run
// in the op conformance suites (ops-fft.json).
import { beforeEach, describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';
import { type FftCase, fftFixture, fftHelpers, maxAbsError } from './fft-fixture.js';

type T = torch.Tensor;
const { decode, call } = fftHelpers(torch);

/** The values of a result as the fixture encodes them. */
function flat(t: T): number[] {
  // resolved first, as the golden script does: ihfft (and ifft of a real input) return conjugate views, as PyTorch
  const r = t.dtype.isComplex ? torch.viewAsReal(t.resolveConj()) : t;
  return Array.from(r.contiguous().dataSync() as Float32Array | Float64Array, Number);
}

beforeEach(() => torch.manualSeed(3));

describe('torch.fft transforms against PyTorch', () => {
  const cases = fftFixture<FftCase[]>('fft-transforms.json');
  it('the fixture covers every transform', () => {
    const fns = new Set(cases.map((c) => c.fn));
    for (const n of ['fft', 'ifft', 'rfft', 'irfft', 'hfft', 'ihfft', 'fft2', 'ifft2', 'rfft2', 'irfft2', 'hfft2', 'ihfft2',
      'fftn', 'ifftn', 'rfftn', 'irfftn', 'hfftn', 'ihfftn']) expect(fns.has(n), n).toBe(true);
  });
  for (const c of cases) {
    it(c.name, () => {
      const x = decode(c.input);
      if ('error' in c.expected) {
        const { error, type } = c.expected;
        expect(() => call(c, x)).toThrow(error);
        try {
          call(c, x);
        } catch (e) {
          expect((e as torch.TorchError).pythonName).toBe(type);
        }
        return;
      }
      const exp = c.expected;
      const y = call(c, x);
      expect(y.dtype.name).toBe(exp.dtype);
      expect(y.shape).toEqual(exp.shape);
      const worst = maxAbsError(flat(y), exp.values);
      expect(worst, `max |Antorcha − PyTorch| vs the bound ${exp.bound}`).toBeLessThanOrEqual(exp.bound!);
    });
  }
});

describe('torch.fft round trips and arguments', () => {
  it('ifft(fft(x)) and irfft(rfft(x), n) give x back for every length kind', () => {
    for (const n of [1, 2, 3, 7, 16, 60, 97, 360, 1009, 4096]) {
      const x = torch.randn([n], { dtype: 'float64' });
      const c = torch.complex(x, torch.randn([n], { dtype: 'float64' }));
      expect(torch.fft.ifft(torch.fft.fft(c)).sub(c).abs().max().item()).toBeLessThan(1e-13 * Math.log2(n + 1) * 8);
      expect(torch.fft.irfft(torch.fft.rfft(x), { n }).sub(x).abs().max().item()).toBeLessThan(1e-13 * Math.log2(n + 1) * 8);
    }
  });

  it('options object and positional arguments agree', () => {
    const x = torch.randn([3, 10]);
    expect(flat(torch.fft.fft(x, 12, 0, 'ortho'))).toEqual(flat(torch.fft.fft(x, { n: 12, dim: 0, norm: 'ortho' })));
    expect(flat(torch.fft.fftn(x, [4, 6], [1, 0]))).toEqual(flat(torch.fft.fftn(x, { s: [4, 6], dim: [1, 0] })));
  });

  it('the input is left untouched (c2r over several dims works on a copy)', () => {
    const x = torch.complex(torch.randn([4, 5], { dtype: 'float64' }), torch.randn([4, 5], { dtype: 'float64' }));
    const before = flat(x);
    torch.fft.irfftn(x);
    torch.fft.hfftn(x);
    expect(flat(x)).toEqual(before);
  });

  it('a 2^20-point transform of float32 data agrees with the float64 one to float32 rounding', () => {
    const n = 1 << 20;
    const re = torch.randn([n], { dtype: 'float64' }), im = torch.randn([n], { dtype: 'float64' });
    const y32 = torch.fft.fft(torch.complex(re.float(), im.float()));
    const y64 = torch.fft.fft(torch.complex(re.float().double(), im.float().double()));
    const err = Number(torch.viewAsReal(y32).double().sub(torch.viewAsReal(y64)).abs().max().item());
    const m = Number(torch.viewAsReal(y64).abs().max().item());
    expect(err).toBeLessThanOrEqual(m * 2 ** -24);
  }, 60_000);
});
