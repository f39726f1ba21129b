// The Playground in headless Chromium: trains on the CPU and on WebGPU (SwiftShader), pauses,
// exports a .pt that PyTorch loaded (tools/golden/demo_export.py) and imports it back.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as torch from 'antorcha';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Demo, haveChromium, openDemo } from './browser.js';
import { RESULTS, lowContrast, openView, overflowAt, readLoss, readStep, screenshots } from './views.js';

const FIXTURE_PT = new URL('./fixtures/playground-export.pt', import.meta.url);
/** What PyTorch read from FIXTURE_PT and what it trained itself (tools/golden/demo_export.py). */
interface Encoded {
  dtype: string;
  shape: number[];
  values: (number | string)[];
}
const golden: {
  config: { dataset: string; layers: number; width: number; activation: string; optimizer: string; lr: number; seed: number };
  steps: number;
  pytorch: { first_loss: number; last_loss: number; state_dict: Record<string, Encoded> };
  file: { sha256: string; keys: string[]; state_dict: Record<string, Encoded>; loss: number; accuracy: number };
} = JSON.parse(readFileSync(new URL('./fixtures/playground-export.json', import.meta.url), 'utf8'));

/** Sets the Playground's controls (found by their labels) to the golden configuration. */
async function configure(page: Page, stopAt: number | null): Promise<void> {
  const c = golden.config;
  await page.getByLabel('Data set').selectOption(c.dataset);
  await page.getByLabel('Seed').fill(String(c.seed));
  await page.getByLabel('Seed').dispatchEvent('change');
  await page.getByLabel('Hidden layers').fill(String(c.layers));
  await page.getByLabel('Hidden layers').dispatchEvent('change');
  await page.getByLabel('Units per layer').fill(String(c.width));
  await page.getByLabel('Units per layer').dispatchEvent('change');
  await page.getByLabel('Activation').selectOption(c.activation);
  await page.getByLabel('Optimizer').selectOption(c.optimizer);
  await page.getByLabel('Learning rate').selectOption(String(c.lr));
  await page.getByLabel('Stop at step').fill(stopAt === null ? '' : String(stopAt));
}

/** Waits until the worker has built the model (a fresh worker first loads the library: seconds on a busy machine). */
async function ready(page: Page, device = 'cpu'): Promise<void> {
  await expect.poll(() => page.getByTestId('status').textContent(), { timeout: 30000 }).toMatch(new RegExp(`^Ready: .* on ${device}\\.$`));
}

/** Presses Train and waits until the step count reaches `steps` and training has stopped. */
async function trainTo(page: Page, steps: number, timeout: number): Promise<void> {
  await page.getByTestId('train').click();
  await page.waitForFunction(
    (n) => document.querySelector('[data-testid=step]')?.textContent === String(n) && document.querySelector('[data-testid=train]')?.textContent === 'Train',
    steps,
    { timeout },
  );
}

/** The heat map's pixels, once the frame that follows the last message is drawn. */
async function heatmapPixels(page: Page): Promise<string> {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  return page.getByTestId('heatmap').evaluate((c) => (c as HTMLCanvasElement).toDataURL());
}

const decode = (e: Encoded): number[] => e.values.map((v) => (v === '-0' ? -0 : Number(v)));

