/**
 * The WebAssembly kernel module: loading it over the CPU heap's memory, choosing
 * the relaxed-SIMD build where the engine has it, and the helpers kernel glue uses
 * to find tensors in the heap.
 *
 * Node compiles the module synchronously at first use. Browsers forbid synchronous
 * compilation of large modules on the main thread, so there it compiles
 * asynchronously from import on and the JavaScript kernels serve until it is ready
 * ({@link wasmReady} resolves then). Where WebAssembly SIMD is missing, or
 * {@link setCpuKernels}('js') was called, every op runs the JavaScript kernels.
 */
import type { DTypeName, HostArray, TensorRef } from '@antorcha/core';
import { RELAXED_WASM, SIMD_WASM } from './binaries.generated.js';
import { _setZeroFill, getHeap, heapAlloc, heapBuffer, heapFree } from './heap.js';

/** The kernel module's exports: functions of numbers (addresses, sizes) returning a number or nothing. */
export type WasmExports = Record<string, (...args: number[]) => number>;

/** Bytes per element of each dtype's host array (int64 is held in a Float64Array). */
export const ELEMENT_BYTES: Record<DTypeName, number> = {
  float32: 4,
  float64: 8,
  int64: 8,
  int32: 4,
  uint8: 1,
  bool: 1,
  float16: 2,
  bfloat16: 2,
  complex64: 8,
  complex128: 16,
};

/** Which kernels run: `'wasm'` (WebAssembly where it applies, the default) or `'js'` (JavaScript only). */
export type CpuKernels = 'wasm' | 'js';

let mode: CpuKernels = readEnvMode();
let module: WebAssembly.Module | null = null;
let exportsOf: WasmExports | null = null;
let relaxed = false;
let failed: unknown = null;
let pending: Promise<void> | null = null;

function readEnvMode(): CpuKernels {
  const env = (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env;
  return env?.ANTORCHA_CPU_KERNELS === 'js' ? 'js' : 'wasm';
}

function decode(base64: string): Uint8Array<ArrayBuffer> {
  const g = globalThis as { Buffer?: { from(s: string, enc: string): ArrayLike<number> } };
  if (g.Buffer !== undefined) return new Uint8Array(g.Buffer.from(base64, 'base64'));
  const s = atob(base64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

/**
 * A module of one function `() -> v128` that applies the SIMD instruction `op` (its
 * LEB128 opcode bytes after the 0xfd prefix) to three zero vectors: validating it
 * tells whether the engine has that instruction.
 */
function probeModule(op: readonly number[], operands: number): Uint8Array<ArrayBuffer> {
  const zero = [0xfd, 0x0c, ...new Array<number>(16).fill(0)]; // v128.const 0
  const body = [0x00, ...Array.from({ length: operands }, () => zero).flat(), 0xfd, ...op, 0x0b];
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // magic, version
    0x01, 0x05, 0x01, 0x60, 0x00, 0x01, 0x7b, // type section: () -> v128
    0x03, 0x02, 0x01, 0x00, // function section
    0x0a, body.length + 2, 0x01, body.length, ...body, // code section
  ]);
}

/** f32x4.add (0xfd 0xe4): SIMD128. */
const SIMD_PROBE = probeModule([0xe4, 0x01], 2);
/** f32x4.relaxed_madd (0xfd 0x105): relaxed SIMD. */
const RELAXED_PROBE = probeModule([0x85, 0x02], 3);

/** Reads an unsigned LEB128 at `at`: [value, next offset]. */
function leb(bytes: Uint8Array, at: number): [number, number] {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++]!;
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return [value, at];
  }
}

/**
 * The module with its memory import declared unshared (the heap's memory is unshared
 * where the page is not cross-origin isolated, and an import must match it): clears
 * the shared bit of the memory import's limits, in place. Returns false when the import
 * section holds no shared memory import (nothing changed).
 */
export function unshareMemoryImport(bytes: Uint8Array): boolean {
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at]!;
    const [size, body] = leb(bytes, at + 1);
    if (id === 2) {
      let [count, p] = leb(bytes, body);
      for (; count > 0; count--) {
        let len: number;
        [len, p] = leb(bytes, p);
        p += len; // module name
        [len, p] = leb(bytes, p);
        p += len; // field name
        const kind = bytes[p++]!;
        if (kind === 2) {
          if ((bytes[p]! & 2) === 0) return false;
          bytes[p] = bytes[p]! & ~2;
          return true;
        }
        if (kind === 0) [, p] = leb(bytes, p); // function: type index
        else if (kind === 1) { p += 1; const f = bytes[p++]!; [, p] = leb(bytes, p); if (f & 1) [, p] = leb(bytes, p); } // table
        else if (kind === 3) p += 2; // global: type, mutability
        else return false;
      }
      return false;
    }
    at = body + size;
  }
  return false;
}

/** The build this engine can run: relaxed SIMD (FMA) if the engine has it, else SIMD128, else none. */
function chooseBinary(): { bytes: Uint8Array<ArrayBuffer>; relaxed: boolean } | null {
  if (typeof WebAssembly !== 'object') return null;
  if (WebAssembly.validate(RELAXED_PROBE)) return { bytes: decode(RELAXED_WASM), relaxed: true };
  if (WebAssembly.validate(SIMD_PROBE)) return { bytes: decode(SIMD_WASM), relaxed: false };
  return null;
}

function instantiate(m: WebAssembly.Module): WasmExports {
  const e = instantiateOnly(m);
  const zero = e.heapZero;
  if (typeof zero === 'function') _setZeroFill((address, bytes) => zero(address, bytes));
  return e;
}

