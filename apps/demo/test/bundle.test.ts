// What each view downloads, read from Vite's build manifest (dist/.vite/manifest.json; the demo's
// `test` script builds first). Prints the sizes per view and checks the page's loading rules:
// no chunk over Vite's 500 kB warning, the transpiler and the WebGPU backend only on demand.
import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const dist = new URL('../dist/', import.meta.url);
const manifestUrl = new URL('.vite/manifest.json', dist);

interface Chunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  css?: string[];
  assets?: string[];
}

const read = (file: string): Buffer => readFileSync(new URL(file, dist));
const kB = (n: number): string => `${(n / 1000).toFixed(1)} kB`;

describe('bundle', () => {
  it('has been built (vite build writes dist/.vite/manifest.json)', () => {
    expect(existsSync(manifestUrl), 'run `vite build` first (the test script does)').toBe(true);
  });
  if (!existsSync(manifestUrl)) return;
  const manifest: Record<string, Chunk> = JSON.parse(readFileSync(manifestUrl, 'utf8'));

  /** The files a chunk loads before it runs: itself, its static imports (recursively) and their CSS. */
  const closure = (key: string, skip = new Set<string>()): Set<string> => {
    const files = new Set<string>();
    const visit = (k: string): void => {
      if (skip.has(k)) return;
      skip.add(k);
      const c = manifest[k]!;
      files.add(c.file);
      for (const css of c.css ?? []) files.add(css);
      for (const i of c.imports ?? []) visit(i);
    };
    visit(key);
    return files;
  };
  const size = (files: Set<string>): { raw: number; gzip: number } => {
    let raw = 0;
    let gzip = 0;
    for (const f of files) {
      const b = read(f);
      raw += b.length;
      gzip += gzipSync(b).length;
    }
    return { raw, gzip };
  };
  const entry = Object.keys(manifest).find((k) => manifest[k]!.isEntry)!;
  const shell = closure(entry);
  const views = ['notebook', 'playground', 'benchmarks'].map((name) => {
    const key = `src/${name}/index.ts`;
    // What opening the view downloads beyond the shell.
    return { name, key, files: key in manifest ? closure(key, new Set([entry])) : new Set<string>() };
  });

  it('reports the download size of the shell and of each view', () => {
    const rows = [{ name: 'shell', files: shell }, ...views].map((v) => ({ view: v.name, files: v.files.size, ...size(v.files) }));
    const lazy = Object.entries(manifest)
      .filter(([k, c]) => c.src && !c.isEntry && !views.some((v) => v.key === k) && !k.startsWith('_'))
      .map(([k, c]) => ({ view: `on demand: ${k}`, files: 1, ...size(new Set([c.file])) }));
    const workers = [...new Set(Object.values(manifest).flatMap((c) => c.assets ?? []))].filter((f) => /worker/.test(f)).map((f) => ({ view: `worker: ${f}`, files: 1, ...size(new Set([f])) }));
    console.log(
      ['download size per view (JS + CSS; a view adds its files to the shell’s)', ...[...rows, ...lazy, ...workers].map((r) => `  ${r.view.padEnd(44)} ${String(r.files).padStart(3)} files  ${kB(r.raw).padStart(10)}  (gzip ${kB(r.gzip)})`)].join('\n'),
    );
    for (const r of rows) expect(r.raw, r.view).toBeGreaterThan(0);
  });

  it('keeps every chunk below Vite’s 500 kB warning', () => {
    const big = Object.values(manifest)
      .map((c) => ({ file: c.file, bytes: read(c.file).length }))
      .filter((c) => c.bytes > 500_000);
    expect(big).toEqual([]);
  });

  it('loads the transpiler only when an edited cell runs, and the WebGPU backend only on demand', () => {
    const transpile = manifest['src/notebook/transpile.ts'];
    expect(transpile, 'the transpiler is a chunk of its own').toBeDefined();
    const notebook = views.find((v) => v.name === 'notebook')!.files;
    for (const files of [shell, notebook]) {
      expect(files.has(transpile!.file)).toBe(false);
      for (const f of files) {
        const text = read(f).toString('utf8');
        expect(text.includes('requestAdapter'), `${f} contains the WebGPU backend`).toBe(false);
        expect(text.includes('sucrase') || text.includes('jsxPragma'), `${f} contains sucrase`).toBe(false);
      }
    }
    // And the transpiler's chunk is sucrase indeed.
    expect(read(transpile!.file).toString('utf8')).toContain('jsxPragma');
  });
});
