// Bundle size of the README's training example under a production Vite build (Rolldown, minified):
// the README's import style must stay within 10% of per-symbol named imports, and must not pull in
// nn modules the example never uses. The destructured-namespace style is measured and printed too
// (Rolldown keeps a whole namespace once it is aliased to a local; see BENCHMARKS.md).
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build, type Rolldown } from 'vite';
import { describe, expect, it } from 'vitest';

const here = fileURLToPath(new URL('./tree-shaking/', import.meta.url));
const facade = fileURLToPath(new URL('../dist/index.js', import.meta.url));

interface Size { min: number; gzip: number; code: string }

/** Builds one entry file the way an app would (production, minified) and measures its JS. */
async function bundle(entry: string): Promise<Size> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: here,
    resolve: { alias: { antorcha: facade } },
    build: { write: false, minify: true, lib: { entry: here + entry, formats: ['es'], fileName: entry } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  let code = '';
  for (const out of outputs) for (const chunk of out.output) if (chunk.type === 'chunk') code += chunk.code;
  return { min: Buffer.byteLength(code), gzip: gzipSync(code).length, code };
}

const kib = (n: number) => `${(n / 1024).toFixed(1)} KiB`;

describe('tree-shaking of the README example (vite build)', () => {
  it('the README style is within 10% of per-symbol imports and leaves unused nn modules out', async () => {
    const [readme, named, destructured] = await Promise.all([bundle('readme.ts'), bundle('named.ts'), bundle('destructured.ts')]);
    for (const [name, s] of [['README style', readme], ['named imports', named], ['const { nn } = torch', destructured]] as const) {
      console.log(`${name}: ${kib(s.min)} min, ${kib(s.gzip)} gzip`);
    }
    expect(readme.min).toBeLessThanOrEqual(1.1 * named.min);
    // The example uses Linear and ReLU only: the recurrent and transformer layers must be gone.
    // (Their class names survive minification as the names PyTorch's repr prints.)
    for (const unused of ['TransformerDecoderLayer', 'LSTMCell', 'MultiheadAttention']) {
      expect(named.code.includes(unused), `${unused} in named`).toBe(false);
      expect(readme.code.includes(unused), `${unused} in README style`).toBe(false);
    }
    // The marker is honest: the aliased namespace does keep them.
    expect(destructured.code.includes('TransformerDecoderLayer')).toBe(true);
  }, 60_000);
});
