/**
 * Independent scalar references for the tests: exact integer arithmetic through
 * BigInt (wrapped to the dtype's width), floats through plain Math then rounded
 * to the compute dtype. Kept deliberately naive and separate from src/.
 */
import type { BinaryOp, DTypeName } from '@antorcha/core';

const B = BigInt;

/** Wraps an exact integer result to an integer dtype, as C's two's complement does. */
export function wrapInt(v: bigint, dt: DTypeName): number {
  switch (dt) {
    case 'int32':
      return Number(BigInt.asIntN(32, v));
    case 'uint8':
      return Number(BigInt.asUintN(8, v));
    case 'bool':
      return v !== 0n ? 1 : 0;
    default:
      return Number(BigInt.asIntN(64, v));
  }
}

/** Rounds a double result to a float compute dtype. */
export function roundFloat(v: number, dt: DTypeName): number {
  return dt === 'float32' ? Math.fround(v) : v;
}

export const isFloat = (dt: DTypeName): boolean => dt === 'float32' || dt === 'float64';

function floorDivBig(a: bigint, b: bigint): bigint {
  const q = a / b;
  return (a % b !== 0n) && ((a < 0n) !== (b < 0n)) ? q - 1n : q;
}

function powBig(a: bigint, b: bigint): bigint {
  if (b < 0n) return a === 1n ? 1n : a === -1n ? (b % 2n === 0n ? 1n : -1n) : 0n;
  let r = 1n;
  for (let i = 0n; i < b; i++) r *= a;
  return r;
}

function gcdBig(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

/** The neighbour of a towards b, by stepping the bit pattern (a DataView, independent of src/). */
function nextafterRef(a: number, b: number, cd: DTypeName): number {
  if (Number.isNaN(a) || Number.isNaN(b)) return NaN;
  if (a === b) return b;
  const dv = new DataView(new ArrayBuffer(8));
  if (cd === 'float32') {
    if (a === 0) return (b > 0 ? 1 : -1) * 2 ** -149;
    dv.setFloat32(0, a);
    dv.setUint32(0, dv.getUint32(0) + ((a < b) === (a > 0) ? 1 : -1));
    return dv.getFloat32(0);
  }
  if (a === 0) return (b > 0 ? 1 : -1) * 2 ** -1074;
  dv.setFloat64(0, a);
  dv.setBigUint64(0, dv.getBigUint64(0) + ((a < b) === (a > 0) ? 1n : -1n));
  return dv.getFloat64(0);
}

/** Comparisons and logical ops produce bool. */
export const BOOL_RESULT = new Set<BinaryOp>(['eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logicalAnd', 'logicalOr', 'logicalXor']);

/** `op(a, b)` computed in `cd` (inputs are already values of cd). */
export function refBinary(op: BinaryOp, a: number, b: number, cd: DTypeName): number {
  switch (op) {
    case 'eq': return a === b ? 1 : 0;
    case 'ne': return a !== b ? 1 : 0;
    case 'lt': return a < b ? 1 : 0;
    case 'le': return a <= b ? 1 : 0;
    case 'gt': return a > b ? 1 : 0;
    case 'ge': return a >= b ? 1 : 0;
    case 'logicalAnd': return a && b ? 1 : 0;
    case 'logicalOr': return a || b ? 1 : 0;
    case 'logicalXor': return !a !== !b ? 1 : 0;
  }
  if (isFloat(cd)) {
    let r: number;
    switch (op) {
      case 'add': r = a + b; break;
      case 'sub': r = a - b; break;
      case 'mul': r = a * b; break;
      case 'div': r = a / b; break;
      case 'floorDivide': r = Math.floor(a / b); break;
      case 'truncDivide': r = Math.trunc(roundFloat(a / b, cd)); break;
      case 'pow': r = a ** b; break;
      case 'maximum': r = Number.isNaN(a) || Number.isNaN(b) ? NaN : a > b ? a : b; break;
      case 'minimum': r = Number.isNaN(a) || Number.isNaN(b) ? NaN : a < b ? a : b; break;
      case 'fmax': r = Number.isNaN(a) ? b : Number.isNaN(b) ? a : a > b ? a : b; break;
      case 'fmin': r = Number.isNaN(a) ? b : Number.isNaN(b) ? a : a < b ? a : b; break;
      case 'remainder': r = a - b * Math.floor(a / b); break;
      case 'fmod': r = a - b * Math.trunc(a / b); break;
      case 'atan2': r = Math.atan2(a, b); break;
      case 'hypot': r = Math.sqrt(a * a + b * b); break;
      case 'copysign': r = (b < 0 || Object.is(b, -0) ? -1 : 1) * Math.abs(a); break;
      case 'nextafter': return nextafterRef(a, b, cd);
      default: throw new Error(`no float reference for ${op}`);
    }
    return roundFloat(r, cd);
  }
  const x = B(a), y = B(b);
  switch (op) {
    case 'add': return wrapInt(x + y, cd);
    case 'sub': return wrapInt(x - y, cd);
    case 'mul': return wrapInt(x * y, cd);
    case 'floorDivide': return y === 0n ? 0 : wrapInt(floorDivBig(x, y), cd);
    case 'truncDivide': return y === 0n ? 0 : wrapInt(x / y, cd);
    case 'remainder': return y === 0n ? 0 : wrapInt(x - y * floorDivBig(x, y), cd);
    case 'fmod': return y === 0n ? 0 : wrapInt(x % y, cd);
    case 'pow': return wrapInt(powBig(x, y), cd);
    case 'maximum': return x > y ? a : b;
    case 'minimum': return x < y ? a : b;
    case 'bitwiseAnd': return wrapInt(x & y, cd);
    case 'bitwiseOr': return wrapInt(x | y, cd);
    case 'bitwiseXor': return wrapInt(x ^ y, cd);
    case 'gcd': return wrapInt(gcdBig(x, y), cd);
    case 'lcm': {
      const g = gcdBig(x, y);
      if (g === 0n) return 0;
      // C++'s abs(a / g * b): the product wraps in the dtype's arithmetic (uint8 computes in int)
      const p = cd === 'uint8' ? (x / g) * y : B(wrapInt((x / g) * y, cd));
      return wrapInt(p < 0n ? -p : p, cd);
    }
    // the count mod the width C++ shifts in (x86): 64 for int64, else 32 (uint8 promotes to int)
    case 'bitwiseLeftShift': return wrapInt(x << (y & (cd === 'int64' ? 63n : 31n)), cd);
    case 'bitwiseRightShift': return wrapInt(x >> (y & (cd === 'int64' ? 63n : 31n)), cd);
    default: throw new Error(`no integer reference for ${op}`);
  }
}
