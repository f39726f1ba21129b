// Shared test setup: the CPU backend and autograd installed into core.
import { registerBackend } from '@antorcha/core';
import { cpuBackend } from '@antorcha/backend-cpu';
import { installAutograd } from '@antorcha/autograd';

registerBackend(cpuBackend);
installAutograd();
