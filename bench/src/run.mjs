#!/usr/bin/env node
// Antorcha's CPU backend beside @tensorflow/tfjs-backend-wasm (SIMD), @tensorflow/tfjs-backend-cpu and
// PyTorch (when /usr/bin/python3 has torch) in one run, row by row (issue 12).
//
// Usage: pnpm bench [--filter matmul] [--time 600] [--markdown] [--no-torch] | pnpm bench --webgpu [--filter fft]
//   --filter S   only rows whose name contains S
//   --time MS    time budget per row and library (milliseconds; default 600)
//   --markdown   print the table as markdown for BENCHMARKS.md, with the machine and the date
//   --no-torch   skip the PyTorch columns
//   --kernels K  Antorcha's CPU kernels: 'wasm' (the default where WebAssembly SIMD runs) or 'js' (the reference
//                TypeScript kernels; torch.backends.cpu.setKernels), e.g. to measure before/after in one checkout
//
// Every row is timed at one thread for every library: tfjs-backend-wasm with setThreadsCount(1), PyTorch with
// OPENBLAS_NUM_THREADS=1 and torch.set_num_threads(1), Antorcha with setNumThreads(1). The thread rows (matmul,
// conv2d, sum) are timed again at 2 threads for Antorcha and PyTorch; tfjs-backend-wasm has no threads in Node
// (its WASM_HAS_MULTITHREAD_SUPPORT flag is false under Node, tfjs issue 3830), so its 2-thread cells are empty.
// Rates use the median iteration. Ratios are speed ratios: peer time / Antorcha time (> 1: Antorcha faster).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';
import { Bench } from 'tinybench';
import * as torch from 'antorcha';
// The union package: tfjs-core + the CPU backend + the gradients tfjs's optimizers need.
import * as tf from '@tensorflow/tfjs';
import * as tfwasm from '@tensorflow/tfjs-backend-wasm';

const args = process.argv.slice(2);
if (args.includes('--webgpu')) {
  // `pnpm bench --webgpu` (the root script runs this file with node, so it needs neither the
  // network nor a pnpm install): the WebGPU rows (matmul, MLP) beside tfjs-backend-webgpu, with
  // the other arguments (--sizes, --time) read by webgpu.mjs. With `--filter fft`: torch.fft on
  // WebGPU beside the CPU (fft-webgpu.mjs).
  const f = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : '';
  await import(f.includes('fft') ? './fft-webgpu.mjs' : './webgpu.mjs');
  process.exit(0);
}
const opt = (name, dflt) => (args.includes(name) ? args[args.indexOf(name) + 1] : dflt);
const filter = opt('--filter', null);
const timeMs = Number(opt('--time', '600'));
const markdown = args.includes('--markdown');
const PYTHON = '/usr/bin/python3';
const kernels = opt('--kernels', null);
if (kernels) {
  const setKernels = torch.backends?.cpu?.setKernels;
  if (typeof setKernels !== 'function') throw new Error('--kernels needs torch.backends.cpu.setKernels (rebuild antorcha)');
  setKernels(kernels);
}
const kernelDesc = torch.backends?.cpu?.kernels
  ? `${torch.backends.cpu.kernels()} (${torch.backends.cpu.getCpuCapability?.() ?? '?'})`
  : 'js (this build has no torch.backends.cpu)';

// tfjs-backend-wasm reads the thread count when the backend initialises, so it is set first.
tfwasm.setThreadsCount(1);
await tf.setBackend('wasm');
await tf.ready();
const wasmThreads = tfwasm.getThreadsCount();
const wasmSimd = await tf.env().getAsync('WASM_HAS_SIMD_SUPPORT');
await tf.setBackend('cpu');
await tf.ready();

// ------------------------------------------------------------------ rows
// A row: id (shared with torch_rows.py), name, `threads` (timed again at 2 threads), `perIter` (calls per timed
// iteration, for tiny ops), units (the first is the primary one; `per` maps seconds per call to the unit's value),
// target (on the primary unit), antorcha() and tfjs() build the timed functions (tfjs() runs under each backend).
const rows = [];
function row(r) {
  if (filter && !r.name.includes(filter) && !r.id.includes(filter)) return;
  rows.push({ perIter: 1, threads: false, tfjs: null, ...r });
}
const rate = (work, scale) => (s) => work / s / scale;
const ms = { unit: 'ms', per: (s) => s * 1e3, lowerIsBetter: true };
const MiB = 1 << 20;

