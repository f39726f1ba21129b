/** `torch.backends`: the backends' capabilities and switches. */
export * as cpu from './cpu.js';
