// Every ```ts example of the docs' markdown pages runs and prints what its ```text block shows.
import { join } from 'node:path';
import { describe } from 'vitest';
import { defineDoctests, extractMarkdown, walk, ROOT } from '../doctest/index.js';

describe('doctests: guide pages', () => {
  defineDoctests(walk(join(ROOT, 'apps', 'docs'), (n) => n.endsWith('.md')), extractMarkdown);
});
