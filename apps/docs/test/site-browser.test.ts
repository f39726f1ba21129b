// Opens every page of the built site (apps/docs/dist, the API reference sampled) in headless
// Chromium and fails on console errors, uncaught page errors, failed requests and HTTP errors
// (a missing favicon, script chunk or font shows up here).
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { CHROMIUM, DIST, describeSite, htmlPages, serveSite, type SiteServer } from './site-server.js';

let site: SiteServer;
let browser: Browser;

/** A few pages of the TypeDoc reference: its index, a module, a class and a function. */
function apiSample(all: string[]): string[] {
  const api = all.filter((p) => p.startsWith('api/'));
  const first = (prefix: string): string[] => api.filter((p) => p.startsWith(prefix)).slice(0, 1);
  const wanted = ['api/index.html', 'api/modules/antorcha.html', 'api/classes/antorcha.Tensor.html', 'api/modules/_antorcha_core_testing.html'];
  return [...new Set([...wanted.filter((p) => api.includes(p)), ...first('api/functions/'), ...first('api/interfaces/')])];
}

/** Opens `path` in a fresh page and returns everything that went wrong while it loaded. */
async function visit(path: string): Promise<{ page: Page; problems: string[] }> {
  const page = await browser.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}${m.location().url ? ` (${m.location().url.replace(site.url, '/')})` : ''}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('requestfailed', (r) => {
    const why = r.failure()?.errorText ?? '';
    // a request the page cancelled itself (a navigation, a prefetch it no longer needs) is not a server failure
    if (why !== 'net::ERR_ABORTED') problems.push(`request failed: ${r.url().replace(site.url, '/')} (${why})`);
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`HTTP ${r.status()}: ${r.url().replace(site.url, '/')}`);
  });
  await page.goto(new URL(path, site.url).href, { waitUntil: 'networkidle' });
  return { page, problems };
}

describeSite('the built docs site in headless Chromium', { chromium: true, api: true }, () => {
  beforeAll(async () => {
    site = await serveSite();
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--no-sandbox', '--headless=new', '--disable-background-networking', '--no-first-run', '--disable-gpu'],
    });
  }, 60000);
  afterAll(async () => {
    await browser?.close();
    await site?.close();
  });

  it('opens every page without a console error, page error or failed request', async () => {
    const all = htmlPages(DIST);
    const pages = [...all.filter((p) => !p.startsWith('api/') && p !== '404.html'), ...apiSample(all)];
    expect(pages).toContain('index.html');
    expect(pages).toContain('api/index.html');
    const report: string[] = [];
    for (const path of pages) {
      const { page, problems } = await visit(path);
      // every page shows its content: a heading (the home page: its hero)
      const heading = await page.locator('h1').first().textContent({ timeout: 30000 }).catch(() => null);
      if (!heading?.trim()) problems.push('no <h1> heading');
      if (!path.startsWith('api/')) {
        // VitePress's client router would take a link into the TypeDoc pages for one of its own
        // pages (and show "page not found") unless the link carries a target
        const routed = await page.$$eval('a[href]', (as) =>
          as.filter((a) => new URL(a.href).pathname.startsWith('/api/') && !a.hasAttribute('target')).map((a) => a.getAttribute('href')),
        );
        for (const href of new Set(routed)) problems.push(`link to the API reference without target="_self": ${href}`);
      }
      await page.close();
      report.push(...problems.map((p) => `${path}: ${p}`));
    }
    expect(report).toEqual([]);
  }, 300000);

  it('links the API reference from the home page, and it opens as its own site', async () => {
    const { page, problems } = await visit('index.html');
    const link = page.locator('a[href="/api/index.html"]').first();
    await link.click();
    await page.waitForURL(/\/api\/index\.html$/);
    await page.waitForLoadState('networkidle');
    expect(await page.title()).toContain('Antorcha API');
    // TypeDoc's page, not VitePress's "page not found" rendered by the client router
    expect(await page.locator('.tsd-page-title, .col-content').count()).toBeGreaterThan(0);
    await page.close();
    expect(problems).toEqual([]);
  }, 60000);
});
