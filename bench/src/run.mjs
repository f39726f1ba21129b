#!/usr/bin/env node
// Antorcha beside tfjs (@tensorflow/tfjs on its CPU backend) in the same run, row by row.
// Each row reports a rate for both and the ratio antorcha / tfjs (> 1: antorcha faster).
// Usage: pnpm bench [--filter matmul] [--time 800] | pnpm bench --webgpu
import os from 'node:os';
import { Bench } from 'tinybench';
import * as torch from 'antorcha';
// The union package: tfjs-core + the CPU backend + the gradients tf.variableGrads needs.
import * as tf from '@tensorflow/tfjs';

const args = process.argv.slice(2);
if (args.includes('--webgpu')) {
  // `pnpm bench --webgpu`: the WebGPU rows (matmul, MLP) beside tfjs-backend-webgpu.
  await import('./webgpu.mjs');
  process.exit(0);
}
const filter = args.includes('--filter') ? args[args.indexOf('--filter') + 1] : null;
const timeMs = args.includes('--time') ? Number(args[args.indexOf('--time') + 1]) : 600;

await tf.setBackend('cpu');
await tf.ready();

/** Rows: `work` units per iteration; `unit` names the rate. */
const rows = [];
function row(name, unit, work, setup) {
  if (filter && !name.includes(filter)) return;
  rows.push({ name, unit, work, setup });
}

const perCall = (n) => n; // ops per iteration for overhead rows

row('add 1x5 (per-op overhead)', 'Mops/s', perCall(1), () => {
  const a = torch.randn(1, 5), b = torch.randn(1, 5);
  const ta = tf.randomNormal([1, 5]), tb = tf.randomNormal([1, 5]);
  return { antorcha: () => a.add(b), tfjs: () => tf.add(ta, tb).dispose(), cleanup: () => tf.dispose([ta, tb]) };
});
for (const n of [1 << 20, 1 << 24]) {
  row(`add ${n === 1 << 20 ? '1M' : '16M'} float32`, 'M elem/s', n, () => {
    const a = torch.randn(n), b = torch.randn(n);
    const ta = tf.randomNormal([n]), tb = tf.randomNormal([n]);
    return { antorcha: () => a.add(b), tfjs: () => tf.add(ta, tb).dispose(), cleanup: () => tf.dispose([ta, tb]) };
  });
}
row('sum 16M float32', 'M elem/s', 1 << 24, () => {
  const a = torch.randn(1 << 24);
  const ta = tf.randomNormal([1 << 24]);
  return { antorcha: () => a.sum(), tfjs: () => tf.sum(ta).dispose(), cleanup: () => ta.dispose() };
});
for (const n of [128, 256, 512, 1024]) {
  row(`matmul ${n} float32`, 'GFLOP/s', 2 * n * n * n, () => {
    const a = torch.randn(n, n), b = torch.randn(n, n);
    const ta = tf.randomNormal([n, n]), tb = tf.randomNormal([n, n]);
    return { antorcha: () => a.matmul(b), tfjs: () => tf.matMul(ta, tb).dispose(), cleanup: () => tf.dispose([ta, tb]) };
  });
}
const TEN_M = 10_000_000;
row('randn 10M float32', 'M numbers/s', TEN_M, () => ({
  antorcha: () => torch.randn(TEN_M),
  tfjs: () => tf.randomNormal([TEN_M]).dispose(),
}));
row('rand 10M float32', 'M numbers/s', TEN_M, () => ({
  antorcha: () => torch.rand(TEN_M),
  tfjs: () => tf.randomUniform([TEN_M]).dispose(),
}));

row('MLP 784-128-10 fwd+bwd, batch 64', 'steps/s', 1, () => {
  const x = torch.randn(64, 784);
  const w1 = torch.randn([784, 128], { requiresGrad: true }), b1 = torch.zeros([128], { requiresGrad: true });
  const w2 = torch.randn([128, 10], { requiresGrad: true }), b2 = torch.zeros([10], { requiresGrad: true });
  const params = [w1, b1, w2, b2];
  const tx = tf.randomNormal([64, 784]);
  const tv = [tf.variable(tf.randomNormal([784, 128])), tf.variable(tf.zeros([128])), tf.variable(tf.randomNormal([128, 10])), tf.variable(tf.zeros([10]))];
  return {
    antorcha: () => {
      const h = x.matmul(w1).add(b1).relu();
      const loss = h.matmul(w2).add(b2).square().mean();
      loss.backward();
      for (const p of params) p.grad = null;
    },
    tfjs: () => {
      const { value, grads } = tf.variableGrads(() => {
        const h = tf.relu(tf.add(tf.matMul(tx, tv[0]), tv[1]));
        return tf.mean(tf.square(tf.add(tf.matMul(h, tv[2]), tv[3])));
      });
      value.dispose();
      tf.dispose(Object.values(grads));
    },
    cleanup: () => tf.dispose([tx, ...tv]),
  };
});

for (const batch of [64, 256]) {
  row(`MLP 784-128-10 train step (CE + Adam), batch ${batch}`, 'steps/s', 1, () => {
    const { nn, optim } = torch;
    torch.manualSeed(0);
    const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10));
    const opt = new optim.Adam(model.parameters(), { lr: 1e-3 });
    const lossFn = new nn.CrossEntropyLoss();
    const x = torch.randn(batch, 784);
    const y = torch.randint(0, 10, [batch]);
    const tmodel = tf.sequential({
      layers: [tf.layers.dense({ inputShape: [784], units: 128, activation: 'relu' }), tf.layers.dense({ units: 10 })],
    });
    tmodel.compile({ optimizer: tf.train.adam(1e-3), loss: (yt, yp) => tf.losses.softmaxCrossEntropy(yt, yp) });
    const tx = tf.randomNormal([batch, 784]);
    const ty = tf.oneHot(tf.randomUniform([batch], 0, 10, 'int32'), 10);
    return {
      antorcha: () => {
        opt.zeroGrad();
        lossFn.forward(model.forward(x), y).backward();
        opt.step();
      },
      tfjs: async () => {
        await tmodel.trainOnBatch(tx, ty);
      },
      cleanup: () => tf.dispose([tx, ty]),
    };
  });
}

const scale = { 'steps/s': 1, 'Mops/s': 1e6, 'M elem/s': 1e6, 'GFLOP/s': 1e9, 'M numbers/s': 1e6 };

console.log(`# Antorcha vs tfjs-backend-cpu — ${new Date().toISOString().slice(0, 10)}`);
console.log(`# ${os.cpus()[0]?.model ?? 'unknown CPU'} (${os.cpus().length} threads), Node ${process.version}, tfjs ${tf.version_core}`);
console.log('| row | antorcha | tfjs-cpu | unit | ratio |');
console.log('|---|---:|---:|---|---:|');
for (const r of rows) {
  const s = r.setup();
  const bench = new Bench({ time: timeMs, warmupTime: 100 });
  bench.add('antorcha', s.antorcha).add('tfjs', s.tfjs);
  await bench.run();
  const rate = (name) => {
    const t = bench.tasks.find((x) => x.name === name);
    if (!t.result?.latency) throw new Error(`${r.name} / ${name} failed: ${t.result?.error ?? 'no result'}`);
    const ms = t.result.latency.p50;
    return r.work / (ms / 1000) / scale[r.unit];
  };
  const a = rate('antorcha');
  const t = rate('tfjs');
  s.cleanup?.();
  const fmt = (v) => (v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2));
  console.log(`| ${r.name} | ${fmt(a)} | ${fmt(t)} | ${r.unit} | ${(a / t).toFixed(2)}× |`);
  globalThis.gc?.();
}
