/** Registers one vitest `it` per example of a set of files. */
import { appendFileSync, readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { relative, join } from 'node:path';
import { it, afterAll, expect } from 'vitest';
import type { Example } from './extract.js';
import { runExample, normalise } from './run.js';
import { UPDATE, recordOutput, applyUpdates } from './update.js';

/** The repository root. */
export const ROOT = join(import.meta.dirname, '..', '..', '..');

/** An example's identity that survives line moves: its file and a hash of its code. */
export function exampleKey(ex: Example): string {
  return `${relative(ROOT, ex.file)}#${createHash('sha1').update(ex.code).digest('hex').slice(0, 12)}`;
}

/**
 * Defines the doctests of `files`, extracted by `extract`. Examples whose key is in
 * `knownFailing` (a reported gap) run as `it.fails`: the suite turns red when one of
 * them starts passing, so the list can only shrink. `DOCTEST_LIST_FAILING=<file>`
 * appends the keys of the failing examples to that file.
 */
export function defineDoctests(
  files: string[],
  extract: (source: string, file: string) => Example[],
  knownFailing: ReadonlySet<string> = new Set(),
): Example[] {
  const all = files.flatMap((f) => extract(readFileSync(f, 'utf8'), f));
  const listFailing = process.env['DOCTEST_LIST_FAILING'];
  for (const ex of all) {
    const name = `${relative(ROOT, ex.file)}:${ex.line}`;
    if (ex.noRun) {
      it.skip(`${name} (no-run)`, () => {});
      continue;
    }
    const known = !listFailing && !UPDATE && knownFailing.has(exampleKey(ex));
    (known ? it.fails : it)(known ? `${name} (known failing)` : name, async () => {
      if (listFailing) {
        try {
          await check(ex, name);
        } catch (e) {
          appendFileSync(listFailing, `${exampleKey(ex)}\n`);
          throw e;
        }
        return;
      }
      await check(ex, name);
    });
  }
  if (UPDATE) afterAll(() => void applyUpdates());
  return all;
}

async function check(ex: Example, name: string): Promise<void> {
  {
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
  }
}
