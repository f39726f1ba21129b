#!/usr/bin/env node
// Checks the worker pool's browser path in headless Chromium (/usr/bin/chromium): module Web
// Workers over the shared heap, the main thread's spin wait, a worker trap raised on the
// caller, 2,000 dispatches. Serves packages/*/dist (build core, rng, backend-cpu first) with
// cross-origin isolation, or without it with `plain` (then the pool must stay at 1 thread).
// Usage: node scripts/check-pool-browser.mjs [plain]
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
// playwright-core is a dependency of the demo app
const { chromium } = createRequire(new URL('../../../apps/demo/package.json', import.meta.url))('playwright-core');
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const isolate = process.argv[2] !== 'plain';
const page = `<!doctype html><script type="importmap">{"imports":{"@antorcha/core":"/core/dist/index.js","@antorcha/rng":"/rng/dist/index.js"}}</script>
<script type="module">
try {
const pool = await import('/backend-cpu/dist/wasm/pool.js');
const heap = await import('/backend-cpu/dist/wasm/heap.js');
const rt = await import('/backend-cpu/dist/wasm/runtime.js');
const core = await import('@antorcha/core');
try { await rt.wasmReady(); } catch (e) { console.log("wasmReady rejected: " + e.message.slice(0, 60)); }
const out = { isolated: globalThis.crossOriginIsolated, info: rt.wasmInfo(), defaultThreads: core.getNumThreads() };
core.setNumThreads(3);
out.first = pool.poolThreads();
const t0 = performance.now();
while (pool.poolThreads() < 3 && performance.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 5));
out.readyMs = Math.round(performance.now() - t0); out.threads = pool.poolThreads(); out.pool = pool._poolInfo();
if (out.threads === 3) {
  const n = 1001, a = heap.heapAlloc(4 * 3 * n);
  pool.runOnThreads('poolFillF32', [[a, n, 1], [a + 4 * n, n, 2], [a + 8 * n, n, 3]]);
  const v = new Float32Array(heap.getHeap().memory.buffer, a, 3 * n);
  out.fillOk = v.every((x, i) => x === Math.floor(i / n) + 1);
  try { pool.runOnThreads('poolTrap', [[0], [0], [1]]); out.trap = 'no error'; } catch (e) { out.trap = e.message; }
  const N = 2000, jobs = [[a, 1, 0], [a + 4, 1, 0]];
  const t = performance.now(); let bad = 0;
  for (let i = 1; i <= N; i++) { jobs[0][2] = i; jobs[1][2] = i; pool.runOnThreads('poolFillF32', jobs); if (v[0] !== i || v[1] !== i) bad++; }
  out.dispatchUs = +((performance.now() - t) * 1000 / N).toFixed(2); out.bad = bad;
}
window.result = out;
} catch (e) { window.result = { error: String(e.stack ?? e) }; }
</script>`;
const server = createServer(async (req, res) => {
  const headers = isolate ? { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' } : {};
  if (req.url === '/') { res.writeHead(200, { 'content-type': 'text/html', ...headers }); res.end(page); return; }
  try {
    const body = await readFile(join(ROOT, req.url.split('?')[0]));
    res.writeHead(200, { 'content-type': extname(req.url) === '.js' ? 'text/javascript' : 'application/octet-stream', ...headers });
    res.end(body);
  } catch { res.writeHead(404, headers); res.end(); }
}).listen(5233);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--no-first-run'] });
const p = await browser.newPage();
p.on('console', (m) => console.log('console:', m.text()));
p.on('pageerror', (e) => console.log('pageerror:', e.message));
await p.goto('http://localhost:5233/');
await p.waitForFunction(() => window.result !== undefined, null, { timeout: 30000 });
console.log(JSON.stringify(await p.evaluate(() => window.result)));
await browser.close(); server.close();
