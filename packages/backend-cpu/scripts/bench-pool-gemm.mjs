#!/usr/bin/env node
// What the worker pool gives on matmul: the WebAssembly sgemm kernel on the whole
// product (one thread) against its row halves on two threads (runOnThreads), for
// square float32 products. Rows are split at a multiple of the kernel's 5-row tile so
// that both give the same bits (checked). Medians and bests (the least disturbed runs) of 27. Run after a build: node scripts/bench-pool-gemm.mjs [sizes…]
const dist = new URL('../dist', import.meta.url).href;
const pool = await import(`${dist}/wasm/pool.js`);
const rt = await import(`${dist}/wasm/runtime.js`);
const heap = await import(`${dist}/wasm/heap.js`);
const { setNumThreads } = await import('@antorcha/core');
const os = await import('node:os');

const sizes = process.argv.slice(2).map(Number);
if (sizes.length === 0) sizes.push(64, 128, 192, 256, 384, 512, 1024);
setNumThreads(2);
pool.poolThreads();
while (pool.poolThreads() < 2) await new Promise((r) => setTimeout(r, 1));
const W = rt.wasmKernels();
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const rows = [];
for (const S of sizes) {
  const M = S, N = S, K = S;
  const a = heap.heapAlloc(4 * M * K), b = heap.heapAlloc(4 * K * N), c1 = heap.heapAlloc(4 * M * N), c2 = heap.heapAlloc(4 * M * N);
  const buf = () => heap.getHeap().memory.buffer;
  const fa = new Float32Array(buf(), a, M * K), fb = new Float32Array(buf(), b, K * N);
  for (let i = 0; i < fa.length; i++) fa[i] = Math.random() * 2 - 1;
  for (let i = 0; i < fb.length; i++) fb[i] = Math.random() * 2 - 1;
  const half = Math.ceil(M / 2 / 5) * 5; // split at a multiple of MR = 5
  const s0 = rt.heapScratch(0, W.sgemmScratchBytes(M, N, K));
  const s1 = rt.heapScratch(1, W.sgemmScratchBytes(M - half, N, K));
  const one = () => W.sgemm(M, N, K, a, K, 1, b, N, 1, c1, N, 0, s0);
  const jobs = [
    [half, N, K, a, K, 1, b, N, 1, c2, N, 0, s0],
    [M - half, N, K, a + 4 * half * K, K, 1, b, N, 1, c2 + 4 * half * N, N, 0, s1],
  ];
  const two = () => pool.runOnThreads('sgemm', jobs);
  one(); two();
  const same = Buffer.compare(new Uint8Array(buf(), c1, 4 * M * N), new Uint8Array(buf(), c2, 4 * M * N)) === 0;
  const time = (fn) => {
    const reps = [];
    const inner = Math.max(1, Math.round(2e8 / (M * N * K)));
    for (let r = 0; r < 9; r++) {
      const t = performance.now();
      for (let i = 0; i < inner; i++) fn();
      reps.push((performance.now() - t) / inner);
    }
    return reps;
  };
  const t1 = [], t2 = [];
  const stolen0 = pool._poolInfo().stolen;
  let calls = 0;
  const twoCounted = () => { calls++; two(); };
  for (let round = 0; round < 3; round++) { t1.push(...time(one)); t2.push(...time(twoCounted)); } // interleaved
  const taken = (pool._poolInfo().stolen - stolen0) / calls; // share of second halves the caller ran itself
  const m1 = med(t1), m2 = med(t2);
  const gflops = (ms) => +((2 * M * N * K) / ms / 1e6).toFixed(1);
  const b1 = Math.min(...t1), b2 = Math.min(...t2);
  rows.push({ size: S, same, ms1: +m1.toFixed(3), ms2: +m2.toFixed(3), speedup: +(m1 / m2).toFixed(2), gflops1: gflops(m1), gflops2: gflops(m2), best1: +b1.toFixed(3), best2: +b2.toFixed(3), bestSpeedup: +(b1 / b2).toFixed(2), callerTook: +taken.toFixed(2) });
  for (const p of [a, b, c1, c2]) heap.heapFree(p);
}
console.log(JSON.stringify({ cpus: os.availableParallelism(), load: +os.loadavg()[0].toFixed(1), relaxed: rt.wasmInfo().relaxedSimd, rows }));
