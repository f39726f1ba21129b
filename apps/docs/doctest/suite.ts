/** Registers one vitest `it` per example of a set of files. */
import { readFileSync } from 'node:fs';
import { relative, join } from 'node:path';
import { it, afterAll, expect } from 'vitest';
import type { Example } from './extract.js';
import { runExample, normalise } from './run.js';
import { UPDATE, recordOutput, applyUpdates } from './update.js';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..', '..');

/** Defines the doctests of `files`, extracted by `extract`. */
export function defineDoctests(files: string[], extract: (source: string, file: string) => Example[]): Example[] {
  const all = files.flatMap((f) => extract(readFileSync(f, 'utf8'), f));
  for (const ex of all) {
    const name = `${relative(ROOT, ex.file)}:${ex.line}`;
    if (ex.noRun) {
      it.skip(`${name} (no-run)`, () => {});
      continue;
    }
    it(name, async () => {
      let printed: string;
      try {
        printed = await runExample(ex);
      } catch (e) {
        throw new Error(`${name}: the example threw: ${e instanceof Error ? e.stack ?? e.message : String(e)}`);
      }
      if (UPDATE) {
        if (normalise(printed) !== normalise(ex.output?.text ?? '')) recordOutput(ex, normalise(printed));
        return;
      }
      const at = ex.output ? `${relative(ROOT, ex.file)}:${ex.output.open}` : name;
      expect(normalise(printed), `output of ${name} differs from the block shown at ${at}`).toBe(
        normalise(ex.output?.text ?? ''),
      );
    });
  }
  if (UPDATE) afterAll(() => void applyUpdates());
  return all;
}
