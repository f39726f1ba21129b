/**
 * Device-side checks (core's `deviceCheck`): a shader cannot throw, so a check
 * writes the first failing element's value and the message template's id into
 * the device's error word, which the next read raises (as CUDA raises
 * device-side asserts). Two dispatches: every thread whose element fails lowers a
 * scratch word to its index (atomicMax of the complement, 0 meaning "none"), then
 * one thread reports the element at that index and clears the scratch word, so
 * the reported value is the first in row-major order, as on the CPU.
 */
import type { DTypeName, TensorRef } from '@antorcha/core';
import { ENTRY_PARAMS, GROUP_ID, Meta, collapse, grid, indexToOffsets, numel } from '../codegen/layout.js';
import { Bindings, CHECK_SCRATCH_WORD, CHECK_VALUE_KIND, type GpuRuntime, INDEX_ERROR } from '../runtime.js';

const WG = 256;

/** How the reported value's 32 bits are decoded on the host (see `GpuRuntime.checkErrors`). */
function valueKind(dtype: DTypeName | null): number {
  if (dtype === null) return CHECK_VALUE_KIND.none;
  if (dtype === 'float32') return CHECK_VALUE_KIND.f32;
  if (dtype === 'int32' || dtype === 'int64') return CHECK_VALUE_KIND.i32;
  return CHECK_VALUE_KIND.u32;
}

/**
 * Queues the check: where `bad` (bool) is true, reports template `id` with the
 * element of `values` (a view of bad's shape, or null) at the first failing index.
 */
export function check(rt: GpuRuntime, bad: TensorRef, values: TensorRef | null, id: number): void {
  const n = numel(bad.shape);
  if (n === 0) return;
  const refs = values === null ? [bad] : [bad, values];
  const c = collapse(bad.shape, refs.map((r) => r.strides));
  const rank = c.shape.length;
  const meta = new Meta();
  meta.push(n);
  const idAt = meta.push(id);
  const kindAt = meta.push(valueKind(values?.dtype ?? null));
  const shapeAt = meta.pushAll(c.shape);
  const offAt = refs.map((r) => meta.push(r.offset));
  const strideAt = c.strides.map((s) => meta.pushAll(s));
  const words = meta.toArray();
  const key = `check:${bad.dtype}:${values?.dtype ?? '-'}:${rank}`;

  // 1. the smallest failing index, kept as its complement in the scratch word
  const find = new Bindings();
  const mask = find.tensor(bad.buffer, false);
  const err1 = find.raw(rt.errors, true, 'atomic<u32>');
  rt.run(`${key}:find`, find, words, grid(Math.ceil(n / WG)), () => `${find.declarations()}
@compute @workgroup_size(${WG})
fn main(${ENTRY_PARAMS}) {
  let idx = ${GROUP_ID} * ${WG}u + lid;
  if (idx >= md[0]) { return; }
  ${indexToOffsets('idx', rank, shapeAt, ['bo'], offAt.slice(0, 1), strideAt.slice(0, 1))}
  if (${mask}[bo] != 0u) { atomicMax(&${err1}[${CHECK_SCRATCH_WORD}], 0xffffffffu - idx); }
}`);

  // 2. one thread reports it (the first error since the last read wins) and clears the scratch word
  const report = new Bindings();
  const vals = values === null ? null : report.tensor(values.buffer, false);
  const err2 = report.raw(rt.errors, true, 'atomic<u32>');
  const valueBits = vals === null ? '0u' : `bitcast<u32>(${vals}[vo])`;
  rt.run(`${key}:report`, report, words, [1, 1, 1], () => `${report.declarations()}
@compute @workgroup_size(1)
fn main() {
  let m = atomicLoad(&${err2}[${CHECK_SCRATCH_WORD}]);
  if (m == 0u) { return; }
  atomicStore(&${err2}[${CHECK_SCRATCH_WORD}], 0u);
  let idx = 0xffffffffu - m;
  ${vals === null ? '' : indexToOffsets('idx', rank, shapeAt, ['bo', 'vo'], offAt, strideAt)}
  if (atomicAdd(&${err2}[0], 1u) == 0u) {
    atomicStore(&${err2}[1], ${INDEX_ERROR.deviceCheck}u);
    atomicStore(&${err2}[2], ${valueBits});
    atomicStore(&${err2}[3], md[${idAt}]);
    atomicStore(&${err2}[4], md[${kindAt}]);
  }
}`);
}
