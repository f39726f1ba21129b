/**
 * `torch.nn.utils`: gradient clipping, parameter/vector conversion and `rnn` (`PackedSequence`,
 * `packPaddedSequence`, `padPackedSequence`, `packSequence`, `padSequence`, …).
 * @packageDocumentation
 */
import { type Tensor, TorchRuntimeError, cat } from '@antorcha/core';
import { noGrad } from '@antorcha/autograd';

export { type ClipGradNormOptions, clipGradNorm_, clipGradValue_ } from './utils/clip-grad.js';
/** `torch.nn.utils.rnn`. */
export * as rnn from './utils/rnn.js';

/**
 * All parameters flattened into one 1-D tensor (`parameters_to_vector`).
 * @example
 * ```ts pytorch=nn.utils.parametersToVector
 * const fc = new torch.nn.Linear(2, 1);
 * const vec = torch.nn.utils.parametersToVector(fc.parameters());
 * console.log(vec.shape);
 * torch.nn.utils.vectorToParameters(torch.tensor([1, 2, 3], { dtype: 'float32' }), fc.parameters());
 * console.log(fc.weight, fc.bias);
 * ```
 * ```text
 * torch.Size([3])
 * Parameter containing:
 * tensor([[1., 2.]], requires_grad=True) Parameter containing:
 * tensor([3.], requires_grad=True)
 * ```
 */
export function parametersToVector(parameters: Iterable<Tensor>): Tensor {
  return cat([...parameters].map((p) => p.reshape(-1)));
}

/** Copies consecutive slices of `vec` into the parameters (`vector_to_parameters`). */
export function vectorToParameters(vec: Tensor, parameters: Iterable<Tensor>): void {
  if (vec.ndim !== 1) throw new TorchRuntimeError('vector_to_parameters', `expected a 1-D vector, got ${vec.ndim}-D`);
  let offset = 0;
  noGrad(() => {
    for (const p of parameters) {
      const n = p.numel();
      p.copy_(vec.narrow(0, offset, n).view(p._shape));
      offset += n;
    }
  });
}
