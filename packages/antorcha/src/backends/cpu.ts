/**
 * `torch.backends.cpu`: what the CPU backend computes with, and its memory.
 */
import { cpuKernels, emptyHeapCache, heapStats, resetHeapPeak, setCpuKernels, setHeapLimit, wasmInfo } from '@antorcha/backend-cpu';
import type { CpuKernels, HeapStats } from '@antorcha/backend-cpu';

export { setCpuKernels as setKernels, cpuKernels as kernels, setHeapLimit, heapStats, resetHeapPeak };
export type { CpuKernels, HeapStats };

/**
 * The instruction set the CPU kernels use, as PyTorch's `torch.backends.cpu.get_cpu_capability()`
 * names its own (`'AVX2'`, …): `'WASM_RELAXED_SIMD'` (WebAssembly SIMD with fused multiply-add),
 * `'WASM_SIMD128'`, or `'DEFAULT'` (the JavaScript kernels: no WebAssembly SIMD, or
 * `setKernels('js')`).
 * @example
 * ```ts
 * torch.backends.cpu.getCpuCapability(); // 'WASM_SIMD128' in Node 20
 * ```
 */
export function getCpuCapability(): 'WASM_RELAXED_SIMD' | 'WASM_SIMD128' | 'DEFAULT' {
  const info = wasmInfo();
  if (info.mode === 'js' || !info.loaded) return 'DEFAULT';
  return info.relaxedSimd ? 'WASM_RELAXED_SIMD' : 'WASM_SIMD128';
}

/** Whether CPU tensors live in shared WebAssembly memory, which the worker threads need (browsers: cross-origin isolation). */
export function sharedMemory(): boolean {
  return wasmInfo().sharedMemory;
}

/**
 * Returns the CPU heap's cached free blocks that sit at its top to it, as
 * `torch.cuda.empty_cache()` returns cached blocks (WebAssembly memory itself never shrinks).
 */
export function emptyCache(): void {
  emptyHeapCache();
}
