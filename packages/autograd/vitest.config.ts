import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // The memory test forces garbage collection to measure retained heap honestly.
    execArgv: ['--expose-gc'],
  },
});
