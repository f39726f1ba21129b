// torch.save/torch.load in PyTorch's format and safetensors, against files real
// PyTorch wrote (tools/golden/nn_serialization.py), round trips, and hostile files.
// With ANTORCHA_WRITE_FIXTURES=1 the round-trip tests also write the files the
// golden script then loads in PyTorch (`torch.load(..., weights_only=True)`).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Tensor, arange, float32, float64, int32, int64, manualSeed, tensor, uint8, zeros } from '@antorcha/core';
import { nn, optim, safetensors, save, load, SerializationError, serialization } from '../src/index.js';
import { type EncodedResult, decode, expectClose, fixture } from './helpers.js';

/** What these tests read field by field from a loaded file (load's `T` names what the caller knows the file holds). */
// biome-ignore lint: the tests walk arbitrary pickled structures.
type Dyn = any;

const { PyGlobal, PyPersistent, PyReduce, PyTuple, pickle, writeZip, ZipReader } = serialization;
const EXACT = { rtol: 0, atol: 0 };
const WRITE = process.env.ANTORCHA_WRITE_FIXTURES === '1';

function fx(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`./fixtures/${name}`, import.meta.url)));
}

const golden = fixture<{
  state_dict: { keys: string[]; values: Record<string, EncodedResult>; metadata: [string, { version: number }][] };
  objects: Record<string, unknown>;
  safetensors: Record<string, EncodedResult>;
}>('nn_serialization.json');

function model(): nn.Sequential {
  return new nn.Sequential(new nn.Linear(4, 3), new nn.BatchNorm1d(3), new nn.ReLU(), new nn.Linear(3, 2));
}

function checkStateDict(sd: Record<string, Tensor>, label: string): void {
  expect(Object.keys(sd), label).toEqual(golden.state_dict.keys);
  for (const [k, e] of Object.entries(golden.state_dict.values)) expectClose(sd[k]!, e, `${label} ${k}`, EXACT);
}

/** Compares a loaded value with the golden encoding of the Python object. */
function checkObject(v: unknown, e: unknown, path: string): void {
  if (e !== null && typeof e === 'object' && (e as { tensor?: boolean }).tensor) {
    const enc = e as EncodedResult & { parameter: boolean; requires_grad: boolean };
    expect(v, path).toBeInstanceOf(Tensor);
    expectClose(v as Tensor, enc, path, EXACT);
    expect(v instanceof nn.Parameter, `${path} is a Parameter`).toBe(enc.parameter);
    expect((v as Tensor).requiresGrad, `${path} requires grad`).toBe(enc.requires_grad);
    return;
  }
  if (Array.isArray(e)) {
    expect(Array.isArray(v), path).toBe(true);
    expect((v as unknown[]).length, path).toBe(e.length);
    e.forEach((x, i) => checkObject((v as unknown[])[i], x, `${path}[${i}]`));
    return;
  }
  if (e !== null && typeof e === 'object' && 'dict' in e) {
    const entries = (e as { dict: [unknown, unknown][] }).dict;
    const allStr = entries.every(([k]) => typeof k === 'string');
    if (allStr) {
      expect(Object.keys(v as object), path).toEqual(entries.map(([k]) => k));
      for (const [k, x] of entries) checkObject((v as Record<string, unknown>)[k as string], x, `${path}.${k}`);
    } else {
      expect(v, path).toBeInstanceOf(Map);
      expect([...(v as Map<unknown, unknown>).keys()], path).toEqual(entries.map(([k]) => k));
      for (const [k, x] of entries) checkObject((v as Map<unknown, unknown>).get(k), x, `${path}[${String(k)}]`);
    }
    return;
  }
  if (e !== null && typeof e === 'object' && 'float' in e) {
    expect(v, path).toBe((e as { float: number }).float);
    return;
  }
  expect(v, path).toEqual(e);
}

