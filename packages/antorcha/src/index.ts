/**
 * Antorcha — PyTorch for TypeScript.
 *
 * ```ts
 * import * as torch from 'antorcha';
 * torch.manualSeed(7);
 * const x = torch.randn(1, 5);
 * console.log(x.sigmoid().sum());
 * ```
 *
 * Importing this module registers the CPU backend.
 * @packageDocumentation
 */
import { registerBackend } from '@antorcha/core';
import { cpuBackend } from '@antorcha/backend-cpu';

registerBackend(cpuBackend);

export * from '@antorcha/core';
