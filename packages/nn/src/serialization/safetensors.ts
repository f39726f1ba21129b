/**
 * The safetensors format (huggingface/safetensors): an 8-byte little-endian
 * header length N, N bytes of JSON header (`{"name": {"dtype", "shape",
 * "data_offsets": [begin, end]}, "__metadata__": {str: str}}`), then the
 * row-major little-endian tensor data. Reading validates the header as the
 * reference implementation does (size limit, offsets contiguous and covering the
 * data exactly, byte counts matching shapes) before allocating anything.
 */
import { type DTypeName, type DeviceLike, type Tensor, TorchRuntimeError, device, fromHost, hostStorage, readStorage, toDType } from '@antorcha/core';
import { SerializationError, readGuard } from './errors.js';

/** Header size limit of the reference implementation (100 MB). */
const MAX_HEADER = 100_000_000;

const ST_DTYPES: Record<string, DTypeName> = { F32: 'float32', F64: 'float64', I64: 'int64', I32: 'int32', U8: 'uint8', BOOL: 'bool', F16: 'float16', BF16: 'bfloat16', C64: 'complex64' };
/** Format names of the dtypes this module writes (safetensors has no complex128). */
const ST_NAMES: Partial<Record<DTypeName, string>> = { float32: 'F32', float64: 'F64', int64: 'I64', int32: 'I32', uint8: 'U8', bool: 'BOOL', float16: 'F16', bfloat16: 'BF16', complex64: 'C64' };
/** dtypes of the format that Antorcha cannot represent. */
const ST_UNSUPPORTED = new Set(['I8', 'I16', 'U16', 'U32', 'U64', 'F8_E5M2', 'F8_E4M3', 'F8_E8M0', 'F4', 'F6_E2M3', 'F6_E3M2']);
const itemsize = (d: DTypeName): number => toDType(d).itemsize;
/** Most dimensions a tensor may have (as for PyTorch checkpoints). */
const MAX_DIMS = 64;

/** Whether `v` is a JSON number that is an exact non-negative integer. */
function isCount(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}

function fail(msg: string): never {
  throw new SerializationError('safetensors', `invalid safetensors data: ${msg}`);
}

/** Tensors by name (insertion order kept). */
export type TensorMap = Record<string, Tensor>;

/** A tensor's row-major values as a host array (int64 as Float64Array). */
type Values = Float32Array | Float64Array | Int32Array | Uint8Array | Uint16Array;

/**
 * Serialises named tensors (and optional string metadata) to safetensors bytes.
 * Tensors are written contiguous, in the given order. Tensors on devices that read
 * back only asynchronously (WebGPU) need {@link serializeAsync}.
 * @example
 * ```ts
 * torch.manualSeed(0);
 * const model = new torch.nn.Linear(2, 1);
 * const bytes = torch.safetensors.serialize(model.stateDict(), { format: 'pt' });
 * const { tensors, metadata } = torch.safetensors.deserialize(bytes);
 * console.log(metadata);
 * console.log(tensors['weight']);
 * ```
 * ```text
 * { format: 'pt' }
 * tensor([[-0.0053,  0.3793]])
 * ```
 * @throws TorchRuntimeError for a tensor on an asynchronous device, naming `serializeAsync`.
 */
export function serialize(tensors: TensorMap | Map<string, Tensor>, metadata?: Record<string, string> | null): Uint8Array {
  return encode(entriesOf(tensors), metadata, (t) => {
    if (!t._storage.backend.syncRead) {
      throw new TorchRuntimeError('serialize', `serialize: tensor on '${t.device}' can only be read asynchronously; use await safetensors.serializeAsync(tensors)`);
    }
    return hostStorage(t, 'serialize');
  });
}

/**
 * {@link serialize} for tensors on any device: reads tensors on asynchronous devices
 * (WebGPU) back first; the bytes are those {@link serialize} writes for the CPU copies.
 * @example
 * ```ts
 * torch.manualSeed(0);
 * const model = new torch.nn.Linear(2, 1); // on WebGPU the weights are read back without blocking
 * const bytes = await torch.safetensors.serializeAsync(model.stateDict(), { format: 'pt' });
 * console.log(torch.safetensors.deserialize(bytes).tensors['bias']);
 * ```
 * ```text
 * tensor([-0.5820])
 * ```
 */
