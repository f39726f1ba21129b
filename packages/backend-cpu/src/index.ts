/**
 * `@antorcha/backend-cpu`: Antorcha's CPU backend. Tensors live in WebAssembly
 * memory (the CPU heap) where WebAssembly SIMD kernels reach them without copying;
 * the TypeScript kernels over strided typed arrays are the reference and the
 * fallback (other dtypes and layouts, small or wrapped arrays, engines without SIMD),
 * all computing with PyTorch's semantics in the compute dtype core passes.
 * ```ts
 * import { registerBackend } from '@antorcha/core';
 * import { cpuBackend } from '@antorcha/backend-cpu';
 * registerBackend(cpuBackend);
 * ```
 * @packageDocumentation
 */
import type { Backend, BackendBuffer, DTypeName, HostArray } from '@antorcha/core';
import { binary, where } from './binary.js';
import { ternary } from './ternary.js';
import { copy, fill } from './copy.js';
import { gather, indexSelect, scatter } from './indexing.js';
import { matmul } from './matmul.js';
import { linalg } from './linalg/index.js';
import { fft } from './fft/kernel.js';
import { CPU, CpuBuffer, allocBuffer } from './memory.js';
import { reduce } from './reduce.js';
import { scan } from './scan.js';
import { sort } from './sort.js';
import { unary } from './unary.js';
import { withHalf } from './half/index.js';

import { withComplex } from './complex/index.js';
export { CpuBuffer } from './memory.js';
export { setCpuKernels, cpuKernels, wasmInfo, wasmReady } from './wasm/runtime.js';
export type { CpuKernels } from './wasm/runtime.js';
export { heapStats, setHeapLimit, emptyHeapCache, resetHeapPeak } from './wasm/heap.js';
export type { HeapStats } from './wasm/heap.js';
export { KernelIndexError } from './indexing.js';

const DTYPES: ReadonlySet<DTypeName> = new Set<DTypeName>(['float32', 'float64', 'int32', 'int64', 'uint8', 'bool', 'float16', 'bfloat16', 'complex64', 'complex128']);

function asCpu(buffer: BackendBuffer): CpuBuffer {
  if (!(buffer instanceof CpuBuffer)) throw new Error(`antorcha cpu backend: got a buffer of backend '${buffer.backend}'`);
  if (buffer.freed) throw new Error('antorcha cpu backend: use of a freed buffer');
  return buffer;
}

/**
 * Creates a CPU backend: name `'cpu'`, the real dtypes (float16/bfloat16 through
 * `withHalf`: computed in float32, each result rounded), synchronous reads. Instances
 * are independent but stateless, so {@link cpuBackend} is normally all you need.
 */
export function createCpuBackend(): Backend {
  // complex64/complex128 operands go to the complex kernels (complex/index.ts)
  return withComplex(withHalf({
    name: CPU,
    dtypes: DTYPES,
    syncRead: true,
    alloc(dtype: DTypeName, numel: number): BackendBuffer {
      return allocBuffer(dtype, numel);
    },
    allocUninit(dtype: DTypeName, numel: number): BackendBuffer {
      return allocBuffer(dtype, numel, false);
    },
    wrapHost(dtype: DTypeName, data: HostArray): BackendBuffer {
      return new CpuBuffer(dtype, data);
    },
    free(buffer: BackendBuffer): void {
      if (buffer instanceof CpuBuffer) buffer.release();
    },
    write(buffer: BackendBuffer, data: HostArray, offset: number): void {
      asCpu(buffer).data.set(data, offset);
    },
    read(buffer: BackendBuffer, offset: number, numel: number): Promise<HostArray> {
      return Promise.resolve(asCpu(buffer).data.slice(offset, offset + numel));
    },
    readSync(buffer: BackendBuffer): HostArray {
      return asCpu(buffer).data;
    },
    copy,
    fill,
    unary,
    binary,
    ternary,
    where,
    reduce,
    scan,
    matmul,
    gather,
    scatter,
    indexSelect,
    sort,
    linalg,
    fft,
  }));
}

/** The CPU backend instance the `antorcha` package registers. */
export const cpuBackend: Backend = createCpuBackend();
