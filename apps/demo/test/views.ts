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
