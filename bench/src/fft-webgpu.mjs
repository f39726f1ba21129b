#!/usr/bin/env node
// torch.fft on Antorcha's WebGPU backend beside the same call on its CPU backend, in one run:
// a 2^20-point complex64 transform (the CPU row of `pnpm bench --filter fft`, fft-1M, on the
// device), with the device result's error against the CPU's (which computes in float64 and
// rounds once). GPU work is asynchronous: each timing runs a batch of calls, then waits for
// the queue to drain (backend.synchronize()) before reading the clock.
//
// Usage: pnpm bench --webgpu --filter fft [--time 2000] [--log2n 20]   (node bench/src/fft-webgpu.mjs …)
// Without a Vulkan driver the script re-runs itself on SwiftShader (Debian's chromium package):
// the WebGPU numbers then measure SwiftShader on the CPU, not a GPU.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { create } from 'webgpu';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const timeMs = Number(opt('--time', '2000'));
const n = 2 ** Number(opt('--log2n', '20'));

const adapter = await create([]).requestAdapter({ powerPreference: 'high-performance' });
if (!adapter) {
  const chromium = '/usr/lib/chromium';
  if (!process.env.ANTORCHA_BENCH_REEXEC && existsSync(`${chromium}/vk_swiftshader_icd.json`)) {
    console.error('# no Vulkan adapter: re-running on SwiftShader (CPU); GPU numbers need a real GPU');
    const env = {
      ...process.env,
      ANTORCHA_BENCH_REEXEC: '1',
      VK_ICD_FILENAMES: `${chromium}/vk_swiftshader_icd.json`,
      LD_LIBRARY_PATH: [chromium, process.env.LD_LIBRARY_PATH].filter(Boolean).join(':'),
    };
    const r = spawnSync(process.execPath, [...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit', env });
    process.exit(r.status ?? 1);
  }
  console.error('no WebGPU adapter found (Dawn needs libvulkan.so.1 and a Vulkan driver)');
  process.exit(1);
}
const info = adapter.info;
const software = info.isFallbackAdapter || /swiftshader|llvmpipe|lavapipe/i.test(`${info.architecture} ${info.description} ${info.device}`);

const torch = await import('antorcha');
const { initWebGPU } = await import('@antorcha/backend-webgpu');
const backend = await initWebGPU();

/** Milliseconds per call: batches of `fn` (doubling) until one batch takes `timeMs`; the median of three such batches. */
async function msPerCall(fn, sync) {
  fn();
  await sync(); // warm-up: compile pipelines, make the plan, fill pools
  let k = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) fn();
    await sync();
    const dt = performance.now() - t0;
    if (dt >= timeMs / 3 || k >= 256) {
      const runs = [dt / k];
      for (let r = 0; r < 2; r++) {
        const t1 = performance.now();
        for (let i = 0; i < k; i++) fn();
        await sync();
        runs.push((performance.now() - t1) / k);
      }
      return runs.sort((a, b) => a - b)[1];
    }
    k *= 2;
  }
}

torch.manualSeed(0);
const cpuX = torch.complex(torch.randn(n), torch.randn(n));
const gpuX = cpuX.to('webgpu');
const cpuMs = await msPerCall(() => torch.fft.fft(cpuX).dispose(), async () => {});
const gpuMs = await msPerCall(() => torch.fft.fft(gpuX).dispose(), () => backend.synchronize());

// accuracy of the device's transform against the CPU's (float64 plans, rounded once)
const ref = torch.viewAsReal(torch.fft.fft(cpuX));
const dev = torch.fft.fft(gpuX);
const got = torch.viewAsReal(torch.fromHost(await dev.data(), [n], torch.toDType('complex64')));
const err = Number(got.sub(ref).abs().max().item()) / Number(ref.abs().max().item());

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
console.log(`# torch.fft on Antorcha WebGPU vs Antorcha CPU — ${new Date().toISOString().slice(0, 10)}`);
console.log(`# adapter: ${info.vendor} ${info.architecture} ${info.device} (${info.description})${software ? ' — SwiftShader/software: the WebGPU figures measure the CPU, not a GPU' : ''}`);
console.log(`# ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} threads), Node ${process.version}`);
console.log('| row | webgpu ms | cpu ms | webgpu M points/s | cpu M points/s | speed ratio (cpu ms / webgpu ms) | max |webgpu − cpu| / max |X| |');
console.log('|---|---:|---:|---:|---:|---:|---:|');
console.log(`| fft 2^${Math.log2(n)} complex64 | ${fmt(gpuMs)} | ${fmt(cpuMs)} | ${fmt(n / gpuMs / 1e3)} | ${fmt(n / cpuMs / 1e3)} | ${(cpuMs / gpuMs).toFixed(2)}× | ${err.toExponential(2)} |`);
const stats = backend.memoryStats();
console.log(`# webgpu: ${stats.pipelines} pipelines, ${stats.dispatches} dispatches, ${(stats.maxAllocated / 2 ** 20).toFixed(1)} MiB peak`);
process.exit(0);
