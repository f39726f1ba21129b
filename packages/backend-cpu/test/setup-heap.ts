// backend-cpu's own tests put every buffer, however small, in the CPU heap, so that the
// WebAssembly kernels (which only see heap tensors) are exercised on small and odd sizes;
// by default buffers under 4 KiB are ordinary typed arrays (see src/memory.ts).
import { _setHeapMinBytes } from '../src/memory.js';

_setHeapMinBytes(0);