for (const n of [128, 256, 512, 1024]) {
  row({
    id: `matmul-${n}`, name: `matmul ${n} float32`, threads: true,
    units: [{ unit: 'GFLOP/s', per: rate(2 * n ** 3, 1e9) }],
    target: n === 512 ? { min: 52, min2: 90, text: '≥ 52 (1 thread), ≥ 90 (2 threads)' } : null,
    antorcha: () => {
      const a = torch.randn(n, n), b = torch.randn(n, n);
      return () => a.matmul(b).dispose();
    },
    tfjs: () => {
      const a = tf.randomNormal([n, n]), b = tf.randomNormal([n, n]);
      return { fn: () => tf.matMul(a, b).dispose(), cleanup: () => tf.dispose([a, b]) };
    },
  });
}
{
  // NCHW 8×32×64×64 input, 64 filters 3×3, stride 1, padding 1 (tfjs: NHWC 8×64×64×32, padding 'same').
  const flops = 2 * 8 * 64 * 64 * 64 * 32 * 9;
  row({
    id: 'conv2d', name: 'conv2d 8×32×64×64, 64 filters 3×3, pad 1, forward', threads: true,
    units: [{ unit: 'GFLOP/s', per: rate(flops, 1e9) }, ms],
    antorcha: () => {
      const x = torch.randn(8, 32, 64, 64), w = torch.randn(64, 32, 3, 3);
      return () => torch.nn.functional.conv2d(x, w, null, { padding: 1 }).dispose();
    },
    tfjs: () => {
      const x = tf.randomNormal([8, 64, 64, 32]), w = tf.randomNormal([3, 3, 32, 64]);
      return { fn: () => tf.conv2d(x, w, 1, 'same').dispose(), cleanup: () => tf.dispose([x, w]) };
    },
  });
}
for (const [label, n] of [['1M', MiB], ['16M', 16 * MiB]]) {
  row({
    id: `add-${label}`, name: `add ${label} float32`,
    units: [{ unit: 'GB/s', per: rate(12 * n, 1e9) }, { unit: 'M elem/s', per: rate(n, 1e6) }],
    target: label === '1M' ? { min: 70, text: '≥ 70' } : null,
    antorcha: () => {
      const a = torch.randn(n), b = torch.randn(n);
      return () => a.add(b).dispose();
    },
    tfjs: () => {
      const a = tf.randomNormal([n]), b = tf.randomNormal([n]);
      return { fn: () => tf.add(a, b).dispose(), cleanup: () => tf.dispose([a, b]) };
    },
  });
  row({
    id: `exp-${label}`, name: `exp ${label} float32`,
    units: [{ unit: 'GB/s', per: rate(8 * n, 1e9) }, { unit: 'M elem/s', per: rate(n, 1e6) }],
    target: label === '1M' ? { min: 10, text: '≥ 10' } : null,
    antorcha: () => {
      const a = torch.randn(n);
      return () => a.exp().dispose();
    },
    tfjs: () => {
      const a = tf.randomNormal([n]);
      return { fn: () => tf.exp(a).dispose(), cleanup: () => a.dispose() };
    },
  });
}
row({
  id: 'sum-16M', name: 'sum 16M float32', threads: true,
  units: [{ unit: 'GB/s', per: rate(4 * 16 * MiB, 1e9) }],
  target: { min: 20, text: '≥ 20' },
  antorcha: () => {
    const a = torch.randn(16 * MiB);
    return () => a.sum().dispose();
  },
  tfjs: () => {
    const a = tf.randomNormal([16 * MiB]);
    return { fn: () => tf.sum(a).dispose(), cleanup: () => a.dispose() };
  },
});
row({
  id: 'softmax', name: 'softmax 1024×1024, last dim',
  units: [ms, { unit: 'GB/s', per: rate(8 * MiB, 1e9) }],
  antorcha: () => {
    const a = torch.randn(1024, 1024);
    return () => a.softmax(-1).dispose();
  },
  tfjs: () => {
    const a = tf.randomNormal([1024, 1024]);
    return { fn: () => tf.softmax(a).dispose(), cleanup: () => a.dispose() };
  },
});

