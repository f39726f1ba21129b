/**
 * Doctest runner: runs one example in isolation (a temporary module imported by
 * the test process, so Vite strips the types) and captures what it prints the way
 * Node's console formats it.
 */
import { mkdirSync, writeFileSync, rmSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { formatWithOptions } from 'node:util';
import { moduleSource, SESSION_MARK, type Example } from './extract.js';

/** Where the temporary example modules go (git-ignored). */
export const TMP_DIR = join(import.meta.dirname, '..', '.doctest-tmp');

const PACKAGES = join(import.meta.dirname, '..', '..', '..', 'packages');

/** Maps `antorcha` and `@antorcha/<name>[/sub]` to the built entry of the workspace package, other specifiers unchanged. */
export function resolveWorkspace(spec: string): string {
  const m = /^(?:@antorcha\/([\w-]+)|(antorcha))(\/[\w/-]+)?$/.exec(spec);
  if (!m) return spec;
  const dir = join(PACKAGES, m[1] ?? 'antorcha');
  const exports = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports as Record<
    string,
    string | { import?: string; default?: string }
  >;
  const entry = exports[m[3] ? `.${m[3]}` : '.'];
  const target = typeof entry === 'string' ? entry : (entry?.import ?? entry?.default);
  return target ? pathToFileURL(join(dir, target)).href : spec;
}

/**
 * Runs an example and returns everything it printed with console.log/info/warn/error.
 * A session block runs after its prelude, whose own output is left out.
 */
export async function runExample(ex: Pick<Example, 'file' | 'line' | 'code'> & Partial<Pick<Example, 'prelude'>>): Promise<string> {
  mkdirSync(TMP_DIR, { recursive: true });
  const prelude = ex.prelude ?? [];
  const name = createHash('sha1').update(`${ex.file}:${ex.line}:${prelude.join('\n')}\n${ex.code}`).digest('hex').slice(0, 16);
  const path = join(TMP_DIR, `${name}.ts`);
  writeFileSync(path, moduleSource(ex.code, resolveWorkspace, prelude));
  const printed: string[] = [];
  // Where the block's own output starts (a session's prelude prints before the mark).
  let from = 0;
  const markKey = Symbol.for(SESSION_MARK);
  (globalThis as Record<symbol, unknown>)[markKey] = (): void => {
    from = printed.length;
  };
  const saved = { log: console.log, info: console.info, warn: console.warn, error: console.error };
  const capture = (...args: unknown[]): void => {
    printed.push(formatWithOptions({ colors: false }, ...args));
  };
  // Examples share the process: the global settings an example may change are put back after it.
  const torch = (await import(/* @vite-ignore */ resolveWorkspace('antorcha'))) as {
    getDefaultDtype(): unknown;
    setDefaultDtype(d: unknown): void;
    isGradEnabled(): boolean;
    setGradEnabled(b: boolean): void;
    getPrintoptions(): object;
    setPrintoptions(o: object): void;
  };
  const dtype = torch.getDefaultDtype();
  const grad = torch.isGradEnabled();
  const printOptions = torch.getPrintoptions();
  console.log = console.info = console.warn = console.error = capture;
  try {
    await import(/* @vite-ignore */ `${pathToFileURL(path).href}?t=${Date.now()}`);
  } finally {
    Object.assign(console, saved);
    torch.setDefaultDtype(dtype);
    torch.setGradEnabled(grad);
    torch.setPrintoptions(printOptions);
    rmSync(path, { force: true });
    delete (globalThis as Record<symbol, unknown>)[markKey];
  }
  return printed.slice(from).join('\n');
}

/** Trailing whitespace per line and trailing blank lines do not count. */
export function normalise(text: string): string {
  return text
    .split('\n')
    .map((l) => l.trimEnd())
    .join('\n')
    .replace(/\n+$/, '');
}
