// The Playground view: pick a data set and an MLP, train it in a worker on the CPU or WebGPU,
// watch the decision boundary and the loss, export the weights as a PyTorch .pt, import one back.
import type { MountView } from '../view.js';
import { addStyle, h, webgpuUnavailableReason } from './dom.js';
import { drawHeatmap, drawLossCurve } from './draw.js';
import { ACTIVATIONS, DATASETS, DEFAULT_CONFIG, OPTIMIZERS, type PlaygroundConfig } from './config.js';
import type { DeviceName, FromWorker, ToWorker } from './protocol.js';
import { CSS } from './style.js';

const LEARNING_RATES = [0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1];
const LABELS: Record<string, string> = {
  spirals: 'Two spirals',
  circles: 'Circles',
  xor: 'XOR',
  moons: 'Moons',
  tanh: 'Tanh',
  relu: 'ReLU',
  sigmoid: 'Sigmoid',
  gelu: 'GELU',
  adam: 'Adam',
  sgd: 'SGD (momentum 0.9)',
  rmsprop: 'RMSprop',
};
/** Most points the loss curve keeps (older ones are thinned out). */
const MAX_CURVE = 4000;

function select(id: string, label: string, options: readonly (string | number)[], value: string | number): { field: HTMLElement; el: HTMLSelectElement } {
  const el = h('select', { id, name: id });
  for (const o of options) el.append(h('option', { value: String(o), selected: String(o) === String(value) }, LABELS[String(o)] ?? String(o)));
  return { field: h('div', { class: 'pg-field' }, h('label', { for: id }, label), el), el };
}

function numberInput(id: string, label: string, value: number | '', min: number, max: number, placeholder = ''): { field: HTMLElement; el: HTMLInputElement } {
  const el = h('input', { id, name: id, type: 'number', min, max, step: 1, value, placeholder, inputmode: 'numeric' });
  return { field: h('div', { class: 'pg-field' }, h('label', { for: id }, label), el), el };
}

