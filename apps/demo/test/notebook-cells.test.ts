// The notebook's cells and its kernel, in Node (no browser): the seed's cells print what PyTorch
// prints, cells share one scope, and the rewriting of top-level declarations keeps nested code as is.
import { readdirSync, readFileSync } from 'node:fs';
import * as torch from 'antorcha';
import { describe, expect, it } from 'vitest';
import { highlight } from '../src/notebook/highlight.js';
import { Kernel } from '../src/notebook/kernel.js';
import { toCellScript } from '../src/notebook/rewrite.js';
import { transpileCell } from '../src/notebook/transpile.js';

const seed: { cell: string; stdout: string }[] = JSON.parse(
  readFileSync(new URL('../../../packages/antorcha/test/fixtures/seed-notebook.json', import.meta.url), 'utf8'),
);
const extra: { 'activity-1-backward': string } = JSON.parse(readFileSync(new URL('./fixtures/notebook.json', import.meta.url), 'utf8'));
const dir = new URL('../src/notebook/cells/', import.meta.url);
const cells = readdirSync(dir)
  .filter((f) => /^\d+-.+\.ts$/.test(f))
  .sort()
  .map((f) => ({ name: f.replace(/^\d+-/, '').replace(/\.ts$/, ''), source: readFileSync(new URL(f, dir), 'utf8') }));

const run = async (k: Kernel, ts: string): Promise<string> => (await k.run(transpileCell(ts))).text;

describe('notebook cells', () => {
  it('print what PyTorch prints, run in order in one kernel', async () => {
    const kernel = new Kernel({ antorcha: torch });
    const printed: Record<string, string> = {};
    for (const c of cells) printed[c.name] = await run(kernel, c.source);
    for (const g of seed) expect(printed[g.cell], g.cell).toBe(g.stdout);
    expect(printed['activity-1-backward']).toBe(extra['activity-1-backward']);
    expect(cells.map((c) => c.name).filter((n) => !(n in Object.fromEntries(seed.map((g) => [g.cell, 1]))))).toEqual(['imports', 'activation', 'activity-1-backward']);
  });

  it('share variables, functions and imports between cells; nested declarations stay local', async () => {
    const k = new Kernel({ antorcha: torch });
    expect(await run(k, "import { tensor as T } from 'antorcha';\nconst a: number = 2, b = 3\nfunction twice(x: number) { return 2 * x }\nclass P { v = 1 }")).toBe('');
    expect(await run(k, 'print(twice(a), b, new P().v, T([1, 2]))')).toBe('4 3 1 tensor([1, 2])\n');
    expect(await run(k, 'for (let i = 0; i < 2; i++) { const inner = i }\nprint(typeof i)')).toBe("NameError: name 'i' is not defined\n");
    expect(await run(k, 'a = a + 1; const { x, y: [z] } = { x: 1, y: [5] }\nprint(a, x, z)')).toBe('3 1 5\n');
    expect(await run(k, 'const name = "cell"; const status = 1')).toBe(''); // names of window globals in the browser
    expect(await run(k, 'print(name, status, Math.max(1, 2), [1, "a"])')).toBe("cell 1 2 [1, 'a']\n");
    expect(await run(k, 'print(await Promise.resolve(7))')).toBe('7\n');
    expect(await run(k, "import fs from 'fs'")).toBe("ModuleNotFoundError: No module named 'fs'\n");
    // Output printed before an error is kept, then the error line.
    expect(await run(k, 'print(1)\ntorch.mm(T([[1.0]]), T([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]))')).toBe("1\nNameError: name 'torch' is not defined\n");
    expect(await run(k, "import * as torch from 'antorcha'\nprint(1)\ntorch.mm(torch.ones(1, 2), torch.ones(3, 2))")).toBe(
      '1\nRuntimeError: mat1 and mat2 shapes cannot be multiplied (1x2 and 3x2)\n',
    );
  });

  it('reports a syntax error with its position', () => {
    expect(() => transpileCell('print(')).toThrow(SyntaxError);
    expect(() => transpileCell('const x = ;')).toThrow(/\(1:\d+\)/);
  });

  it('rewrites only top-level declarations, past strings, templates, regexes and comments', () => {
    const { code, declared } = toCellScript(
      [
        'const a = 1, b = `x${ {c: 1}.c } const q ${`${a}`}` // const no',
        "let s = 'function f() {}'; /* class C {} */",
        'const r = /const [a-z]/g.test(s) ? 1 / 2 : 3',
        'function f() { const inner = 1; return inner }',
        '(f)()',
        'obj.const = 3',
      ].join('\n'),
    );
    expect(code).toBe(
      [
        'var a = 1, b = `x${ {c: 1}.c } const q ${`${a}`}` // const no',
        "var s = 'function f() {}'; /* class C {} */",
        'var r = /const [a-z]/g.test(s) ? 1 / 2 : 3',
        'var f = function f() { const inner = 1; return inner };',
        '(f)()',
        'obj.const = 3',
      ].join('\n'),
    );
    expect(declared).toEqual(['a', 's', 'r', 'f']);
  });

  it('colours code without changing its text', () => {
    const code = "const a = f(1 < 2, 'x') // <b>\nprint(`t${a}`)";
    const html = highlight(code);
    expect(html).toBe(
      '<span class="tok-keyword">const</span> a = <span class="tok-call">f</span>(<span class="tok-number">1</span> &lt; <span class="tok-number">2</span>, ' +
        '<span class="tok-string">\'x\'</span>) <span class="tok-comment">// &lt;b&gt;</span>\n<span class="tok-call">print</span>(<span class="tok-string">`t${a}`</span>)\n',
    );
    const text = html.replace(/<[^>]+>/g, '').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
    expect(text).toBe(code + '\n');
  });
});
