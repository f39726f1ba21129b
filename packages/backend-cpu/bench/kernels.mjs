// Kernel micro-benchmarks for the CPU backend (run after `npx tsc -p tsconfig.build.json`):
//   node bench/kernels.mjs [add|poly|unary|reduce|matmul|sort]
// Reports the best of repeated runs (the machine is shared, best-of is the stable number).
import { cpuBackend as be } from '../dist/index.js';

const contig = (shape) => { const s = []; let st = 1; for (let i = shape.length - 1; i >= 0; i--) { s[i] = st; st *= shape[i]; } return s; };
function tensor(dtype, shape, fillFn = () => Math.random() - 0.5) {
  const n = shape.reduce((a, b) => a * b, 1);
  const buffer = be.alloc(dtype, n);
  const d = be.readSync(buffer);
  for (let i = 0; i < n; i++) d[i] = fillFn(i);
  return { buffer, dtype, shape, strides: contig(shape), offset: 0 };
}
function best(fn, minMs = 400) {
  for (let i = 0; i < 3; i++) fn();
  let b = Infinity; const t0 = performance.now();
  while (performance.now() - t0 < minMs) { const s = performance.now(); fn(); b = Math.min(b, performance.now() - s); }
  return b;
}
function perCall(fn, reps = 200000) {
  for (let i = 0; i < reps / 4; i++) fn();
  let b = Infinity;
  for (let r = 0; r < 5; r++) { const t0 = performance.now(); for (let i = 0; i < reps; i++) fn(); b = Math.min(b, (performance.now() - t0) / reps * 1e6); }
  return b;
}
const what = process.argv[2] ?? 'all';
const on = (k) => what === 'all' || what === k;

