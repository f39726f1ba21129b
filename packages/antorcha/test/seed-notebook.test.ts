// The seed notebook's cells print exactly what PyTorch prints for the same code
// (fixture written by tools/golden/seed_notebook.py, which also checks that it
// contains every output the seed notebook shows).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPrint, seedNotebookCells } from '../examples/seed-notebook.js';

interface CellOutput {
  cell: string;
  stdout: string;
  autograd: boolean;
}

const golden: CellOutput[] = JSON.parse(readFileSync(new URL('./fixtures/seed-notebook.json', import.meta.url), 'utf8'));

describe('seed notebook', () => {
  const cells = seedNotebookCells();
  it('has the same cells as the golden run', () => {
    expect(cells.map((c) => c.name)).toEqual(golden.map((g) => g.cell));
  });
  for (const g of golden) {
    it(`cell ${g.cell} prints what PyTorch prints`, () => {
      // Cells share state, so run every cell up to this one.
      let out = '';
      for (const c of cells) {
        out = '';
        c.run((...parts) => (out += formatPrint(parts)));
        if (c.name === g.cell) break;
      }
      expect(out).toBe(g.stdout);
    });
  }
});
