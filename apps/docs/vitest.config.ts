import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // The workspace packages' built output is plain ESM: Node loads it as it is (faster than
    // having Vite transform the whole library for each test file).
    server: { deps: { external: [/[\\/]packages[\\/][\w-]+[\\/]dist[\\/]/] } },
  },
});
