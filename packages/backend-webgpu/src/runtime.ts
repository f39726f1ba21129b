/**
 * The per-device runtime: recording kernels into a command encoder (one compute
 * pass for consecutive dispatches), the metadata arena, submission, reads and
 * writes, and the device-side error word index kernels report into.
 *
 * Ordering: kernels are recorded and submitted lazily; every queue operation that
 * must observe them (a write into a buffer, a read back) first submits what is
 * pending, so the program order of backend calls is the execution order.
 */
import { type OutOfMemoryError, TorchIndexError, TorchRuntimeError, deviceCheckError } from '@antorcha/core';
import type { BackendBuffer, DTypeName } from '@antorcha/core';
import { BufferPool, webgpuOutOfMemory } from './buffer-pool.js';
import { type Access, type Kernel, PipelineCache } from './pipeline-cache.js';
import { type Wgsl, storageType } from './codegen/dtypes.js';

/** Name of the device type this backend serves. */
export const WEBGPU = 'webgpu';

/** A WebGPU tensor buffer: `numel` elements of 4 bytes each (see codegen/dtypes.ts). */
export class WebGPUBuffer implements BackendBuffer {
  /** Always `'webgpu'`. */
  readonly backend = WEBGPU;

  /** @internal Use the backend's `alloc`. */
  constructor(
    /** Element type. */
    readonly dtype: DTypeName,
    /** Capacity in elements. */
    readonly numel: number,
    /** The GPU buffer, or null once freed. */
    public gpu: GPUBuffer | null,
    /** Bytes reserved for it (its pool bucket). */
    readonly size: number,
  ) {}
}

/** Bytes of one element on the device (every dtype takes 4). */
export const ELEMENT_BYTES = 4;

/**
 * Kinds of errors kernels report through the error word (index errors, integer
 * division by zero, failed device checks). Layout of the words: [0] reports so far
 * (the first one wins), [1] kind, [2] index (or a check's value bits), [3] dim (or
 * a check's template id), [4] size (or how a check's value is decoded), [7] scratch
 * of the check kernel (kernels/check.ts).
 */
export const INDEX_ERROR = { gather: 1, scatter: 2, indexSelect: 3, zeroDivision: 4, deviceCheck: 5 } as const;

/** Error word the check kernel keeps the complement of the first failing index in (0: none). */
export const CHECK_SCRATCH_WORD = 7;

/** How a device check's reported value bits are decoded (error word [4]). */
export const CHECK_VALUE_KIND = { none: 0, f32: 1, i32: 2, u32: 3 } as const;

/** A device check's reported 32 bits as a number (null when the check had no values). */
function checkValue(bits: number, kind: number): number | null {
  if (kind === CHECK_VALUE_KIND.f32) return new Float32Array(new Uint32Array([bits]).buffer)[0]!;
  if (kind === CHECK_VALUE_KIND.i32) return bits | 0;
  if (kind === CHECK_VALUE_KIND.u32) return bits >>> 0;
  return null;
}

const ARENA_WORDS = 1 << 18; // 1 MiB of metadata per submission
const MAX_PENDING = 256; // dispatches recorded before submitting
const ERROR_WORDS = 8;

/** One buffer binding of a kernel call. */
interface Binding {
  buffer: GPUBuffer;
  access: Access;
  type: string;
}

/**
 * The bindings of one kernel call: each distinct GPU buffer is bound once (an
 * in-place op's input and output share a read-write binding, as WebGPU requires),
 * then the metadata buffer. The binding pattern is part of the pipeline key.
 */
export class Bindings {
  private readonly list: Binding[] = [];
  /** Binding index of each operand, in the order they were bound (part of the signature). */
  private readonly uses: number[] = [];

  /** Binds a tensor buffer (or reuses its binding); returns the WGSL variable name. */
  tensor(buffer: BackendBuffer, write: boolean): string {
    const gpu = gpuOf(buffer);
    return `b${this.add(gpu, write ? 'w' : 'r', `array<${storageType(buffer.dtype)}>`)}`;
  }

  /** Binds a raw buffer of WGSL element type `type` (e.g. `'u32'`, `'atomic<u32>'`). */
  raw(buffer: GPUBuffer, write: boolean, type: Wgsl | 'atomic<u32>'): string {
    return `b${this.add(buffer, write ? 'w' : 'r', `array<${type}>`)}`;
  }

  private add(buffer: GPUBuffer, access: Access, type: string): number {
    let i = this.list.findIndex((b) => b.buffer === buffer);
    if (i >= 0) {
      if (access === 'w') this.list[i]!.access = 'w';
    } else {
      this.list.push({ buffer, access, type });
      i = this.list.length - 1;
    }
    this.uses.push(i);
    return i;
  }

  /** Access list of the bindings, metadata last. */
  access(): Access[] {
    return [...this.list.map((b) => b.access), 'r'];
  }

  /** The binding pattern, for pipeline keys. */
  signature(): string {
    return `${this.list.map((b) => `${b.access}${b.type}`).join(',')}/${this.uses.join(',')}`;
  }

