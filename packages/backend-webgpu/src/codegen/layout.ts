/**
 * Strided layouts in shaders. Kernels receive shapes, strides and offsets in a
 * metadata buffer (`meta: array<u32>`) rather than baked into the WGSL, so one
 * compiled pipeline serves every shape of a given rank; only the rank (after
 * merging dims that are contiguous in every operand) is a template parameter.
 */

// Shape arithmetic is core's; re-exported under the names the kernels use.
export { numelOf as numel, contiguousStrides } from '@antorcha/core';

/** Shape and per-operand strides after {@link collapse}; always at least one dim. */
export interface Collapsed {
  shape: number[];
  strides: number[][];
}

/**
 * Simplifies an iteration space shared by several operands (as the CPU backend
 * and ATen's TensorIterator do): drops size-1 dims and merges dim i into dim i+1
 * wherever `strides[i] === strides[i+1] * shape[i+1]` holds for every operand.
 * Row-major order of the result equals row-major order of the input shape.
 */
export function collapse(shape: readonly number[], strides: readonly (readonly number[])[]): Collapsed {
  const k = strides.length;
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let d = shape.length - 1; d >= 0; d--) {
    const size = shape[d]!;
    if (size === 1) continue;
    if (outShape.length > 0) {
      let mergeable = true;
      for (let j = 0; j < k; j++) {
        if (strides[j]![d] !== outStrides[j]![0]! * outShape[0]!) {
          mergeable = false;
          break;
        }
      }
      if (mergeable) {
        outShape[0]! *= size;
        continue;
      }
    }
    outShape.unshift(size);
    for (let j = 0; j < k; j++) outStrides[j]!.unshift(strides[j]![d]!);
  }
  if (outShape.length === 0) {
    outShape.push(1);
    for (let j = 0; j < k; j++) outStrides[j]!.push(0);
  }
  return { shape: outShape, strides: outStrides };
}

/** Metadata words of a kernel, with named positions for the WGSL that reads them. */
export class Meta {
  /** The words (u32 bit patterns). */
  readonly words: number[] = [];

  /** Appends a non-negative integer; returns its index. */
  push(v: number): number {
    this.words.push(v >>> 0);
    return this.words.length - 1;
  }

  /** Appends several integers; returns the index of the first. */
  pushAll(vs: readonly number[]): number {
    const at = this.words.length;
    for (const v of vs) this.words.push(v >>> 0);
    return at;
  }

  /** Appends a raw 32-bit pattern; returns its index. */
  pushBits(bits: number): number {
    this.words.push(bits >>> 0);
    return this.words.length - 1;
  }

  /** The words as a Uint32Array. */
  toArray(): Uint32Array {
    return Uint32Array.from(this.words);
  }
}

/**
 * WGSL statements turning the linear index `idx` (row-major over a shape of rank
 * `rank` whose sizes are at `md[shapeAt..]`) into element offsets, one `var`
 * per operand: `offsets[j]` names the variable, whose initial value (the
 * operand's offset) is at `md[offsetAt[j]]` and strides at `md[strideAt[j]..]`.
 */
export function indexToOffsets(idx: string, rank: number, shapeAt: number, offsets: readonly string[], offsetAt: readonly number[], strideAt: readonly number[]): string {
  const lines: string[] = [];
  offsets.forEach((name, j) => lines.push(`var ${name}: u32 = md[${offsetAt[j]}];`));
  if (rank === 0) return lines.join('\n  ');
  lines.push(`var rem: u32 = ${idx};`);
  for (let d = rank - 1; d >= 0; d--) {
    if (d > 0) lines.push(`{ let sz = md[${shapeAt + d}]; let c = rem % sz; rem = rem / sz;`);
    else lines.push('{ let c = rem;');
    for (let j = 0; j < offsets.length; j++) lines.push(`  ${offsets[j]} = ${offsets[j]} + c * md[${strideAt[j]! + d}];`);
    lines.push('}');
  }
  return lines.join('\n  ');
}

/** Largest workgroup count per dispatch dimension WebGPU guarantees. */
export const MAX_GROUPS = 65535;

/** A dispatch grid covering `groups` workgroups (2-D when one dimension is not enough). */
export function grid(groups: number): [number, number, number] {
  if (groups <= MAX_GROUPS) return [Math.max(groups, 1), 1, 1];
  const y = Math.ceil(groups / MAX_GROUPS);
  return [Math.ceil(groups / y), y, 1];
}

/** The WGSL expression of a workgroup's linear id in a {@link grid}. */
export const GROUP_ID = '(wid.y * nwg.x + wid.x)';

/** The entry point's builtin parameters that {@link GROUP_ID} uses. */
export const ENTRY_PARAMS = '@builtin(workgroup_id) wid: vec3<u32>, @builtin(num_workgroups) nwg: vec3<u32>, @builtin(local_invocation_index) lid: u32';
