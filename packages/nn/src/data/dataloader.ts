/**
 * `DataLoader`: batches of a dataset, in order or shuffled exactly as PyTorch's
 * single-process loader shuffles for the same generator state (including the
 * int64 base seed every pass draws first).
 */
import { type Device, type DeviceLike, type Generator, Tensor, TorchTypeError, TorchValueError, device as toDevice, float64, int64, stack, tensor } from '@antorcha/core';
import type { Dataset } from './dataset.js';
import { BatchSampler, RandomSampler, type Sampler, SequentialSampler, drawInt64Seed } from './sampler.js';

/**
 * The batch {@link defaultCollate} makes of items of type `T`: tensors, numbers and booleans
 * become one stacked tensor, strings a list, and arrays, tuples and objects are collated
 * per position/key (a `TensorDataset`'s `[x, y]` items give `[xb, yb]` batches).
 */
export type Collated<T> = T extends Tensor
  ? Tensor
  : T extends number | boolean
    ? Tensor
    : T extends string
      ? string[]
      : T extends readonly unknown[]
        ? { -readonly [K in keyof T]: Collated<T[K]> }
        : T extends object
          ? { [K in keyof T]: Collated<T[K]> }
          : never;

/** Options of {@link DataLoader}; `B` is the batch type (what `collateFn` returns). */
export interface DataLoaderOptions<T, B = Collated<T>> {
  /** Items per batch (default 1). */
  batchSize?: number;
  /** Reshuffle every pass (default false). */
  shuffle?: boolean;
  /** A custom index sampler (excludes `shuffle`). */
  sampler?: Sampler;
  /** A custom batch sampler (excludes `batchSize`, `shuffle`, `sampler`, `dropLast`). */
  batchSampler?: Iterable<number[]> & { length: number };
  /** Drop the last incomplete batch (default false). */
  dropLast?: boolean;
  /** Merges a list of items into a batch (default: {@link defaultCollate}). */
  collateFn?: (items: T[]) => B;
  /** Generator for shuffling and the per-pass base seed (default: the default generator). */
  generator?: Generator;
  /**
   * Device every batch is moved to after collating (default: none, batches stay where
   * `collateFn` made them): the loop's `x.to(device)` done by the loader. Tensors in the
   * batch (also inside arrays and objects) are copied with `tensor.to(device)`, which from
   * the CPU to WebGPU only writes to the device; nothing is read back.
   * @example
   * ```ts no-run
   * import * as torch from 'antorcha';
   * import { initWebGPU } from '@antorcha/backend-webgpu';
   * await initWebGPU(); // registers the WebGPU backend (needs a GPU)
   * const { TensorDataset, DataLoader } = torch.utils.data;
   * const ds = new TensorDataset(torch.randn(256, 8), torch.randint(0, 3, [256]));
   * const model = new torch.nn.Linear(8, 3).to('webgpu');
   * for (const [xb, yb] of new DataLoader(ds, { batchSize: 64, shuffle: true, device: 'webgpu' })) {
   *   const loss = torch.nn.functional.crossEntropy(model.call(xb), yb); // xb, yb are on WebGPU
   * }
   * ```
   */
  device?: DeviceLike;
}

/**
 * `batch` with every tensor in it (also inside arrays and plain objects) moved to `dev`
 * with `tensor.to(dev)`; other values are kept as they are.
 */
function batchTo(batch: unknown, dev: Device): unknown {
  if (batch instanceof Tensor) return batch.to(dev);
  if (Array.isArray(batch)) return batch.map((b) => batchTo(b, dev));
  if (typeof batch === 'object' && batch !== null && Object.getPrototypeOf(batch) === Object.prototype) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(batch)) out[k] = batchTo(v, dev);
    return out;
  }
  return batch;
}

/**
 * PyTorch's `default_collate`: tensors are stacked, numbers become a tensor
 * (int64 for integers, float64 otherwise), arrays and objects are collated per
 * position/key.
 * @example
 * ```ts pytorch=nn.defaultCollate
 * const batch = torch.utils.data.defaultCollate([
 *   { x: torch.tensor([1, 2]), label: 0 },
 *   { x: torch.tensor([3, 4]), label: 1 },
 * ]);
 * console.log(batch.x, batch.label);
 * ```
 * ```text
 * tensor([[1, 2],
 *         [3, 4]]) tensor([0, 1])
 * ```
 */
export function defaultCollate<T>(batch: T[]): Collated<T> {
  return collate(batch) as Collated<T>;
}