/**
 * The plain JavaScript FFT the fft row is measured against (issue 14: Antorcha's must be at least 3× as fast):
 * the textbook iterative radix-2 Cooley–Tukey transform, in place over interleaved (re, im) float32 values,
 * bit-reversal permutation first, then log2(n) butterfly stages with the twiddle advanced by one complex
 * multiplication per butterfly (`w *= w_len`).
 */
function radix2Fft(a) {
  const n = a.length / 2;
  for (let i = 1, j = 0; i < n; i++) {
    let bit = n >> 1;
    for (; j & bit; bit >>= 1) j ^= bit;
    j ^= bit;
    if (i < j) {
      let t = a[2 * i]; a[2 * i] = a[2 * j]; a[2 * j] = t;
      t = a[2 * i + 1]; a[2 * i + 1] = a[2 * j + 1]; a[2 * j + 1] = t;
    }
  }
  for (let len = 2; len <= n; len <<= 1) {
    const ang = (-2 * Math.PI) / len, wlr = Math.cos(ang), wli = Math.sin(ang), half = len >> 1;
    for (let i = 0; i < n; i += len) {
      let wr = 1, wi = 0;
      for (let j = 0; j < half; j++) {
        const u = 2 * (i + j), v = 2 * (i + j + half);
        const vr = a[v] * wr - a[v + 1] * wi, vi = a[v] * wi + a[v + 1] * wr;
        const ur = a[u], ui = a[u + 1];
        a[u] = ur + vr; a[u + 1] = ui + vi;
        a[v] = ur - vr; a[v + 1] = ui - vi;
        const t = wr * wlr - wi * wli;
        wi = wr * wli + wi * wlr;
        wr = t;
      }
    }
  }
}
{
  const n = MiB;
  row({
    id: 'fft-1M', name: 'fft 2^20 complex64',
    units: [ms, { unit: 'M points/s', per: rate(n, 1e6) }],
    target: { refSpeed: 3, text: '≥ 3× plain JS radix-2' },
    // the reference transforms a fresh copy of the same kind of data each call (the copy is timed with it: 8 MiB);
    // reference and Antorcha are timed alternately, call by call (interleaved below)
    reference: () => {
      const x = new Float32Array(2 * n).map(() => Math.random() - 0.5), a = new Float32Array(2 * n);
      return () => { a.set(x); radix2Fft(a); };
    },
    antorcha: () => {
      const x = torch.complex(torch.randn(n), torch.randn(n));
      return () => torch.fft.fft(x).dispose();
    },
    // no tfjs peer: tfjs-backend-wasm has no complex kernels, and tfjs-backend-cpu's spectral.fft took 89 s per
    // call at this size (a quadratic DFT), which would stall the whole bench
  });
}

/** Antorcha: forward, cross-entropy, backward and an SGD step (lr 0.01) inside `tidy`, as PyTorch's rows do. */
function antorchaTrainStep(model, x, y) {
  const sgd = new torch.optim.SGD(model.parameters(), { lr: 0.01 });
  const lossFn = new torch.nn.CrossEntropyLoss();
  return () =>
    torch.tidy(() => {
      sgd.zeroGrad(); // grads to null: the grads freed by the previous step's tidy are not read again
      lossFn.forward(model.forward(x), y).backward();
      sgd.step();
    });
}
/** tfjs: the same step with variables, tf.losses.softmaxCrossEntropy and tf.train.sgd(0.01).minimize. */
function tfjsTrainStep(forward, vars, x, y) {
  const sgd = tf.train.sgd(0.01);
  return {
    fn: () => tf.tidy(() => sgd.minimize(() => tf.losses.softmaxCrossEntropy(y, forward(x)), false, vars)),
    cleanup: () => { tf.dispose([x, y, ...vars]); sgd.dispose(); },
  };
}
const glorot = (shape) => tf.variable(tf.randomUniform(shape, -0.05, 0.05));

