/**
 * `torch.optim`: optimizers (`SGD`, `Adam`, `AdamW`, `RMSprop`, `Adagrad`) and
 * learning-rate schedulers (`optim.lrScheduler`).
 * @packageDocumentation
 */
export { Optimizer, type ParamGroup, type ParamsInput, type ParamState, type OptimizerStateDict } from './optimizer.js';
export { SGD, type SGDOptions } from './sgd.js';
export { Adam, AdamW, type AdamOptions } from './adam.js';
export { RMSprop, type RMSpropOptions } from './rmsprop.js';
export { Adagrad, type AdagradOptions } from './adagrad.js';
export * as lrScheduler from './lr-scheduler.js';
