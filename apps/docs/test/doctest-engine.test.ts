// The doctest extractor: fences, shown outputs, no-run, TSDoc prefixes and the update rewrite.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMarkdown, extractTsdoc, moduleSource, normalise, recordOutput, applyUpdates } from '../doctest/index.js';

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
  it('update mode rewrites a TSDoc output block with the prefix and inserts a missing one', () => {
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
    expect(readFileSync(g, 'utf8')).toContain('```ts no-run\nx;\n```\n```text\nhi\n```');
  });
});
