// Every runnable example (```ts blocks of the pages and of the packages' TSDoc @example blocks) type-checks
// under strict TypeScript: the doctests run transpiled code, whose types nobody checks otherwise. Each example
// is the module the doctest engine runs (moduleSource: the torch import it adds, a session's earlier blocks),
// one virtual file in ONE program, its imports resolved to the built packages' declarations the way the
// doctests resolve them to the built JavaScript. doctest/known-failing-typecheck.txt lists the examples known
// not to type-check yet (same keys as known-failing-api.txt); it can only shrink: a listed example that
// type-checks fails the test, so its line must be removed. TYPECHECK_LIST_FAILING=<file> appends the keys of
// the failing examples to that file.
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { exampleKey, extractMarkdown, extractTsdoc, moduleSource, packageSources, walk, ROOT, type Example } from '../doctest/index.js';

const KNOWN_FILE = join(import.meta.dirname, '..', 'doctest', 'known-failing-typecheck.txt');
const PACKAGES = join(ROOT, 'packages');
/** Where the virtual example files live (nothing is written there). */
const VDIR = join(import.meta.dirname, '..', '.doctest-typecheck');

const OPTIONS: ts.CompilerOptions = {
  strict: true,
  noImplicitOverride: true,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  moduleDetection: ts.ModuleDetectionKind.Force,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  typeRoots: [join(ROOT, 'node_modules', '@types')],
  skipLibCheck: true,
  noEmit: true,
};

/** `antorcha` and `@antorcha/<name>[/sub]` → the declaration file of the built workspace package (its `types` export). */
function workspaceTypes(spec: string): string | null {
  const m = /^(?:@antorcha\/([\w-]+)|(antorcha))(\/[\w/-]+)?$/.exec(spec);
  if (!m) return null;
  const dir = join(PACKAGES, m[1] ?? 'antorcha');
  if (!existsSync(join(dir, 'package.json'))) return null;
  const exports = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).exports as Record<
    string,
    string | { types?: string; import?: string; default?: string }
  >;
  const entry = exports[m[3] ? `.${m[3]}` : '.'];
  const target = typeof entry === 'string' ? entry : (entry?.types ?? entry?.import ?? entry?.default);
  return target ? join(dir, target.replace(/\.js$/, '.d.ts')) : null;
}

/** The runnable examples of the pages and of the packages' TSDoc. */
function examples(): Example[] {
  const pages = walk(join(ROOT, 'apps', 'docs'), (n) => n.endsWith('.md')).flatMap((f) => extractMarkdown(readFileSync(f, 'utf8'), f));
  const tsdoc = packageSources(ROOT).flatMap((f) => extractTsdoc(readFileSync(f, 'utf8'), f));
  return [...pages, ...tsdoc].filter((ex) => !ex.noRun);
}

/** One virtual module per example: its source, and the line (0-based) where the example's own code starts. */
interface Virtual {
  ex: Example;
  source: string;
  codeLine: number;
}

function virtualFile(ex: Example): Virtual {
  const source = moduleSource(ex.code, (s) => s, ex.prelude);
  const codeLine = source.split('\n').length - 2 - ex.code.split('\n').length;
  return { ex, source, codeLine };
}

/** The type errors of each example, as `file:line: message` (lines in the file the example is in). */
function typecheck(list: Example[]): Map<Example, string[]> {
  const files = new Map<string, Virtual>();
  for (const ex of list) {
    const name = createHash('sha1').update(`${ex.file}:${ex.line}`).digest('hex').slice(0, 16);
    files.set(join(VDIR, `${name}.ts`), virtualFile(ex));
  }
  const host = ts.createCompilerHost(OPTIONS, true);
  const getSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, language, onError, create) => {
    const v = files.get(fileName);
    return v ? ts.createSourceFile(fileName, v.source, language, true) : getSourceFile(fileName, language, onError, create);
  };
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (f) => files.has(f) || fileExists(f);
  const readFile = host.readFile.bind(host);
  host.readFile = (f) => files.get(f)?.source ?? readFile(f);
  const cache = ts.createModuleResolutionCache(host.getCurrentDirectory(), (s) => s, OPTIONS);
  host.resolveModuleNameLiterals = (literals, containingFile, redirect, options) =>
    literals.map((lit) => {
      const types = workspaceTypes(lit.text);
      if (types) return { resolvedModule: { resolvedFileName: types, extension: ts.Extension.Dts, isExternalLibraryImport: true } };
      // A virtual file's other imports resolve as from the docs package.
      const from = files.has(containingFile) ? join(dirname(VDIR), 'package.json') : containingFile;
      return ts.resolveModuleName(lit.text, from, options, host, cache, redirect);
    });
  const program = ts.createProgram({ rootNames: [...files.keys()], options: OPTIONS, host });
  const out = new Map<Example, string[]>();
  for (const [fileName, v] of files) {
    const sf = program.getSourceFile(fileName)!;
    const diags = [...program.getSyntacticDiagnostics(sf), ...program.getSemanticDiagnostics(sf)];
    const errors: string[] = [];
    for (const d of diags) {
      const line = d.start === undefined ? v.codeLine : sf.getLineAndCharacterOfPosition(d.start).line;
      const message = ts.flattenDiagnosticMessageText(d.messageText, '\n    ');
      // A session's earlier blocks are checked (and reported) as examples of their own.
      if (line < v.codeLine && v.ex.prelude.length) continue;
      const at = line < v.codeLine ? v.ex.line : v.ex.line + 1 + (line - v.codeLine);
      errors.push(`${relative(ROOT, v.ex.file)}:${at}: TS${d.code}: ${message}`);
    }
    if (errors.length) out.set(v.ex, errors);
  }
  return out;
}

describe('doctests: examples type-check', () => {
  it('every runnable example type-checks under strict TypeScript', () => {
    const known = new Set(
      readFileSync(KNOWN_FILE, 'utf8')
        .split('\n')
        .filter((l) => l && !l.startsWith('#')),
    );
    const all = examples();
    // A guard against checking nothing (the extraction or the file walk broken): there are hundreds.
    expect(all.length).toBeGreaterThan(500);
    const failing = typecheck(all);
    const listFailing = process.env['TYPECHECK_LIST_FAILING'];
    if (listFailing) for (const ex of failing.keys()) appendFileSync(listFailing, `${exampleKey(ex)}\n`);
    const problems: string[] = [];
    for (const [ex, errors] of failing) {
      if (!known.has(exampleKey(ex))) problems.push(`${relative(ROOT, ex.file)}:${ex.line} (${exampleKey(ex)}) does not type-check:\n  ${errors.join('\n  ')}`);
    }
    const keys = new Set(all.map(exampleKey));
    const failingKeys = new Set([...failing.keys()].map(exampleKey));
    for (const k of known) {
      if (!keys.has(k)) problems.push(`${k} is listed in known-failing-typecheck.txt but no such example exists: remove the line`);
      else if (!failingKeys.has(k)) problems.push(`${k} type-checks now: remove it from known-failing-typecheck.txt`);
    }
    expect(problems, `${problems.length} problem(s):\n${problems.join('\n')}`).toEqual([]);
  }, 180_000);
});
