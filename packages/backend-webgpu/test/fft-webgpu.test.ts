// torch.fft on WebGPU against PyTorch 1.13: the cases of fft-transforms.json (the same decoding
// and calls as packages/antorcha/test/fft.test.ts, through the shared fft-fixture.ts) with the
// inputs on the device, results read back asynchronously. float64/complex128 inputs are not
// stored on WebGPU; those cases are counted, not run (a float64 tensor cannot be made there).
//
// Error bound of a result: the fixture's bound (PyTorch's own float32 error against a float64
// evaluation, plus one rounding) plus the f32 error of the device's FFT, η·log2(N)·max|expected|.
// Higham (Accuracy and Stability of Numerical Algorithms, 2nd ed., Thm 24.2) bounds a radix-2 FFT
// of N points normwise: ‖ŷ − y‖₂ ≤ log2(N)·η·‖y‖₂ / (1 − log2(N)·η), η = μ + γ₄(√2 + μ) ≈ (1 + 4√2)·u
// with twiddles accurate to μ ≈ u (host-computed in float64, rounded once), u = 2⁻²⁴; radices 4
// and 8 round no more often per factor of 2. Applying it to the largest output instead of the
// 2-norm is not rigorous componentwise; it holds because rounding errors spread evenly over
// the outputs (the measured errors stay within 1.5× of PyTorch's own). Bluestein's lengths (a
// prime factor above 31) run three power-of-two FFTs of m < 4N points plus two chirp products:
// log2(N) becomes 3·log2(4N). N is bounded by the larger of the input's and the result's numel.
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { fusedMode } from '../src/fft/fft.js';
import { radices } from '../src/fft/plan.js';
import { hasGpu } from './gpu.js';

type T = torch.Tensor;
interface Enc { dtype: string; shape: number[]; values: (number | string)[]; layout?: string; bound?: number }
interface FftCase { name: string; fn: string; input: Enc; args: unknown[]; kwargs: Record<string, unknown>; expected: Enc | { error: string; type: string } }
/** What packages/antorcha/test/fft-fixture.ts exports (loaded by URL: it lies outside this package's TypeScript root). */
interface FixtureModule {
  fftFixture<X>(name: string): X;
  fftHelpers(lib: typeof torch): {
    decode(e: Enc, place?: (t: T) => T): T;
    call(c: { fn: string; args?: unknown[]; kwargs: Record<string, unknown> }, x: T, place?: (t: T) => T): T;
  };
  maxAbsError(got: ArrayLike<number>, want: readonly (number | string)[]): number;
}

const fx = (await import(new URL('../../antorcha/test/fft-fixture.ts', import.meta.url).href)) as FixtureModule;
const { decode, call } = fx.fftHelpers(torch);
const toDevice = (t: T): T => t.to('webgpu');
const U = 2 ** -24;
const ETA = (1 + 4 * Math.SQRT2) * U;
const numel = (s: readonly number[]): number => s.reduce((a, b) => a * b, 1);

/** The device's share of a result's bound (see the header). */
function deviceError(c: FftCase, exp: Enc): number {
  const N = Math.max(2, numel(c.input.shape), numel(exp.shape));
  const bluestein = [...c.input.shape, ...exp.shape].some((d) => d > 1 && radices(d) === null);
  const stages = bluestein ? 3 * Math.log2(4 * N) : Math.log2(N);
  const scale = Math.max(0, ...exp.values.map((v) => Math.abs(typeof v === 'number' ? v : Number(v))).filter(Number.isFinite));
  return ETA * stages * scale;
}

describe.skipIf(!hasGpu)('torch.fft on WebGPU against PyTorch', () => {
  const cases = fx.fftFixture<FftCase[]>('fft-transforms.json');
  const onDevice = cases.filter((c) => c.input.dtype !== 'float64' && c.input.dtype !== 'complex128');
  const measured: string[] = [];

  it('the fixture has device cases for every transform and stft/istft', () => {
    const fns = new Set(onDevice.map((c) => c.fn));
    for (const n of ['fft', 'ifft', 'rfft', 'irfft', 'hfft', 'ihfft', 'fft2', 'ifft2', 'rfft2', 'irfft2', 'hfft2', 'ihfft2',
      'fftn', 'ifftn', 'rfftn', 'irfftn', 'hfftn', 'ihfftn', 'stft', 'istft']) expect(fns.has(n), n).toBe(true);
    expect(cases.length - onDevice.length).toBe(45); // float64/complex128 cases: CPU only
  });

  for (const c of onDevice) {
    it(c.name, async () => {
      const x = decode(c.input, toDevice);
      expect(x.device.type).toBe('webgpu');
      if ('error' in c.expected) {
        const { error, type } = c.expected;
        let thrown: unknown = null;
        try {
          await call(c, x, toDevice).data();
        } catch (e) {
          thrown = e;
        }
        expect(thrown, `${c.name} raises`).toBeInstanceOf(Error);
        expect((thrown as Error).message).toContain(error);
        expect((thrown as torch.TorchError).pythonName).toBe(type);
        return;
      }
      const exp = c.expected;
      const y = call(c, x, toDevice);
      expect(y.device.type).toBe('webgpu');
      expect(y.dtype.name).toBe(exp.dtype);
      expect([...y.shape]).toEqual(exp.shape);
      const got = Array.from(await y.contiguous().data(), Number);
      const worst = fx.maxAbsError(got, exp.values);
      const bound = exp.bound! + deviceError(c, exp);
      measured.push(`${c.name}: ${worst.toExponential(2)} (PyTorch ${exp.bound!.toExponential(2)})`);
      expect(worst, `max |device − PyTorch| vs PyTorch's bound ${exp.bound} + the f32 FFT's`).toBeLessThanOrEqual(bound);
    });
  }

  it('every value case again with the workgroup-memory kernels forced (what GPU adapters run; SwiftShader runs the passes)', async () => {
    fusedMode.on = true;
    try {
      for (const c of onDevice) {
        if ('error' in c.expected) continue;
        const exp = c.expected;
        const y = call(c, decode(c.input, toDevice), toDevice);
        const worst = fx.maxAbsError(Array.from(await y.contiguous().data(), Number), exp.values);
        expect(worst, c.name).toBeLessThanOrEqual(exp.bound! + deviceError(c, exp));
      }
    } finally {
      fusedMode.on = null;
    }
  }, 300_000);

  it('a 2^20-point transform (radix-8 passes) and a 2^19·3 one agree with the float64 transform of the same float32 data on the CPU', async () => {
    for (const n of [2 ** 20, 3 * 2 ** 19]) {
      torch.manualSeed(1);
      const x = torch.complex(torch.randn([n]), torch.randn([n]));
      const y = torch.fft.fft(x.to('webgpu'));
      const ref = torch.viewAsReal(torch.fft.fft(x.to('complex128')));
      const got = torch.tensor(Array.from(await y.data(), Number), { dtype: 'float64' });
      const err = Number(got.sub(ref.reshape([-1])).abs().max().item());
      const m = Number(ref.abs().max().item());
      measured.push(`fft n=${n} vs float64: ${(err / m).toExponential(2)} of max |X|`);
      expect(err).toBeLessThanOrEqual(ETA * Math.log2(n) * m);
    }
  }, 300_000);

  it('reports the measured errors', () => {
    console.log(`[fft-webgpu] max |WebGPU − PyTorch| per case (PyTorch's own bound):\n  ${measured.join('\n  ')}`);
  });
});
