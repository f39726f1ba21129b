#!/usr/bin/env node
// The worker pool's dispatch round trip: µs per runOnThreads with trivial jobs on every
// thread, by spin time (µs a thread polls before it sleeps in Atomics.wait), with the
// caller taking untaken jobs (steal) or not (every job through its worker: the true round
// trip). Run after a build: node scripts/bench-pool.mjs [threads]
const dist = new URL('../dist', import.meta.url).href;
const pool = await import(`${dist}/wasm/pool.js`);
const core = await import('@antorcha/core');
const os = await import('node:os');
const threads = Number(process.argv[2] ?? 2);
core.setNumThreads(threads);
pool.poolThreads();
while (pool.poolThreads() < threads) await new Promise((r) => setTimeout(r, 1));
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const jobs = Array.from({ length: threads }, () => [0]);
const out = {};
for (const steal of [false, true]) {
  for (const spin of [0, 50, 200]) {
    pool._setPoolOptions({ workerSpinUs: spin, callerSpinUs: spin * 4, steal });
    const reps = [];
    const before = pool._poolInfo().stolen;
    for (let r = 0; r < 7; r++) {
      const N = 2000;
      const t = performance.now();
      for (let i = 0; i < N; i++) pool.runOnThreads('poolTrap', jobs);
      reps.push(((performance.now() - t) * 1000) / N);
    }
    const stolen = (pool._poolInfo().stolen - before) / (7 * 2000 * (threads - 1));
    out[`${steal ? 'steal' : 'nosteal'}-spin${spin}`] = { median: +med(reps).toFixed(2), min: +Math.min(...reps).toFixed(2), stolen: +stolen.toFixed(2) };
  }
}
{
  const reps = [];
  for (let r = 0; r < 7; r++) {
    const N = 30000;
    const t = performance.now();
    for (let i = 0; i < N; i++) pool.runOnThreads('poolTrap', [[0]]);
    reps.push(((performance.now() - t) * 1000) / N);
  }
  out.oneThread = +med(reps).toFixed(3);
}
console.log(JSON.stringify({ threads, cpus: os.availableParallelism(), load: +os.loadavg()[0].toFixed(1), us: out }));
