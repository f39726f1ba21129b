import { defineConfig } from 'vite';

// Cross-origin isolation (COOP + COEP) lets the page use SharedArrayBuffer, so the CPU
// backend's tensors live in shared WebAssembly memory and its worker pool can run.
const isolation = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

export default defineConfig({
  server: { headers: isolation },
  preview: { headers: isolation },
  // Workers as ES modules: the Playground's training worker imports the WebGPU backend
  // dynamically, which needs code splitting (not possible in the default 'iife' format).
  // keepNames: class names survive minification, so messages and printing say `Sequential`
  // as PyTorch does (Module._getName() reads the constructor's name), not a mangled `e`.
  worker: { format: 'es', rolldownOptions: { output: { keepNames: true } } },
  build: { rolldownOptions: { output: { keepNames: true } } },
});
