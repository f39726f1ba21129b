/**
 * Antorcha — PyTorch for TypeScript.
 *
 * ```ts
 * import * as torch from 'antorcha';
 * torch.manualSeed(7);
 * const x = torch.randn(1, 5);
 * console.log(x.sigmoid().sum());
 * ```
 *
 * Importing this module registers the CPU backend and installs autograd.
 * @packageDocumentation
 */
import { registerBackend } from '@antorcha/core';
import { cpuBackend } from '@antorcha/backend-cpu';
import { installAutograd } from '@antorcha/autograd';

registerBackend(cpuBackend);
installAutograd();

export * from '@antorcha/core';
/** `torch.backends`: `backends.cpu.getCpuCapability()`, the CPU kernels' switch and heap statistics. */
export * as backends from './backends/index.js';
/** `torch.autograd`: `grad`, `backward`, `Function`, `gradcheck`, `gradgradcheck`, graph nodes. */
export * as autograd from '@antorcha/autograd';
export { noGrad, enableGrad, isGradEnabled, setGradEnabled } from '@antorcha/autograd';
export { isAnomalyEnabled, isAnomalyCheckNanEnabled } from '@antorcha/autograd';
/** `torch.nn` (with `functional`/`F`, `init`, `utils`), `torch.optim` (with `lrScheduler`), `torch.utils.data`, `torch.save`/`torch.saveAsync`/`torch.load`, safetensors. */
export { nn, optim, utils, save, saveAsync, load, safetensors, SerializationError, type LoadOptions, type Loaded, type LoadedDict, type LoadedKey } from '@antorcha/nn';
