/**
 * PyTorch's CPU generator (`CPUGeneratorImpl`): an MT19937 engine, the full
 * 64-bit initial seed, and the two cached normals of the scalar Box–Muller
 * path.
 */

import { MT19937 } from './engine.js';
import { decodeState, encodeState } from './state.js';

/** A seed: any integer in [−2^63, 2^64), as a number or a bigint. */
export type Seed = number | bigint;

/** PyTorch's `default_rng_seed_val`: the seed of a fresh `torch.Generator()`. */
export const DEFAULT_RNG_SEED = 67280421310721n;

const TWO64 = 1n << 64n;
const MIN_SEED = -(1n << 63n);

/**
 * Converts a seed to the uint64 PyTorch stores (negative seeds wrap as two's
 * complement: `2^64 + seed`).
 * @param op the name used in error messages (default `'manual_seed'`).
 * @throws TypeError if `seed` is not an integer number or a bigint.
 * @throws RangeError if `seed` is outside [−2^63, 2^64).
 */
export function normalizeSeed(seed: Seed, op = 'manual_seed'): bigint {
  let s: bigint;
  if (typeof seed === 'bigint') {
    s = seed;
  } else if (typeof seed === 'number') {
    if (!Number.isInteger(seed)) {
      throw new TypeError(`${op} expects an integer seed, but got ${String(seed)}`);
    }
    s = BigInt(seed);
  } else {
    throw new TypeError(`${op} expects an integer seed (number or bigint), but got ${typeof seed}`);
  }
  if (s < MIN_SEED || s >= TWO64) {
    throw new RangeError(
      `${op}: seed must be in [-2**63, 2**64), but got ${s.toString()} (PyTorch: Overflow when unpacking long)`,
    );
  }
  return s < 0n ? s + TWO64 : s;
}

/** 64 non-deterministic bits (Web Crypto when available). */
function nonDeterministicSeed(): bigint {
  const c = (globalThis as { crypto?: { getRandomValues?: (a: Uint32Array) => Uint32Array } }).crypto;
  const w = new Uint32Array(2);
  if (c && typeof c.getRandomValues === 'function') {
    c.getRandomValues(w);
  } else {
    w[0] = Math.floor(Math.random() * 4294967296);
    w[1] = (Math.floor(Math.random() * 4294967296) ^ Date.now()) >>> 0;
  }
  return (BigInt(w[0]!) << 32n) | BigInt(w[1]!);
}

const TWO_M53 = 1.1102230246251565e-16; // 2^-53
const TWO_M24 = 5.9604644775390625e-8; // 2^-24

/**
 * A CPU random generator with PyTorch's exact streams
 * (`torch.Generator()` / the default generator).
 *
 * @example
 * ```ts
 * const g = new torch.Generator().manualSeed(0);
 * console.log(g.random(), g.random64()); // raw MT19937 draws
 * g.manualSeed(0);
 * console.log(torch.rand([3], { generator: g })); // torch.rand(3, generator=g)
 * ```
 * ```text
 * 2357136044 10936052917074306677n
 * tensor([0.4963, 0.7682, 0.0885])
 * ```
 */
export class Generator {
  /** The MT19937 engine (exposed for the distribution kernels). */
  readonly engine = new MT19937();
  /**
   * The cached standard normal of the scalar Box–Muller path (PyTorch's
   * `next_double_normal_sample`), or null. Cleared by `manualSeed`.
   */
  nextDoubleNormal: number | null = null;
  /**
   * PyTorch's `next_float_normal_sample`: never set by any CPU kernel; kept
   * only so that it round-trips through `getState`/`setState`.
   */
  nextFloatNormal: number | null = null;
  private initial: bigint = DEFAULT_RNG_SEED;

  /**
   * A generator seeded with `seed` (default: PyTorch's default seed
   * 67280421310721, like a fresh `torch.Generator()`).
   * @throws TypeError / RangeError for a bad seed (see {@link normalizeSeed}).
   */
  constructor(seed: Seed = DEFAULT_RNG_SEED) {
    this.manualSeed(seed);
  }

