// The Playground's training worker: owns the data, model and optimizer, trains in short chunks
// (so a pause arrives between two chunks) and posts what the page draws. The WebGPU backend is
// imported only when a reset asks for the 'webgpu' device.
import * as torch from 'antorcha';
import type { Tensor } from 'antorcha';
import { type PlaygroundConfig, Trainer, gridPoints, makeDataset, makeModel, makeOptimizer } from './model.js';
import { type DeviceName, EXTENT, type FromWorker, GRID, type ToWorker } from './protocol.js';

/** How long one chunk of steps may run before the worker reports and reads its messages. */
const CHUNK_MS = 50;

interface State {
  /** The page's number for the reset that built this state. */
  generation: number;
  trainer: Trainer;
  config: PlaygroundConfig;
  device: DeviceName;
  grid: Tensor;
}

let state: State | null = null;
let running = false;
let stopAt: number | null = null;
/** Steps per second of the last chunk (sizes WebGPU's chunks). */
let rate = 20;
/** Bumped by every reset, import and pause, so a chunk that was in flight does not report stale state. */
let epoch = 0;

const post = (msg: FromWorker, transfer: Transferable[] = []): void => (self as unknown as Worker).postMessage(msg, transfer);

/** Registers the WebGPU backend on first use (a dynamic import: CPU-only sessions never load it). */
async function useDevice(device: DeviceName): Promise<void> {
  if (device === 'webgpu') {
    const { initWebGPU } = await import('@antorcha/backend-webgpu');
    await initWebGPU();
  }
}

async function hostFloats(t: Tensor): Promise<Float32Array> {
  const a = await t.data();
  return a instanceof Float32Array ? a : Float32Array.from(a as ArrayLike<number>);
}

/** Loss and accuracy on the whole data set, and the heat map's probabilities. */
async function evaluate(s: State): Promise<{ loss: number; accuracy: number; grid: Float32Array }> {
  const { x, y } = s.trainer.data;
  const [loss, acc, grid] = torch.tidy(() =>
    torch.noGrad(() => {
      const logits = s.trainer.model.call(x) as Tensor;
      const l = s.trainer.lossFn.call(logits, y) as Tensor;
      const a = logits.gt(0).to('float32').eq(y).to('float32').mean();
      return [l.reshape(1), a.reshape(1), s.trainer.predict(s.grid)];
    }),
  );
  const values = await hostFloats(torch.cat([loss!, acc!]));
  const g = await hostFloats(grid!);
  loss!.dispose();
  acc!.dispose();
  grid!.dispose();
  return { loss: values[0]!, accuracy: values[1]!, grid: g };
}

async function report(s: State, losses: number[], stepsPerSecond: number | null): Promise<void> {
  const mine = epoch;
  const ev = await evaluate(s);
  if (mine !== epoch) return;
  post(
    {
      type: 'progress',
      generation: s.generation,
      step: s.trainer.step,
      loss: losses.length > 0 ? losses[losses.length - 1]! : ev.loss,
      losses,
      accuracy: ev.accuracy,
      stepsPerSecond,
      grid: ev.grid,
      running,
    },
    [ev.grid.buffer],
  );
}

async function reset(config: PlaygroundConfig, device: DeviceName, generation: number): Promise<void> {
  running = false;
  epoch++;
  await useDevice(device);
  const data = makeDataset(config.dataset, config.points, config.noise, config.seed);
  // the weights are drawn on the CPU (PyTorch's values for the seed), then moved
  const model = makeModel(config).to(device);
  const onDevice = { x: data.x.to(device), y: data.y.to(device) };
  const old = state;
  state = { generation, trainer: new Trainer(model, makeOptimizer(model, config), onDevice), config, device, grid: gridPoints(GRID, EXTENT).to(device) };
  if (old) {
    for (const t of [old.trainer.data.x, old.trainer.data.y, old.grid]) t.dispose();
  }
  const x = await hostFloats(data.x);
  const y = await hostFloats(data.y);
  post({ type: 'ready', generation, device, x, y }, [x.buffer, y.buffer]);
  await report(state, [], null);
}

