// The doctest extractor: fences, shown outputs, no-run, TSDoc prefixes and the update rewrite.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMarkdown, extractTsdoc, moduleSource, normalise, recordOutput, applyUpdates, runExample } from '../doctest/index.js';

const md = ['# T', '', '```ts', 'console.log(1);', '```', '', '```text', '1', '```', '', '```sh', 'ls', '```', '', '```ts no-run', 'x;', '```', ''].join('\n');

const src = [
  '/**',
  ' * Adds.',
  ' * @example',
  ' * ```ts',
  ' * console.log(2);',
  ' *',
  ' * console.log(3);',
  ' * ```',
  ' * ```text',
  ' * 2',
  ' * ```',
  ' * @param a x',
  ' */',
  'export const a = 1;',
  '/** No example. ```ts\nnot this``` */',
].join('\n');

describe('doctest extractor', () => {
  it('finds ts blocks, their text outputs and no-run in markdown; ignores other languages', () => {
    const ex = extractMarkdown(md, 'p.md');
    expect(ex.map((e) => [e.line, e.code, e.noRun, e.output?.text ?? null])).toEqual([
      [3, 'console.log(1);', false, '1'],
      [15, 'x;', true, null],
    ]);
  });
  it('strips the comment prefix of @example blocks and keeps blank lines', () => {
    const ex = extractTsdoc(src, 'a.ts');
    expect(ex).toHaveLength(1);
    expect(ex[0]).toMatchObject({ line: 4, close: 8, code: 'console.log(2);\n\nconsole.log(3);', prefix: ' * ' });
    expect(ex[0]!.output).toEqual({ text: '2', open: 9, close: 11 });
  });
  it('prepends the antorcha import only to blocks without imports', () => {
    expect(moduleSource('torch.ones(1);')).toMatch(/^import \* as torch from 'antorcha';/);
    expect(moduleSource("import { ones } from 'antorcha';\nones(1);")).not.toMatch(/\* as torch/);
  });
  it('ignores trailing whitespace and trailing blank lines', () => {
    expect(normalise('a  \nb\n\n')).toBe('a\nb');
  });
  it('update mode rewrites a TSDoc output block with the prefix and inserts a missing one (after a blank line in markdown)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'doctest-'));
    const f = join(dir, 'a.ts');
    writeFileSync(f, src);
    const [ex] = extractTsdoc(src, f);
    recordOutput(ex!, '2\n\n3');
    applyUpdates();
    const after = readFileSync(f, 'utf8');
    expect(after).toContain(' * ```text\n * 2\n *\n * 3\n * ```\n * @param a x');
    expect(extractTsdoc(after, f)[0]!.output!.text).toBe('2\n\n3');
    const g = join(dir, 'b.md');
    writeFileSync(g, md);
    recordOutput(extractMarkdown(md, g)[1]!, 'hi');
    applyUpdates();
    expect(readFileSync(g, 'utf8')).toContain('```ts no-run\nx;\n```\n\n```text\nhi\n```');
  });
  it('links the blocks of a session: each gets the code of the earlier runnable ones of its session', () => {
    const page = [
      '```ts session=a',
      'let x = 1;',
      '```',
      '```ts session=b',
      'const y = 2;',
      '```',
      '```ts session=a no-run',
      'skipped;',
      '```',
      '```ts',
      'alone;',
      '```',
      '```ts session=a pytorch=t.x',
      'x += 1;',
      '```',
    ].join('\n');
    const ex = extractMarkdown(page, 'p.md');
    expect(ex.map((e) => [e.session, e.prelude])).toEqual([
      ['a', []],
      ['b', []],
      ['a', ['let x = 1;']],
      [null, []],
      ['a', ['let x = 1;']],
    ]);
    expect(ex[4]!.pytorch).toBe('t.x');
    const tsdoc = ['/**', ' * @example', ' * ```ts session=s', ' * let n = 1;', ' * ```', ' * @example', ' * ```ts session=s', ' * n++;', ' * ```', ' */'].join('\n');
    expect(extractTsdoc(tsdoc, 'a.ts').map((e) => e.prelude)).toEqual([[], ['let n = 1;']]);
  });
  it('a session module runs the prelude, then the mark, then the block, importing torch once', () => {
    const src = moduleSource('console.log(x);', (s) => s, ['const x = 1;', "import { nn } from 'antorcha';\nconsole.log(2);"]);
    expect(src.match(/import \* as torch/g)).toHaveLength(1);
    const mark = src.indexOf('antorcha.doctest.sessionMark');
    expect(src.indexOf('const x = 1;')).toBeLessThan(mark);
    expect(src.indexOf('console.log(2);')).toBeLessThan(mark);
    expect(src.indexOf('console.log(x);')).toBeGreaterThan(mark);
    expect(moduleSource('b;', (s) => s, ["import * as torch from 'antorcha';"]).match(/import \* as torch/g)).toHaveLength(1);
  });
  it('a session block sees the state of the earlier blocks and shows only what it prints itself', async () => {
    const page = [
      '```ts session=nb',
      'torch.manualSeed(7);',
      'const x = torch.randn([1, 5]);',
      "console.log('first');",
      '```',
      '```ts session=nb',
      'let total = x.sum();',
      "console.log('second');",
      '```',
      '```ts session=nb',
      'console.log(total.toString());',
      'console.log(x.shape);',
      '```',
    ].join('\n');
    const [a, b, c] = extractMarkdown(page, join(tmpdir(), 'session.md'));
    expect(await runExample(a!)).toBe('first');
    expect(await runExample(b!)).toBe('second');
    const alone = await runExample({ file: 'alone.md', line: 1, code: 'torch.manualSeed(7);\nconsole.log(torch.randn([1, 5]).sum().toString());' });
    expect(await runExample(c!)).toBe(`${alone}\ntorch.Size([1, 5])`);
  });
  it('puts back the print options an example changes', async () => {
    const before = await runExample({ file: 'p.md', line: 1, code: 'console.log(torch.tensor([1 / 3]).toString());' });
    await runExample({ file: 'p.md', line: 2, code: 'torch.setPrintoptions({ precision: 1 });' });
    expect(await runExample({ file: 'p.md', line: 3, code: 'console.log(torch.tensor([1 / 3]).toString());' })).toBe(before);
  });
});