for (const batch of [64, 256]) {
  row({
    id: `mlp-${batch}`, name: `MLP 784-128-10 train step (CE + SGD), batch ${batch}`,
    units: [ms],
    target: batch === 64 ? { torchSpeed: 0.5, text: '≤ 2× PyTorch' } : null,
    antorcha: () => {
      const { nn } = torch;
      const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
      return antorchaTrainStep(model, torch.randn(batch, 784), torch.randint(0, 10, [batch]));
    },
    tfjs: () => {
      const v = [glorot([784, 128]), tf.variable(tf.zeros([128])), glorot([128, 10]), tf.variable(tf.zeros([10]))];
      const forward = (x) => tf.add(tf.matMul(tf.relu(tf.add(tf.matMul(x, v[0]), v[1])), v[2]), v[3]);
      const y = tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32'), 10);
      return tfjsTrainStep(forward, v, tf.randomNormal([batch, 784]), y);
    },
  });
}
// conv 1→8 3×3, ReLU, maxpool 2, conv 8→16 3×3, ReLU, maxpool 2, flatten (16×5×5), linear → 10; 28×28, batch 64.
row({
  id: 'cnn-64', name: 'CNN train step (conv 1→8, pool, conv 8→16, pool, linear), 28×28 batch 64',
  units: [ms],
  antorcha: () => {
    const { nn } = torch;
    const model = new nn.Sequential(
      new nn.Conv2d(1, 8, 3), new nn.ReLU(), new nn.MaxPool2d(2), new nn.Conv2d(8, 16, 3), new nn.ReLU(),
      new nn.MaxPool2d(2), new nn.Flatten(), new nn.Linear(16 * 5 * 5, 10));
    return antorchaTrainStep(model, torch.randn(64, 1, 28, 28), torch.randint(0, 10, [64]));
  },
  tfjs: () => {
    const v = [glorot([3, 3, 1, 8]), tf.variable(tf.zeros([8])), glorot([3, 3, 8, 16]), tf.variable(tf.zeros([16])),
      glorot([400, 10]), tf.variable(tf.zeros([10]))];
    const forward = (x) => {
      let h = tf.maxPool(tf.relu(tf.add(tf.conv2d(x, v[0], 1, 'valid'), v[1])), 2, 2, 'valid');
      h = tf.maxPool(tf.relu(tf.add(tf.conv2d(h, v[2], 1, 'valid'), v[3])), 2, 2, 'valid');
      return tf.add(tf.matMul(tf.reshape(h, [-1, 400]), v[4]), v[5]);
    };
    const y = tf.oneHot(tf.randomUniform([64], 0, 10, 'int32'), 10);
    return tfjsTrainStep(forward, v, tf.randomNormal([64, 28, 28, 1]), y);
  },
});
// Tiny ops: 100 calls per timed iteration, so the harness's own cost is spread over them.
row({
  id: 'add1x5', name: 'add 1×5 (per-op cost)', perIter: 100,
  units: [{ unit: 'µs/op', per: (s) => s * 1e6, lowerIsBetter: true }],
  target: { torchSpeed: 3, text: '≤ ⅓ of PyTorch' },
  antorcha: () => {
    const a = torch.randn(1, 5), b = torch.randn(1, 5);
    return () => { for (let i = 0; i < 100; i++) a.add(b).dispose(); };
  },
  tfjs: () => {
    const a = tf.randomNormal([1, 5]), b = tf.randomNormal([1, 5]);
    return { fn: () => { for (let i = 0; i < 100; i++) tf.add(a, b).dispose(); }, cleanup: () => tf.dispose([a, b]) };
  },
});
row({
  id: 'add1x5-grad', name: 'add 1×5, requiresGrad (per-op cost)', perIter: 100,
  units: [{ unit: 'µs/op', per: (s) => s * 1e6, lowerIsBetter: true }],
  antorcha: () => {
    const a = torch.randn([1, 5], { requiresGrad: true }), b = torch.randn(1, 5);
    return () => { for (let i = 0; i < 100; i++) a.add(b).dispose(); };
  },
  // tfjs records gradients per tape scope, not per tensor: no peer.
});