/** Mounts the Playground into `root`; the returned function stops the worker and removes the view. */
export const mount: MountView = (root) => {
  const removeStyle = addStyle(CSS);
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'playground-training' });
  const send = (msg: ToWorker, transfer: Transferable[] = []): void => worker.postMessage(msg, transfer);
  let disposed = false;
  let running = false;
  /** Pause was pressed and the worker has not confirmed it yet. */
  let pausing = false;
  /** Counts resets: reports from a model an earlier reset built are dropped. */
  let generation = 0;
  /** The step limit of the current run, or null. */
  let limit: number | null = null;
  let device: DeviceName = 'cpu';
  let points: { x: Float32Array; y: Float32Array } | null = null;
  let grid: Float32Array | null = null;
  let losses: number[] = [];
  let lossStride = 1;
  let lastUrl: string | null = null;

  // ---- controls
  const dataset = select('pg-dataset', 'Data set', DATASETS, DEFAULT_CONFIG.dataset);
  const seed = numberInput('pg-seed', 'Seed', DEFAULT_CONFIG.seed, 0, 2 ** 31 - 1);
  const layers = numberInput('pg-layers', 'Hidden layers', DEFAULT_CONFIG.layers, 1, 4);
  const width = numberInput('pg-width', 'Units per layer', DEFAULT_CONFIG.width, 1, 64);
  const activation = select('pg-activation', 'Activation', ACTIVATIONS, DEFAULT_CONFIG.activation);
  const optimizer = select('pg-optimizer', 'Optimizer', OPTIMIZERS, DEFAULT_CONFIG.optimizer);
  const lr = select('pg-lr', 'Learning rate', LEARNING_RATES, DEFAULT_CONFIG.lr);
  const deviceSel = select('pg-device', 'Device', ['cpu', 'webgpu'], 'cpu');
  const deviceNote = h('p', { class: 'pg-note', id: 'pg-device-note', 'data-testid': 'device-note' }, 'Checking for WebGPU…');
  deviceSel.el.setAttribute('aria-describedby', 'pg-device-note');
  const webgpuOption = deviceSel.el.querySelector<HTMLOptionElement>('option[value="webgpu"]')!;
  webgpuOption.disabled = true;
  const stopAt = numberInput('pg-stop', 'Stop at step', '', 1, 1e9, 'no limit');

  const trainBtn = h('button', { type: 'button', class: 'pg-primary', 'data-testid': 'train', 'aria-pressed': 'false' }, 'Train');
  const resetBtn = h('button', { type: 'button', 'data-testid': 'reset' }, 'Reset');
  const exportBtn = h('button', { type: 'button', 'data-testid': 'export' }, 'Export .pt');
  const fileInput = h('input', { type: 'file', id: 'pg-import-file', accept: '.pt,.pth,.safetensors', class: 'pg-hidden', tabindex: -1, 'aria-label': 'Import a .pt or .safetensors state dict', 'data-testid': 'import-file' });
  const importBtn = h('button', { type: 'button', 'data-testid': 'import' }, 'Import…');
  const status = h('p', { class: 'pg-status', role: 'status', 'aria-live': 'polite', 'data-testid': 'status' }, 'Preparing the model…');
  const error = h('p', { class: 'pg-error', role: 'alert', 'data-testid': 'error', hidden: true });

  // ---- read-outs and charts
  const stepOut = h('output', { 'data-testid': 'step' }, '0');
  const lossOut = h('output', { 'data-testid': 'loss' }, '—');
  const accOut = h('output', { 'data-testid': 'accuracy' }, '—');
  const speedOut = h('output', { 'data-testid': 'steps-per-second' }, '—');
  const deviceOut = h('output', { 'data-testid': 'device' }, 'cpu');
  const stat = (label: string, out: HTMLElement): HTMLElement => h('div', { class: 'pg-stat' }, h('span', {}, label), out);
  const heatmap = h('canvas', { class: 'pg-heatmap', role: 'img', 'data-testid': 'heatmap', 'aria-label': 'Decision boundary: the model’s probability of the orange class over the plane, with the training points' });
  const curve = h('canvas', { class: 'pg-curve', role: 'img', 'data-testid': 'loss-curve', 'aria-label': 'Training loss by step' });

  const config = (): PlaygroundConfig => ({
    ...DEFAULT_CONFIG,
    dataset: dataset.el.value as PlaygroundConfig['dataset'],
    seed: clampInt(seed.el, 0, 2 ** 31 - 1, DEFAULT_CONFIG.seed),
    layers: clampInt(layers.el, 1, 4, DEFAULT_CONFIG.layers),
    width: clampInt(width.el, 1, 64, DEFAULT_CONFIG.width),
    activation: activation.el.value as PlaygroundConfig['activation'],
    optimizer: optimizer.el.value as PlaygroundConfig['optimizer'],
    lr: Number(lr.el.value),
  });

  const view = h(
    'section',
    { class: 'pg', 'aria-labelledby': 'pg-title' },
    h('h2', { id: 'pg-title' }, 'Playground'),
    h('p', { class: 'pg-intro' }, 'Train a small neural network (an MLP built with ', h('code', {}, 'antorcha.nn'), ') to separate two classes of points, on your CPU or your GPU. Everything runs in this page, in a worker thread, with the same code you would write in PyTorch.'),
    h(
      'div',
      { class: 'pg-layout' },
      h(
        'form',
        { class: 'pg-controls', 'aria-label': 'Playground settings', onsubmit: (e: Event) => e.preventDefault() },
        h('fieldset', {}, h('legend', {}, 'Data'), dataset.field, seed.field),
        h('fieldset', {}, h('legend', {}, 'Model'), layers.field, width.field, activation.field),
        h('fieldset', {}, h('legend', {}, 'Training'), optimizer.field, lr.field, deviceSel.field, deviceNote, stopAt.field),
        h('div', { class: 'pg-buttons' }, trainBtn, resetBtn),
        h('div', { class: 'pg-buttons' }, exportBtn, importBtn, fileInput),
      ),
      h(
        'div',
        { class: 'pg-output' },
        h('div', { class: 'pg-stats' }, stat('Step', stepOut), stat('Loss', lossOut), stat('Accuracy', accOut), stat('Steps/s', speedOut), stat('Device', deviceOut)),
        status,
        error,
        h('figure', { class: 'pg-figure' }, heatmap, h('figcaption', {}, h('span', { class: 'pg-key pg-key0' }), 'class 0 ', h('span', { class: 'pg-key pg-key1' }), 'class 1; the shading is the model’s probability of class 1')),
        h('figure', { class: 'pg-figure' }, curve, h('figcaption', {}, 'Loss (binary cross-entropy) by step')),
      ),
    ),
  );
  root.append(view);

  // ---- drawing
  const redraw = (): void => {
    if (disposed) return;
    drawHeatmap(heatmap, grid, points);
    drawLossCurve(curve, losses, lossStride);
  };
  let frame = 0;
  const scheduleDraw = (): void => {
    if (frame === 0) frame = requestAnimationFrame(() => ((frame = 0), redraw()));
  };
  const onResize = (): void => scheduleDraw();
  globalThis.addEventListener('resize', onResize);

  const showError = (message: string | null): void => {
    error.hidden = message === null;
    error.textContent = message ?? '';
  };
  const setRunning = (r: boolean): void => {
    running = r;
    trainBtn.textContent = r ? 'Pause' : 'Train';
    trainBtn.setAttribute('aria-pressed', String(r));
  };
  const pushLosses = (values: number[]): void => {
    for (const v of values) losses.push(v);
    // keep the curve bounded: drop every other point and double the stride
    while (losses.length > MAX_CURVE) {
      losses = losses.filter((_, i) => i % 2 === 0);
      lossStride *= 2;
    }
  };

  const reset = (): void => {
    setRunning(false);
    losses = [];
    lossStride = 1;
    showError(null);
    status.textContent = `Preparing the model on ${deviceSel.el.value}…`;
    send({ type: 'reset', config: config(), device: deviceSel.el.value as DeviceName, generation: ++generation });
  };

  worker.onmessage = (e: MessageEvent<FromWorker>) => {
    if (disposed) return;
    const msg = e.data;
    if ((msg.type === 'ready' || msg.type === 'progress') && msg.generation !== generation) return;
    switch (msg.type) {
      case 'ready':
        device = msg.device;
        deviceOut.textContent = device;
        points = { x: msg.x, y: msg.y };
        status.textContent = `Ready: ${msg.y.length} points, training on ${device}.`;
        return;
      case 'progress':
        // reports of chunks that were under way when Pause was pressed do not restart the button
        if (!msg.running) pausing = false;
        setRunning(msg.running && !pausing);
        pushLosses(msg.losses);
        grid = msg.grid;
        stepOut.textContent = String(msg.step);
        lossOut.textContent = msg.loss.toFixed(4);
        accOut.textContent = `${(msg.accuracy * 100).toFixed(1)}%`;
        speedOut.textContent = msg.stepsPerSecond === null ? '—' : msg.stepsPerSecond.toFixed(0);
        if (msg.running && !pausing) status.textContent = `Training on ${device}…`;
        else if (!msg.running && msg.step > 0) status.textContent = msg.step === limit ? `Stopped at step ${msg.step} (the step limit).` : `Paused at step ${msg.step}.`;
        scheduleDraw();
        return;
      case 'exported': {
        const blob = new Blob([msg.bytes as Uint8Array<ArrayBuffer>], { type: 'application/octet-stream' });
        if (lastUrl) URL.revokeObjectURL(lastUrl);
        lastUrl = URL.createObjectURL(blob);
        const c = config();
        const name = `playground-${c.dataset}-${c.layers}x${c.width}-${c.activation}-step${stepOut.textContent}.pt`;
        const a = h('a', { href: lastUrl, download: name, class: 'pg-hidden' });
        view.append(a);
        a.click();
        a.remove();
        status.textContent = `Exported ${name} (${msg.bytes.length} bytes): load it in PyTorch with torch.load(f, weights_only=True).`;
        return;
      }
      case 'imported':
        losses = [];
        lossStride = 1;
        showError(null);
        status.textContent = `Imported ${msg.name} into the model.`;
        return;
      case 'error':
        setRunning(false);
        showError(msg.where === 'import' ? `Could not import that file: ${msg.message}` : `${msg.where} failed: ${msg.message}`);
        if (msg.where === 'reset' && deviceSel.el.value === 'webgpu') {
          // fall back to the CPU so the page stays usable
          deviceSel.el.value = 'cpu';
          reset();
        }
        return;
    }
  };
  worker.onerror = (e) => {
    if (!disposed) showError(`The training worker failed: ${e.message}`);
  };

  // ---- events
  trainBtn.addEventListener('click', () => {
    if (running) {
      send({ type: 'pause' });
      pausing = true;
      setRunning(false);
      status.textContent = 'Pausing…';
    } else {
      limit = stopAt.el.value === '' ? null : clampInt(stopAt.el, 1, 1e9, 1);
      showError(null);
      pausing = false;
      setRunning(true);
      send({ type: 'train', stopAt: limit });
    }
  });
  resetBtn.addEventListener('click', reset);
  for (const el of [dataset.el, seed.el, layers.el, width.el, activation.el, deviceSel.el]) el.addEventListener('change', reset);
  for (const el of [optimizer.el, lr.el]) {
    el.addEventListener('change', () => {
      const c = config();
      send({ type: 'optimizer', optimizer: c.optimizer, lr: c.lr });
    });
  }
  exportBtn.addEventListener('click', () => send({ type: 'export' }));
  importBtn.addEventListener('click', () => fileInput.click());
  fileInput.addEventListener('change', () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    setRunning(false);
    void file.arrayBuffer().then((buf) => {
      const bytes = new Uint8Array(buf);
      send({ type: 'import', name: file.name, bytes }, [bytes.buffer]);
      fileInput.value = '';
    });
  });

  void webgpuUnavailableReason().then((reason) => {
    if (disposed) return;
    webgpuOption.disabled = reason !== null;
    webgpuOption.textContent = reason === null ? 'webgpu' : 'webgpu (unavailable)';
    deviceNote.textContent = reason === null ? 'WebGPU is available: pick it to train on the GPU.' : `WebGPU is unavailable: ${reason}.`;
  });

  reset();
  scheduleDraw();

  return () => {
    disposed = true;
    worker.terminate();
    cancelAnimationFrame(frame);
    globalThis.removeEventListener('resize', onResize);
    if (lastUrl) URL.revokeObjectURL(lastUrl);
    view.remove();
    removeStyle();
  };
};

function clampInt(el: HTMLInputElement, min: number, max: number, fallback: number): number {
  const v = Math.round(Number(el.value));
  if (el.value === '' || !Number.isFinite(v)) {
    el.value = String(fallback);
    return fallback;
  }
  const c = Math.min(max, Math.max(min, v));
  if (String(c) !== el.value) el.value = String(c);
  return c;
}