describe.skipIf(!haveChromium)('Playground on the CPU (Chromium)', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await openDemo(5211);
  }, 40000);
  afterAll(async () => demo?.close());

  it('trains the golden model 200 steps with PyTorch’s losses, exports the file PyTorch loaded, pauses, and imports it back', async () => {
    const { page, problems } = await demo.page();
    await openView(page, demo.url, 'Playground');
    await configure(page, golden.steps);
    await ready(page);
    await page.waitForFunction(() => document.querySelector('[data-testid=loss]')?.textContent !== '—');

    // Where WebGPU is missing (this browser runs without it), the option says why.
    const webgpu = page.locator('#pg-device option[value=webgpu]');
    await expect.poll(() => page.getByTestId('device-note').textContent()).toMatch(/^WebGPU is unavailable: ./);
    expect(await webgpu.evaluate((o) => (o as HTMLOptionElement).disabled)).toBe(true);

    // Step 0: the loss on the initial weights is PyTorch's first loss (shown to 4 decimals).
    const first = await readLoss(page);
    expect(Math.abs(first - golden.pytorch.first_loss)).toBeLessThanOrEqual(5e-5 + 1e-6);
    await trainTo(page, golden.steps, 30000);
    const last = await readLoss(page);
    expect(last).toBeLessThan(first / 2);
    expect(Math.abs(last - golden.pytorch.last_loss)).toBeLessThanOrEqual(5e-5 + 1e-4 * golden.pytorch.last_loss);
    expect(Number(await page.getByTestId('steps-per-second').textContent())).toBeGreaterThan(0);
    const trainedPixels = await heatmapPixels(page);
    const trainedAccuracy = await page.getByTestId('accuracy').textContent();

    // Export: the download is byte for byte the file PyTorch loaded with weights_only=True.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    expect(download.suggestedFilename()).toMatch(/\.pt$/);
    const bytes = readFileSync(await download.path());
    mkdirSync(RESULTS, { recursive: true });
    writeFileSync(`${RESULTS}playground-export.pt`, bytes);
    if (process.env.DEMO_WRITE_FIXTURE === '1') writeFileSync(FIXTURE_PT, bytes);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(golden.file.sha256);
    // ... and holds the model's state dict: PyTorch's keys, shapes and values (bit for bit), and
    // within float32 rounding of the same model trained by PyTorch.
    const sd = torch.load(bytes) as Record<string, torch.Tensor>;
    expect(Object.keys(sd)).toEqual(golden.file.keys);
    for (const k of golden.file.keys) {
      const t = sd[k]!;
      expect(t.shape).toEqual(golden.file.state_dict[k]!.shape);
      const mine = Array.from(t.dataSync() as Float32Array);
      expect(mine).toEqual(decode(golden.file.state_dict[k]!));
      const theirs = decode(golden.pytorch.state_dict[k]!);
      mine.forEach((v, i) => expect(Math.abs(v - theirs[i]!)).toBeLessThanOrEqual(1e-4 + 1e-4 * Math.abs(theirs[i]!)));
    }
    await screenshots(page, 'playground-cpu');
    expect(await lowContrast(page, '.pg')).toEqual([]);
    expect(await overflowAt(page, 360)).toBe(0);

    // Pause stops the step count (Train and Pause from the keyboard this time).
    await page.getByLabel('Stop at step').fill('');
    await page.getByTestId('train').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => readStep(page), { timeout: 15000 }).toBeGreaterThan(golden.steps + 20);
    expect(await page.getByTestId('train').getAttribute('aria-pressed')).toBe('true');
    // training runs in the worker: the page's own thread stays free (the longest gap between
    // its animation frames over half a second, while the step count moves on)
    const before = await readStep(page);
    const longestFrame = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          let last = performance.now();
          let worst = 0;
          const end = last + 500;
          const tick = (now: number): void => {
            worst = Math.max(worst, now - last);
            last = now;
            if (now < end) requestAnimationFrame(tick);
            else resolve(worst);
          };
          requestAnimationFrame(tick);
        }),
    );
    expect(longestFrame).toBeLessThan(400);
    expect(await readStep(page)).toBeGreaterThan(before);
    await page.keyboard.press('Space');
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^Paused at step \d+\.$/);
    const paused = await readStep(page);
    expect(await page.getByTestId('status').textContent()).toBe(`Paused at step ${paused}.`);
    expect(await page.getByTestId('train').textContent()).toBe('Train');
    await page.waitForTimeout(600);
    expect(await readStep(page)).toBe(paused);
    expect(await heatmapPixels(page)).not.toBe(trainedPixels);

    // Import restores the exported weights: the same heat map, PyTorch's loss and accuracy on the data.
    await page.getByTestId('import-file').setInputFiles({ name: 'playground-export.pt', mimeType: 'application/octet-stream', buffer: bytes });
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^Imported playground-export\.pt/);
    await expect.poll(() => readStep(page)).toBe(0);
    expect(Math.abs((await readLoss(page)) - golden.file.loss)).toBeLessThanOrEqual(5e-5 + 1e-6);
    expect(await page.getByTestId('accuracy').textContent()).toBe(`${(golden.file.accuracy * 100).toFixed(1)}%`);
    expect(await page.getByTestId('accuracy').textContent()).toBe(trainedAccuracy);
    expect(await heatmapPixels(page)).toBe(trainedPixels);

    // The same weights as safetensors (written here by antorcha) restore it after a Reset too.
    await page.getByTestId('reset').click();
    await ready(page);
    await expect.poll(() => heatmapPixels(page)).not.toBe(trainedPixels);
    const st = torch.safetensors.serialize(sd);
    await page.getByTestId('import-file').setInputFiles({ name: 'playground.safetensors', mimeType: 'application/octet-stream', buffer: Buffer.from(st) });
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^Imported playground\.safetensors/);
    expect(await heatmapPixels(page)).toBe(trainedPixels);

    // A state dict of another shape is refused with PyTorch's message, and the model is kept.
    await page.getByLabel('Units per layer').fill('4');
    await page.getByLabel('Units per layer').dispatchEvent('change');
    await ready(page);
    await page.getByTestId('import-file').setInputFiles({ name: 'wide.pt', mimeType: 'application/octet-stream', buffer: bytes });
    await expect.poll(() => page.getByTestId('error').textContent()).toMatch(/^Could not import that file: /);
    const message = await page.getByTestId('error').textContent();
    // PyTorch's words for the same load_state_dict
    expect(message).toContain('Error(s) in loading state_dict for Sequential:');
    expect(message).toContain('size mismatch for 0.weight: copying a param with shape torch.Size([8, 2]) from checkpoint, the shape in current model is torch.Size([4, 2]).');

    // Leaving the view stops its worker; coming back starts afresh.
    await page.getByRole('navigation').getByRole('link', { name: 'Notebook', exact: true }).click();
    await expect.poll(() => page.getByTestId('train').count()).toBe(0);
    await page.getByRole('navigation').getByRole('link', { name: 'Playground', exact: true }).click();
    await ready(page);
    expect(await readStep(page)).toBe(0);
    expect(await page.getByLabel('Units per layer').inputValue()).toBe('16');
    expect(problems).toEqual([]);
  }, 60000);
});

