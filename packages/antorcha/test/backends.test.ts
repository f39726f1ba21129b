import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import * as torch from '../src/index.js';

describe('torch.backends.cpu', () => {
  it('names the instruction set the kernels use, and DEFAULT on the JavaScript kernels', () => {
    expect(['WASM_SIMD128', 'WASM_RELAXED_SIMD']).toContain(torch.backends.cpu.getCpuCapability());
    torch.backends.cpu.setKernels('js');
    try {
      expect(torch.backends.cpu.kernels()).toBe('js');
      expect(torch.backends.cpu.getCpuCapability()).toBe('DEFAULT');
    } finally {
      torch.backends.cpu.setKernels('wasm');
    }
    expect(() => torch.backends.cpu.setKernels('gpu' as never)).toThrow(/expected 'wasm' or 'js'/);
  });

  it('chooses the relaxed-SIMD (FMA) build only where the engine validates it', () => {
    const run = (flags: string[]): string => {
      const r = spawnSync(process.execPath, [...flags, '--input-type=module', '-e', "import('antorcha').then((t) => console.log(t.backends.cpu.getCpuCapability()))"], {
        cwd: new URL('..', import.meta.url),
        encoding: 'utf8',
      });
      return r.stdout.trim();
    };
    expect(run(['--experimental-wasm-relaxed-simd'])).toBe('WASM_RELAXED_SIMD');
    const relaxedByDefault = WebAssembly.validate(
      new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 61, 1, 59, 0,
        ...[0, 1, 2].flatMap(() => [0xfd, 0x0c, ...new Array<number>(16).fill(0)]), 0xfd, 0x85, 0x02, 0x0b]),
    );
    expect(run([])).toBe(relaxedByDefault ? 'WASM_RELAXED_SIMD' : 'WASM_SIMD128');
  });

  it('reports the heap: tensors of 4 KiB or more live there, freed blocks are reused', () => {
    const s0 = torch.backends.cpu.heapStats();
    expect(s0.shared).toBe(true);
    expect(torch.backends.cpu.sharedMemory()).toBe(true);
    const t = torch.zeros(2000);
    expect(torch.backends.cpu.heapStats().allocated).toBe(s0.allocated + 8192);
    const small = torch.zeros(1000); // 4000 bytes: an ordinary typed array
    const s1 = torch.backends.cpu.heapStats();
    expect(s1.allocated).toBe(s0.allocated + 8192);
    small.dispose();
    t.dispose();
    expect(torch.backends.cpu.heapStats().allocated).toBe(s0.allocated);
    const u = torch.ones(2000);
    expect(torch.backends.cpu.heapStats().reused).toBe(s1.reused + 1);
    expect(u.sum().item()).toBe(2000);
    u.dispose();
  });
});
