// The examples marked ```ts pytorch=<id> show exactly what PyTorch prints for the program <id>
// (tools/golden/docs_pytorch/*.py, run by tools/golden/doc_examples.py into the fixture below).
// The doctests check that each example prints what it shows; this checks that what it shows is
// PyTorch's output, so together the shown output is both Antorcha's and PyTorch's.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMarkdown, extractTsdoc, normalise, packageSources, ROOT, walk, type Example } from '../doctest/index.js';

const outputs = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'doctest', 'fixtures', 'pytorch-outputs.json'), 'utf8'),
) as Record<string, string>;

/** Issue 16 asked for at least 80 API examples checked against PyTorch; 628 were when this was last raised: only ever raise it. */
const MIN_CHECKED_API_EXAMPLES = 600;

const guide = walk(join(ROOT, 'apps', 'docs'), (n) => n.endsWith('.md')).flatMap((f) => extractMarkdown(readFileSync(f, 'utf8'), f));
const api = packageSources(ROOT).flatMap((f) => extractTsdoc(readFileSync(f, 'utf8'), f));
const marked = [...guide, ...api].filter((e): e is Example & { pytorch: string } => e.pytorch !== null);
const where = (e: Example): string => `${relative(ROOT, e.file)}:${e.line}`;

describe('doctests: shown outputs are what PyTorch prints', () => {
  for (const ex of marked) {
    it(`${where(ex)} (${ex.pytorch})`, () => {
      expect(outputs, `no PyTorch program ${ex.pytorch}: add it to tools/golden/docs_pytorch and run tools/golden/doc_examples.py`).toHaveProperty([ex.pytorch]);
      expect(ex.output, `${where(ex)} shows no output`).not.toBeNull();
      expect(normalise(ex.output!.text), `${where(ex)} shows another output than PyTorch's ${ex.pytorch}`).toBe(
        normalise(outputs[ex.pytorch]!),
      );
    });
  }

  it('every PyTorch program is used by exactly one example', () => {
    const used = marked.map((e) => e.pytorch).sort();
    expect(used.filter((id, k) => used[k - 1] === id), 'ids used twice').toEqual([]);
    expect(Object.keys(outputs).filter((id) => !used.includes(id)), 'programs no example uses').toEqual([]);
  });

  it(`at least ${MIN_CHECKED_API_EXAMPLES} @example outputs are checked against PyTorch`, () => {
    expect(api.filter((e) => e.pytorch !== null).length).toBeGreaterThanOrEqual(MIN_CHECKED_API_EXAMPLES);
  });
});
