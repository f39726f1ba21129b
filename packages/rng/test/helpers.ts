/**
 * Test helpers: fixture loading and decoding (fixtures are written by
 * tools/golden/rng_fixtures.py from the real PyTorch 1.13).
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

/** One fixture case. */
export interface Case {
  op: string;
  seed: string;
  args: Record<string, any>;
  dtype: string;
  n: number;
  b64?: string;
  sha256?: string;
  [k: string]: any;
}

/** A fixture file. */
export interface Fixture {
  torch: string;
  cpu_capability: string;
  cases: Case[];
  spec_2x?: Array<Case & { values: Array<string | number> }>;
}

const cache = new Map<string, Fixture>();

/** Loads test/fixtures/<name>. */
export function loadFixture(name: string): Fixture {
  let f = cache.get(name);
  if (!f) {
    f = JSON.parse(readFileSync(join(here, 'fixtures', name), 'utf8')) as Fixture;
    cache.set(name, f);
  }
  return f;
}

/** The main torch 1.13 fixture. */
export const main = (): Fixture => loadFixture('torch113_avx2.json');
/** The large-sample torch 1.13 fixture. */
export const large = (): Fixture => loadFixture('torch113_avx2_large.json');

/** Cases of `op` (optionally filtered). */
export function cases(f: Fixture, op: string, pred: (c: Case) => boolean = () => true): Case[] {
  return f.cases.filter((c) => c.op === op && pred(c));
}

/** Raw bytes of a base64 string. */
export function bytesOf(b64: string): Uint8Array {
  const b = Buffer.from(b64, 'base64');
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength).slice();
}

/** Decodes little-endian raw bytes as the given dtype. */
export function decode(b64: string, dtype: string): Float32Array | Float64Array | BigInt64Array | Int32Array | Int16Array | Int8Array | Uint8Array {
  const u8 = bytesOf(b64);
  const buf = u8.buffer;
  switch (dtype) {
    case 'float32':
      return new Float32Array(buf);
    case 'float64':
      return new Float64Array(buf);
    case 'int64':
      return new BigInt64Array(buf);
    case 'int32':
      return new Int32Array(buf);
    case 'int16':
      return new Int16Array(buf);
    case 'int8':
      return new Int8Array(buf);
    case 'uint8':
    case 'bool':
      return u8;
    default:
      throw new Error(`unknown dtype ${dtype}`);
  }
}

/** Decoded expected values of a case. */
export function expected(c: Case): ReturnType<typeof decode> {
  if (c.b64 === undefined) throw new Error(`case ${c.op} has no values`);
  return decode(c.b64, c.dtype);
}

/** Parses a Python float.hex() string. */
export function hex(s: string): number {
  if (s === 'inf') return Infinity;
  if (s === '-inf') return -Infinity;
  if (s === 'nan') return NaN;
  const m = /^(-?)0x([01])\.([0-9a-f]+)p([+-]\d+)$/.exec(s);
  if (!m) throw new Error(`bad hex float ${s}`);
  const mant = BigInt(`0x${m[2]}${m[3]}`);
  const e = Number(m[4]) - 4 * m[3]!.length;
  // mant has at most 53 significant bits: scale in two steps to stay exact for subnormals
  const v = Number(mant) * 2 ** Math.max(e, -1000) * 2 ** Math.min(0, e + 1000) ;
  return m[1] ? -v : v;
}

/** BigInt of a decimal seed string. */
export const big = (s: string): bigint => BigInt(s);

/** sha256 hex of the raw bytes of a typed array. */
export function sha256(a: ArrayBufferView): string {
  return createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');
}

/** Allocates a float array of the dtype. */
export function floatArray(dtype: string, n: number): Float32Array | Float64Array {
  if (dtype === 'float32') return new Float32Array(n);
  if (dtype === 'float64') return new Float64Array(n);
  throw new Error(`not a float dtype: ${dtype}`);
}

/** Indices where a and b differ bitwise (Object.is). */
export function diffs(a: ArrayLike<number | bigint>, b: ArrayLike<number | bigint>): number[] {
  const out: number[] = [];
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) out.push(i);
  return out;
}

const f64 = new Float64Array(1);
const i64 = new BigInt64Array(f64.buffer);

/** Distance in units in the last place between two finite doubles. */
export function ulps64(a: number, b: number): number {
  const ord = (x: number): bigint => {
    f64[0] = x;
    const v = i64[0]!;
    return v >= 0n ? v : -(v & 0x7fffffffffffffffn);
  };
  const d = ord(a) - ord(b);
  return Number(d < 0n ? -d : d);
}