function instantiateOnly(m: WebAssembly.Module): WasmExports {
  const imports = {
    env: {
      memory: getHeap().memory,
      abort(): never {
        throw new Error('antorcha cpu backend: a WebAssembly kernel aborted');
      },
    },
  };
  return new WebAssembly.Instance(m, imports).exports as unknown as WasmExports;
}

function isBrowserMainThread(): boolean {
  const g = globalThis as { document?: unknown; process?: { versions?: { node?: string } } };
  return g.document !== undefined && g.process?.versions?.node === undefined;
}

function load(): void {
  if (exportsOf !== null || failed !== null || pending !== null) return;
  const chosen = chooseBinary();
  if (chosen === null) {
    failed = new Error('WebAssembly SIMD is not available');
    return;
  }
  relaxed = chosen.relaxed;
  if (!getHeap().shared && !unshareMemoryImport(chosen.bytes)) {
    failed = new Error('the kernel module imports no shared memory to unshare');
    return;
  }
  if (isBrowserMainThread()) {
    pending = WebAssembly.compile(chosen.bytes)
      .then((m) => {
        const e = instantiate(m);
        module = m;
        exportsOf = e;
      })
      .catch((e: unknown) => {
        failed = e;
      });
    return;
  }
  try {
    module = new WebAssembly.Module(chosen.bytes);
    exportsOf = instantiate(module);
  } catch (e) {
    failed = e;
  }
}

/** The kernel module's exports, or null when the JavaScript kernels must run (not loaded yet, unavailable, or `'js'` mode). */
export function wasmKernels(): WasmExports | null {
  if (mode === 'js') return null;
  if (exportsOf === null) load();
  return exportsOf;
}

/** The compiled kernel module (to instantiate in worker threads over the same memory), or null. */
export function wasmModule(): WebAssembly.Module | null {
  wasmKernels();
  return module;
}

/** Resolves when the kernel module is loaded (or known to be unavailable): browsers load it asynchronously. */
export async function wasmReady(): Promise<void> {
  load();
  if (pending !== null) await pending;
}

/** What the CPU backend runs on: the kernel mode, whether the module loaded, with relaxed SIMD (FMA), over shared memory. */
export function wasmInfo(): { readonly mode: CpuKernels; readonly loaded: boolean; readonly relaxedSimd: boolean; readonly sharedMemory: boolean; readonly error: string | null } {
  wasmKernels();
  return {
    mode,
    loaded: exportsOf !== null,
    relaxedSimd: exportsOf !== null && relaxed,
    sharedMemory: getHeap().shared,
    error: failed === null ? null : String(failed),
  };
}

/**
 * Chooses the CPU kernels: `'wasm'` (WebAssembly SIMD wherever a kernel applies; the default)
 * or `'js'` (the JavaScript kernels only, the reference). Results are the same either way
 * (float32 sums follow PyTorch's order in both), except float32 matmul, which accumulates
 * in float32 in WebAssembly and in float64 in JavaScript.
 * `ANTORCHA_CPU_KERNELS=js` in the environment selects `'js'` at start-up.
 */
export function setCpuKernels(m: CpuKernels): void {
  if (m !== 'wasm' && m !== 'js') throw new RangeError(`setCpuKernels: expected 'wasm' or 'js', got ${String(m)}`);
  mode = m;
}

/** The CPU kernel mode set by {@link setCpuKernels}. */
export function cpuKernels(): CpuKernels {
  return mode;
}

/** Byte address of a heap buffer, or -1; implemented by memory.ts (which owns CpuBuffer). */
let addressOfBuffer: (buffer: unknown) => number = () => -1;

/** @internal memory.ts registers how to read a buffer's heap address. */
export function _setAddressOf(fn: (buffer: unknown) => number): void {
  addressOfBuffer = fn;
}

/** Byte address of `ref`'s element 0 in the heap, or -1 when its buffer is not in WebAssembly memory. */
export function heapAddress(ref: TensorRef): number {
  const base = addressOfBuffer(ref.buffer);
  return base < 0 ? -1 : base + ref.offset * ELEMENT_BYTES[ref.dtype];
}

const scratch: { address: number; bytes: number }[] = [];

/**
 * A reusable scratch block of at least `bytes` for `slot` (0: the main thread; worker
 * slots 1…), valid until the next call for the same slot; -1 when the heap can't hold it.
 */
export function heapScratch(slot: number, bytes: number): number {
  const s = scratch[slot];
  if (s !== undefined && s.bytes >= bytes) return s.address;
  if (s !== undefined) heapFree(s.address);
  const size = Math.max(bytes, s === undefined ? 0 : s.bytes * 2);
  const address = heapAlloc(size);
  if (address < 0) {
    delete scratch[slot];
    return -1;
  }
  scratch[slot] = { address, bytes: size };
  return address;
}

/** A typed-array view of `numel` elements of `dtype` at heap `address` (re-make it after heap growth in browsers). */
export function heapView(dtype: DTypeName, address: number, numel: number): HostArray {
  const buf = heapBuffer();
  switch (dtype) {
    case 'float32':
      return new Float32Array(buf, address, numel);
    case 'float64':
    case 'int64':
      return new Float64Array(buf, address, numel);
    case 'int32':
      return new Int32Array(buf, address, numel);
    case 'uint8':
    case 'bool':
      return new Uint8Array(buf, address, numel);
    case 'float16':
    case 'bfloat16':
      return new Uint16Array(buf, address, numel);
    case 'complex64':
      return new Float32Array(buf, address, 2 * numel);
    case 'complex128':
      return new Float64Array(buf, address, 2 * numel);
  }
}

export { heapAlloc, heapFree };
