// Spellings PyTorch offers for ops that exist under another form here: torch.detach/detach_,
// torch.view_as_real_copy/view_as_complex_copy, Tensor.cfloat/cdouble, Tensor.stft/istft and
// the in-place functional activations F.relu_/leaky_relu_/elu_/selu_/celu_. Each is checked
// against the form it spells (values, dtype, storage sharing, identity of in-place results);
// the forms themselves are golden-tested elsewhere.
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

const { functional: F } = torch.nn;

describe('aliases of existing ops', () => {
  it('torch.detach shares storage outside the graph; torch.detach_ detaches in place', () => {
    const x = torch.randn([3], { requiresGrad: true });
    const y = x.mul(2);
    const d = torch.detach(y);
    expect(d.requiresGrad).toBe(false);
    d.fill_(1.5);
    expect(y.tolist()).toEqual([1.5, 1.5, 1.5]);
    const z = x.mul(3);
    expect(torch.detach_(z)).toBe(z);
    expect(z.requiresGrad).toBe(false);
    expect(z.gradFn).toBeNull();
  });

  it('view_as_real_copy / view_as_complex_copy equal the views but own their storage', () => {
    const c = torch.complex(torch.tensor([1.5, -2]), torch.tensor([0.5, 3]));
    const r = torch.viewAsRealCopy(c);
    expect(r.tolist()).toEqual(torch.viewAsReal(c).tolist());
    r.fill_(0);
    expect(torch.viewAsReal(c).tolist()).toEqual([[1.5, 0.5], [-2, 3]]);
    const pairs = torch.tensor([[1.5, 0.5], [-2, 3]]);
    const back = torch.viewAsComplexCopy(pairs);
    expect(back.dtype).toBe(torch.complex64);
    expect(torch.viewAsReal(back).tolist()).toEqual(pairs.tolist());
    back.fill_(0);
    expect(pairs.tolist()).toEqual([[1.5, 0.5], [-2, 3]]);
  });

  it('cfloat / cdouble cast to complex64 / complex128 with zero imaginary parts', () => {
    const x = torch.tensor([1.25, -3]);
    expect(x.cfloat().dtype).toBe(torch.complex64);
    expect(x.cdouble().dtype).toBe(torch.complex128);
    expect(torch.viewAsReal(x.cdouble()).tolist()).toEqual([[1.25, 0], [-3, 0]]);
  });

  it('Tensor.stft / istft are torch.stft / istft', () => {
    torch.manualSeed(7);
    const signal = torch.randn([64]);
    const window = torch.hannWindow(16);
    const spec = signal.stft(16, { hopLength: 4, window, returnComplex: true });
    expect(torch.viewAsReal(spec).tolist()).toEqual(torch.viewAsReal(torch.stft(signal, 16, { hopLength: 4, window, returnComplex: true })).tolist());
    expect(spec.istft(16, { hopLength: 4, window, length: 64 }).tolist()).toEqual(torch.istft(spec, 16, { hopLength: 4, window, length: 64 }).tolist());
  });

  it('F.relu_, leaky_relu_, elu_, selu_, celu_ write into their input and return it', () => {
    const cases: [(x: torch.Tensor) => torch.Tensor, (x: torch.Tensor) => torch.Tensor][] = [
      [(x) => F.relu_(x), (x) => F.relu(x)],
      [(x) => F.leakyRelu_(x, 0.2), (x) => F.leakyRelu(x, 0.2)],
      [(x) => F.elu_(x, 0.7), (x) => F.elu(x, 0.7)],
      [(x) => F.selu_(x), (x) => F.selu(x)],
      [(x) => F.celu_(x, 1.3), (x) => F.celu(x, 1.3)],
    ];
    for (const [inplace, outOfPlace] of cases) {
      torch.manualSeed(7);
      const x = torch.randn([6]);
      const want = outOfPlace(x).tolist();
      expect(inplace(x)).toBe(x);
      expect(x.tolist()).toEqual(want);
    }
  });
});
