// The Benchmarks view in headless Chromium with WebGPU on SwiftShader: a run shows a figure for
// each row on each backend, beside the figures parsed from BENCHMARKS.md.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseBenchmarks, recordedFigure } from '../src/benchmarks/parse.js';
import { ROWS } from '../src/benchmarks/run.js';
import { type Demo, haveChromium, openDemo } from './browser.js';
import { lowContrast, openView, overflowAt, screenshots } from './views.js';

const sections = parseBenchmarks(readFileSync(new URL('../../../BENCHMARKS.md', import.meta.url), 'utf8'));

describe.skipIf(!haveChromium)('Benchmarks view (Chromium, WebGPU on SwiftShader)', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await openDemo(5213, { webgpu: true });
  }, 40000);
  afterAll(async () => demo?.close());

  it('runs every row on cpu and webgpu and shows them beside BENCHMARKS.md', async () => {
    const { page, problems } = await demo.page();
    await openView(page, demo.url, 'Benchmarks');
    // the recorded figures are there before any run, with the sections' dates and machines
    const cpuMatmul = recordedFigure(sections, 'CPU backend', 'matmul 256 float32')!;
    const source = page.getByTestId('bench-source').filter({ hasText: cpuMatmul.section.title });
    await expect.poll(() => source.count()).toBe(1);
    expect(await source.textContent()).toContain(cpuMatmul.section.machine);
    expect(await page.getByTestId('bench-table').textContent()).toContain(`${cpuMatmul.values[0]!.toFixed(1)} GFLOP/s (${cpuMatmul.section.date})`);

    await page.getByTestId('run-benchmarks').click();
    // most of the run is WebGPU's first use of each kernel: SwiftShader compiles every pipeline
    // on the CPU (the MLP step's ~20 kernels take 10–30 s on a loaded 2-CPU machine)
    await expect.poll(() => page.getByTestId('bench-status').textContent(), { timeout: 80000, interval: 500 }).toMatch(/^(Done|The run failed)/);
    expect(await page.getByTestId('bench-status').textContent()).toMatch(/^Done/);
    for (const d of ['cpu', 'webgpu']) {
      for (let i = 0; i < ROWS.length; i++) {
        const text = (await page.getByTestId(`bench-${d}-${i}`).textContent()) ?? '';
        const m = /^([0-9.e+-]+) (GFLOP\/s|steps\/s) \(([0-9.]+) ms, (\d+) runs\)$/.exec(text);
        expect(m, `${d} row ${i}: ${text}`).not.toBeNull();
        expect(Number(m![1])).toBeGreaterThan(0);
        expect(m![2]).toBe(ROWS[i]!.unit);
      }
    }
    expect(await page.locator('svg.bm-chart').count()).toBe(ROWS.length);
    await screenshots(page, 'benchmarks');
    expect(await lowContrast(page, '.bm')).toEqual([]);
    expect(await overflowAt(page, 360)).toBe(0);
    expect(problems).toEqual([]);
  }, 100000);
});
