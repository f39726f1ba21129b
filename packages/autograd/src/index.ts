/**
 * `@antorcha/autograd`: reverse-mode automatic differentiation with PyTorch's
 * semantics, node names and errors. Ops of `@antorcha/core` report themselves
 * through core's autograd seam; {@link installAutograd} plugs this package in
 * (the `antorcha` facade does it on import).
 * @packageDocumentation
 */
export { installAutograd, uninstallAutograd } from './install.js';
export { backward, grad, type BackwardOptions, type GradOptions } from './backward.js';
export { noGrad, enableGrad, isGradEnabled, setGradEnabled } from './grad-mode.js';
export { setDetectAnomaly, detectAnomaly, isAnomalyEnabled, isAnomalyCheckNanEnabled } from './anomaly.js';
export { Node, AccumulateGrad } from './node.js';
export { Function, FunctionCtx, type FunctionClass, type GradResult } from './function.js';
export { fusedNode } from './fused.js';
export { gradcheck, gradgradcheck, type GradcheckOptions } from './gradcheck.js';
export { sumTo } from './unbroadcast.js';
export { nodeName } from './derivatives/index.js';
