// `pnpm test:fuzz`: the long fuzz runs (`test/**/*.fuzz.ts`), kept out of `npm test`.
// With DIFF_TOOL=name set it runs test/differential/<name>.tool.ts instead (write-cases:
// the case writer tools/golden/differential.py calls).
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: process.env.DIFF_TOOL ? [`test/differential/${process.env.DIFF_TOOL}.tool.ts`] : ['test/**/*.fuzz.ts'],
    testTimeout: 60 * 60 * 1000,
    hookTimeout: 60 * 1000,
    reporters: ['default'],
  },
});
