/**
 * `torch.utils`: `data` (datasets, samplers, `DataLoader`) and, for convenience,
 * the gradient clipping of `torch.nn.utils`.
 * @packageDocumentation
 */
import * as data from './data/index.js';

export { data };
export { type ClipGradNormOptions, clipGradNorm_, clipGradValue_ } from './utils/clip-grad.js';
