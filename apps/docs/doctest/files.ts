/** The files the doctests read: guide pages and package sources. */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const SKIP = new Set(['node_modules', 'dist', '.vitepress', '.doctest-tmp', '.turbo']);

/** Every file under `dir` whose name passes `keep`, skipping build and dependency folders. */
export function walk(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    if (SKIP.has(e.name)) continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p, keep));
    else if (keep(e.name)) out.push(p);
  }
  return out.sort();
}

/** The TypeScript sources of every package (tests excluded). */
export function packageSources(root: string): string[] {
  const pk = join(root, 'packages');
  return readdirSync(pk)
    .sort()
    .flatMap((p) => {
      try {
        return walk(join(pk, p, 'src'), (n) => n.endsWith('.ts') && !/\.(test|spec)\.ts$/.test(n) && !n.endsWith('.d.ts'));
      } catch {
        return [];
      }
    })
    .filter((f) => !/[\\/](test|tests|__tests__)[\\/]/.test(f));
}
