// The kernel module's entry: every kernel file's exports are re-exported here.
// All pointers are byte offsets into the imported (shared) memory; sizes are element counts.
export * from './probe';
export * from './pool_probe';
export * from './elementwise';
export * from './reduce';
export * from './gemm';
export * from './ternary';
export * from './memory';
export * from './copy';
export * from './fft';