async function trainLoop(): Promise<void> {
  const mine = epoch;
  while (running && state && mine === epoch) {
    const s = state;
    const t0 = performance.now();
    const lossTensors: Tensor[] = [];
    // a chunk: on the CPU, steps until the time is up; on WebGPU (where a step only queues
    // work) as many steps as the last chunks' rate finishes in that time
    const most = s.device === 'cpu' ? 1000 : Math.max(1, Math.min(64, Math.round((rate * CHUNK_MS) / 1000)));
    while (lossTensors.length < most && (stopAt === null || s.trainer.step < stopAt)) {
      lossTensors.push(s.trainer.trainStep());
      if (s.device === 'cpu' && performance.now() - t0 > CHUNK_MS) break;
    }
    let losses: number[] = [];
    if (lossTensors.length > 0) {
      const stacked = torch.cat(lossTensors.map((l) => l.reshape(1)));
      losses = Array.from(await hostFloats(stacked));
      stacked.dispose();
      for (const l of lossTensors) l.dispose();
    }
    if (mine !== epoch) return;
    const elapsed = (performance.now() - t0) / 1000;
    if (lossTensors.length > 0) rate = lossTensors.length / elapsed;
    if (stopAt !== null && s.trainer.step >= stopAt) running = false;
    await report(s, losses, lossTensors.length > 0 ? rate : null);
    // let a 'pause' (or anything else) in before the next chunk
    await new Promise((r) => setTimeout(r, 0));
  }
}

async function exportModel(s: State): Promise<void> {
  const bytes = await torch.saveAsync(s.trainer.model.stateDict());
  post({ type: 'exported', bytes }, [bytes.buffer]);
}

/** A `.pt` (a zip archive: starts with "PK") or a safetensors file, read onto the model's device. */
function readStateDict(bytes: Uint8Array, device: DeviceName): Record<string, Tensor> {
  if (bytes.length >= 2 && bytes[0] === 0x50 && bytes[1] === 0x4b) return torch.load(bytes, { mapLocation: device }) as Record<string, Tensor>;
  return torch.safetensors.deserialize(bytes, { device }).tensors;
}

async function importModel(s: State, name: string, bytes: Uint8Array): Promise<void> {
  running = false;
  epoch++;
  const sd = readStateDict(bytes, s.device);
  // loadStateDict checks every key and shape before it copies anything
  s.trainer.model.loadStateDict(sd);
  // the optimizer's moments belonged to the old weights: start it afresh
  s.trainer.step = 0;
  s.trainer.opt = makeOptimizer(s.trainer.model, s.config);
  post({ type: 'imported', name });
  await report(s, [], null);
}

async function handle(msg: ToWorker): Promise<void> {
  if (msg.type === 'reset') return reset(msg.config, msg.device, msg.generation);
  if (!state) throw new Error('the model is not ready yet');
  const s = state;
  switch (msg.type) {
    case 'train':
      stopAt = msg.stopAt;
      if (!running && (stopAt === null || s.trainer.step < stopAt)) {
        running = true;
        epoch++;
        // not awaited: the loop runs on while later messages (a pause) are handled
        trainLoop().catch((err: unknown) => fail('train', err));
      } else if (!running) await report(s, [], null);
      return;
    case 'pause':
      if (running) {
        running = false;
        epoch++;
        await report(s, [], null);
      }
      return;
    case 'optimizer':
      s.config = { ...s.config, optimizer: msg.optimizer, lr: msg.lr };
      s.trainer.opt = makeOptimizer(s.trainer.model, s.config);
      return;
    case 'export':
      return exportModel(s);
    case 'import':
      return importModel(s, msg.name, msg.bytes);
  }
}

function fail(where: Extract<FromWorker, { type: 'error' }>['where'], err: unknown): void {
  running = false;
  post({ type: 'error', where, message: err instanceof Error ? err.message : String(err) });
}

/** Messages are handled one after another (a reset finishes before the next 'train' looks at the model). */
let queue: Promise<void> = Promise.resolve();

self.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  queue = queue.then(() => handle(msg)).catch((err: unknown) => fail(msg.type === 'pause' ? 'train' : msg.type, err));
};
