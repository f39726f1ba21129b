import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { transpileCell } from './src/notebook/transpile.js';

// Cross-origin isolation (COOP + COEP) lets the page use SharedArrayBuffer, so the CPU
// backend's tensors live in shared WebAssembly memory and its worker pool can run.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

const CELLS_ID = 'virtual:notebook-cells';
const cellsDir = fileURLToPath(new URL('./src/notebook/cells/', import.meta.url));

/**
 * `virtual:notebook-cells`: the notebook's cells (src/notebook/cells/NN-name.ts), each with its
 * TypeScript source and that source already transpiled, so the page runs the seed's cells
 * without loading the transpiler; it loads only when a user runs a cell they edited.
 */
function notebookCells(): Plugin {
  return {
    name: 'antorcha-notebook-cells',
    resolveId: (id) => (id === CELLS_ID ? `\0${CELLS_ID}` : null),
    load(id) {
      if (id !== `\0${CELLS_ID}`) return null;
      const files = readdirSync(cellsDir).filter((f) => /^\d+-.+\.ts$/.test(f)).sort();
      const cells = files.map((f) => {
        this.addWatchFile(cellsDir + f);
        const source = readFileSync(cellsDir + f, 'utf8');
        return { name: f.replace(/^\d+-/, '').replace(/\.ts$/, ''), source, script: transpileCell(source) };
      });
      return `export default ${JSON.stringify(cells)};`;
    },
  };
}

export default defineConfig({
  plugins: [notebookCells()],
  server: { headers: isolation },
  preview: { headers: isolation },
  // Workers as ES modules: the Playground's training worker imports the WebGPU backend
  // dynamically, which needs code splitting (not possible in the default 'iife' format).
  // keepNames: class names survive minification, so messages and printing say `Sequential`
  // as PyTorch does (Module._getName() reads the constructor's name), not a mangled `e`.
  worker: { format: 'es', rolldownOptions: { output: { keepNames: true } } },
  build: {
    // Read by test/bundle.test.ts, which reports each view's size.
    manifest: true,
    rolldownOptions: {
      output: {
        keepNames: true,
        // Each of the library's packages (core, autograd, nn, the CPU backend) goes into a chunk of its
        // own, shared by the views that use it, so no chunk passes Vite's 500 kB warning. Splitting
        // within a package (maxSize) is not safe: its modules import each other in cycles.
        codeSplitting: {
          includeDependenciesRecursively: false,
          groups: [{ debugName: 'antorcha packages', name: (id) => /[\\/]packages[\\/]([\w-]+)[\\/]/.exec(id)?.[1] ?? null }],
        },
      },
    },
  },
});
