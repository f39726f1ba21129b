// Every loss and functional op of tools/golden/nn_losses.py on WebGPU against real PyTorch:
// the loss and its input gradient for each reduction, weights and options on the device.
// PyTorch ran the cases in float64; the device runs them in float32 from the float32-rounded
// inputs. A case whose op is asked for a float64 result is skipped (WebGPU holds no float64).
import * as torch from 'antorcha';
import type { EncodedResult } from '@antorcha/core/testing';
import { describe, it } from 'vitest';
import { hasGpu } from './gpu.js';
import { EXACT, F32, type Tol, expectGolden, lib, nnCases, nnFixture, onGpu } from './nn-golden.js';

type Tensor = torch.Tensor;
type Module = torch.nn.Module;

// the fixture shapes of packages/nn/test/cases/losses.ts (see nn-golden.ts)
interface LossCase {
  name: string;
  input: EncodedResult;
  target: EncodedResult;
  opts: Record<string, unknown>;
  output: EncodedResult;
  out_grad?: EncodedResult;
  input_grad?: EncodedResult;
}
interface Loss3Case {
  name: string;
  inputs: EncodedResult[];
  opts: Record<string, unknown>;
  output: EncodedResult;
  out_grad: EncodedResult;
  input_grads: EncodedResult[];
}
interface FnCase {
  name: string;
  opts: Record<string, unknown>;
  output: EncodedResult;
}
interface Cases {
  makeLoss(c: LossCase): Module;
  makeLoss3(c: Loss3Case): Module;
  fnRun(c: FnCase): Tensor;
}

const { lossCases } = await nnCases<{ lossCases: (l: typeof lib, decode: (e: EncodedResult) => Tensor) => Cases }>('losses');
const { makeLoss, makeLoss3, fnRun } = lossCases(lib, onGpu);
const fx = nnFixture<{ losses: LossCase[]; losses3: Loss3Case[]; functional: FnCase[]; fixed: Record<string, Record<string, EncodedResult>> }>('nn_losses.json');

/** Wider than {@link F32} for these cases, each with its reason. */
const TOL: Record<string, Tol> = {};

const tolOf = (name: string): Tol => TOL[name] ?? F32;
const grad = (out: Tensor, xs: Tensor[], g: EncodedResult): (Tensor | null)[] => torch.autograd.grad([out], xs, { gradOutputs: [onGpu(g)] });

describe.skipIf(!hasGpu)('losses vs PyTorch on WebGPU', () => {
  for (const c of fx.losses) {
    it(c.name, async () => {
      const x = onGpu(c.input).requiresGrad_(true);
      const out = makeLoss(c).call(x, onGpu(c.target)) as Tensor;
      await expectGolden(out, c.output, 'loss', tolOf(c.name));
      if (c.input_grad) await expectGolden(grad(out, [x], c.out_grad!)[0]!, c.input_grad, 'input grad', tolOf(c.name));
    });
  }
});

describe.skipIf(!hasGpu)('three-input losses vs PyTorch on WebGPU', () => {
  for (const c of fx.losses3) {
    it(c.name, async () => {
      const xs = c.inputs.map(onGpu);
      const wrt = c.name.startsWith('triplet') || c.name.startsWith('gaussian') ? xs : xs.slice(0, 2);
      for (const x of wrt) x.requiresGrad_(true);
      const out = makeLoss3(c).call(xs[0], xs[1], xs[2]) as Tensor;
      await expectGolden(out, c.output, 'loss', tolOf(c.name));
      const gs = grad(out, wrt, c.out_grad);
      for (const [i, g] of gs.entries()) await expectGolden(g!, c.input_grads[i]!, `input grad ${i}`, tolOf(c.name));
    });
  }
});

describe.skipIf(!hasGpu)('functional vs PyTorch on WebGPU', () => {
  for (const c of fx.functional) {
    it.skipIf(c.opts.dtype === 'float64')(c.name, async () => {
      await expectGolden(fnRun(c), c.output, c.name, tolOf(c.name));
    });
  }
  it('utils.rnn.padSequence', async () => {
    const f = fx.fixed.pad_sequence!;
    const seqs = [f.in0!, f.in1!, f.in2!].map(onGpu);
    await expectGolden(torch.nn.utils.rnn.padSequence(seqs), f.output!, 'pad_sequence', EXACT);
    await expectGolden(torch.nn.utils.rnn.padSequence(seqs, { batchFirst: true, paddingValue: -1.5 }), f.output_bf!, 'pad_sequence batch_first', EXACT);
  });
  it('oneHot', async () => {
    const f = fx.fixed.one_hot!;
    // the class count is read from the data: the asynchronous form
    await expectGolden(await torch.nn.functional.oneHotAsync(onGpu(f.input!)), f.output!, 'one_hot');
    await expectGolden(torch.nn.functional.oneHot(onGpu(f.input!), 5), f.output5!, 'one_hot(5)');
  });
});