function collate(batch: unknown[]): unknown {
  const first = batch[0];
  if (first instanceof Tensor) return stack(batch as Tensor[], 0);
  if (typeof first === 'number') return tensor(batch as number[], { dtype: (batch as number[]).every(Number.isInteger) ? int64 : float64 });
  if (typeof first === 'boolean') return tensor(batch as boolean[]);
  if (typeof first === 'string') return batch;
  if (Array.isArray(first)) {
    const n = first.length;
    if (!batch.every((b) => Array.isArray(b) && b.length === n)) throw new TorchValueError('default_collate', 'each element in list of batch should be of equal size');
    return first.map((_, i) => collate(batch.map((b) => (b as unknown[])[i])));
  }
  if (typeof first === 'object' && first !== null) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(first)) out[k] = collate(batch.map((b) => (b as Record<string, unknown>)[k]));
    return out;
  }
  throw new TorchTypeError('default_collate', `default_collate: batch must contain tensors, numbers, dicts or lists; found ${typeof first}`);
}

/**
 * Iterates over a dataset in batches.
 * @example
 * ```ts pytorch=nn.DataLoader
 * const { TensorDataset, DataLoader } = torch.utils.data;
 * const ds = new TensorDataset(torch.arange(6), torch.arange(6).mul(10));
 * torch.manualSeed(0);
 * for (const [xb, yb] of new DataLoader(ds, { batchSize: 4, shuffle: true })) console.log(xb, yb);
 * ```
 * ```text
 * tensor([0, 4, 3, 5]) tensor([ 0, 40, 30, 50])
 * tensor([2, 1]) tensor([20, 10])
 * ```
 * With `device: 'webgpu'` the batches arrive on the device (see {@link DataLoaderOptions.device}).
 * The batch type `B` follows from the dataset's item type `T` ({@link Collated}), or is
 * what a given `collateFn` returns.
 */
export class DataLoader<T = unknown, B = Collated<T>> implements Iterable<B> {
  /** The dataset. */
  readonly dataset: Dataset<T>;
  /** Items per batch (null with a custom batch sampler). */
  readonly batchSize: number | null;
  /** Whether the last incomplete batch is dropped. */
  readonly dropLast: boolean;
  /** The index sampler. */
  readonly sampler: Sampler;
  /** The batch sampler. */
  readonly batchSampler: Iterable<number[]> & { length: number };
  /** The collate function. */
  readonly collateFn: (items: T[]) => B;
  /** The generator, if one was given. */
  readonly generator: Generator | undefined;
  /** The device batches are moved to, or null (see {@link DataLoaderOptions.device}). */
  readonly device: Device | null;

  constructor(dataset: Dataset<T>, opts: DataLoaderOptions<T, B> = {}) {
    this.dataset = dataset;
    this.generator = opts.generator;
    if (opts.sampler && opts.shuffle) throw new TorchValueError('DataLoader', 'sampler option is mutually exclusive with shuffle');
    if (opts.batchSampler) {
      if (opts.batchSize !== undefined && opts.batchSize !== 1) throw new TorchValueError('DataLoader', 'batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last');
      if (opts.shuffle || opts.sampler || opts.dropLast) throw new TorchValueError('DataLoader', 'batch_sampler option is mutually exclusive with batch_size, shuffle, sampler, and drop_last');
    }
    this.sampler = opts.sampler ?? (opts.shuffle ? new RandomSampler(dataset, { generator: opts.generator }) : new SequentialSampler(dataset));
    this.batchSize = opts.batchSampler ? null : (opts.batchSize ?? 1);
    this.dropLast = opts.dropLast ?? false;
    this.batchSampler = opts.batchSampler ?? new BatchSampler(this.sampler, this.batchSize!, this.dropLast);
    this.collateFn = (opts.collateFn ?? defaultCollate) as (items: T[]) => B;
    this.device = opts.device !== undefined ? toDevice(opts.device) : null;
  }

  /** Number of batches per pass. */
  get length(): number {
    return this.batchSampler.length;
  }

  /** One pass over the data. */
  *[Symbol.iterator](): Iterator<B> {
    const batches = this.batchSampler[Symbol.iterator]();
    // PyTorch's _BaseDataLoaderIter draws a base seed for workers on every pass, before any index.
    drawInt64Seed(this.generator);
    const useBatch = this.collateFn === (defaultCollate as unknown) && typeof this.dataset.getBatch === 'function';
    for (;;) {
      const r = batches.next();
      if (r.done) return;
      const indices = r.value;
      const batch = useBatch ? (this.dataset.getBatch!(indices) as unknown as B) : this.collateFn(indices.map((i) => this.dataset.getItem(i)));
      yield this.device === null ? batch : (batchTo(batch, this.device) as B);
    }
  }
}
