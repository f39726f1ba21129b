// Every internal link of the built site (apps/docs/dist: the guide pages and the TypeDoc API
// reference in dist/api) leads to a page or file that exists. Links to other hosts are skipped:
// the tests run offline.
import { LinkChecker, LinkState } from 'linkinator';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeSite, serveSite, type SiteServer } from './site-server.js';

let site: SiteServer;

describeSite('links of the built docs site (linkinator)', { api: true }, () => {
  beforeAll(async () => {
    site = await serveSite();
  });
  afterAll(async () => site?.close());

  it('has no broken internal link', async () => {
    const checker = new LinkChecker();
    const result = await checker.check({
      path: site.url,
      recurse: true,
      concurrency: 16,
      timeout: 20000,
      // only this site's pages: external hosts cannot be reached offline
      linksToSkip: async (link) => !link.startsWith(site.url),
    });
    const checked = result.links.filter((l) => l.state !== LinkState.SKIPPED);
    // the crawl reached the guide and the API reference (a start page alone would pass trivially)
    expect(checked.some((l) => l.url.includes('/guide/'))).toBe(true);
    expect(checked.some((l) => l.url.includes('/api/'))).toBe(true);
    const broken = new Map<string, Set<string>>();
    for (const l of result.links) {
      if (l.state !== LinkState.BROKEN) continue;
      const key = `${l.url.replace(site.url, '/')} (${l.status ?? 'no response'})`;
      broken.set(key, (broken.get(key) ?? new Set()).add((l.parent ?? '?').replace(site.url, '/')));
    }
    const report = [...broken].map(([url, from]) => `${url}, linked from ${[...from].slice(0, 3).join(', ')}${from.size > 3 ? ` and ${from.size - 3} more` : ''}`);
    expect(report).toEqual([]);
  }, 300000);
});
