// The Notebook view in headless Chromium, on the built demo: every seed cell prints what PyTorch
// prints (packages/antorcha/test/fixtures/seed-notebook.json, tools/golden/seed_notebook.py),
// the extra backward cell and an edited cell print what PyTorch prints for them
// (test/fixtures/notebook.json, tools/golden/demo_notebook.py), and the page is clean.
import { mkdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { haveChromium, openDemo, type Demo } from './browser.js';

const seed: { cell: string; stdout: string }[] = JSON.parse(
  readFileSync(new URL('../../../packages/antorcha/test/fixtures/seed-notebook.json', import.meta.url), 'utf8'),
);
const extra: { 'activity-1-backward': string; edited: Record<'generate-data' | 'sum-solutions', string> } = JSON.parse(
  readFileSync(new URL('./fixtures/notebook.json', import.meta.url), 'utf8'),
);
const shots = fileURLToPath(new URL('../test-results/', import.meta.url));
const PORT = 5201;

let demo: Demo;
// One page for the whole file (loading the library is the slow part); the tests run in order on it.
let page: Page;
let problems: string[];

const output = (cell: string): Promise<string> => page.locator(`[data-cell="${cell}"] .output`).textContent().then((t) => t ?? '');
const count = (cell: string): Promise<number> => page.locator(`[data-cell="${cell}"] .cell-count`).textContent().then((t) => Number(/\d+/.exec(t ?? '')?.[0] ?? 0));

/** Runs one cell (with its Run button, or Ctrl+Enter in its code) and waits until it has finished. */
async function runCell(cell: string, how: 'button' | 'keyboard' = 'button'): Promise<void> {
  const before = await count(cell);
  if (how === 'button') await page.click(`[data-cell="${cell}"] button.run`);
  else await page.locator(`[data-cell="${cell}"] textarea`).press('Control+Enter');
  await page.waitForFunction(
    ([c, b]) => {
      const t = document.querySelector(`[data-cell="${c}"] .cell-count`)?.textContent ?? '';
      return t !== '[*]' && t !== `[${b}]`;
    },
    [cell, before] as const,
  );
}

/** Clicks Run all and waits until every cell has run. */
async function runAll(): Promise<void> {
  const ran = Number(await page.locator('.notebook').getAttribute('data-ran'));
  await page.click('button.run-all');
  await page.waitForSelector(`.notebook[data-ran="${ran + 1}"]`);
}

/** The numbers (4 decimals, as PyTorch prints them) in a printed tensor. */
const numbers = (text: string): string[] => text.match(/-?\d+\.\d{4}\b/g) ?? [];

describe.skipIf(!haveChromium)('Notebook view in headless Chromium', () => {
  beforeAll(async () => {
    demo = await openDemo(PORT);
    mkdirSync(shots, { recursive: true });
    ({ page, problems } = await demo.page());
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${demo.url}#/notebook`);
    await page.waitForSelector('.notebook[data-ran="1"]', { timeout: 30000 });
  }, 60000);
  afterAll(async () => demo?.close());

  it('runs every cell on load and prints exactly what PyTorch prints', async () => {
    for (const g of seed) expect(await output(g.cell), g.cell).toBe(g.stdout);
    expect(await output('activity-1-backward')).toBe(extra['activity-1-backward']);
    // The shape error is shown as PyTorch shows it, marked as an error.
    expect(await page.locator('[data-cell="mm-shape-error"] .output.error').count()).toBe(1);
    // Cells that print nothing show no output box.
    expect(await page.locator('[data-cell="imports"] .output').isHidden()).toBe(true);
    expect(await page.evaluate(() => globalThis.crossOriginIsolated)).toBe(true);
    expect(problems).toEqual([]);
  });

  it('shows Activity 1’s live weights, activations and, after backward(), gradients', async () => {
    const diagram = (await page.locator('.figure-network svg').textContent()) ?? '';
    const tensors = seed.find((g) => g.cell === 'activity-1-tensors')!.stdout;
    const network = seed.find((g) => g.cell === 'activity-1-network')!.stdout;
    for (const n of [...numbers(tensors), ...numbers(network), ...numbers(extra['activity-1-backward'])]) expect(diagram).toContain(n);
    expect(await page.locator('[data-edge="W1-0-0"] .grad').textContent()).toBe(`∂ ${numbers(extra['activity-1-backward'])[0]}`);

    await page.screenshot({ path: `${shots}notebook-desktop.png`, fullPage: true });
    await page.locator('.figure-network').screenshot({ path: `${shots}notebook-network-desktop.png` });
    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: `${shots}notebook-narrow.png`, fullPage: true });
    await page.locator('.figure-network').screenshot({ path: `${shots}notebook-network-narrow.png` });
    // Only the code and output boxes scroll sideways; the page itself fits the narrow viewport.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await page.setViewportSize({ width: 1280, height: 900 });

    // Creating the parameters again clears the gradients from the diagram.
    await runCell('activity-1-tensors');
    expect(await page.locator('[data-edge="W1-0-0"] .grad').textContent()).toBe('');
    await runCell('activity-1-network');
    await runCell('activity-1-backward');
    expect(await output('activity-1-backward')).toBe(extra['activity-1-backward']);
  }, 30000);

  it('runs an edited cell (transpiling its TypeScript in the page) and later cells see its variables', async () => {
    const code = page.locator('[data-cell="generate-data"] textarea');
    const source = await code.inputValue();
    expect(source).toContain('torch.manualSeed(7)');
    await code.fill(source.replace('torch.manualSeed(7)', 'torch.manualSeed(8)'));
    await runCell('generate-data');
    expect(await output('generate-data')).toBe(extra.edited['generate-data']);
    await runCell('sum-solutions');
    expect(await output('sum-solutions')).toBe(extra.edited['sum-solutions']);
    await page.click('[data-cell="generate-data"] button.reset');
    expect(await code.inputValue()).toBe(source);

    // Types are stripped; a syntax error and an unknown name are reported as Python reports them.
    const act = page.locator('[data-cell="activation"] textarea');
    await act.fill('const k: number = 3 as number;\nprint(k * 2, [k, "k"]);');
    await runCell('activation', 'keyboard');
    expect(await output('activation')).toBe("6 [3, 'k']\n");
    await act.fill('print(');
    await runCell('activation');
    expect(await output('activation')).toMatch(/^SyntaxError: .+\n$/);
    await act.fill('print(nothing_here)');
    await runCell('activation');
    expect(await output('activation')).toBe("NameError: name 'nothing_here' is not defined\n");
    await page.click('[data-cell="activation"] button.reset');
    expect(await act.inputValue()).toContain('function activation');
    expect(problems).toEqual([]);
  }, 30000);

  it('Run all runs every cell again, in order, with the code as it is now', async () => {
    const code = page.locator('[data-cell="mm-view"] textarea');
    await code.fill('print(weights.shape, features.shape);');
    await runAll();
    expect(await output('mm-view')).toBe('torch.Size([1, 5]) torch.Size([1, 5])\n');
    for (const g of seed.filter((c) => c.cell !== 'mm-view')) expect(await output(g.cell), g.cell).toBe(g.stdout);
    expect(await count('activity-1-backward')).toBe((await count('imports')) + 9);
    await page.click('[data-cell="mm-view"] button.reset');
    await runAll();
    for (const g of seed) expect(await output(g.cell), g.cell).toBe(g.stdout);
    expect(problems).toEqual([]);
  }, 30000);

  it('switches the text between Spanish and English, and remembers the choice', async () => {
    const h1 = page.locator('.notebook h1');
    expect(await page.locator('.notebook').getAttribute('lang')).toBe('es');
    expect(await h1.textContent()).toContain('Tensores');
    expect(await page.locator('.lang-button[lang="es"]').getAttribute('aria-pressed')).toBe('true');
    await page.click('.lang-button[lang="en"]');
    expect(await page.locator('.notebook').getAttribute('lang')).toBe('en');
    expect(await page.locator('.lang-button[lang="en"]').getAttribute('aria-pressed')).toBe('true');
    expect(await h1.textContent()).toContain('Tensors');
    expect(await page.locator('.prose h2').first().textContent()).toBe('One neuron');
    expect(await page.locator('.figure-network figcaption').textContent()).toContain('network');
    // The outputs are the code's, not the text's: unchanged.
    expect(await output('generate-data')).toBe(seed[0]!.stdout);
    await page.screenshot({ path: `${shots}notebook-english.png` });
    await page.reload();
    await page.waitForSelector('.notebook[data-ran="1"]', { timeout: 30000 });
    expect(await page.locator('.notebook').getAttribute('lang')).toBe('en');
    await page.click('.lang-button[lang="es"]');
    expect(await page.locator('.prose h2').first().textContent()).toBe('Una neurona');
    expect(problems).toEqual([]);
  }, 40000);
});