describe('torch.load of files PyTorch 1.13 wrote', () => {
  it('a state dict: keys, values, dtypes, _metadata, and loadStateDict', () => {
    const sd = load<Dyn>(fx('saved_by_pytorch_113.pt'));
    checkStateDict(sd, 'loaded');
    expect(sd['1.num_batches_tracked'].dtype).toBe(int64);
    expect([...sd._metadata.entries()]).toEqual(golden.state_dict.metadata);
    const m = model();
    m.loadStateDict(sd);
    checkStateDict(m.stateDict(), 'after loadStateDict');
  });

  it('tensors of every dtype, shared storages, a Parameter, nested containers, an Adam state', () => {
    const o = load<Dyn>(fx('objects_by_pytorch_113.pt'));
    for (const [k, e] of Object.entries(golden.objects)) checkObject(o[k], e, k);
    expect(o.slice._storage).toBe(o.base._storage);
    expect(o.transposed._storage).toBe(o.base._storage);
    expect(o.slice.storageOffset()).toBe(5);
    expect(o.transposed.stride()).toEqual([1, 4]);
    // The Adam state dict loads into an Adam optimizer.
    const w = new nn.Parameter(tensor([1, 2], { dtype: float32 }));
    const opt = new optim.Adam([w], { lr: 0.01 });
    opt.loadStateDict(o.adam);
    expect((opt.state.get(w)!.step as Tensor).item()).toBe(2);
    expect(opt.paramGroups[0]!.lr).toBe(0.01);
  });

  it('the PyTorch 2.x archive layout and a big-endian archive', () => {
    checkStateDict(load<Dyn>(fx('layout_2x.pt')), 'layout_2x');
    checkStateDict(load<Dyn>(fx('big_endian.pt')), 'big_endian');
  });
});

describe('torch.save round trips (and files PyTorch checks)', () => {
  function antorchaModel(): nn.Sequential {
    manualSeed(0);
    const m = model();
    const bn = m.at(1) as nn.BatchNorm1d;
    bn.runningMean!.copy_(arange(3).mul(0.5));
    bn.runningVar!.copy_(arange(3).add(1.5));
    bn.numBatchesTracked!.fill_(7);
    return m;
  }

  it('a module state dict: deterministic bytes, identical values back', () => {
    const sd = antorchaModel().stateDict();
    const bytes = save(sd);
    expect(save(antorchaModel().stateDict())).toEqual(bytes);
    const back = load<Dyn>(bytes);
    expect(Object.keys(back)).toEqual(Object.keys(sd));
    for (const k of Object.keys(sd)) expect(back[k].equal(sd[k]!) && back[k].dtype === sd[k]!.dtype, k).toBe(true);
    expect(back._metadata).toEqual((sd as { _metadata?: unknown })._metadata);
    if (WRITE) writeFileSync(new URL('./fixtures/saved_by_antorcha.pt', import.meta.url), bytes);
    // The committed file (checked by PyTorch in tools/golden/nn_serialization.py) is what this code writes.
    expect(fx('saved_by_antorcha.pt')).toEqual(bytes);
  });

  it('objects: dtypes, views sharing storage, Parameter, nested containers', () => {
    const base = arange(12, { dtype: float32 }).reshape(3, 4).div(8);
    const obj = {
      f64: tensor([[0.1, -2.0], [3.5, 1e300]], { dtype: float64 }),
      i64: tensor([0, -1, 2 ** 40, -(2 ** 50)], { dtype: int64 }),
      i32: tensor([7, -8, 2 ** 31 - 1], { dtype: int32 }),
      u8: tensor([0, 255, 17], { dtype: uint8 }),
      bool: tensor([true, false, true]),
      base,
      slice: base.index('1:', '1:3'),
      transposed: base.t(),
      param: new nn.Parameter(tensor([[1.5, -2.0]], { dtype: float32 })),
      scalar: tensor(2.5),
      empty: zeros(0, 3),
      nested: [1, 2 ** 40, -3, 0.5, 'text', null, true, false, new PyTuple([1, new serialization.PyFloat(2.5), 'x']), { a: [1, 2], b: { c: 3 } }],
    };
    const bytes = save(obj);
    const back = load<Dyn>(bytes);
    expect(back.slice._storage).toBe(back.base._storage);
    expect(back.slice.equal(obj.slice) && back.transposed.equal(obj.transposed)).toBe(true);
    expect(back.param).toBeInstanceOf(nn.Parameter);
    expect(back.i64.tolist()).toEqual([0, -1, 2 ** 40, -(2 ** 50)]);
    expect(back.nested).toEqual([1, 2 ** 40, -3, 0.5, 'text', null, true, false, [1, 2.5, 'x'], { a: [1, 2], b: { c: 3 } }]);
    if (WRITE) writeFileSync(new URL('./fixtures/objects_by_antorcha.pt', import.meta.url), bytes);
    expect(fx('objects_by_antorcha.pt')).toEqual(bytes);
  });

  it('an Adam state dict PyTorch can load', () => {
    const w = new nn.Parameter(tensor([1, 2], { dtype: float32 }));
    const opt = new optim.Adam([w], { lr: 0.01 });
    for (const g of [[0.5, -1.0], [0.25, 0.75]]) {
      w.grad = tensor(g, { dtype: float32 });
      opt.step();
    }
    const bytes = save(opt.stateDict());
    const back = load<Dyn>(bytes);
    expect(back.state).toBeInstanceOf(Map);
    expect([...back.state.keys()]).toEqual([0]);
    expect(back.param_groups[0].betas).toEqual([0.9, 0.999]);
    if (WRITE) writeFileSync(new URL('./fixtures/adam_by_antorcha.pt', import.meta.url), bytes);
    expect(fx('adam_by_antorcha.pt')).toEqual(bytes);
  });
});

