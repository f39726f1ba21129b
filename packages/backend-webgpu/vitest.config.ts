import { existsSync } from 'node:fs';
import { defineConfig } from 'vitest/config';

// Without a GPU, Dawn runs on SwiftShader (Vulkan on the CPU) from Debian's chromium
// package. The loader and ICD are found through the environment, which the test
// workers inherit from this process; set ANTORCHA_WEBGPU_NATIVE=1 to keep the
// machine's own Vulkan driver (tools/gpu-check.sh does).
const chromium = '/usr/lib/chromium';
if (process.env.ANTORCHA_WEBGPU_NATIVE !== '1' && !process.env.VK_ICD_FILENAMES && existsSync(`${chromium}/vk_swiftshader_icd.json`)) {
  process.env.VK_ICD_FILENAMES = `${chromium}/vk_swiftshader_icd.json`;
  process.env.LD_LIBRARY_PATH = [chromium, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':');
}

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results.json' }]],
    // one GPU device per worker: run the files one after another
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // device-types.test.ts's expectTypeOf assertions are checked by tsc (and so is the package)
    typecheck: { enabled: true, include: ['test/device-types.test.ts'], tsconfig: 'tsconfig.json' },
  },
});
