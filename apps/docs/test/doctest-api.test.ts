// Every ```ts example in a TSDoc @example of the packages' sources runs and prints what its ```text block shows.
// doctest/known-failing-api.txt lists the examples that do not run yet (fragments using undefined variables;
// a known gap of issue 16): they run as it.fails, so one that starts passing must be removed from the list.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe } from 'vitest';
import { defineDoctests, extractTsdoc, packageSources, ROOT } from '../doctest/index.js';

const known = new Set(
  readFileSync(join(import.meta.dirname, '..', 'doctest', 'known-failing-api.txt'), 'utf8')
    .split('\n')
    .filter((l) => l && !l.startsWith('#')),
);

describe('doctests: TSDoc @example blocks', () => {
  defineDoctests(packageSources(ROOT), extractTsdoc, known);
});
