#!/usr/bin/env node
// Antorcha's WebGPU backend beside @tensorflow/tfjs-backend-webgpu on the same
// adapter, in the same run, row by row (ratio = antorcha / tfjs, > 1: antorcha faster).
// GPU work is asynchronous: each timing runs a batch of iterations, then waits for
// the queue to drain (onSubmittedWorkDone) before reading the clock.
//
// Usage: node bench/src/webgpu.mjs [--sizes 1024,2048,4096] [--time 400]   (what `pnpm bench --webgpu` runs)
// The matmul rows also give the share of the adapter's float32 peak: the datasheet figure when
// the adapter names a GPU in FP32_PEAKS, and always a peak measured here (independent vec4 FMA
// chains in registers, no memory traffic), which is what WebGPU can reach on this adapter.
// In Node, WebGPU comes from the npm package `webgpu` (Dawn on Vulkan). Without a
// Vulkan driver the script re-runs itself on SwiftShader (Debian's chromium package),
// where it uses smaller sizes unless --sizes is given: numbers there measure the CPU.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { create, globals } from 'webgpu';

const args = process.argv.slice(2);
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const timeMs = Number(opt('--time', '400'));

const gpu = create([]);
const adapter = await gpu.requestAdapter({ powerPreference: 'high-performance' });
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
const sizes = opt('--sizes', software ? '256,512,1024' : '1024,2048,4096').split(',').map(Number);

// tfjs-backend-webgpu registers itself when navigator.gpu exists at import time.
for (const [k, v] of Object.entries(globals)) if (globalThis[k] === undefined) globalThis[k] = v;
Object.defineProperty(globalThis, 'navigator', { value: { ...(globalThis.navigator ?? {}), gpu }, configurable: true, writable: true });
const tf = await import('@tensorflow/tfjs');
await import('@tensorflow/tfjs-backend-webgpu');
const torch = await import('antorcha');
const { initWebGPU } = await import('@antorcha/backend-webgpu');

await tf.setBackend('webgpu');
await tf.ready();
const tfBackend = tf.backend();
const backend = await initWebGPU();

const syncAntorcha = () => backend.synchronize();
const syncTf = async () => {
  tfBackend.ensureCommandEncoderReady();
  tfBackend.endComputePassEncoder();
  tfBackend.submitQueue();
  await tfBackend.device.queue.onSubmittedWorkDone();
};

/** Seconds per iteration: batches of `fn` (doubling) until one batch takes `timeMs`. */
async function secondsPerIteration(fn, sync) {
  fn();
  await sync(); // warm-up: compile pipelines, fill pools
  let n = 1;
  for (;;) {
    const t0 = performance.now();
    for (let i = 0; i < n; i++) fn();
    await sync();
    const dt = performance.now() - t0;
    if (dt >= timeMs || n >= 1024) return dt / 1000 / n;
    n = Math.min(1024, n * Math.max(2, Math.ceil(timeMs / Math.max(dt, 1))));
  }
}

const rows = [];
const row = (name, unit, work, setup) => rows.push({ name, unit, work, setup });

for (const n of sizes) {
  row(`matmul ${n} float32`, 'GFLOP/s', (2 * n * n * n) / 1e9, () => {
    torch.manualSeed(0);
    const a = torch.randn([n, n], { device: 'webgpu' }), b = torch.randn([n, n], { device: 'webgpu' });
    const ta = tf.randomNormal([n, n]), tb = tf.randomNormal([n, n]);
    return {
      antorcha: () => a.matmul(b).dispose(),
      tfjs: () => tf.matMul(ta, tb).dispose(),
      cleanup: () => {
        a.dispose();
        b.dispose();
        tf.dispose([ta, tb]);
      },
    };
  });
}

// MLP forward: 784-1024-1024-10 with ReLU and log-softmax, batch 256.
const B = software ? 64 : 256;
const mlpFlops = (2 * B * (784 * 1024 + 1024 * 1024 + 1024 * 10)) / 1e9;
row(`MLP 784-1024-1024-10 forward, batch ${B}`, 'steps/s', 1, () => {
  torch.manualSeed(0);
  const o = { device: 'webgpu' };
  const x = torch.randn([B, 784], o);
  const w1 = torch.randn([784, 1024], o).mul_(0.03), b1 = torch.zeros([1024], o);
  const w2 = torch.randn([1024, 1024], o).mul_(0.03), b2 = torch.zeros([1024], o);
  const w3 = torch.randn([1024, 10], o).mul_(0.03), b3 = torch.zeros([10], o);
  const tx = tf.randomNormal([B, 784]);
  const tw = [tf.randomNormal([784, 1024], 0, 0.03), tf.zeros([1024]), tf.randomNormal([1024, 1024], 0, 0.03), tf.zeros([1024]), tf.randomNormal([1024, 10], 0, 0.03), tf.zeros([10])];
  return {
    antorcha: () =>
      torch.tidy(() => {
        const h1 = x.matmul(w1).add(b1).relu();
        const h2 = h1.matmul(w2).add(b2).relu();
        return torch.logSoftmax(h2.matmul(w3).add(b3), 1);
      }).dispose(),
    tfjs: () =>
      tf.tidy(() => {
        const h1 = tf.relu(tf.add(tf.matMul(tx, tw[0]), tw[1]));
        const h2 = tf.relu(tf.add(tf.matMul(h1, tw[2]), tw[3]));
        return tf.logSoftmax(tf.add(tf.matMul(h2, tw[4]), tw[5]));
      }).dispose(),
    cleanup: () => {
      for (const t of [x, w1, b1, w2, b2, w3, b3]) t.dispose();
      tf.dispose([tx, ...tw]);
    },
  };
});

