/**
 * Samplers: `SequentialSampler`, `RandomSampler` (PyTorch's exact order for the
 * same generator state), `BatchSampler`.
 */
import { Generator, TorchValueError, defaultGenerator, int64, randint, randperm } from '@antorcha/core';
import * as rng from '@antorcha/rng';

/** Anything with a length (a dataset). */
export interface Sized {
  /** Number of items. */
  readonly length: number;
}

/** Yields dataset indices. */
export abstract class Sampler implements Iterable<number> {
  /** The indices of one pass (lazy: random draws happen on the first `next()`, as in PyTorch). */
  abstract [Symbol.iterator](): Iterator<number>;
  /** Number of indices per pass. */
  abstract get length(): number;
}

/**
 * 0, 1, …, n − 1.
 * @example
 * ```ts pytorch=nn.SequentialSampler
 * const sampler = new torch.utils.data.SequentialSampler({ length: 4 });
 * console.log(sampler.length, torch.tensor([...sampler]));
 * ```
 * ```text
 * 4 tensor([0, 1, 2, 3])
 * ```
 */
export class SequentialSampler extends Sampler {
  constructor(
    /** The dataset whose indices are yielded (only its length is used). */
    readonly dataSource: Sized,
  ) {
    super();
  }
  override *[Symbol.iterator](): Iterator<number> {
    for (let i = 0; i < this.dataSource.length; i++) yield i;
  }
  override get length(): number {
    return this.dataSource.length;
  }
}

/**
 * `torch.empty((), dtype=torch.int64).random_(generator=g).item()`, exactly (a bigint
 * in [0, 2^63)): what the data loader and `RandomSampler` draw for seeds.
 */
export function drawInt64Seed(generator?: Generator): bigint {
  const out = new BigInt64Array(1);
  rng.random_(generator ?? defaultGenerator, out, 'int64');
  return out[0]!;
}

/** Options of {@link RandomSampler}. */
export interface RandomSamplerOptions {
  /** Draw with replacement (default false). */
  replacement?: boolean;
  /** Indices per pass (default: the dataset length). */
  numSamples?: number;
  /** Draw from this generator (default: a fresh one seeded from the default generator each pass). */
  generator?: Generator;
}

/**
 * Random order. Without a generator, each pass seeds a fresh generator with an
 * int64 drawn from the default one, then takes `randperm(n)` from it — PyTorch's
 * `RandomSampler`, so `torch.manualSeed(s)` gives PyTorch's order.
 * @example
 * ```ts pytorch=nn.RandomSampler
 * torch.manualSeed(0);
 * const sampler = new torch.utils.data.RandomSampler({ length: 6 });
 * console.log(torch.tensor([...sampler]));
 * console.log(torch.tensor([...sampler])); // a new order each pass
 * ```
 * ```text
 * tensor([0, 1, 2, 3, 5, 4])
 * tensor([0, 4, 3, 5, 2, 1])
 * ```
 */
export class RandomSampler extends Sampler {
  /** Whether indices are drawn with replacement. */
  readonly replacement: boolean;
  /** The generator the order is drawn from (`undefined`: the default one). */
  readonly generator: Generator | undefined;
  private readonly _numSamples: number | undefined;
  constructor(
    /** The dataset whose indices are drawn (only its length is used). */
    readonly dataSource: Sized,
    opts: RandomSamplerOptions = {},
  ) {
    super();
    this.replacement = opts.replacement ?? false;
    this._numSamples = opts.numSamples;
    this.generator = opts.generator;
    const n = this.length;
    if (!Number.isInteger(n) || n <= 0) throw new TorchValueError('RandomSampler', `num_samples should be a positive integer value, but got num_samples=${n}`);
  }
  override get length(): number {
    return this._numSamples ?? this.dataSource.length;
  }
  override *[Symbol.iterator](): Iterator<number> {
    const n = this.dataSource.length;
    let gen = this.generator;
    if (gen === undefined) gen = new Generator().manualSeed(drawInt64Seed());
    const num = this.length;
    if (this.replacement) {
      for (let k = 0; k < Math.floor(num / 32); k++) yield* Array.from(randint(0, n, [32], { dtype: int64, generator: gen }).dataSync());
      yield* Array.from(randint(0, n, [num % 32], { dtype: int64, generator: gen }).dataSync());
    } else {
      for (let k = 0; k < Math.floor(num / n); k++) yield* Array.from(randperm(n, { generator: gen }).dataSync());
      yield* Array.from(randperm(n, { generator: gen }).dataSync()).slice(0, num % n);
    }
  }
}

/**
 * Groups another sampler's indices into batches of `batchSize` (the last may be short unless `dropLast`).
 * @example
 * ```ts pytorch=nn.BatchSampler
 * const { BatchSampler, SequentialSampler } = torch.utils.data;
 * for (const batch of new BatchSampler(new SequentialSampler({ length: 5 }), 2, false)) console.log(torch.tensor(batch));
 * ```
 * ```text
 * tensor([0, 1])
 * tensor([2, 3])
 * tensor([4])
 * ```
 */
export class BatchSampler implements Iterable<number[]> {
  constructor(
    /** The sampler whose indices are grouped. */
    readonly sampler: Iterable<number> & { length: number },
    /** The number of indices per batch. */
    readonly batchSize: number,
    /** Whether a last, short batch is dropped. */
    readonly dropLast: boolean,
  ) {
    if (!Number.isInteger(batchSize) || batchSize <= 0) throw new TorchValueError('BatchSampler', `batch_size should be a positive integer value, but got batch_size=${batchSize}`);
  }
  *[Symbol.iterator](): Iterator<number[]> {
    let batch: number[] = [];
    for (const i of this.sampler) {
      batch.push(i);
      if (batch.length === this.batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0 && !this.dropLast) yield batch;
  }
  /** Number of batches per pass. */
  get length(): number {
    const n = this.sampler.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }
}
