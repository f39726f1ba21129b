// Dispatch round trip: µs per runOnThreads with trivial jobs on every thread.
const dist = new URL('../dist', import.meta.url).href;
const pool = await import(`${dist}/wasm/pool.js`);
const core = await import('@antorcha/core');
const threads = Number(process.argv[2] ?? 2);
core.setNumThreads(threads);
pool.poolThreads();
while (pool.poolThreads() < threads) await new Promise((r) => setTimeout(r, 1));
const spins = [0, 10, 50, 200, 1000];
const med = (a) => a.slice().sort((x, y) => x - y)[a.length >> 1];
const jobs = Array.from({ length: threads }, () => [0]);
const out = {};
for (const spin of spins) {
  pool._setPoolSpin(spin, spin);
  const reps = [];
  for (let r = 0; r < 7; r++) {
    const N = 3000;
    const t = performance.now();
    for (let i = 0; i < N; i++) pool.runOnThreads('poolTrap', jobs);
    reps.push(((performance.now() - t) * 1000) / N);
  }
  out[spin] = { median: +med(reps).toFixed(2), min: +Math.min(...reps).toFixed(2) };
}
// one thread: a direct call
{ const reps = []; for (let r = 0; r < 7; r++) { const N = 30000; const t = performance.now(); for (let i = 0; i < N; i++) pool.runOnThreads('poolTrap', [[0]]); reps.push(((performance.now() - t) * 1000) / N); } out.single = +med(reps).toFixed(3); }
console.log(JSON.stringify({ threads, cpus: (await import('node:os')).availableParallelism(), load: (await import('node:os')).loadavg()[0], us: out }));
