/**
 * `@antorcha/nn`: PyTorch's `torch.nn`, `torch.nn.functional`, `torch.nn.init`,
 * `torch.optim` (with `lr_scheduler`), `torch.utils.data`, and `torch.save` /
 * `torch.load` (PyTorch's checkpoint format) plus safetensors.
 * Built on `@antorcha/core` tensors and `@antorcha/autograd`.
 * @example
 * ```ts pytorch=nn.index
 * import * as torch from 'antorcha';
 * const { nn, optim } = torch;
 * torch.manualSeed(0);
 * const model = new nn.Sequential(new nn.Linear(4, 8), new nn.ReLU(), new nn.Linear(8, 3));
 * const opt = new optim.Adam(model.parameters(), { lr: 0.01 });
 * const x = torch.randn(16, 4);
 * const y = torch.randint(0, 3, [16]);
 * for (let step = 0; step < 3; step++) {
 *   const loss = nn.functional.crossEntropy(model.call(x), y);
 *   opt.zeroGrad(); loss.backward(); opt.step();
 *   console.log(loss);
 * }
 * ```
 * ```text
 * tensor(1.0730, grad_fn=<NllLossBackward0>)
 * tensor(1.0549, grad_fn=<NllLossBackward0>)
 * tensor(1.0378, grad_fn=<NllLossBackward0>)
 * ```
 * @packageDocumentation
 */
export * as nn from './nn.js';
export * as optim from './optim/index.js';
export * as utils from './utils-namespace.js';
export { save, saveAsync, load, safetensors, SerializationError, type LoadOptions, type Loaded, type LoadedDict, type LoadedKey } from './serialization/index.js';
export * as serialization from './serialization/index.js';