export async function serializeAsync(tensors: TensorMap | Map<string, Tensor>, metadata?: Record<string, string> | null): Promise<Uint8Array> {
  const entries = entriesOf(tensors);
  const values = new Map<Tensor, Values>();
  await Promise.all(entries.map(async ([, t]) => values.set(t, await readStorage(t))));
  return encode(entries, metadata, (t) => values.get(t)!);
}

function entriesOf(tensors: TensorMap | Map<string, Tensor>): [string, Tensor][] {
  return tensors instanceof Map ? [...tensors.entries()] : Object.entries(tensors);
}

/** The safetensors bytes of `entries`, each tensor's row-major values given by `valuesOf`. */
function encode(entries: [string, Tensor][], metadata: Record<string, string> | null | undefined, valuesOf: (t: Tensor) => Values): Uint8Array {
  const header: Record<string, unknown> = {};
  if (metadata) {
    for (const [k, v] of Object.entries(metadata)) if (typeof v !== 'string') throw new SerializationError('safetensors', `metadata value for '${k}' must be a string`);
    header.__metadata__ = metadata;
  }
  const blobs: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of entries) {
    if (name === '__metadata__') throw new SerializationError('safetensors', "'__metadata__' cannot be a tensor name");
    const dtype = t.dtype.name;
    const stName = ST_NAMES[dtype];
    if (stName === undefined) throw new TorchRuntimeError('safetensors.serialize', `tensor '${name}': safetensors has no format name for dtype ${dtype}`);
    const values = valuesOf(t);
    let bytes: Uint8Array;
    if (dtype === 'int64') {
      const out = new BigInt64Array(values.length);
      for (let i = 0; i < values.length; i++) out[i] = BigInt(values[i]!);
      bytes = new Uint8Array(out.buffer);
    } else bytes = new Uint8Array(values.buffer, values.byteOffset, values.byteLength);
    header[name] = { dtype: stName, shape: [...t._shape], data_offsets: [offset, offset + bytes.length] };
    blobs.push(bytes);
    offset += bytes.length;
  }
  let json = new TextEncoder().encode(JSON.stringify(header));
  const padded = Math.ceil(json.length / 8) * 8;
  if (padded !== json.length) {
    const p = new Uint8Array(padded).fill(0x20);
    p.set(json);
    json = p;
  }
  const out = new Uint8Array(8 + json.length + offset);
  new DataView(out.buffer).setBigUint64(0, BigInt(json.length), true);
  out.set(json, 8);
  let p = 8 + json.length;
  for (const b of blobs) {
    out.set(b, p);
    p += b.length;
  }
  return out;
}

/** Options of {@link deserialize} and {@link loadFile}. */
export interface SafetensorsLoadOptions {
  /**
   * The device the tensors are created on (`safetensors.torch.load_file`'s `device`):
   * `'cpu'` (the default) or e.g. `'webgpu'`; the data is written there, nothing is read back.
   */
  device?: DeviceLike;
}

/** What {@link deserialize} returns. */
export interface SafetensorsContent {
  /** Tensors by name, in header order. */
  tensors: TensorMap;
  /** The `__metadata__` map, or null. */
  metadata: Record<string, string> | null;
}

interface Info {
  name: string;
  dtype: DTypeName;
  shape: number[];
  begin: number;
  end: number;
}

/**
 * Reads safetensors bytes.
 * @throws SerializationError for a header that is too small, too large or beyond the
 * file, malformed JSON, unknown or unsupported dtypes, byte counts that do not
 * match shapes, and offsets that overlap, leave gaps, or do not cover the data.
 * @example
 * ```ts
 * const bytes = torch.safetensors.serialize({ w: torch.tensor([[1, 2], [3, 4]], { dtype: 'float32' }) }, { step: '10' });
 * const { tensors, metadata } = torch.safetensors.deserialize(bytes);
 * console.log(tensors['w'], metadata);
 * ```
 * ```text
 * tensor([[1., 2.],
 *         [3., 4.]]) { step: '10' }
 * ```
 */
