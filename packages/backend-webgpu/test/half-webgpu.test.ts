// float16/bfloat16 on WebGPU through the f32-word fallback (src/half.ts; SwiftShader has no
// shader-f16): every golden case of ops-half.json (tools/golden/ops_half.py) whose dtypes the
// device stores (float64 cases are skipped), with results read back asynchronously, and the
// bit patterns surviving a write/read round trip. The conformance suite runs the same cases.
import 'antorcha';
import { float16Bits, bfloat16Bits, readStorage, tensor } from '@antorcha/core';
import { type OpCase, dtypesOf, loadFixture, runOpCaseAsync } from '@antorcha/core/testing';
import { describe, expect, it } from 'vitest';
import { backend } from './gpu.js';

const cases = loadFixture<OpCase[]>('ops-half.json');

if (!backend) describe('16-bit floats on webgpu', () => it.skip('no WebGPU adapter on this machine', () => {}));
else {
  describe('16-bit floats on webgpu', () => {
    it('keeps bit patterns through write and read', async () => {
      const vals = [0, -0, 1, 0.1, 65504, 6e-8, -2.5, Infinity, -Infinity];
      for (const [dt, bits] of [['float16', float16Bits], ['bfloat16', bfloat16Bits]] as const) {
        const t = tensor(vals, { dtype: dt, device: 'webgpu' });
        expect(Array.from(await readStorage(t))).toEqual(vals.map((v) => bits(v)));
      }
    });
    const stored = backend!.dtypes; // an imported binding does not stay narrowed by the else
    const run = cases.filter((c) => [...dtypesOf([c.args, c.kwargs, c.expected])].every((d) => stored.has(d)));
    it('runs most cases', () => expect(run.length).toBeGreaterThan(500));
    for (const c of run) {
      it(c.name, async () => {
        expect(await runOpCaseAsync(c, 'webgpu')).toBeNull();
      });
    }
  });
}
