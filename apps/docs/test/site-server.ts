// Shared by the site tests: where the built site is, whether the tests can run here, and a tiny
// static server for apps/docs/dist that answers like the one the site is deployed on (a file,
// a folder's index.html, else 404.html with status 404).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'vitest';

/** The built site (`npm run docs:build`, or the docs package's `build` script). */
export const DIST = fileURLToPath(new URL('../dist/', import.meta.url));
/** Debian's Chromium, which the browser test drives through playwright-core. */
export const CHROMIUM = '/usr/bin/chromium';

/**
 * Why the site tests cannot run here (the built site or Chromium is missing), or null when they can.
 * Outside CI a missing prerequisite skips the tests with this message; in CI (`CI` set) it fails them.
 */
export function missing(needs: { chromium?: boolean; api?: boolean }): string | null {
  if (!existsSync(join(DIST, 'index.html'))) return `the site is not built: ${join(DIST, 'index.html')} is missing (run \`npm run docs:build\`)`;
  if (needs.api && !existsSync(join(DIST, 'api', 'index.html'))) return `the API reference is not built: ${join(DIST, 'api', 'index.html')} is missing (the docs build runs TypeDoc)`;
  if (needs.chromium && !existsSync(CHROMIUM)) return `Chromium is not installed at ${CHROMIUM} (apt-get install chromium)`;
  return null;
}

/** Whether a missing prerequisite must fail the tests instead of skipping them. */
export const inCI = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

/**
 * `describe(name, body)` when the site tests can run; otherwise a skipped suite whose title says
 * what is missing (and a warning on stderr), or, in CI, a failing test saying the same.
 */
export function describeSite(name: string, needs: { chromium?: boolean; api?: boolean }, body: () => void): void {
  const why = missing(needs);
  if (why === null) describe(name, body);
  else if (inCI) {
    describe(name, () => {
      it('has what it needs', () => {
        throw new Error(`${name}: ${why}`);
      });
    });
  } else {
    console.warn(`[docs] ${name}: skipped, ${why}`);
    describe.skip(`${name} (skipped: ${why})`, () => {
      it('needs the built site', () => {});
    });
  }
}

/** Every HTML file of the site, as a path relative to dist with `/` separators, sorted. */
export function htmlPages(dir = DIST): string[] {
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.html')) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** A running static server for the built site. */
export interface SiteServer {
  /** e.g. `http://127.0.0.1:41234/` */
  url: string;
  close(): Promise<void>;
}

/** Serves `root` (the built site) on a free port of 127.0.0.1. */
export async function serveSite(root = DIST): Promise<SiteServer> {
  const base = resolve(root);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    let file = resolve(base, `.${path}`);
    if (file !== base && !file.startsWith(base + sep)) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`; // clean URLs
    if (existsSync(file) && statSync(file).isFile()) {
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      res.end(readFileSync(file));
      return;
    }
    const notFound = join(base, '404.html');
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    res.end(existsSync(notFound) ? readFileSync(notFound) : 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
