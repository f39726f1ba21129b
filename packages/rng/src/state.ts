/**
 * PyTorch's CPU generator state blob (`torch.get_rng_state()`), SPEC §1.6:
 * 5056 little-endian bytes (`CPUGeneratorImplState`), or the legacy 5048-byte
 * form (`CPUGeneratorImplStateLegacy`) that PyTorch still accepts.
 */

import { MT_N } from './engine.js';
import { RngError } from './errors.js';
import { crSin } from './crmath.js';

/** Size of the current state blob (`CPUGeneratorImplState`). */
export const RNG_STATE_SIZE = 5056;
/** Size of the legacy state blob (`CPUGeneratorImplStateLegacy`), accepted by `setState`. */
export const RNG_STATE_SIZE_LEGACY = 5048;

const OFF_SEED = 0;
const OFF_LEFT = 8;
const OFF_SEEDED = 12;
const OFF_NEXT = 16;
const OFF_STATE = 24;
const OFF_NORMAL_X = OFF_STATE + MT_N * 8; // 5016
const OFF_NORMAL_Y = OFF_NORMAL_X + 8; // 5024
const OFF_NORMAL_RHO = OFF_NORMAL_Y + 8; // 5032
const OFF_NORMAL_VALID = OFF_NORMAL_RHO + 8; // 5040
const OFF_FLOAT_NORMAL = 5048;
const OFF_FLOAT_NORMAL_VALID = 5052;

/** The fields a generator state is made of. */
export interface StateFields {
  /** Full 64-bit initial seed (uint64). */
  initialSeed: bigint;
  /** The 624 MT words (uint32 values in an Int32Array). */
  words: Int32Array;
  /** PyTorch's `left_`. */
  left: number;
  /** PyTorch's `next_`. */
  next: number;
  /** Cached double normal of the scalar Box–Muller path, or null. */
  nextDoubleNormal: number | null;
  /** Cached float normal (never set by CPU kernels), or null. */
  nextFloatNormal: number | null;
}

/** Serialises the fields into a fresh 5056-byte blob, byte for byte as PyTorch. */
export function encodeState(f: StateFields): Uint8Array {
  const out = new Uint8Array(RNG_STATE_SIZE);
  const dv = new DataView(out.buffer);
  dv.setBigUint64(OFF_SEED, f.initialSeed, true);
  dv.setInt32(OFF_LEFT, f.left, true);
  dv.setInt32(OFF_SEEDED, 1, true);
  dv.setBigUint64(OFF_NEXT, BigInt(f.next >>> 0), true);
  for (let i = 0; i < MT_N; i++) {
    dv.setUint32(OFF_STATE + 8 * i, f.words[i]! >>> 0, true);
    // high word stays 0 (zero-extended)
  }
  // normal_x and normal_rho are always 0
  dv.setFloat64(OFF_NORMAL_Y, f.nextDoubleNormal ?? 0, true);
  dv.setInt32(OFF_NORMAL_VALID, f.nextDoubleNormal === null ? 0 : 1, true);
  dv.setFloat32(OFF_FLOAT_NORMAL, f.nextFloatNormal ?? 0, true);
  out[OFF_FLOAT_NORMAL_VALID] = f.nextFloatNormal === null ? 0 : 1;
  return out;
}

/**
 * Parses and validates a state blob as PyTorch's `set_state` does.
 * @throws RngError (RuntimeError) with PyTorch's text when the size is wrong
 *   or the MT fields are invalid (`seeded == 0`, `left` not in (0, 624],
 *   `next > 624`).
 * @throws TypeError when `bytes` is not a Uint8Array.
 */
export function decodeState(bytes: Uint8Array): StateFields {
  if (!(bytes instanceof Uint8Array)) {
    throw new RngError('set_rng_state', 'RNG state must be a torch.ByteTensor', 'TypeError');
  }
  const n = bytes.length;
  if (n !== RNG_STATE_SIZE && n !== RNG_STATE_SIZE_LEGACY) {
    throw new RngError(
      'set_rng_state',
      `Expected either a CPUGeneratorImplStateLegacy of size ${RNG_STATE_SIZE_LEGACY} or a CPUGeneratorImplState of size ${RNG_STATE_SIZE} but found the input RNG state size to be ${n}`,
    );
  }
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const initialSeed = dv.getBigUint64(OFF_SEED, true);
  const left = dv.getInt32(OFF_LEFT, true);
  const seeded = dv.getInt32(OFF_SEEDED, true);
  // PyTorch copies the uint64 fields into uint32 ones: high halves are dropped.
  const next = dv.getUint32(OFF_NEXT, true);
  const words = new Int32Array(MT_N);
  for (let i = 0; i < MT_N; i++) words[i] = dv.getInt32(OFF_STATE + 8 * i, true);
  let nextDoubleNormal: number | null = null;
  let nextFloatNormal: number | null = null;
  if (n === RNG_STATE_SIZE_LEGACY) {
    if (dv.getInt32(OFF_NORMAL_VALID, true) !== 0) {
      // legacy blobs cached (x, rho): the sample is rho * sin(2*pi*x)
      const r = dv.getFloat64(OFF_NORMAL_RHO, true);
      const theta = 2.0 * Math.PI * dv.getFloat64(OFF_NORMAL_X, true);
      nextDoubleNormal = r * crSin(theta);
    }
  } else {
    if (bytes[OFF_FLOAT_NORMAL_VALID] !== 0) nextFloatNormal = dv.getFloat32(OFF_FLOAT_NORMAL, true);
    if (dv.getInt32(OFF_NORMAL_VALID, true) !== 0) nextDoubleNormal = dv.getFloat64(OFF_NORMAL_Y, true);
  }
  if (seeded === 0 || !(left > 0 && left <= MT_N) || next > MT_N) {
    throw new RngError('set_rng_state', 'Invalid mt19937 state');
  }
  return { initialSeed, words, left, next, nextDoubleNormal, nextFloatNormal };
}