// ------------------------------------------------------------------ PyTorch
function runTorch(threads, ids) {
  if (args.includes('--no-torch')) return { note: 'PyTorch skipped (--no-torch)' };
  if (!existsSync(PYTHON)) return { note: `PyTorch skipped: no ${PYTHON}` };
  const has = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
  if (has.status !== 0) return { note: `PyTorch skipped: ${PYTHON} has no torch` };
  const script = fileURLToPath(new URL('./torch_rows.py', import.meta.url));
  const env = { ...process.env, OPENBLAS_NUM_THREADS: String(threads), OMP_NUM_THREADS: String(threads) };
  const r = spawnSync(PYTHON, [script, '--threads', String(threads), '--time', String(timeMs / 1000), '--rows', ids.join(',')],
    { encoding: 'utf8', env, maxBuffer: 1 << 24 });
  if (r.status !== 0) return { note: `PyTorch failed: ${(r.stderr || '').trim().split('\n').pop()}` };
  return JSON.parse(r.stdout.trim().split('\n').pop());
}
const threadRows = rows.filter((r) => r.threads);
if (!markdown) console.error('# timing PyTorch rows (subprocess)…');
const py1 = runTorch(1, rows.map((r) => r.id));
const py2 = threadRows.length ? runTorch(2, threadRows.map((r) => r.id)) : { rows: {} };

// ------------------------------------------------------------------ timing
/** Median seconds per call of `fn` (tinybench: >= 3 iterations after >= 1 warm-up iteration and 250 ms of warm-up). */
async function secondsPerCall(name, fn, perIter) {
  const bench = new Bench({ time: timeMs, iterations: 3, warmupTime: 250, warmupIterations: 1 });
  bench.add(name, fn);
  await bench.run();
  const t = bench.tasks[0];
  if (!t.result?.latency) throw new Error(`${name} failed: ${t.result?.error ?? 'no result'}`);
  return t.result.latency.p50 / 1000 / perIter;
}
/**
 * Median seconds per call of `a` and of `b`, timed alternately call by call (one warm-up call each, then rounds
 * until both have run for the time budget, at least 7 rounds), so that a shared machine's changing load falls on
 * both sides of a row's reference ratio alike.
 */
async function interleaved(a, b, perIter) {
  a();
  b();
  const ta = [], tb = [];
  let spent = 0;
  while (ta.length < 7 || spent < 2 * timeMs) {
    for (const [fn, into] of [[a, ta], [b, tb]]) {
      const t0 = performance.now();
      await fn();
      const dt = performance.now() - t0;
      into.push(dt);
      spent += dt;
    }
  }
  const median = (v) => v.slice().sort((x, y) => x - y)[v.length >> 1] / 1000 / perIter;
  return [median(ta), median(tb)];
}
async function timeTfjs(r, backend) {
  if (!r.tfjs) return null;
  await tf.setBackend(backend);
  const s = r.tfjs();
  try {
    return await secondsPerCall(`${r.id} tfjs-${backend}`, s.fn, r.perIter);
  } catch (e) {
    // A kernel the backend lacks (tfjs-backend-wasm has no Conv2DBackpropFilter): an empty cell and a note.
    peerNotes.push(`tfjs-${backend} cannot run "${r.name}": ${String(e?.message ?? e).replace(/^.*failed: (Error: )?/, '')}.`);
    return null;
  } finally {
    s.cleanup?.();
  }
}
const peerNotes = [];

const results = [];
for (const r of rows) {
  if (!markdown) console.error(`# ${r.name}`);
  torch.setNumThreads(1);
  const res = { r, t1: {}, t2: {} };
  if (r.reference) [res.t1.antorcha, res.t1.reference] = await interleaved(r.antorcha(), r.reference(), r.perIter);
  else res.t1.antorcha = await secondsPerCall(`${r.id} antorcha`, r.antorcha(), r.perIter);
  globalThis.gc?.();
  res.t1.wasm = await timeTfjs(r, 'wasm');
  res.t1.cpu = await timeTfjs(r, 'cpu');
  res.t1.torch = py1.rows?.[r.id] ?? null;
  if (r.threads) {
    torch.setNumThreads(2);
    res.t2.antorcha = await secondsPerCall(`${r.id} antorcha 2 threads`, r.antorcha(), r.perIter);
    torch.setNumThreads(1);
    res.t2.torch = py2.rows?.[r.id] ?? null;
  }
  globalThis.gc?.();
  results.push(res);
}

