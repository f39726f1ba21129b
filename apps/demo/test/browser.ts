// Shared by the end-to-end tests: serves the built demo with Vite's preview server and opens
// it in Debian's Chromium (playwright-core), optionally with WebGPU on SwiftShader.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';

/** Debian's Chromium; the end-to-end tests are skipped where it is not installed. */
export const CHROMIUM = '/usr/bin/chromium';
/** Whether the browser tests can run on this machine. */
export const haveChromium = existsSync(CHROMIUM);

const root = fileURLToPath(new URL('..', import.meta.url));

/** A running preview server and a browser open on it. */
export interface Demo {
  browser: Browser;
  /** The demo's address, e.g. `http://localhost:5199/`. */
  url: string;
  /** A new page, with every console error and failed request collected into `problems`. */
  page(): Promise<{ page: Page; problems: string[] }>;
  close(): Promise<void>;
}

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

/** Serves `dist/` on `port` and launches Chromium (with WebGPU on SwiftShader when `webgpu`). */
export async function openDemo(port: number, opts: { webgpu?: boolean } = {}): Promise<Demo> {
  const server: ChildProcess = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(port), '--strictPort'], {
    cwd: root,
    stdio: 'ignore',
  });
  const url = `http://localhost:${port}/`;
  const gpuArgs = opts.webgpu ? ['--enable-unsafe-webgpu', '--use-webgpu-adapter=swiftshader'] : ['--disable-gpu'];
  let browser: Browser;
  try {
    await waitForServer(url, 20000);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--no-first-run', ...gpuArgs],
    });
  } catch (e) {
    server.kill(); // a failed start must not leave the preview server holding the port
    throw e;
  }
  return {
    browser,
    url,
    async page() {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      });
      page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
      page.on('requestfailed', (r) => {
        // A request the page itself cancelled (a view unmounted while its worker script loaded,
        // a navigation) is not a failure of the server; HTTP errors are caught below.
        const why = r.failure()?.errorText ?? '';
        if (why !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url()} (${why})`);
      });
      page.on('response', (r) => {
        if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url()}`);
      });
      return { page, problems };
    },
    async close() {
      await browser.close();
      server.kill();
    },
  };
}
