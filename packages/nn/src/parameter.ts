/**
 * `nn.Parameter`: a tensor that a module registers as a learnable parameter.
 */
import { Tensor, empty, expectBool, expectTensor } from '@antorcha/core';

/**
 * A {@link Tensor} that modules register as a parameter when assigned to one of
 * their properties. It shares `data`'s storage, is a leaf, requires grad unless
 * told otherwise, and prints as `Parameter containing:` followed by the tensor.
 * @example
 * ```ts pytorch=nn.Parameter
 * torch.manualSeed(0);
 * const w = new torch.nn.Parameter(torch.randn(2, 2)); // a leaf that requires grad
 * console.log(w);
 * ```
 * ```text
 * Parameter containing:
 * tensor([[ 1.5410, -0.2934],
 *         [-2.1788,  0.5684]], requires_grad=True)
 * ```
 */
export class Parameter extends Tensor {
  /**
   * @param data the values (shared, not copied); an empty tensor when omitted
   * @param requiresGrad whether autograd tracks it (default true)
   */
  constructor(data?: Tensor | null, requiresGrad = true) {
    if (data !== undefined && data !== null) expectTensor('Parameter', 'data', 1, data);
    expectBool('Parameter', 'requires_grad', 2, requiresGrad);
    const d = data ?? empty(0);
    super(d._storage, [...d._shape], [...d._strides], d._offset, d.dtype);
    this._isParameter = true;
    if (requiresGrad) this.requiresGrad_(true);
  }
}

/** Replaces the data behind `t` in place with `src`'s (keeps `t`'s identity): used by `Module.to`. */
export function swapTensorData(t: Tensor, src: Tensor): void {
  if (t !== src) t.setData_(src);
}
