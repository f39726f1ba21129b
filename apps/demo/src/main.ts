// Runs the seed notebook's cells in the browser and shows what each prints.
import { formatPrint, seedNotebookCells } from '../../../packages/antorcha/examples/seed-notebook.js';

const titles: Record<string, string> = {
  'generate-data': 'Seeded random data: features, weights and a bias',
  'sum-solutions': 'One neuron: weighted sum, then the sigmoid',
  'mm-shape-error': 'A shape error: (1×5)·(1×5) cannot be multiplied',
  'mm-view': 'The same neuron with a matrix product, after view(5, 1)',
  'reshape-resize': 'reshape, view and resize_',
  'activity-1-tensors': 'Activity 1: a two-layer network’s parameters',
  'activity-1-network': 'Activity 1: the network’s output',
};

const root = document.getElementById('cells')!;
for (const cell of seedNotebookCells()) {
  const box = document.createElement('section');
  box.className = 'cell';
  const h = document.createElement('h2');
  h.textContent = titles[cell.name] ?? cell.name;
  const pre = document.createElement('pre');
  let text = '';
  try {
    cell.run((...parts) => (text += formatPrint(parts)));
  } catch (e) {
    text += `Error: ${(e as Error).message}\n`;
  }
  pre.textContent = text;
  box.append(h, pre);
  root.append(box);
}
