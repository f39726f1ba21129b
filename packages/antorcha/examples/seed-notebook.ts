/**
 * The seed notebook (DL02 "Tensores en PyTorch"), cell by cell, in Antorcha.
 *
 * Each cell writes through `print`, so the same cells run as a script
 * (`node dist/examples/seed-notebook.js`), in tests (compared with what PyTorch
 * prints), and in the demo page.
 */
import * as torch from '../src/index.js';
import type { Tensor } from '../src/index.js';

/** Where a cell writes its output (like Python's `print`). */
export type Print = (...parts: unknown[]) => void;

/** One notebook cell. */
export interface NotebookCell {
  /** Stable name, matching the golden fixture. */
  name: string;
  /** Whether the cell needs autograd (gradient functions in its output). */
  autograd: boolean;
  /** Runs the cell. */
  run(print: Print): void;
}

/** The network's activation: the logistic function written out, as the notebook does. */
export function activation(x: Tensor): Tensor {
  return torch.div(1, torch.add(1, torch.exp(torch.neg(x))));
}

/** Builds the cells; they share state like notebook cells do. */
export function seedNotebookCells(): NotebookCell[] {
  let features!: Tensor;
  let weights!: Tensor;
  let bias!: Tensor;
  const act1: Record<string, Tensor> = {};
  return [
    {
      name: 'generate-data',
      autograd: false,
      run(print) {
        torch.manualSeed(7); // fix the seed so the numbers are reproducible
        features = torch.randn([1, 5]); // five standard-normal inputs
        print(features);
        weights = torch.randnLike(features); // one weight per input
        print(weights);
        bias = torch.randn([1, 1]);
      },
    },
    {
      name: 'sum-solutions',
      autograd: false,
      run(print) {
        // Weighted sum, then the activation — first with torch.sum, then with the method.
        print(activation(torch.add(torch.sum(torch.mul(features, weights)), bias)));
        print(activation(features.mul(weights).sum().add(bias)));
      },
    },
    {
      name: 'mm-shape-error',
      autograd: false,
      run(print) {
        try {
          torch.mm(features, weights); // (1×5)·(1×5): the inner sizes differ
        } catch (e) {
          print(`RuntimeError: ${(e as Error).message}`);
        }
      },
    },
    {
      name: 'mm-view',
      autograd: false,
      run(print) {
        print(weights.shape);
        print(activation(torch.mm(features, weights.view(5, 1)).add(bias)));
      },
    },
    {
      name: 'reshape-resize',
      autograd: false,
      run(print) {
        print(weights.reshape(5, 1));
        print(weights.view(5, 1));
        const grown = weights.clone();
        grown.resize_(5, 1);
        print(grown);
        const shrunk = weights.clone();
        shrunk.resize_(2, 2); // fewer elements: the rest of the storage is not shown
        print(shrunk);
      },
    },
    {
      name: 'activity-1-tensors',
      autograd: false,
      run(print) {
        torch.manualSeed(7);
        act1.features = torch.randn(1, 3);
        act1.W1 = torch.randn([3, 2], { requiresGrad: true });
        act1.W2 = torch.randn([2], { requiresGrad: true });
        act1.B1 = torch.randn([2], { requiresGrad: true });
        act1.B2 = torch.randn([], { requiresGrad: true });
        print(`Atributos:\n${act1.features}\n\n`);
        print(`Vector de pesos capa de entrada:\n${act1.W1}\n\n`);
        print(`Vector de pesos capa oculta:\n${act1.W2}\n\n`);
        print(`Vector de bias para capa oculta:\n${act1.B1}\n\n`);
        print(`Vector de bias para capa de salida:\n${act1.B2}\n\n`);
      },
    },
    {
      name: 'activity-1-network',
      autograd: true,
      run(print) {
        const { features: x, W1, W2, B1, B2 } = act1 as Record<string, Tensor>;
        const h1 = activation(torch.mm(x!, W1!).add(B1!));
        const output = torch.sigmoid(h1.matmul(W2!).add(B2!));
        print(`Vector de outputs capa oculta:\n${h1}`);
        print(`Resultado final:\n${output}\n\n`);
      },
    },
  ];
}

/** Formats print arguments like Python's `print` (space-separated, newline-terminated). */
export function formatPrint(parts: unknown[]): string {
  return parts.map((p) => String(p)).join(' ') + '\n';
}

// Run as a script: print every cell.
if (typeof process !== 'undefined' && process.argv[1] && import.meta.url.endsWith(process.argv[1].split('/').pop()!)) {
  for (const c of seedNotebookCells()) c.run((...p) => process.stdout.write(formatPrint(p)));
}
