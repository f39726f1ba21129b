// The docs' "Coming from PyTorch" page is generated from PyTorch's names and the op catalogue;
// it must match what the library exports today (re-run `node tools/surface/mapping.mjs`).
import { readFileSync } from 'node:fs';
import * as torch from 'antorcha';
import { expect, it } from 'vitest';
// @ts-expect-error plain ESM script outside the package (no type declarations)
import { MAPPING_PATH, renderMapping } from '../../../tools/surface/mapping.mjs';

it('apps/docs/reference/pytorch-mapping.md is current (node tools/surface/mapping.mjs)', () => {
  expect(readFileSync(MAPPING_PATH as string, 'utf8')).toBe((renderMapping as (t: typeof torch) => string)(torch));
});