describe('safetensors', () => {
  it('reads a file written from the published format', () => {
    const { tensors, metadata } = safetensors.deserialize(fx('by_python.safetensors'));
    expect(metadata).toEqual({ format: 'pt', note: 'written from the published format' });
    expect(Object.keys(tensors).sort()).toEqual(Object.keys(golden.safetensors).sort());
    for (const [k, e] of Object.entries(golden.safetensors)) expectClose(tensors[k]!, e, k, EXACT);
  });

  it('writes files a reader of the published format accepts (and round trips)', () => {
    const src = safetensors.deserialize(fx('by_python.safetensors')).tensors;
    const order = ['weight', 'bias', 'steps', 'mask', 'pixels', 'counts', 'empty', 'scalar'];
    const ordered = Object.fromEntries(order.map((k) => [k, src[k]!]));
    const bytes = safetensors.serialize(ordered, { format: 'pt', source: 'antorcha' });
    const headerLen = Number(new DataView(bytes.buffer).getBigUint64(0, true));
    expect(headerLen % 8).toBe(0);
    const back = safetensors.deserialize(bytes);
    for (const k of order) expect(back.tensors[k]!.equal(src[k]!) && back.tensors[k]!.dtype === src[k]!.dtype, k).toBe(true);
    if (WRITE) writeFileSync(new URL('./fixtures/by_antorcha.safetensors', import.meta.url), bytes);
    expect(fx('by_antorcha.safetensors')).toEqual(bytes);
  });
});

// ------------------------------------------------------------------ hostile and corrupt files

function expectRejected(f: () => unknown, message: string | RegExp): void {
  let err: unknown;
  try {
    f();
  } catch (e) {
    err = e;
  }
  expect(err, 'should throw').toBeInstanceOf(SerializationError);
  expect((err as Error).message).toMatch(message);
}

const good = fx('saved_by_pytorch_113.pt');

function withEntries(entries: { name: string; data: Uint8Array }[]): Uint8Array {
  return writeZip(entries);
}

function entriesOf(bytes: Uint8Array): { name: string; data: Uint8Array }[] {
  const z = new ZipReader(bytes);
  return [...z.entries.keys()].map((name) => ({ name, data: z.read(name) }));
}

function tensorPickle(storageType: string, numel: number, size: number[], stride: number[], offset = 0): Uint8Array {
  const pid = new PyPersistent(new PyTuple(['storage', new PyGlobal('torch', storageType), '0', 'cpu', numel]));
  return pickle({ t: new PyReduce(new PyGlobal('torch._utils', '_rebuild_tensor_v2'), [pid, offset, new PyTuple(size), new PyTuple(stride), false, new PyReduce(new PyGlobal('collections', 'OrderedDict'), [])]) });
}

function archive(pkl: Uint8Array, data: Uint8Array = new Uint8Array(16)): Uint8Array {
  return withEntries([
    { name: 'archive/data.pkl', data: pkl },
    { name: 'archive/data/0', data },
    { name: 'archive/version', data: new TextEncoder().encode('3\n') },
  ]);
}

