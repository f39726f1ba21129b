// Kernels that test the worker pool (src/wasm/pool.ts): disjoint writes from several
// threads, writes through bulk memory after the shared memory grew, and traps.

/** Stores `value` into `n` float32 elements at byte `address`, one plain store at a time. */
export function poolFillF32(address: usize, n: i32, value: f32): void {
  for (let i = 0; i < n; i++) store<f32>(address + (<usize>i << 2), value);
}

/** Sets `n` bytes at `address` to `value` with `memory.fill` (bulk memory, explicitly bounds-checked). */
export function poolFillBytes(address: usize, n: i32, value: i32): void {
  memory.fill(address, <u8>value, <usize>n);
}

/** Traps when `mode` is 1 (`unreachable`), calls the imported `abort` when it is 2; returns otherwise. */
export function poolTrap(mode: i32): void {
  if (mode == 1) unreachable();
  if (mode == 2) abort();
}
