// A test device that behaves like WebGPU towards core (it reads back only
// asynchronously) while computing with the CPU kernels, so the asynchronous surface and
// the CPU-scalar operand rules are tested on every machine, with or without a GPU.
import { type Backend, registerBackend } from '../src/index.js';
import { cpuBackend } from '@antorcha/backend-cpu';

// The test backend's device type, declared to the type checker as a backend package declares its own.
declare module '@antorcha/core' {
  interface DeviceTypes {
    lazycpu: true;
  }
}

/** The device type of {@link asyncCpuBackend}. */
export const ASYNC_DEVICE = 'lazycpu';

/**
 * The CPU backend seen as an asynchronous device named {@link ASYNC_DEVICE}: no
 * `readSync`, `syncRead` false; the kernels are the CPU's (called on the CPU backend).
 */
export const asyncCpuBackend: Backend = new Proxy(cpuBackend as Backend, {
  get(target, key) {
    if (key === 'name') return ASYNC_DEVICE;
    if (key === 'syncRead') return false;
    if (key === 'readSync' || key === 'wrapHost' || key === 'hostView') return undefined;
    const v = Reflect.get(target, key, target) as unknown;
    return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
  },
});

registerBackend(asyncCpuBackend);
