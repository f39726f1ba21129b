// Bulk memory for the heap: V8 fills and copies typed arrays over shared memory byte by
// byte (as relaxed atomics), several times slower than these, which compile to memset/memmove.

/** Zeroes `bytes` bytes at `address`. */
export function heapZero(address: usize, bytes: usize): void {
  memory.fill(address, 0, bytes);
}

/** Copies `bytes` bytes from `src` to `dst` (the ranges may overlap). */
export function heapCopy(dst: usize, src: usize, bytes: usize): void {
  memory.copy(dst, src, bytes);
}
