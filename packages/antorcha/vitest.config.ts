import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // The soak test forces garbage collection to measure retained memory honestly.
    execArgv: ['--expose-gc'],
    // item-types' expectTypeOf assertions are checked by tsc here, so `npm test` fails when
    // the dtype-typed results regress, not only `typecheck`.
    typecheck: { enabled: true, include: ['test/item-types.test.ts'], tsconfig: 'tsconfig.json' },
  },
});
