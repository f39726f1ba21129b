import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // every buffer in the heap, so that the WebAssembly kernels see small and odd sizes too
    setupFiles: ['test/setup-heap.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
  },
});