describe('torch.load rejects corrupt and hostile files with clear errors', () => {
  it('accepts the well-formed crafted archive (control)', () => {
    const t = load<Dyn>(archive(tensorPickle('FloatStorage', 4, [2, 2], [2, 1]))).t as Tensor;
    expect(t.shape).toEqual([2, 2]);
  });
  it('not a zip, empty, legacy format', () => {
    expectRejected(() => load(new Uint8Array(0)), 'not a zip archive');
    expectRejected(() => load(new TextEncoder().encode('hello world, not a checkpoint')), 'not a zip archive');
    expectRejected(() => load(new Uint8Array([0x80, 0x02, 0x8a, 0x0a, 0x6c, 0xfc])), 'legacy');
  });
  it('truncated archives', () => {
    expectRejected(() => load(good.subarray(0, good.length >> 1)), 'end of central directory record not found');
    expectRejected(() => load(good.subarray(0, good.length - 1)), 'end of central directory record not found');
  });
  it('offsets and sizes beyond the file', () => {
    const n = good.length;
    const bad = good.slice();
    new DataView(bad.buffer).setUint32(n - 22 + 16, n + 1000, true); // central directory offset
    expectRejected(() => load(bad), 'central directory');
    const bad2 = good.slice();
    const cd = new DataView(bad2.buffer).getUint32(n - 22 + 16, true);
    new DataView(bad2.buffer).setUint32(cd + 42, n * 4, true); // local header offset of the first entry
    expectRejected(() => load(bad2), 'local header offset');
    const bad3 = good.slice();
    const dv3 = new DataView(bad3.buffer);
    // Find data/0's central entry and claim 3.9 GB of data.
    let p = cd;
    for (;;) {
      const nameLen = dv3.getUint16(p + 28, true);
      const name = new TextDecoder().decode(bad3.subarray(p + 46, p + 46 + nameLen));
      if (name === 'archive/data/0') break;
      p += 46 + nameLen + dv3.getUint16(p + 30, true) + dv3.getUint16(p + 32, true);
    }
    dv3.setUint32(p + 20, 0xfffffff0, true);
    dv3.setUint32(p + 24, 0xfffffff0, true);
    expectRejected(() => load(bad3), 'extends beyond the end of the file');
  });
  it('a flipped data byte fails the CRC check', () => {
    const e = entriesOf(good);
    const bad = writeZip(e).slice();
    const z = new ZipReader(bad);
    const entry = z.entries.get('archive/data/0')!;
    const start = entry.localOffset + 30 + new DataView(bad.buffer).getUint16(entry.localOffset + 26, true) + new DataView(bad.buffer).getUint16(entry.localOffset + 28, true);
    bad[start]! ^= 0xff;
    expectRejected(() => load(bad), 'CRC-32 mismatch');
  });
  it('storage byte count, tensor extent, missing records', () => {
    expectRejected(() => load(archive(tensorPickle('FloatStorage', 5, [5], [1]))), "storage '0' has 16 bytes but 5 float32 elements need 20");
    expectRejected(() => load(archive(tensorPickle('FloatStorage', 4, [2, 3], [3, 1]))), 'extends beyond its storage of 4 elements');
    expectRejected(() => load(archive(tensorPickle('FloatStorage', 4, [2 ** 40], [1]))), 'extends beyond its storage');
    expectRejected(() => load(archive(tensorPickle('FloatStorage', 4, [2, -2], [1, 1]))), 'negative');
    expectRejected(() => load(withEntries([{ name: 'archive/data.pkl', data: tensorPickle('FloatStorage', 4, [4], [1]) }])), "storage record 'archive/data/0' is missing");
    expectRejected(() => load(withEntries([{ name: 'archive/version', data: new Uint8Array(2) }])), 'no archive/data.pkl');
  });
  it('unknown and unsupported dtypes', () => {
    expectRejected(() => load(archive(tensorPickle('ShortStorage', 8, [8], [1]))), 'unsupported dtype: torch.ShortStorage');
    expectRejected(() => load(archive(tensorPickle('FancyStorage', 4, [4], [1]))), 'Unsupported global: GLOBAL torch.FancyStorage');
  });
  it('code execution attempts and opcodes outside state dicts', () => {
    const evil = pickle(new PyReduce(new PyGlobal('os', 'system'), ['echo pwned']));
    expectRejected(() => load(archive(evil)), 'Unsupported global: GLOBAL os.system');
    const builtinsEval = pickle(new PyReduce(new PyGlobal('builtins', 'eval'), ['1+1']));
    expectRejected(() => load(archive(builtinsEval)), 'Unsupported global: GLOBAL builtins.eval');
    // INST ('i'), protocol-4 FRAME (0x95) and STACK_GLOBAL (0x93) are refused.
    for (const op of [0x69, 0x95, 0x93]) {
      expectRejected(() => load(archive(new Uint8Array([0x80, 0x02, op, 0x2e]))), 'Unsupported operand');
    }
  });
  it('truncated and oversized pickle fields', () => {
    const pkl = tensorPickle('FloatStorage', 4, [4], [1]);
    expectRejected(() => load(archive(pkl.subarray(0, pkl.length - 3))), /truncated|no STOP/);
    // BINUNICODE declaring 2^32-1 bytes.
    expectRejected(() => load(archive(new Uint8Array([0x80, 0x02, 0x58, 0xff, 0xff, 0xff, 0xff, 0x2e]))), 'truncated data');
    expectRejected(() => load(archive(new Uint8Array([0x80, 0x02, 0x68, 0x05, 0x2e]))), 'memo key 5 not found');
    expectRejected(() => load(archive(new Uint8Array([0x80, 0x02, 0x2e]))), 'stack underflow');
    // 300 000 nested lists: refused with a clear error, not a crash.
    const depth = 300_000;
    const deep = new Uint8Array(2 + depth * 2 + 1);
    deep.set([0x80, 0x02]);
    deep.fill(0x5d, 2, 2 + depth); // EMPTY_LIST × depth
    deep.fill(0x61, 2 + depth, 1 + 2 * depth); // APPEND × (depth − 1)
    deep[1 + 2 * depth] = 0x2e;
    deep[2 + 2 * depth] = 0x2e;
    expectRejected(() => load(archive(deep)), /too deeply nested|Unsupported global|stack/);
    // 500 000 items under one MARK: valid, loads (memory bounded by the input's size).
    const many = new Uint8Array(3 + 500_000 + 2);
    many.set([0x80, 0x02, 0x28]);
    many.fill(0x4e, 3, 3 + 500_000); // NONE
    many.set([0x74, 0x2e], 3 + 500_000); // TUPLE, STOP
    expect((load(archive(many)) as unknown[]).length).toBe(500_000);
  });
});

