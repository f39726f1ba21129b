/**
 * `@antorcha/nn`: PyTorch's `torch.nn`, `torch.nn.functional`, `torch.nn.init`,
 * `torch.optim` (with `lr_scheduler`), `torch.utils.data`, and `torch.save` /
 * `torch.load` (PyTorch's checkpoint format) plus safetensors.
 * Built on `@antorcha/core` tensors and `@antorcha/autograd`.
 * @example
 * ```ts
 * import * as torch from 'antorcha';
 * const { nn, optim } = torch;
 * torch.manualSeed(0);
 * const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
 * const opt = new optim.Adam(model.parameters(), { lr: 1e-3 });
 * const loss = nn.functional.crossEntropy(model.call(x), y);
 * opt.zeroGrad(); loss.backward(); opt.step();
 * ```
 * @packageDocumentation
 */
export * as nn from './nn.js';
export * as optim from './optim/index.js';
export * as utils from './utils-namespace.js';
export { save, saveAsync, load, safetensors, SerializationError, type LoadOptions, type Loaded, type LoadedDict, type LoadedKey } from './serialization/index.js';
export * as serialization from './serialization/index.js';