  /** WGSL declarations of every binding, the metadata as `meta`. */
  declarations(): string {
    const lines = this.list.map((b, i) => `@group(0) @binding(${i}) var<storage, ${b.access === 'w' ? 'read_write' : 'read'}> b${i}: ${b.type};`);
    lines.push(`@group(0) @binding(${this.list.length}) var<storage, read> md: array<u32>;`);
    return lines.join('\n');
  }

  /** The bound GPU buffers in binding order. */
  buffers(): GPUBuffer[] {
    return this.list.map((b) => b.buffer);
  }
}

/** The GPU buffer behind a tensor buffer, checking it belongs here and is alive. */
export function gpuOf(buffer: BackendBuffer): GPUBuffer {
  if (!(buffer instanceof WebGPUBuffer)) throw new Error(`antorcha webgpu backend: got a buffer of backend '${buffer.backend}'`);
  if (buffer.gpu === null) throw new Error('antorcha webgpu backend: use of a freed buffer');
  return buffer.gpu;
}

/** Recording, submission and transfers for one device. */
export class GpuRuntime {
  /** The caching allocator. */
  readonly pool: BufferPool;
  /** Compiled kernels. */
  readonly pipelines: PipelineCache;
  /** Dispatches recorded since creation (for tests and benchmarks). */
  dispatches = 0;

  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private pending = 0;
  private readonly arenaHost = new Uint32Array(ARENA_WORDS);
  private readonly arena: GPUBuffer;
  private arenaPos = 0;
  private readonly align: number;
  private readonly errorBuffer: GPUBuffer;
  private deviceError: string | null = null;
  private outOfMemory: OutOfMemoryError | null = null;
  private lostReason: string | null = null;

  /** @param device the device to run on. */
  constructor(readonly device: GPUDevice) {
    this.pool = new BufferPool(device);
    this.pool.onOutOfMemory = (bytes, message) => {
      this.outOfMemory ??= webgpuOutOfMemory(
        bytes,
        `the device could not create the buffer (${message}). WebGPU reports this asynchronously, so it is raised by the first WebGPU call after the device answered (a read or synchronize at the latest); the tensor that got the buffer holds no data.`,
      );
    };
    this.pipelines = new PipelineCache(device);
    this.align = Math.max(1, device.limits.minStorageBufferOffsetAlignment / 4);
    this.arena = device.createBuffer({ size: ARENA_WORDS * 4, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_DST, label: 'antorcha-meta' });
    this.errorBuffer = device.createBuffer({ size: ERROR_WORDS * 4, usage: GPUBufferUsage.STORAGE | GPUBufferUsage.COPY_SRC | GPUBufferUsage.COPY_DST, label: 'antorcha-errors' });
    const onError = (e: Event): void => {
      const err = (e as GPUUncapturedErrorEvent).error;
      this.deviceError ??= err?.message ?? String(err);
    };
    device.addEventListener?.('uncapturederror', onError);
    void device.lost?.then((info) => {
      this.lostReason = info.message || String(info.reason);
    });
  }

  /** The device-wide error word that index kernels write into (an `array<atomic<u32>>`). */
  get errors(): GPUBuffer {
    return this.errorBuffer;
  }

  private ensurePass(): GPUComputePassEncoder {
    this.encoder ??= this.device.createCommandEncoder();
    this.pass ??= this.encoder.beginComputePass();
    return this.pass;
  }

  private ensureEncoder(): GPUCommandEncoder {
    if (this.pass) {
      this.pass.end();
      this.pass = null;
    }
    this.encoder ??= this.device.createCommandEncoder();
    return this.encoder;
  }

  /**
   * Compiles (once) and records a kernel: `source(bindings)` gives the WGSL, whose
   * entry point `main` reads its bindings and `meta`; `key` must determine the source.
   */
  run(key: string, bindings: Bindings, meta: Uint32Array, groups: readonly [number, number, number], source: () => string): void {
    this.checkAlive();
    const kernel: Kernel = this.pipelines.get(`${key}|${bindings.signature()}`, bindings.access(), source);
    const words = Math.max(meta.length, 1);
    if (this.arenaPos + words > ARENA_WORDS) this.flush();
    const at = this.arenaPos;
    this.arenaHost.set(meta, at);
    this.arenaPos = Math.ceil((at + words) / this.align) * this.align;
    const buffers = bindings.buffers();
    const entries: GPUBindGroupEntry[] = buffers.map((buffer, i) => ({ binding: i, resource: { buffer } }));
    entries.push({ binding: buffers.length, resource: { buffer: this.arena, offset: at * 4, size: words * 4 } });
    const group = this.device.createBindGroup({ layout: kernel.layout, entries });
    const pass = this.ensurePass();
    pass.setPipeline(kernel.pipeline);
    pass.setBindGroup(0, group);
    pass.dispatchWorkgroups(groups[0], groups[1], groups[2]);
    this.dispatches++;
    if (++this.pending >= MAX_PENDING) this.flush();
  }

  /** Records zero-filling `size` bytes of a buffer from `offset`. */
  clear(buffer: GPUBuffer, offset: number, size: number): void {
    if (size > 0) this.ensureEncoder().clearBuffer(buffer, offset, size);
  }

