// Every public symbol (exported from packages/*/src/index.ts, through `export *`, namespaces and
// public class and interface members, constructor parameter properties included) has a TSDoc comment.
// Type aliases' object-literal members are not walked. The workspace packages resolve to their sources.
import { readdirSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../doctest/index.js';

function undocumented(): string[] {
  const entries = readdirSync(join(ROOT, 'packages'))
    .map((p) => join(ROOT, 'packages', p, 'src', 'index.ts'))
    .filter(existsSync);
  const program = ts.createProgram(entries, {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    // The workspace packages resolve to their sources, so each symbol is counted once, where it is written.
    baseUrl: ROOT,
    paths: {
      'antorcha': ['packages/antorcha/src/index.ts'],
      '@antorcha/core/testing': ['packages/core/src/testing/index.ts'],
      '@antorcha/*': ['packages/*/src/index.ts'],
    },
  });
  const checker = program.getTypeChecker();
  const missing = new Set<string>();
  const seen = new Set<ts.Symbol>();
  const documented = (s: ts.Symbol): boolean =>
    s.getDocumentationComment(checker).some((p) => p.text.trim() !== '') ||
    (s.declarations ?? []).some((d) => ts.getJSDocCommentsAndTags(d).length > 0);
  const where = (s: ts.Symbol): string => {
    const d = s.declarations?.[0];
    if (!d) return '?';
    const sf = d.getSourceFile();
    return `${relative(ROOT, sf.fileName)}:${sf.getLineAndCharacterOfPosition(d.getStart()).line + 1}`;
  };
  const visit = (sym: ts.Symbol, path: string): void => {
    const s = sym.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(sym) : sym;
    if (seen.has(s)) return;
    seen.add(s);
    const decl = s.declarations?.[0];
    if (!decl || decl.getSourceFile().fileName.includes('node_modules')) return;
    if (s.flags & ts.SymbolFlags.Module && decl.kind === ts.SyntaxKind.SourceFile) {
      for (const e of checker.getExportsOfModule(s)) visit(e, `${path}.${e.name}`);
      return;
    }
    if (!documented(s) && !documented(sym)) missing.add(`${path} (${where(s)})`);
    if (s.flags & ts.SymbolFlags.Module) for (const e of checker.getExportsOfModule(s)) visit(e, `${path}.${e.name}`);
    if (s.flags & (ts.SymbolFlags.Class | ts.SymbolFlags.Interface)) {
      s.members?.forEach((m, name) => {
        const n = String(name);
        if (n.startsWith('_') || n === '__constructor' || n.startsWith('#')) return;
        if (m.flags & ts.SymbolFlags.TypeParameter) return;
        const md = m.declarations?.[0];
        const mods = md ? ts.getCombinedModifierFlags(md) : 0;
        if (mods & (ts.ModifierFlags.Private | ts.ModifierFlags.Protected)) return;
        if (seen.has(m)) return;
        seen.add(m);
        if (!documented(m)) missing.add(`${path}.${n} (${where(m)})`);
      });
    }
  };
  for (const f of entries) {
    const sf = program.getSourceFile(f);
    const mod = sf && checker.getSymbolAtLocation(sf);
    const pkg = relative(join(ROOT, 'packages'), f).split(/[\\/]/)[0]!;
    if (mod) for (const e of checker.getExportsOfModule(mod)) visit(e, `${pkg}:${e.name}`);
  }
  return [...missing].sort();
}

describe('TSDoc coverage', () => {
  it('every public symbol has a TSDoc summary ', () => {
    const list = undocumented();
    if (process.env['TSDOC_LIST']) console.log(list.join('\n'));
    expect(list, `undocumented public symbols:\n${list.slice(0, 50).join('\n')}`).toEqual([]);
  }, 120_000);
});
