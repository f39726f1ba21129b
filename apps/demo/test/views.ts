// Shared by the Playground and Benchmarks end-to-end tests: opening a view through the app's
// navigation, reading the Playground's read-outs, and screenshots.
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';

/** Where screenshots and exported files go (ignored by git). */
export const RESULTS = fileURLToPath(new URL('../test-results/', import.meta.url));

/** Opens the demo at `url` and follows the navigation item named `name` ("Playground", "Benchmarks"). */
export async function openView(page: Page, url: string, name: string): Promise<void> {
  await page.goto(url);
  const nav = page.getByRole('navigation').getByRole('link', { name, exact: true });
  await nav.click();
}

/** The integer in `[data-testid=step]`. */
export async function readStep(page: Page): Promise<number> {
  return Number(await page.getByTestId('step').textContent());
}

/** The number in `[data-testid=loss]`. */
export async function readLoss(page: Page): Promise<number> {
  return Number(await page.getByTestId('loss').textContent());
}

/** Screenshots of the page at a desktop and a narrow (phone) width, under test-results/. */
export async function screenshots(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${RESULTS}${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.waitForTimeout(150);
  await page.screenshot({ path: `${RESULTS}${name}-narrow.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 900 });
}

/**
 * Text under `root` whose contrast with its background is below WCAG AA's 4.5:1 (each element that
 * holds text of its own, e.g. `label: 3.20`); empty when all is readable.
 */
export async function lowContrast(page: Page, root: string): Promise<string[]> {
  return page.evaluate((rootSel) => {
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
    const bad: string[] = [];
    let checked = 0;
    for (const e of Array.from(document.querySelectorAll(`${rootSel}, ${rootSel} *`))) {
      const own = Array.from(e.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      if (!own || e.closest('svg') || (e as HTMLElement).offsetParent === null) continue;
      checked++;
      const fg = lum(rgb(getComputedStyle(e).color));
      const bg = lum(background(e));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) bad.push(`${e.tagName.toLowerCase()}.${(e as HTMLElement).className} "${e.textContent!.trim().slice(0, 30)}": ${ratio.toFixed(2)}`);
    }
    if (checked < 10) bad.push(`only ${checked} text elements under ${rootSel}`);
    return bad;
  }, root);
}

/** How much wider than the viewport the page is at `width` px (0: nothing scrolls sideways). */
export async function overflowAt(page: Page, width: number): Promise<number> {
  await page.setViewportSize({ width, height: 800 });
  await page.waitForTimeout(100);
  const w = await page.evaluate(() => document.documentElement.scrollWidth);
  await page.setViewportSize({ width: 1280, height: 900 });
  return Math.max(0, w - width);
}
