// The conformance suite from @antorcha/core/testing (golden PyTorch ops, random fills, memory) on the CPU backend.
import { registerBackend } from '@antorcha/core';
import { describeConformance } from '@antorcha/core/testing';
import { cpuBackend } from '../src/index.js';

registerBackend(cpuBackend);
describeConformance(cpuBackend);