describe('safetensors rejects corrupt and hostile files', () => {
  const enc = new TextEncoder();
  function st(header: string, data: Uint8Array = new Uint8Array(0), declared?: number): Uint8Array {
    const h = enc.encode(header);
    const out = new Uint8Array(8 + h.length + data.length);
    new DataView(out.buffer).setBigUint64(0, BigInt(declared ?? h.length), true);
    out.set(h, 8);
    out.set(data, 8 + h.length);
    return out;
  }
  const ok = '{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]}}';
  it('control', () => {
    expect(safetensors.deserialize(st(ok, new Uint8Array(8))).tensors.a!.shape).toEqual([2]);
  });
  it('header sizes', () => {
    expectRejected(() => safetensors.deserialize(new Uint8Array(4)), 'header too small');
    expectRejected(() => safetensors.deserialize(st(ok, new Uint8Array(8), 1000)), 'goes beyond the end of the data');
    expectRejected(() => safetensors.deserialize(st(ok, new Uint8Array(8), 2 ** 40)), 'header too large');
    expectRejected(() => safetensors.deserialize(st(' {}')), "does not start with '{'");
    expectRejected(() => safetensors.deserialize(st('{"a":')), 'not valid JSON');
  });
  it('dtypes, shapes and offsets', () => {
    expectRejected(() => safetensors.deserialize(st('{"a":{"dtype":"X9","shape":[2],"data_offsets":[0,8]}}', new Uint8Array(8))), "unknown dtype 'X9'");
    expectRejected(() => safetensors.deserialize(st('{"a":{"dtype":"I16","shape":[4],"data_offsets":[0,8]}}', new Uint8Array(8))), 'dtype I16, which Antorcha does not support');
    expectRejected(() => safetensors.deserialize(st('{"a":{"dtype":"F32","shape":[3],"data_offsets":[0,8]}}', new Uint8Array(8))), 'needs 12 bytes');
    expectRejected(() => safetensors.deserialize(st('{"a":{"dtype":"F32","shape":[1000000000,1000000000],"data_offsets":[0,8]}}', new Uint8Array(8))), 'shape overflows');
    expectRejected(() => safetensors.deserialize(st('{"a":{"dtype":"F32","shape":[-2],"data_offsets":[0,8]}}', new Uint8Array(8))), 'invalid shape');
    expectRejected(
      () => safetensors.deserialize(st('{"a":{"dtype":"F32","shape":[2],"data_offsets":[0,8]},"b":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}', new Uint8Array(12))),
      'contiguous',
    );
    expectRejected(() => safetensors.deserialize(st('{"a":{"dtype":"F32","shape":[2],"data_offsets":[4,12]}}', new Uint8Array(12))), 'starts at 4, expected 0');
    expectRejected(() => safetensors.deserialize(st(ok, new Uint8Array(16))), 'cover 8 bytes but the data section has 16');
    expectRejected(() => safetensors.deserialize(st(ok, new Uint8Array(4))), 'cover 8 bytes but the data section has 4');
    expectRejected(() => safetensors.deserialize(st('{"__metadata__":{"a":1}}')), 'is not a string');
  });
});
