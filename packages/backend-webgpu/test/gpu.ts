// Shared by the WebGPU test files: one backend per worker, or null (with a visible
// message) when this machine has no WebGPU adapter, in which case suites skip.
import { registerBackend } from '@antorcha/core';
import { cpuBackend } from '@antorcha/backend-cpu';
import { type WebGPUBackend, initWebGPU } from '../src/index.js';

registerBackend(cpuBackend);

/** The registered WebGPU backend, or null without an adapter. */
export const backend: WebGPUBackend | null = await initWebGPU().catch((e: unknown) => {
  console.warn(`[backend-webgpu] no WebGPU adapter, the WebGPU suite is skipped: ${(e as Error).message}`);
  return null;
});

/** Whether the WebGPU suite can run here. */
export const hasGpu = backend !== null;
