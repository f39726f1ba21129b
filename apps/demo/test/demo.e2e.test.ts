// The built demo, served by Vite's preview server and opened in headless Chromium,
// shows the seed notebook with PyTorch's printed output.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const CHROMIUM = '/usr/bin/chromium';
const root = fileURLToPath(new URL('..', import.meta.url));
const golden: { cell: string; stdout: string }[] = JSON.parse(
  readFileSync(new URL('../../../packages/antorcha/test/fixtures/seed-notebook.json', import.meta.url), 'utf8'),
);
const PORT = 5199;

let server: ChildProcess;
let browser: Browser;

async function waitForServer(url: string, ms: number): Promise<void> {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`preview server did not start at ${url}`);
}

describe.skipIf(!existsSync(CHROMIUM))('demo in headless Chromium', () => {
  beforeAll(async () => {
    server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'], { cwd: root, stdio: 'ignore' });
    await waitForServer(`http://localhost:${PORT}/`, 20000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless=new', '--disable-gpu', '--disable-background-networking', '--no-first-run'],
    });
  }, 40000);

  afterAll(async () => {
    await browser?.close();
    server?.kill();
  });

  it('prints every seed-notebook cell exactly as PyTorch does', async () => {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${PORT}/`);
    await page.waitForSelector('.cell pre');
    const outputs = await page.$$eval('.cell pre', (els) => els.map((e) => e.textContent ?? ''));
    expect(outputs.length).toBe(golden.length);
    golden.forEach((g, i) => expect(outputs[i]).toBe(g.stdout));
  }, 30000);

  it('is served cross-origin isolated, so CPU tensors can live in shared WebAssembly memory', async () => {
    const page = await browser.newPage();
    await page.goto(`http://localhost:${PORT}/`);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    expect(await page.evaluate(() => typeof SharedArrayBuffer)).toBe('function');
  }, 30000);
});