export function deserialize(data: Uint8Array | ArrayBuffer, opts: SafetensorsLoadOptions = {}): SafetensorsContent {
  const dev = device(opts.device ?? 'cpu');
  const content = readGuard('safetensors', () => deserializeChecked(data instanceof Uint8Array ? data : new Uint8Array(data)));
  if (dev.type === 'cpu') return content;
  // Checked and decoded on the CPU first, so a bad file allocates nothing on the device.
  const tensors: TensorMap = {};
  for (const [name, t] of Object.entries(content.tensors)) {
    Object.defineProperty(tensors, name, { value: t.to(dev), enumerable: true, writable: true, configurable: true });
  }
  return { tensors, metadata: content.metadata };
}

function deserializeChecked(bytes: Uint8Array): SafetensorsContent {
  if (bytes.length < 8) fail(`header too small (${bytes.length} bytes)`);
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const n64 = dv.getBigUint64(0, true);
  if (n64 > BigInt(MAX_HEADER)) fail(`header too large (${n64} bytes; the limit is ${MAX_HEADER})`);
  const n = Number(n64);
  if (8 + n > bytes.length) fail(`header length ${n} goes beyond the end of the data (${bytes.length} bytes)`);
  const raw = bytes.subarray(8, 8 + n);
  if (n === 0 || raw[0] !== 0x7b) fail("header does not start with '{'");
  let header: unknown;
  try {
    header = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(raw));
  } catch (e) {
    fail(`header is not valid JSON (${(e as Error).message})`);
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) fail('header is not a JSON object');
  let metadata: Record<string, string> | null = null;
  const infos: Info[] = [];
  for (const [name, v] of Object.entries(header as Record<string, unknown>)) {
    if (name === '__metadata__') {
      if (typeof v !== 'object' || v === null || Array.isArray(v)) fail('__metadata__ is not an object');
      for (const [k, x] of Object.entries(v)) if (typeof x !== 'string') fail(`__metadata__ value for '${k}' is not a string`);
      metadata = v as Record<string, string>;
      continue;
    }
    if (typeof v !== 'object' || v === null) fail(`entry '${name}' is not an object`);
    const { dtype, shape, data_offsets: off } = v as { dtype?: unknown; shape?: unknown; data_offsets?: unknown };
    if (typeof dtype !== 'string') fail(`tensor '${name}' has no dtype`);
    if (ST_UNSUPPORTED.has(dtype)) fail(`tensor '${name}' has dtype ${dtype}, which Antorcha does not support (supported: F32, F64, I64, I32, U8, BOOL, F16, BF16, C64)`);
    const dt = Object.hasOwn(ST_DTYPES, dtype) ? ST_DTYPES[dtype] : undefined;
    if (dt === undefined) fail(`tensor '${name}' has unknown dtype '${dtype.slice(0, 40)}'`);
    if (!Array.isArray(shape) || !shape.every(isCount)) fail(`tensor '${name}' has an invalid shape`);
    if (shape.length > MAX_DIMS) fail(`tensor '${name}' has ${shape.length} dimensions (at most ${MAX_DIMS} are supported)`);
    if (!Array.isArray(off) || off.length !== 2 || !off.every(isCount)) fail(`tensor '${name}' has invalid data_offsets`);
    const [begin, end] = off as [number, number];
    if (end < begin) fail(`tensor '${name}' has data_offsets [${begin}, ${end}] with end before begin`);
    let numel = 1;
    for (const d of shape as number[]) {
      numel *= d;
      if (numel > Number.MAX_SAFE_INTEGER) fail(`tensor '${name}' shape overflows`);
    }
    if (numel * itemsize(dt) !== end - begin) fail(`tensor '${name}' of shape [${(shape as number[]).join(', ')}] and dtype ${dtype} needs ${numel * itemsize(dt)} bytes, but data_offsets give ${end - begin}`);
    infos.push({ name, dtype: dt, shape: (shape as number[]).map((d) => d + 0), begin, end }); // (no -0)
  }
  const dataLen = bytes.length - 8 - n;
  const sorted = [...infos].sort((a, b) => a.begin - b.begin || a.end - b.end);
  let expected = 0;
  for (const info of sorted) {
    if (info.begin !== expected) fail(`tensor '${info.name}' starts at ${info.begin}, expected ${expected} (offsets must be contiguous, without gaps or overlaps)`);
    expected = info.end;
  }
  if (expected !== dataLen) fail(`tensors cover ${expected} bytes but the data section has ${dataLen}`);
  const base = 8 + n;
  const tensors: TensorMap = {};
  for (const info of infos) {
    const src = bytes.subarray(base + info.begin, base + info.end);
    const copy = new Uint8Array(src.length);
    copy.set(src);
    const count = src.length / itemsize(info.dtype);
    let host: Values;
    switch (info.dtype) {
      case 'float32':
        host = new Float32Array(copy.buffer, 0, count);
        break;
      case 'float64':
        host = new Float64Array(copy.buffer, 0, count);
        break;
      case 'int32':
        host = new Int32Array(copy.buffer, 0, count);
        break;
      case 'int64': {
        const b = new BigInt64Array(copy.buffer, 0, count);
        host = new Float64Array(count);
        for (let i = 0; i < count; i++) host[i] = Number(b[i]!);
        break;
      }
      case 'uint8':
        host = copy;
        break;
      case 'bool':
        for (let i = 0; i < count; i++) copy[i] = copy[i] !== 0 ? 1 : 0;
        host = copy;
        break;
      case 'float16':
      case 'bfloat16':
        host = new Uint16Array(copy.buffer, 0, count);
        break;
      case 'complex64':
        host = new Float32Array(copy.buffer, 0, 2 * count);
        break;
      case 'complex128':
        host = new Float64Array(copy.buffer, 0, 2 * count);
        break;
    }
    Object.defineProperty(tensors, info.name, { value: fromHost(host, info.shape, toDType(info.dtype)), enumerable: true, writable: true, configurable: true });
  }
  return { tensors, metadata };
}

