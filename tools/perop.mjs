#!/usr/bin/env node
// Per-op cost of small-tensor ops (issue 12, "Per-op cost"): median ns per call of a few
// ops on 1×5 float32 tensors, through the built `antorcha` package (build it first).
// Not a test: timings are noisy; it prints a table and, with --json, one JSON line.
//
//   node tools/perop.mjs [--n 1000000] [--runs 7] [--only add,mul] [--json]
//
// PyTorch's figures for the same ops: `node tools/perop.mjs --py` prints the Python script
// (it needs torch): `node tools/perop.mjs --py | /usr/bin/python3 -`.
import { performance } from 'node:perf_hooks';

const args = process.argv.slice(2);
const opt = (name, dflt) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 ? args[i + 1] : dflt;
};
const N = Number(opt('n', 1e6));
const RUNS = Number(opt('runs', 7));
const only = opt('only', null)?.split(',');

const PY = `
import timeit, statistics, time, torch
torch.set_num_threads(1)
a = torch.randn(1, 5); b = torch.randn(1, 5); g = torch.randn(1, 5, requires_grad=True)
cases = {
  'a.add(b)': lambda: a.add(b),
  'torch.add(a, b)': lambda: torch.add(a, b),
  'a.add(b) [a requiresGrad]': lambda: g.add(b),
  'torch.add(a, b) [a requiresGrad]': lambda: torch.add(g, b),
  'a.mul(b)': lambda: a.mul(b),
  'a.relu()': lambda: a.relu(),
  'a.sum()': lambda: a.sum(),
}
n = ${N}
for name, f in cases.items():
  for _ in range(n // 10): f()
  wall = []; cpu = []
  for _ in range(${RUNS}):
    c0 = time.process_time(); wall.append(timeit.timeit(f, number=n) / n * 1e9); cpu.append((time.process_time() - c0) / n * 1e9)
  print(f"{name:36s} {statistics.median(wall):6.0f} ns/op wall (min {min(wall):5.0f})  {statistics.median(cpu):6.0f} ns/op cpu (min {min(cpu):5.0f})")
`;
if (args.includes('--py')) {
  process.stdout.write(PY);
  process.exit(0);
}

// The built package, by path (the repository root has no node_modules/antorcha).
const torch = await import(new URL('../packages/antorcha/dist/index.js', import.meta.url).href);
const a = torch.randn(1, 5);
const b = torch.randn(1, 5);
const g = torch.randn(1, 5, { requiresGrad: true });

const cases = {
  'a.add(b)': () => a.add(b),
  'torch.add(a, b)': () => torch.add(a, b),
  'a.add(b) [a requiresGrad]': () => g.add(b),
  'torch.add(a, b) [a requiresGrad]': () => torch.add(g, b),
  'a.mul(b)': () => a.mul(b),
  'a.relu()': () => a.relu(),
  'a.sum()': () => a.sum(),
};

// Wall-clock time, and the process's CPU time (user + system, all its threads: GC helpers
// included), which other processes on a busy machine disturb far less.
let sink = 0;
function time(f, n) {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < n; i++) sink += f()._offset;
  const wall = ((performance.now() - t0) * 1e6) / n;
  const c = process.cpuUsage(c0);
  return { wall, cpu: ((c.user + c.system) * 1e3) / n };
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const results = {};
for (const [name, f] of Object.entries(cases)) {
  if (only && !only.some((o) => name.includes(o))) continue;
  time(f, Math.max(1000, N / 5)); // warm-up
  const runs = [];
  for (let r = 0; r < RUNS; r++) runs.push(time(f, N));
  const wall = runs.map((r) => r.wall);
  const cpu = runs.map((r) => r.cpu);
  results[name] = { median: median(wall), min: Math.min(...wall), cpuMedian: median(cpu), cpuMin: Math.min(...cpu) };
  const r = results[name];
  console.log(
    `${name.padEnd(36)} ${r.median.toFixed(0).padStart(6)} ns/op wall (min ${r.min.toFixed(0).padStart(5)})` +
      `  ${r.cpuMedian.toFixed(0).padStart(6)} ns/op cpu (min ${r.cpuMin.toFixed(0).padStart(5)})`,
  );
}
if (args.includes('--json')) console.log(JSON.stringify(results));
if (sink === -1) console.log(sink);
