// Reading the recorded figures out of BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { leadingNumber, parseBenchmarks, recordedFigure } from '../src/benchmarks/parse.js';

const sample = `# Benchmarks

## CPU backend vs others — 2026-12-02, newer

Machine: AMD EPYC (Zen 4), 2 vCPU shared VM, Node v20; quiet.

| row | unit | antorcha | tfjs |
|---|---|---:|---:|
| matmul 256 float32 | GFLOP/s | 48.0 | 37.9 |
| matmul 256 float32, 2 threads | GFLOP/s | 88.6 | — |
| MLP 784-128-10 train step (CE + SGD), batch 64 | ms | 1.25 | 6.10 |

## CPU backend vs others — 2026-11-26

| row | unit | antorcha | tfjs |
|---|---|---:|---:|
| matmul 256 float32 | GFLOP/s | 1.0 | 2.0 |

## WebGPU backend — 2026-12-02, runs

**No GPU was lent to this task: every number below comes from SwiftShader.** Only ratios count. More text.

| row | new, run 1 | new, run 2 | before (\`cb872fe\`) |
|---|---:|---:|---:|
| matmul 256 float32 | 0.02 vs 0.05 GFLOP/s: 0.44× | 0.22 vs 0.06: 3.52× | 0.20 vs 0.05: 3.65× |
`;

describe('BENCHMARKS.md parsing', () => {
  it('reads sections, dates, machines and the newest figure of a row', () => {
    const s = parseBenchmarks(sample);
    expect(s.map((x) => x.date)).toEqual(['2026-12-02', '2026-11-26', '2026-12-02']);
    expect(s[0]!.machine).toBe('AMD EPYC (Zen 4), 2 vCPU shared VM, Node v20');
    expect(s[2]!.machine).toBe('No GPU was lent to this task: every number below comes from SwiftShader. Only ratios count.');
    const cpu = recordedFigure(s, 'CPU backend', 'matmul 256 float32')!;
    expect(cpu).toMatchObject({ row: 'matmul 256 float32', unit: 'GFLOP/s', values: [48], labels: ['antorcha'] });
    expect(cpu.section.title).toBe('CPU backend vs others — 2026-12-02, newer');
    expect(recordedFigure(s, 'CPU backend', 'MLP 784-128-10 train step')).toMatchObject({ unit: 'ms', values: [1.25] });
    expect(recordedFigure(s, 'WebGPU backend', 'matmul 256 float32')).toMatchObject({ unit: 'GFLOP/s', values: [0.02, 0.22], labels: ['new, run 1', 'new, run 2'] });
    expect(recordedFigure(s, 'WebGPU backend', 'matmul 512 float32')).toBeNull();
    expect(leadingNumber('6,583')).toBe(6583);
    expect(leadingNumber('—')).toBeNull();
  });

  it('finds the rows the page compares in the repository’s BENCHMARKS.md', () => {
    const s = parseBenchmarks(readFileSync(new URL('../../../BENCHMARKS.md', import.meta.url), 'utf8'));
    for (const row of ['matmul 256 float32', 'matmul 512 float32', 'MLP 784-128-10 train step (CE + SGD), batch 64']) {
      const r = recordedFigure(s, 'CPU backend', row)!;
      expect(r, row).not.toBeNull();
      expect(r.values.every((v) => v > 0)).toBe(true);
      expect(r.section.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(r.section.machine).not.toBe('');
    }
    for (const row of ['matmul 256 float32', 'matmul 512 float32']) expect(recordedFigure(s, 'WebGPU backend', row)!.unit).toBe('GFLOP/s');
  });
});