function nodeFs(): { readFileSync(p: string): Uint8Array; writeFileSync(p: string, d: Uint8Array): void } {
  const proc = (globalThis as { process?: { getBuiltinModule?: (m: string) => unknown } }).process;
  const fs = proc?.getBuiltinModule?.('node:fs');
  if (!fs) throw new SerializationError('safetensors', 'saveFile/loadFile need Node.js (use serialize/deserialize in the browser)');
  return fs as ReturnType<typeof nodeFs>;
}

/**
 * Writes named tensors to a `.safetensors` file (Node.js); tensors on WebGPU need {@link saveFileAsync}.
 * @example
 * ```ts
 * import * as torch from 'antorcha';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const path = join(tmpdir(), 'antorcha-doc-example.safetensors');
 * torch.safetensors.saveFile({ w: torch.ones(2, 2), b: torch.zeros(2) }, path);
 * console.log(Object.keys(torch.safetensors.loadFile(path)).join(', '));
 * ```
 * ```text
 * w, b
 * ```
 */
export function saveFile(tensors: TensorMap | Map<string, Tensor>, path: string, metadata?: Record<string, string> | null): void {
  nodeFs().writeFileSync(path, serialize(tensors, metadata));
}

/**
 * {@link saveFile} for tensors on any device: reads tensors on WebGPU back first (Node.js).
 * @example
 * ```ts
 * import * as torch from 'antorcha';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const path = join(tmpdir(), 'antorcha-doc-example-async.safetensors');
 * await torch.safetensors.saveFileAsync({ w: torch.ones(2) }, path); // reads WebGPU tensors back without blocking
 * console.log(torch.safetensors.loadFile(path)['w']);
 * ```
 * ```text
 * tensor([1., 1.])
 * ```
 */
export async function saveFileAsync(tensors: TensorMap | Map<string, Tensor>, path: string, metadata?: Record<string, string> | null): Promise<void> {
  nodeFs().writeFileSync(path, await serializeAsync(tensors, metadata));
}

/**
 * Reads the tensors of a `.safetensors` file (Node.js), onto `opts.device` (default the CPU).
 * @example
 * ```ts
 * import * as torch from 'antorcha';
 * import { tmpdir } from 'node:os';
 * import { join } from 'node:path';
 * const path = join(tmpdir(), 'antorcha-doc-example-load.safetensors');
 * torch.safetensors.saveFile({ w: torch.arange(3) }, path);
 * console.log(torch.safetensors.loadFile(path)['w']);
 * ```
 * ```text
 * tensor([0, 1, 2])
 * ```
 */
export function loadFile(path: string, opts: SafetensorsLoadOptions = {}): TensorMap {
  return deserialize(nodeFs().readFileSync(path), opts).tensors;
}
