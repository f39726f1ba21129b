/**
 * Datasets: the `Dataset` base, `TensorDataset`, `Subset`, and `randomSplit`
 * (the same permutation as PyTorch's `random_split` for the same generator state).
 */
import { type Generator, type Tensor, TorchIndexError, TorchValueError, int64, randperm, tensor } from '@antorcha/core';
import type { Collated } from './dataloader.js';

/**
 * A map-style dataset: a length and an item per index (PyTorch's `__len__`/`__getitem__`).
 * @example
 * ```ts pytorch=nn.Dataset
 * class Squares extends torch.utils.data.Dataset<[number, number]> {
 *   get length() {
 *     return 5;
 *   }
 *   getItem(i: number): [number, number] {
 *     return [i, i * i];
 *   }
 * }
 * const loader = new torch.utils.data.DataLoader(new Squares(), { batchSize: 2 });
 * for (const [x, y] of loader) console.log(x, y); // numbers are collated into tensors
 * ```
 * ```text
 * tensor([0, 1]) tensor([0, 1])
 * tensor([2, 3]) tensor([4, 9])
 * tensor([4]) tensor([16])
 * ```
 */
export abstract class Dataset<T = unknown> {
  /** The item at `index` (0 ≤ index < length). */
  abstract getItem(index: number): T;
  /** Number of items. */
  abstract get length(): number;
  /** @internal Optional fast path: the collated batch for `indices`. */
  getBatch?(indices: readonly number[]): Collated<T>;
}

/**
 * Wraps tensors that share their first dim: item `i` is `[t0[i], t1[i], …]`.
 * @example
 * ```ts pytorch=nn.TensorDataset
 * const ds = new torch.utils.data.TensorDataset(torch.tensor([[1, 2], [3, 4], [5, 6]]), torch.tensor([0, 1, 0]));
 * const [x, y] = ds.getItem(1);
 * console.log(ds.length, x, y);
 * ```
 * ```text
 * 3 tensor([3, 4]) tensor(1)
 * ```
 */
export class TensorDataset extends Dataset<Tensor[]> {
  /** The wrapped tensors. */
  readonly tensors: Tensor[];
  constructor(...tensors: Tensor[]) {
    super();
    if (tensors.length === 0) throw new TorchValueError('TensorDataset', 'TensorDataset needs at least one tensor');
    const n = tensors[0]!.size(0);
    if (!tensors.every((t) => t.ndim > 0 && t.size(0) === n)) throw new TorchValueError('TensorDataset', 'Size mismatch between tensors');
    this.tensors = tensors;
  }
  override get length(): number {
    return this.tensors[0]!.size(0);
  }
  override getItem(index: number): Tensor[] {
    const n = this.length;
    const i = index < 0 ? index + n : index;
    if (i < 0 || i >= n) throw new TorchIndexError('TensorDataset', `index ${index} is out of bounds for dimension 0 with size ${n}`);
    return this.tensors.map((t) => t.select(0, i));
  }
  /** The rows at `indices` of every tensor, gathered at once (equals stacking the items). */
  override getBatch(indices: readonly number[]): Tensor[] {
    const idx = tensor([...indices], { dtype: int64 });
    return this.tensors.map((t) => t.indexSelect(0, idx));
  }
}

/**
 * The items of `dataset` at `indices`.
 * @example
 * ```ts pytorch=nn.Subset
 * const ds = new torch.utils.data.TensorDataset(torch.arange(10).mul(10));
 * const sub = new torch.utils.data.Subset(ds, [1, 3, 5]);
 * console.log(sub.length, sub.getItem(2)[0]);
 * ```
 * ```text
 * 3 tensor(50)
 * ```
 */
export class Subset<T> extends Dataset<T> {
  constructor(
    /** The underlying dataset. */
    readonly dataset: Dataset<T>,
    /** Which of its items, in order. */
    readonly indices: number[],
  ) {
    super();
    if (dataset.getBatch) {
      const inner = dataset;
      this.getBatch = (idx: readonly number[]) => inner.getBatch!(idx.map((i) => this.indices[i]!));
    }
  }
  override get length(): number {
    return this.indices.length;
  }
  override getItem(index: number): T {
    return this.dataset.getItem(this.indices[index < 0 ? index + this.indices.length : index]!);
  }
}

/**
 * Splits `dataset` into non-overlapping subsets of the given lengths (or fractions
 * summing to 1), from `randperm(total)` on `generator` (default: the default
 * generator), as PyTorch's `random_split` does.
 * @example
 * ```ts pytorch=nn.randomSplit
 * const ds = new torch.utils.data.TensorDataset(torch.arange(10));
 * const [train, val] = torch.utils.data.randomSplit(ds, [0.8, 0.2], new torch.Generator().manualSeed(42));
 * console.log(train.length, val.length, torch.tensor(val.indices));
 * ```
 * ```text
 * 8 2 tensor([3, 7])
 * ```
 */
export function randomSplit<T>(dataset: Dataset<T>, lengths: readonly number[], generator?: Generator): Subset<T>[] {
  let lens = [...lengths];
  const n = dataset.length;
  const total = lens.reduce((a, b) => a + b, 0);
  if (Math.abs(total - 1) <= 1e-9 && total <= 1) {
    const sizes = lens.map((frac, i) => {
      if (frac < 0 || frac > 1) throw new TorchValueError('random_split', `Fraction at index ${i} is not between 0 and 1`);
      return Math.floor(n * frac);
    });
    const remainder = n - sizes.reduce((a, b) => a + b, 0);
    for (let i = 0; i < remainder; i++) sizes[i % sizes.length]! += 1;
    lens = sizes;
  }
  if (lens.reduce((a, b) => a + b, 0) !== n) throw new TorchValueError('random_split', 'Sum of input lengths does not equal the length of the input dataset!');
  const perm = Array.from(randperm(n, generator ? { generator } : undefined).dataSync());
  const out: Subset<T>[] = [];
  let offset = 0;
  for (const len of lens) {
    out.push(new Subset(dataset, perm.slice(offset, offset + len)));
    offset += len;
  }
  return out;
}
