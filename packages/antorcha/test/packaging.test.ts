// The seven publishable packages as npm would publish them: packed with pnpm (which rewrites
// `workspace:*`), unpacked into a bare node_modules with no workspace links, then used from
// there. Checks the manifests a registry shows (license, engines, keywords, one version for the
// fixed group), what each tarball ships (LICENSE, README, no tests, every source map's sources),
// and runs the README's example through `import` and through `require()`.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const PACKAGES = ['rng', 'core', 'autograd', 'backend-cpu', 'backend-webgpu', 'nn', 'antorcha'];

interface Manifest {
  name: string;
  version: string;
  license?: string;
  engines?: { node?: string };
  keywords?: string[];
  exports: Record<string, Record<string, string>>;
  dependencies?: Record<string, string>;
}

let work = '';
const unpacked = new Map<string, string>(); // package name → its folder in node_modules

/** Every file under `dir`, as paths relative to it. */
function walk(dir: string, prefix = ''): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name), `${prefix}${e.name}/`) : [`${prefix}${e.name}`],
  );
}

/** The README's first TypeScript example and the output its last comment promises. */
function readmeExample(): { code: string; expected: string } {
  const readme = readFileSync(join(root, 'README.md'), 'utf8');
  const code = /```ts\n([\s\S]*?)```/.exec(readme)?.[1];
  if (code === undefined) throw new Error('README.md has no ```ts example');
  const expected = /\/\/ (tensor\(.*\))\s*$/.exec(code.trim())?.[1];
  if (expected === undefined) throw new Error("README.md's example does not end with the output it prints");
  return { code, expected };
}

describe('the packages as published', () => {
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'antorcha-pack-'));
    const tarballs = join(work, 'tarballs');
    execFileSync(process.execPath, [join(root, 'scripts/pnpm.mjs'), '-r', '--filter', './packages/*', 'pack', '--pack-destination', tarballs], {
      stdio: 'ignore',
    });
    for (const file of readdirSync(tarballs)) {
      const staging = join(work, 'staging', file);
      mkdirSync(staging, { recursive: true });
      execFileSync('tar', ['xzf', join(tarballs, file), '-C', staging, '--strip-components=1']);
      const { name } = JSON.parse(readFileSync(join(staging, 'package.json'), 'utf8')) as Manifest;
      const dest = join(work, 'app/node_modules', name);
      mkdirSync(dirname(dest), { recursive: true });
      execFileSync('mv', [staging, dest]);
      unpacked.set(name, dest);
    }
    writeFileSync(join(work, 'app/package.json'), '{ "private": true }\n');
  }, 120_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('packs all seven packages', () => {
    expect([...unpacked.keys()].sort()).toEqual(PACKAGES.map((p) => (p === 'antorcha' ? p : `@antorcha/${p}`)).sort());
  });

  it('gives every manifest a license, engines, keywords, one version and no workspace: ranges', () => {
    const manifests = [...unpacked.values()].map((dir) => JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Manifest);
    const versions = new Set(manifests.map((m) => m.version));
    expect(versions.size, `versions: ${[...versions].join(', ')}`).toBe(1);
    for (const m of manifests) {
      expect(m.license, m.name).toBe('MIT');
      expect(m.engines?.node, m.name).toBe('>=20.19');
      expect(m.keywords?.length ?? 0, m.name).toBeGreaterThan(0);
      for (const [dep, range] of Object.entries(m.dependencies ?? {})) expect(range, `${m.name} → ${dep}`).not.toMatch(/^workspace:/);
      // `default` lets require() load the ES module (Node ≥ 20.19) and lets other tools resolve it.
      for (const [sub, conditions] of Object.entries(m.exports)) expect(conditions.default, `${m.name} exports['${sub}']`).toBe(conditions.import);
    }
  });

  it('ships LICENSE and README, no tests, and the sources every source map names', () => {
    for (const [name, dir] of unpacked) {
      const files = walk(dir);
      expect(files, name).toContain('LICENSE');
      expect(files, name).toContain('README.md');
      expect(files.filter((f) => /\.test\.[jt]s$/.test(f)), name).toEqual([]);
      const missing: string[] = [];
      const maps = files.filter((f) => f.endsWith('.map'));
      expect(maps.length, `${name} ships source maps`).toBeGreaterThan(0);
      for (const map of maps) {
        const { sources } = JSON.parse(readFileSync(join(dir, map), 'utf8')) as { sources: string[] };
        for (const s of sources) if (!existsSync(resolve(dir, dirname(map), s))) missing.push(`${map} → ${s}`);
      }
      expect(missing, name).toEqual([]);
    }
  });

  it("runs the README's example from the unpacked packages with import", () => {
    const { code, expected } = readmeExample();
    writeFileSync(join(work, 'app/example.mjs'), code);
    const out = execFileSync(process.execPath, ['example.mjs'], { cwd: join(work, 'app'), encoding: 'utf8' });
    expect(out.trim()).toBe(expected);
  });

  it("loads with require() for CommonJS consumers and prints the README's result", () => {
    const { code: esm, expected } = readmeExample();
    const IMPORT = "import * as torch from 'antorcha';";
    expect(esm).toContain(IMPORT);
    const code = esm.replace(IMPORT, "const torch = require('antorcha');");
    writeFileSync(join(work, 'app/example.cjs'), code);
    const out = execFileSync(process.execPath, ['example.cjs'], { cwd: join(work, 'app'), encoding: 'utf8' });
    expect(out.trim()).toBe(expected);
  });
});
