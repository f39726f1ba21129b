// The in-browser benchmark rows: matmul and an MLP training step, timed on one device. Each
// row runs for a short time budget, yielding to the page between iterations.
import type * as Torch from 'antorcha';

/** What one row measured. */
export interface Measurement {
  row: string;
  device: string;
  /** Throughput: GFLOP/s for matmul, steps/s for the training step (larger is faster). */
  value: number;
  unit: 'GFLOP/s' | 'steps/s';
  /** Median time of one iteration, in milliseconds. */
  ms: number;
  iterations: number;
}

/** A benchmark row: its label as BENCHMARKS.md writes it, and how to time it. */
export interface BenchRow {
  /** Label, and the prefix of the BENCHMARKS.md row it is compared with. */
  label: string;
  unit: Measurement['unit'];
  /** Sets up the work on `device`; returns one iteration (waiting for the device) and a clean-up. */
  setup(torch: typeof Torch, device: 'cpu' | 'webgpu', sync: () => Promise<void>): { step(): Promise<void>; dispose(): void; work: number };
}

const matmul = (n: number): BenchRow => ({
  label: `matmul ${n} float32`,
  unit: 'GFLOP/s',
  setup(torch, device, sync) {
    const a = torch.randn([n, n], { device });
    const b = torch.randn([n, n], { device });
    return {
      work: 2 * n ** 3,
      async step() {
        const c = a.matmul(b);
        await sync();
        c.dispose();
      },
      dispose() {
        a.dispose();
        b.dispose();
      },
    };
  },
});

/** The BENCHMARKS.md CPU row "MLP 784-128-10 train step (CE + SGD), batch 64". */
const mlpStep: BenchRow = {
  label: 'MLP 784-128-10 train step (CE + SGD), batch 64',
  unit: 'steps/s',
  setup(torch, device, sync) {
    const { nn, optim } = torch;
    const model = new nn.Sequential(new nn.Linear(784, 128), new nn.ReLU(), new nn.Linear(128, 10)).to(device);
    const opt = new optim.SGD(model.parameters(), { lr: 0.01 });
    const lossFn = new nn.CrossEntropyLoss();
    const x = torch.randn([64, 784], { device });
    const y = torch.randint(0, 10, [64], { device });
    return {
      work: 1,
      async step() {
        torch.tidy(() => {
          opt.zeroGrad();
          const loss = lossFn.call(model.call(x), y);
          loss.backward();
          opt.step();
        });
        await sync();
      },
      dispose() {
        x.dispose();
        y.dispose();
      },
    };
  },
};

/** The rows the page runs, in order. */
export const ROWS: readonly BenchRow[] = [matmul(256), matmul(512), mlpStep];

const yieldToPage = (): Promise<void> => new Promise((r) => setTimeout(r, 0));

/**
 * Times `row` on `device`: one warm-up iteration, then iterations until `budgetMs` has passed
 * (at least `minIterations`), each timed alone; reports the median. `signal` stops it early.
 */
export async function measure(
  torch: typeof Torch,
  row: BenchRow,
  device: 'cpu' | 'webgpu',
  sync: () => Promise<void>,
  opts: { budgetMs: number; minIterations: number; signal: AbortSignal },
): Promise<Measurement | null> {
  const work = row.setup(torch, device, sync);
  try {
    await work.step();
    const times: number[] = [];
    const start = performance.now();
    while (times.length < opts.minIterations || (performance.now() - start < opts.budgetMs && times.length < 200)) {
      if (opts.signal.aborted) return null;
      await yieldToPage();
      const t0 = performance.now();
      await work.step();
      times.push(performance.now() - t0);
    }
    times.sort((p, q) => p - q);
    const ms = times[Math.floor(times.length / 2)]!;
    const value = row.unit === 'GFLOP/s' ? work.work / (ms * 1e6) : 1000 / ms;
    return { row: row.label, device, value, unit: row.unit, ms, iterations: times.length };
  } finally {
    work.dispose();
  }
}