  /**
   * `manual_seed`: re-seeds the engine with the low 32 bits of `seed`, keeps
   * the full value for {@link initialSeed}, and clears both cached normals.
   * @returns this generator.
   * @throws TypeError if `seed` is not an integer; RangeError if it is outside [−2^63, 2^64).
   */
  manualSeed(seed: Seed): this {
    const s = normalizeSeed(seed, 'manual_seed');
    this.setSeedU64(s);
    return this;
  }

  /**
   * `seed()`: re-seeds with a non-deterministic 64-bit value (Web Crypto) and
   * returns it. Clears the cached normals like `manualSeed`.
   */
  seed(): bigint {
    const s = nonDeterministicSeed();
    this.setSeedU64(s);
    return s;
  }

  /** `initial_seed()`: the seed last set, as an unsigned 64-bit bigint. */
  initialSeed(): bigint {
    return this.initial;
  }

  /**
   * `get_state()`: the 5056-byte state blob of SPEC §1.6 (identical bytes to
   * `torch.get_rng_state()`), including the cached normals.
   */
  getState(): Uint8Array {
    return encodeState({
      initialSeed: this.initial,
      words: this.engine.state,
      left: this.engine.left,
      next: this.engine.next,
      nextDoubleNormal: this.nextDoubleNormal,
      nextFloatNormal: this.nextFloatNormal,
    });
  }

  /**
   * `set_state()`: loads a blob from {@link getState} or
   * `torch.get_rng_state()` (5056 bytes, or the legacy 5048-byte form),
   * including the cached normals. The blob is validated first; on error the
   * generator is left unchanged.
   * @returns this generator.
   * @throws RngError with PyTorch's text: wrong size, or "Invalid mt19937 state".
   */
  setState(state: Uint8Array): this {
    const f = decodeState(state);
    this.initial = f.initialSeed;
    this.engine.state.set(f.words);
    this.engine.left = f.left;
    this.engine.next = f.next;
    this.nextDoubleNormal = f.nextDoubleNormal;
    this.nextFloatNormal = f.nextFloatNormal;
    return this;
  }

  /** A new generator with a copy of this one's complete state. */
  clone(): Generator {
    const g = new Generator();
    g.initial = this.initial;
    g.engine.copyFrom(this.engine);
    g.nextDoubleNormal = this.nextDoubleNormal;
    g.nextFloatNormal = this.nextFloatNormal;
    return g;
  }

  /** `random()`: one 32-bit engine output, as a uint32 number. */
  random(): number {
    return this.engine.nextUint32();
  }

  /** `random64()`: two draws combined as `(first << 32) | second` (the first draw is the HIGH word). */
  random64(): bigint {
    const hi = this.engine.nextUint32();
    const lo = this.engine.nextUint32();
    return (BigInt(hi) << 32n) | BigInt(lo);
  }

  /**
   * The float64 standard uniform of `uniform_real_distribution<double>(0,1)`:
   * the low 53 bits of `random64()` times 2^-53 (two draws), in [0, 1).
   */
  nextDouble(): number {
    const e = this.engine;
    const hi = e.nextInt32() & 0x1fffff;
    const lo = e.nextInt32() >>> 0;
    return (hi * 4294967296 + lo) * TWO_M53;
  }

  /**
   * The float32 standard uniform of `uniform_real_distribution<float>(0,1)`:
   * the low 24 bits of `random()` times 2^-24 (one draw), in [0, 1).
   */
  nextFloat(): number {
    return (this.engine.nextInt32() & 0xffffff) * TWO_M24;
  }

  private setSeedU64(s: bigint): void {
    this.initial = s;
    this.engine.seed(Number(s & 0xffffffffn));
    this.nextDoubleNormal = null;
    this.nextFloatNormal = null;
  }
}

/**
 * The process-wide default generator (`torch.default_generator`). Like
 * PyTorch's, it is seeded non-deterministically at start-up (a fresh
 * `new Generator()` instead starts from {@link DEFAULT_RNG_SEED}); call
 * `defaultGenerator.manualSeed(s)` for reproducible streams.
 */
export const defaultGenerator: Generator = new Generator();
defaultGenerator.seed();
