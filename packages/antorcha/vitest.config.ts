import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // The soak test forces garbage collection to measure retained memory honestly.
    execArgv: ['--expose-gc'],
  },
});
