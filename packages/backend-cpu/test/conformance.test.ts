// The golden op suite from @antorcha/core/testing (real PyTorch results), on the CPU backend.
import { registerBackend } from '@antorcha/core';
import { loadOpCases, runOpCase } from '@antorcha/core/testing';
import { describe, expect, it } from 'vitest';
import { cpuBackend } from '../src/index.js';

registerBackend(cpuBackend);

const cases = loadOpCases();
const byOp = new Map<string, typeof cases>();
for (const c of cases) byOp.set(c.op, [...(byOp.get(c.op) ?? []), c]);

describe('golden ops (PyTorch) on cpu', () => {
  for (const [op, list] of byOp) {
    describe(op, () => {
      for (const c of list) it(c.name, () => expect(runOpCase(c, 'cpu')).toBeNull());
    });
  }
});
