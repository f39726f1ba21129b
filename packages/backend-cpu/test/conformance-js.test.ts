// The same conformance suite with the WebAssembly kernels switched off: the JavaScript
// kernels (the reference and the fallback where SIMD is missing) must pass it too.
import { registerBackend } from '@antorcha/core';
import { describeConformance } from '@antorcha/core/testing';
import { beforeAll, afterAll } from 'vitest';
import { cpuBackend, setCpuKernels } from '../src/index.js';

registerBackend(cpuBackend);
beforeAll(() => setCpuKernels('js'));
afterAll(() => setCpuKernels('wasm'));
describeConformance(cpuBackend);
