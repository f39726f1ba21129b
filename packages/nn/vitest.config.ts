import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    setupFiles: ['test/setup.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // The public-types test's expectTypeOf assertions are checked by tsc here, so a type that
    // regresses to `any` (or any type error in the package) fails `npm test`, not only `typecheck`.
    typecheck: { enabled: true, include: ['test/public-types.test.ts'], tsconfig: 'tsconfig.json' },
  },
});
