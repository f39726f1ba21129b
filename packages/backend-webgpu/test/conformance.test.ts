// The conformance suite from @antorcha/core/testing on WebGPU (SwiftShader in CI): golden
// PyTorch ops skipped by the backend's declared dtypes (no float64), random fills, memory,
// and autograd on the device (the facade installs it). Without an adapter it is skipped.
import 'antorcha';
import { describeConformance } from '@antorcha/core/testing';
import { describe, it } from 'vitest';
import { backend } from './gpu.js';

if (backend) describeConformance(backend, { autograd: true });
else describe('conformance of the webgpu backend', () => it.skip('no WebGPU adapter on this machine', () => {}));