function addRows(label) {
  for (const n of [1 << 20, 1 << 24]) {
    const a = tensor('float32', [n]), b = tensor('float32', [n]), o = tensor('float32', [n], () => 0);
    const ms = best(() => be.binary('add', a, b, o, 'float32'));
    console.log(`${label}add float32 ${n}: ${ms.toFixed(2)} ms, ${(n / ms / 1e3).toFixed(0)} M elem/s`);
  }
  const a = tensor('float32', [1, 5]), b = tensor('float32', [1, 5]), o = tensor('float32', [1, 5], () => 0);
  console.log(`${label}add 1x5 kernel call: ${perCall(() => be.binary('add', a, b, o, 'float32')).toFixed(0)} ns`);
}
if (on('add')) addRows('');
if (on('poly')) {
  // warm the same loops with every dtype first (what a real program does), then measure float32
  for (const dt of ['float64', 'int32', 'int64', 'uint8', 'bool']) {
    const x = tensor(dt, [4096], () => 1), y = tensor(dt, [4096], () => 1), o = tensor(dt, [4096], () => 0);
    for (let i = 0; i < 300; i++) for (const op of ['add', 'sub', 'mul', 'maximum', 'eq']) be.binary(op, x, y, op === 'eq' ? tensor('bool', [4096]) : o, dt);
    for (let i = 0; i < 300; i++) be.binary('add', x, 2, o, dt);
  }
  addRows('(after other dtypes) ');
}
if (on('unary')) {
  const n = 1 << 20;
  const x = tensor('float32', [n]), o = tensor('float32', [n], () => 0);
  for (const op of ['neg', 'exp', 'relu', 'sigmoid', 'tanh', 'gelu', 'erf', 'log1p']) {
    const ms = best(() => be.unary(op, x, o, 'float32'), 250);
    console.log(`unary ${op} float32 1M: ${ms.toFixed(2)} ms, ${(n / ms / 1e3).toFixed(0)} M elem/s`);
  }
  const a = tensor('float32', [1024, 1024]), bt = { ...tensor('float32', [1024, 1024]), strides: [1, 1024] }, oo = tensor('float32', [1024, 1024], () => 0);
  const ms = best(() => be.binary('add', a, bt, oo, 'float32'));
  console.log(`add float32 1024x1024 + transposed: ${ms.toFixed(2)} ms, ${(n / ms / 1e3).toFixed(0)} M elem/s`);
  const bias = { ...tensor('float32', [1024]), shape: [1024, 1024], strides: [0, 1] };
  const ms2 = best(() => be.binary('add', a, bias, oo, 'float32'));
  console.log(`add float32 1024x1024 + row broadcast: ${ms2.toFixed(2)} ms, ${(n / ms2 / 1e3).toFixed(0)} M elem/s`);
  const ms3 = best(() => be.binary('mul', a, 0.5, oo, 'float32'));
  console.log(`mul float32 1M by scalar: ${ms3.toFixed(2)} ms, ${(n / ms3 / 1e3).toFixed(0)} M elem/s`);
  const ms4 = best(() => be.binary('pow', a, 2, oo, 'float32'));
  console.log(`pow float32 1M by scalar: ${ms4.toFixed(2)} ms, ${(n / ms4 / 1e3).toFixed(0)} M elem/s`);
}
if (on('reduce')) {
  const x = tensor('float32', [1024, 1024]);
  const o = tensor('float32', [1024], () => 0), oi = tensor('int64', [1024], () => 0);
  console.log(`sum float32 1024x1024 over last dim: ${best(() => be.reduce('sum', x, 1, o, 'float32')).toFixed(2)} ms`);
  const xt = { ...x, strides: [1, 1024] };
  console.log(`sum float32 1024x1024 over first dim: ${best(() => be.reduce('sum', xt, 1, o, 'float32')).toFixed(2)} ms`);
  console.log(`argmax float32 1024x1024 over last dim: ${best(() => be.reduce('argmax', x, 1, oi, 'float32')).toFixed(2)} ms`);
  const s = tensor('float32', []);
  console.log(`sum float32 1M all: ${best(() => be.reduce('sum', x, 2, s, 'float32')).toFixed(2)} ms`);
  const c = tensor('float32', [1024, 1024], () => 0);
  console.log(`cumsum float32 1024x1024 last dim: ${best(() => be.scan('cumsum', x, 1, c, 'float32')).toFixed(2)} ms`);
  console.log(`cumsum float32 1024x1024 first dim: ${best(() => be.scan('cumsum', x, 0, c, 'float32')).toFixed(2)} ms`);
}
if (on('sort')) {
  const x = tensor('float32', [1024, 1024]);
  const v = tensor('float32', [1024, 1024], () => 0), i = tensor('int64', [1024, 1024], () => 0);
  console.log(`sort float32 1024x1024 rows: ${best(() => be.sort(x, false, false, v, i), 1000).toFixed(1)} ms`);
}
if (on('matmul')) {
  for (const n of [128, 256, 512, 1024]) {
    const a = tensor('float32', [1, n, n]), b = tensor('float32', [1, n, n]), o = tensor('float32', [1, n, n], () => 0);
    const ms = best(() => be.matmul(a, b, o, 'float32'), n >= 1024 ? 3000 : 1000);
    console.log(`matmul float32 ${n}: ${ms.toFixed(1)} ms, ${(2 * n ** 3 / ms / 1e6).toFixed(2)} GFLOP/s`);
  }
}
if (on('overhead')) {
  const a = tensor('float32', [1, 5]), b = tensor('float32', [1, 5]), o = tensor('float32', [1, 5], () => 0);
  const bb = { ...tensor('float32', [5]), shape: [1, 5], strides: [0, 1] };
  const r = tensor('float32', [1], () => 0), ob = tensor('bool', [1, 5], () => 0);
  const m = tensor('float32', [1, 2, 2]), mo = tensor('float32', [1, 2, 2], () => 0);
  const rows = [
    ['binary add 1x5', () => be.binary('add', a, b, o, 'float32')],
    ['binary add 1x5 + scalar', () => be.binary('add', a, 1, o, 'float32')],
    ['binary add 1x5 broadcast', () => be.binary('add', a, bb, o, 'float32')],
    ['binary lt 1x5', () => be.binary('lt', a, b, ob, 'float32')],
    ['unary exp 1x5', () => be.unary('exp', a, o, 'float32')],
    ['reduce sum 1x5', () => be.reduce('sum', a, 1, r, 'float32')],
    ['matmul 2x2', () => be.matmul(m, m, mo, 'float32')],
    ['where 1x5', () => be.where(ob, a, b, o)],
    ['copy 1x5', () => be.copy(a, o)],
  ];
  for (const [label, fn] of rows) console.log(`${label}: ${perCall(fn).toFixed(0)} ns/call`);
}