describe.skipIf(!haveChromium)('Playground on WebGPU (Chromium, SwiftShader)', () => {
  let demo: Demo;
  beforeAll(async () => {
    demo = await openDemo(5212, { webgpu: true });
  }, 40000);
  afterAll(async () => demo?.close());

  it('trains 200 steps on webgpu, the loss falls like PyTorch’s, and Pause stops it', async () => {
    const { page, problems } = await demo.page();
    await openView(page, demo.url, 'Playground');
    await expect.poll(() => page.getByTestId('device-note').textContent(), { timeout: 15000 }).toMatch(/^WebGPU is available/);
    await configure(page, golden.steps);
    await page.getByLabel('Device').selectOption('webgpu');
    await expect.poll(() => page.getByTestId('device').textContent(), { timeout: 20000 }).toBe('webgpu');
    await ready(page, 'webgpu');
    await page.waitForFunction(() => document.querySelector('[data-testid=loss]')?.textContent !== '—');
    const first = await readLoss(page);
    expect(Math.abs(first - golden.pytorch.first_loss)).toBeLessThanOrEqual(5e-5 + 1e-6);
    // the first steps wait for SwiftShader to compile each kernel's pipeline on the CPU
    await trainTo(page, golden.steps, 70000);
    const last = await readLoss(page);
    expect(last).toBeLessThan(first / 2);
    expect(Math.abs(last - golden.pytorch.last_loss)).toBeLessThanOrEqual(5e-5 + 1e-4 * golden.pytorch.last_loss);
    await screenshots(page, 'playground-webgpu');

    // Export from the GPU (read back with saveAsync): PyTorch's keys and shapes, and the values
    // of PyTorch's own training within the same float32 band as on the CPU (measured: 9e-6).
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export').click()]);
    const sd = torch.load(readFileSync(await download.path())) as Record<string, torch.Tensor>;
    expect(Object.keys(sd)).toEqual(golden.file.keys);
    for (const k of golden.file.keys) {
      expect(sd[k]!.shape).toEqual(golden.pytorch.state_dict[k]!.shape);
      const theirs = decode(golden.pytorch.state_dict[k]!);
      Array.from(sd[k]!.dataSync() as Float32Array).forEach((v, i) => expect(Math.abs(v - theirs[i]!)).toBeLessThanOrEqual(1e-4 + 1e-4 * Math.abs(theirs[i]!)));
    }

    await page.getByLabel('Stop at step').fill('');
    await page.getByTestId('train').click();
    await expect.poll(() => readStep(page), { timeout: 15000 }).toBeGreaterThan(golden.steps + 5);
    await page.getByTestId('train').click();
    await expect.poll(() => page.getByTestId('status').textContent()).toMatch(/^Paused at step \d+\.$/);
    const paused = await readStep(page);
    expect(await page.getByTestId('status').textContent()).toBe(`Paused at step ${paused}.`);
    expect(await page.getByTestId('train').textContent()).toBe('Train');
    await page.waitForTimeout(600);
    expect(await readStep(page)).toBe(paused);
    expect(problems).toEqual([]);
  }, 100000);
});
