// The app shell in headless Chromium: hash routing between the three views, keyboard use,
// contrast of its text, a narrow layout, the favicon, and no console errors.
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, openDemo, type Demo } from './browser.js';

const PORT = 5202;
let demo: Demo;
let page: Page;
let problems: string[];

const current = (): Promise<string[]> => page.$$eval('.app-nav a[aria-current="page"]', (as) => as.map((a) => a.textContent ?? ''));
const shown = (): Promise<string | null> => page.locator('#view').getAttribute('data-view');

describe.skipIf(!haveChromium)('app shell in headless Chromium', () => {
  beforeAll(async () => {
    demo = await openDemo(PORT);
    ({ page, problems } = await demo.page());
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 40000);
  afterAll(async () => demo?.close());

  it('opens the Notebook by default and names the three views in its navigation', async () => {
    await page.goto(demo.url);
    await page.waitForSelector('#view[data-view="notebook"]');
    expect(new URL(page.url()).hash).toBe('#/notebook');
    expect(await page.$$eval('.app-nav a', (as) => as.map((a) => a.textContent))).toEqual(['Notebook', 'Playground', 'Benchmarks']);
    expect(await current()).toEqual(['Notebook']);
    expect(await page.title()).toContain('Notebook');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    // On a fresh load, the skip link is the first stop of the Tab key and leaves the view in place.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content');
    await page.keyboard.press('Enter');
    expect(await shown()).toBe('notebook');
  }, 30000);

  it('moves between views with the keyboard, with Back, and from unknown routes to the Notebook', async () => {
    await page.focus('.app-nav a[data-view="playground"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#view[data-view="playground"]');
    expect(await current()).toEqual(['Playground']);
    // Focus moves to the new content.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    await page.focus('.app-nav a[data-view="benchmarks"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#view[data-view="benchmarks"]');
    expect(await current()).toEqual(['Benchmarks']);
    await page.goBack();
    await page.waitForSelector('#view[data-view="playground"]');
    await page.goto(`${demo.url}#/nothing-here`);
    await page.waitForSelector('#view[data-view="notebook"]');
    expect(new URL(page.url()).hash).toBe('#/notebook');
    expect(problems).toEqual([]);
  }, 40000);

  it('has readable contrast (WCAG AA, 4.5:1) in its navigation, buttons and text', async () => {
    await page.waitForSelector('.notebook[data-ran]');
    const low = await page.evaluate(() => {
      const rgb = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
      const lum = (c: number[]): number => {
        const [r, g, b] = c.slice(0, 3).map((v) => {
          const s = v / 255;
          return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const background = (e: Element | null): number[] => {
        for (; e; e = e.parentElement) {
          const c = rgb(getComputedStyle(e).backgroundColor);
          if (c.length === 3 || (c.length === 4 && c[3]! > 0)) return c;
        }
        return [255, 255, 255];
      };
      const selectors = ['.app-nav a', '.brand-name', '.brand-tagline', '.notebook h1', '.prose p', '.prose code', 'button.run', 'button.run-all', '.lang-button', '.cell .code-colours', '.tok-comment', '.tok-string', '.tok-number', '.tok-keyword', '.tok-call', '.cell .output', '.cell .output.error', '.cell-count', '.figure figcaption', '.app-footer'];
      const bad: string[] = [];
      for (const sel of selectors) {
        for (const e of Array.from(document.querySelectorAll(sel)).slice(0, 3)) {
          const fg = lum(rgb(getComputedStyle(e).color));
          const bg = lum(background(e));
          const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
          if (ratio < 4.5) bad.push(`${sel}: ${ratio.toFixed(2)}`);
        }
      }
      return bad;
    });
    expect(low).toEqual([]);
  }, 30000);

  it('fits a narrow screen', async () => {
    await page.setViewportSize({ width: 360, height: 740 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    const nav = await page.locator('.app-nav').boundingBox();
    expect(nav!.x + nav!.width).toBeLessThanOrEqual(360);
    expect(problems).toEqual([]);
  }, 30000);
});