// ------------------------------------------------------------------ table
const fmt = (v) => (v == null ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v >= 1 ? v.toFixed(2) : v.toPrecision(2));
const ratio = (a, peer) => (a == null || peer == null ? '—' : `${(peer / a).toFixed(2)}×`);
function targetCell(r, t, threads) {
  const tg = r.target;
  if (!tg) return ['', ''];
  const v = r.units[0].per(t.antorcha);
  if (threads === 2) return tg.min2 == null ? ['', ''] : ['≥ ' + tg.min2, v >= tg.min2 ? 'yes' : 'no'];
  if (tg.min != null) return [tg.text, v >= tg.min ? 'yes' : 'no'];
  if (tg.refSpeed != null) return [tg.text, t.reference / t.antorcha >= tg.refSpeed ? 'yes' : 'no'];
  if (t.torch == null) return [tg.text, '? (no PyTorch)'];
  return [tg.text, t.torch / t.antorcha >= tg.torchSpeed ? 'yes' : 'no'];
}
const header = ['row', 'unit', 'antorcha', 'tfjs-wasm', 'tfjs-cpu', 'PyTorch', 'vs tfjs-wasm', 'vs PyTorch', 'target', 'met'];
const lines = [];
for (const { r, t1, t2 } of results) {
  for (const [threads, t] of [[1, t1], [2, t2]]) {
    if (threads === 2 && !r.threads) continue;
    r.units.forEach((u, i) => {
      const v = (s) => (s == null ? null : u.per(s));
      const name = `${r.name}${threads === 2 ? ', 2 threads' : ''}`;
      const [target, met] = i === 0 ? targetCell(r, t, threads) : ['', ''];
      lines.push([name, u.unit, fmt(v(t.antorcha)), fmt(v(t.wasm)), fmt(v(t.cpu)), fmt(v(t.torch)),
        ratio(t.antorcha, t.wasm), ratio(t.antorcha, t.torch), target, met]);
    });
  }
}

const cpu = os.cpus()[0]?.model?.trim() ?? 'unknown CPU';
const date = new Date().toISOString().slice(0, 10);
const torchDesc = py1.torch
  ? `PyTorch ${py1.torch} (${py1.blas?.some((b) => /openblas/.test(b)) ? 'OpenBLAS' : `BLAS: ${py1.blas?.join(', ') || 'none found'}`})`
  : py1.note;
const notes = [
  `Machine: ${cpu}, ${os.cpus().length} threads, Node ${process.version}; ${date}. Antorcha CPU kernels: ${kernelDesc}.`,
  `Peers: @tensorflow/tfjs-backend-wasm ${tfwasm.version_wasm} (SIMD ${wasmSimd ? 'on' : 'off'}, ${wasmThreads} thread), ` +
    `@tensorflow/tfjs-backend-cpu ${tf.version_core}, ${torchDesc}.`,
  'Ratios are speed ratios, peer time / Antorcha time (> 1: Antorcha faster). Bytes counted read + written ' +
    '(add 12 B/elem, exp 8, sum 4, softmax 8). "2 threads" rows: Antorcha setNumThreads(2), PyTorch ' +
    'OPENBLAS_NUM_THREADS=2 + set_num_threads(2); tfjs-backend-wasm has no threads under Node.',
];
for (const { r, t1 } of results) {
  if (t1.reference != null) {
    notes.push(`${r.name}: the plain JavaScript radix-2 reference (bench/src/run.mjs radix2Fft) takes ` +
      `${fmt(t1.reference * 1e3)} ms, Antorcha ${fmt(t1.antorcha * 1e3)} ms: ${ratio(t1.antorcha, t1.reference)} (target ${r.target.text}).`);
  }
}
if (py2.note && threadRows.length && py1.torch) notes.push(`2-thread pass: ${py2.note}`);
notes.push(...peerNotes);

if (markdown) {
  for (const n of notes) console.log(n + '\n');
  console.log(`| ${header.join(' | ')} |`);
  console.log(`|${header.map((_, i) => (i >= 2 && i <= 7 ? '---:' : '---')).join('|')}|`);
  for (const l of lines) console.log(`| ${l.join(' | ')} |`);
} else {
  for (const n of notes) console.log(`# ${n}`);
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
  const pad = (cells) => cells.map((c, i) => (i >= 2 && i <= 7 ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join('  ');
  console.log(pad(header));
  for (const l of lines) console.log(pad(l));
}