  /** Submits everything recorded so far. */
  flush(): void {
    if (this.pass) {
      this.pass.end();
      this.pass = null;
    }
    if (this.arenaPos > 0) {
      this.device.queue.writeBuffer(this.arena, 0, this.arenaHost.buffer, 0, this.arenaPos * 4);
      this.arenaPos = 0;
    }
    if (this.encoder) {
      this.device.queue.submit([this.encoder.finish()]);
      this.encoder = null;
    }
    this.pending = 0;
  }

  /** Writes host bytes into a buffer at `byteOffset`, after the work recorded so far. */
  write(buffer: GPUBuffer, byteOffset: number, data: ArrayBufferView): void {
    this.checkAlive();
    if (this.encoder) this.flush();
    this.device.queue.writeBuffer(buffer, byteOffset, data.buffer, data.byteOffset, data.byteLength);
  }

  /**
   * Reads `byteLength` bytes of a buffer from `byteOffset` once the work recorded so
   * far is done. Also collects index errors reported by kernels since the last read,
   * and WebGPU validation errors, and throws them.
   */
  async read(buffer: GPUBuffer, byteOffset: number, byteLength: number): Promise<ArrayBuffer> {
    this.checkAlive();
    const errBytes = ERROR_WORDS * 4;
    const dataAt = Math.ceil(byteLength / 4) * 4;
    // The error words ride behind the data in one staging buffer, unless that would
    // exceed maxBufferSize (a read of a buffer of the largest size): then they get their own.
    const joint = dataAt + errBytes <= this.device.limits.maxBufferSize;
    const usage = GPUBufferUsage.MAP_READ | GPUBufferUsage.COPY_DST;
    const staging = this.device.createBuffer({ size: joint ? dataAt + errBytes : Math.max(dataAt, 4), usage });
    const errStaging = joint ? staging : this.device.createBuffer({ size: errBytes, usage });
    const errAt = joint ? dataAt : 0;
    const enc = this.ensureEncoder();
    if (byteLength > 0) enc.copyBufferToBuffer(buffer, byteOffset, staging, 0, byteLength);
    enc.copyBufferToBuffer(this.errorBuffer, 0, errStaging, errAt, errBytes);
    enc.clearBuffer(this.errorBuffer, 0, errBytes);
    this.flush();
    try {
      await Promise.all([staging.mapAsync(GPUMapMode.READ), joint ? undefined : errStaging.mapAsync(GPUMapMode.READ)]);
      const all = staging.getMappedRange();
      const data = all.slice(0, byteLength);
      const err = new Uint32Array((joint ? all : errStaging.getMappedRange()).slice(errAt, errAt + errBytes));
      staging.unmap();
      if (!joint) errStaging.unmap();
      this.checkErrors(err);
      return data;
    } finally {
      staging.destroy();
      if (!joint) errStaging.destroy();
    }
  }

  /**
   * Resolves when the GPU has finished all work submitted so far (after submitting
   * what is pending); raises the errors kernels reported since the last read, as `read` does.
   */
  async synchronize(): Promise<void> {
    await this.read(this.errorBuffer, 0, 0);
  }

  private checkAlive(): void {
    if (this.outOfMemory !== null) {
      const e = this.outOfMemory;
      this.outOfMemory = null;
      throw e;
    }
    if (this.lostReason !== null) throw new TorchRuntimeError('webgpu', `the GPU device was lost (${this.lostReason})`);
    if (this.deviceError !== null) {
      const msg = this.deviceError;
      this.deviceError = null;
      throw new TorchRuntimeError('webgpu', `WebGPU reported an error: ${msg}`);
    }
  }

  private checkErrors(err: Uint32Array): void {
    this.checkAlive();
    if (err[0] === 0) return;
    const kind = err[1]!;
    const index = err[2]! | 0;
    const dim = err[3]!;
    const size = err[4]!;
    // Reported asynchronously (like CUDA's device-side asserts): the op that failed ran earlier.
    if (kind === INDEX_ERROR.deviceCheck) throw deviceCheckError(dim, checkValue(err[2]!, size));
    if (kind === INDEX_ERROR.indexSelect) throw new TorchIndexError('index_select', 'index out of range in self');
    if (kind === INDEX_ERROR.zeroDivision) throw new TorchRuntimeError('div', 'ZeroDivisionError');
    throw new TorchRuntimeError(kind === INDEX_ERROR.gather ? 'gather' : 'scatter', `index ${index} is out of bounds for dimension ${dim} with size ${size}`);
  }
}

/** WGSL that records an index error (first one wins) into the error word bound as `err`. */
export function reportIndexError(err: string, kind: number, index: string, dim: string, size: string): string {
  return `if (atomicAdd(&${err}[0], 1u) == 0u) { atomicStore(&${err}[1], ${kind}u); atomicStore(&${err}[2], bitcast<u32>(${index})); atomicStore(&${err}[3], ${dim}); atomicStore(&${err}[4], ${size}); }`;
}