// Float32 peaks (TFLOP/s, non-tensor-core FMA at boost clock) from the vendors' datasheets,
// matched against the adapter's description/device/architecture.
const FP32_PEAKS = [
  [/H200.*NVL/i, 60.0], [/H200/i, 66.9], [/H100.*PCIe/i, 51.2], [/H100/i, 66.9], [/A100/i, 19.5],
  [/L40S/i, 91.6], [/L40\b/i, 90.5], [/\bL4\b/i, 30.3], [/A10G?\b/i, 31.2], [/\bT4\b/i, 8.1], [/V100/i, 15.7],
  [/RTX 4090/i, 82.6], [/RTX 4080/i, 48.7], [/RTX 3090/i, 35.6], [/RTX 3080/i, 29.8],
];
const adapterName = `${info.description} ${info.device} ${info.architecture}`;
const datasheetPeak = FP32_PEAKS.find(([re]) => re.test(adapterName))?.[1] ?? null;

/** Float32 GFLOP/s of a register-only FMA kernel on the backend's device (batches grow until one takes `timeMs`). */
async function measuredPeak(device) {
  const CHAINS = 8, ITER = 512;
  const chains = Array.from({ length: CHAINS }, (_, i) => `var c${i} = vec4<f32>(f32(g.x) * 1e-9 + ${i}.0);`).join(' ');
  const steps = Array.from({ length: CHAINS }, (_, i) => `c${i} = fma(c${i}, m, s);`).join(' ');
  const sum = Array.from({ length: CHAINS }, (_, i) => `c${i}`).join(' + ');
  const module = device.createShaderModule({
    code: `@group(0) @binding(0) var<storage, read_write> out: array<vec4<f32>>;
@compute @workgroup_size(256)
fn main(@builtin(global_invocation_id) g: vec3<u32>) {
  let m = vec4<f32>(0.999999); let s = vec4<f32>(1e-7);
  ${chains}
  for (var i = 0u; i < ${ITER}u; i = i + 1u) { ${steps} }
  out[g.x] = ${sum};
}`,
  });
  const pipeline = device.createComputePipeline({ layout: 'auto', compute: { module, entryPoint: 'main' } });
  const maxGroups = 4096;
  const buffer = device.createBuffer({ size: maxGroups * 256 * 16, usage: GPUBufferUsage.STORAGE });
  const group = device.createBindGroup({ layout: pipeline.getBindGroupLayout(0), entries: [{ binding: 0, resource: { buffer } }] });
  const run = async (groups, reps) => {
    const t0 = performance.now();
    const enc = device.createCommandEncoder();
    for (let r = 0; r < reps; r++) {
      const pass = enc.beginComputePass();
      pass.setPipeline(pipeline);
      pass.setBindGroup(0, group);
      pass.dispatchWorkgroups(groups);
      pass.end();
    }
    device.queue.submit([enc.finish()]);
    await device.queue.onSubmittedWorkDone();
    return (performance.now() - t0) / 1000;
  };
  await run(1, 1);
  let groups = 16, reps = 1, best = 0;
  for (let i = 0; i < 24; i++) {
    const s = await run(groups, reps);
    best = Math.max(best, (groups * 256 * ITER * CHAINS * 4 * 2 * reps) / s / 1e9);
    if (s * 1000 >= timeMs) break;
    if (groups < maxGroups) groups *= 4;
    else reps *= 2;
  }
  buffer.destroy();
  return best;
}

const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
console.log(`# Antorcha WebGPU vs tfjs-backend-webgpu ${tf.version_core} — ${new Date().toISOString().slice(0, 10)}`);
console.log(`# adapter: ${info.vendor} ${info.architecture} ${info.device} (${info.description})${software ? ' — software rasterizer: numbers measure the CPU, not a GPU' : ''}`);
console.log(`# ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} threads), Node ${process.version}`);
const measured = await measuredPeak(backend.device);
const peak = datasheetPeak !== null ? datasheetPeak * 1000 : measured;
console.log(
  `# float32 peak: ${datasheetPeak !== null ? `${fmt(datasheetPeak * 1000)} GFLOP/s (datasheet), ` : 'no datasheet figure for this adapter, '}${fmt(measured)} GFLOP/s measured (register FMA kernel)`,
);
console.log('| row | antorcha | tfjs-webgpu | unit | ratio | antorcha % of peak | tfjs % of peak |');
console.log('|---|---:|---:|---|---:|---:|---:|');
for (const r of rows) {
  const s = r.setup();
  const a = r.work / (await secondsPerIteration(s.antorcha, syncAntorcha));
  const t = r.work / (await secondsPerIteration(s.tfjs, syncTf));
  s.cleanup();
  const extra = r.unit === 'steps/s' ? ` (${fmt(a * mlpFlops)} vs ${fmt(t * mlpFlops)} GFLOP/s)` : '';
  const gflops = r.unit === 'GFLOP/s' ? [a, t] : [a * mlpFlops, t * mlpFlops];
  const pct = gflops.map((g) => `${((100 * g) / peak).toFixed(1)}%`);
  console.log(`| ${r.name}${extra} | ${fmt(a)} | ${fmt(t)} | ${r.unit} | ${(a / t).toFixed(2)}× | ${pct[0]} | ${pct[1]} |`);
}
if (!software) console.log('# target (issue 13): matmul 4096 float32 at ≥ 2× tfjs-webgpu and ≥ 25% of the float32 peak');
const stats = backend.memoryStats();
console.log(`# antorcha: ${stats.pipelines} pipelines, ${stats.buffersCreated} buffers created, ${(stats.maxAllocated / 2 ** 20).toFixed(1)} MiB peak`);
process.exit(0);
